"""水价 (administrators only): the schedules of each category, one selected, and a new one.
Rules: docs/rules/billing.md
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from counter_app.documents.layouts.tariffs import price_text, tier_name
from counter_app.services.action_values import required
from counter_app.services.tariffs.admin import Catalog, Schedule
from counter_app.ui.context import Workplace
from counter_app.ui.record_table import configure_record_table
from counter_app.ui.settings.tariff_form import TariffFormDialog
from counter_app.ui.style import message_style

LOAD_KEY = "settings.tariffs"
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def _table(parent: QWidget, name: str) -> QTableWidget:
    table = QTableWidget(parent)
    table.setObjectName(name)
    configure_record_table(table)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    return table


def _item(text: str, *, right: bool = False) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    if right:
        item.setTextAlignment(RIGHT)
    return item


class TariffsPage(QWidget):
    def __init__(self, workplace: Workplace, parent: QWidget | None = None):
        super().__init__(parent)
        self.workplace = workplace
        self.catalog: Catalog | None = None
        self.setObjectName("tariffsPage")
        title = QLabel(self.tr("Price schedules"), self)
        title.setStyleSheet("font-size: 16pt; font-weight: bold;")
        self.category_combo = QComboBox(self)
        self.category_combo.setObjectName("tariffCategory")
        self.category_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        category_label = QLabel(self.tr("Price &category:"), self)
        category_label.setBuddy(self.category_combo)
        self.schedules = _table(self, "tariffSchedules")
        self.schedules.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        self.schedules.horizontalHeader().setStretchLastSection(True)
        schedules_label = QLabel(self.tr("&Schedules:"), self)
        schedules_label.setBuddy(self.schedules)
        self.detail = QLabel(self)
        self.detail.setObjectName("tariffDetail")
        self.detail.setWordWrap(True)
        self.tiers = _table(self, "tariffTiers")
        self.prices = _table(self, "tariffPriceTable")
        self.message_label = QLabel(self)
        self.message_label.setObjectName("tariffsMessage")
        self.message_label.setWordWrap(True)
        self.new_button = QPushButton(self.tr("&New schedule…"), self)
        self.reload_button = QPushButton(self.tr("&Reload"), self)
        for button in (self.new_button, self.reload_button):
            button.setAutoDefault(False)
        self.new_button.clicked.connect(self.new_schedule)
        self.reload_button.clicked.connect(self.load)
        self.category_combo.currentIndexChanged.connect(self._show_category)
        self.schedules.itemSelectionChanged.connect(self._show_selected)

        head = QHBoxLayout()
        head.addWidget(title)
        head.addStretch(1)
        head.addWidget(category_label)
        head.addWidget(self.category_combo)
        details = QHBoxLayout()
        details.addWidget(self.tiers, 2)
        details.addWidget(self.prices, 3)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.reload_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addLayout(head)
        layout.addWidget(schedules_label)
        layout.addWidget(self.schedules, 2)
        layout.addWidget(self.detail)
        layout.addLayout(details, 2)
        layout.addWidget(self.message_label)
        layout.addLayout(buttons)
        self.setFocusProxy(self.schedules)
        self.new_button.setEnabled(False)
        self.load()

    # -- loading ------------------------------------------------------------------------

    def load(self) -> None:
        self._say(self.tr("Loading the price schedules…"), warn=False)
        self.workplace.runner.submit(
            self.workplace.services.tariffs.catalog,
            on_done=self._loaded,
            on_error=self._load_failed,
            key=LOAD_KEY,
        )

    def _loaded(self, data: Catalog, *, select: str | None = None) -> None:
        self.catalog = data
        current = self.category_combo.currentData()
        self.category_combo.blockSignals(True)
        self.category_combo.clear()
        for code, name in data.categories.items():
            self.category_combo.addItem(f"{name} ({code})", code)
        self.category_combo.setCurrentIndex(max(0, self.category_combo.findData(current)))
        self.category_combo.blockSignals(False)
        self.new_button.setEnabled(bool(data.categories))
        self._say("")
        self._show_category(select=select)

    def _load_failed(self, exc: BaseException) -> None:
        self._say(self.tr("The price schedules could not be read; try again (Alt+R)."))

    def _show_category(self, _index: int = 0, *, select: str | None = None) -> None:
        rows = self._rows()
        table = self.schedules
        table.setColumnCount(6)
        table.setHorizontalHeaderLabels(
            [
                self.tr("Code"),
                self.tr("Name"),
                self.tr("Document no."),
                self.tr("From"),
                self.tr("Until"),
                self.tr("Billed up to"),
            ]
        )
        table.setRowCount(len(rows))
        for r, s in enumerate(rows):
            for c, text in enumerate(
                (
                    s.code,
                    s.name,
                    s.doc_no or "—",
                    s.effective_from.isoformat(),
                    s.effective_to.isoformat() if s.effective_to else "…",
                    s.last_billed.isoformat() if s.last_billed else "—",
                )
            ):
                table.setItem(r, c, _item(text))
        if rows:
            codes = [s.code for s in rows]
            table.selectRow(codes.index(select) if select in codes else len(rows) - 1)
        else:
            self._show_schedule(None)

    def _rows(self) -> tuple[Schedule, ...]:
        if self.catalog is None:
            return ()
        return self.catalog.of_category(self.category_combo.currentData() or "")

    def selected(self) -> Schedule | None:
        rows = self._rows()
        index = self.schedules.currentRow()
        return rows[index] if 0 <= index < len(rows) else None

    def _show_selected(self) -> None:
        self._show_schedule(self.selected())

    def _show_schedule(self, s: Schedule | None) -> None:
        if s is None:
            self.detail.setText(self.tr("No schedule in this category yet."))
            self.tiers.setRowCount(0)
            self.prices.setRowCount(0)
            return
        basis = (
            self.tr("cumulative over the calendar year")
            if s.tier_basis == "annual"
            else self.tr("each read period on its own")
        )
        scaling = (
            self.tr("limits × households of a collective account")
            if s.households_scaling
            else self.tr("limits as published")
        )
        self.detail.setText(
            self.tr("{code} — 文号 {doc}; tiers {basis}; {scaling}").format(
                code=s.code, doc=s.doc_no or "—", basis=basis, scaling=scaling
            )
        )
        self.tiers.setColumnCount(2)
        self.tiers.setHorizontalHeaderLabels([self.tr("Tier"), self.tr("Upper limit (m³)")])
        self.tiers.setRowCount(len(s.tiers))
        for r, upper in enumerate(s.tiers):
            self.tiers.setItem(r, 0, _item(tier_name(r + 1)))
            self.tiers.setItem(
                r, 1, _item(self.tr("open") if upper is None else str(upper), right=True)
            )
        tiers = len(s.tiers)
        self.prices.setColumnCount(1 + tiers)
        self.prices.setHorizontalHeaderLabels(
            [self.tr("Fee"), *(tier_name(n) for n in range(1, tiers + 1))]
        )
        self.prices.setRowCount(len(s.rates))
        for r, (component, prices) in enumerate(s.rates.items()):
            self.prices.setItem(r, 0, _item(s.labels.get(component, component)))
            cells = prices if len(prices) == tiers else prices * tiers
            for c, price in enumerate(cells, start=1):
                self.prices.setItem(r, c, _item(price_text(price), right=True))

    # -- a new schedule -----------------------------------------------------------------

    def new_schedule(self) -> TariffFormDialog | None:
        if self.catalog is None:
            return None
        rows = self._rows()
        template = rows[-1] if rows else None
        dialog = TariffFormDialog(
            self.workplace, self.catalog, self.category_combo.currentData() or "", template, self
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._after_save(dialog))
        dialog.open()
        return dialog

    def _after_save(self, dialog: TariffFormDialog) -> None:
        saved = dialog.saved
        if saved is None:
            return
        note = self.tr("Schedule {code} saved.").format(code=saved.schedule.code)
        if saved.ended_code:
            note += " " + self.tr("{code} now ends on {date}.").format(
                code=saved.ended_code, date=required(saved.ended_on, "ended_on").isoformat()
            )
        code = saved.schedule.code
        self.workplace.runner.submit(
            self.workplace.services.tariffs.catalog,
            key=LOAD_KEY,
            on_error=self._load_failed,
            on_done=lambda data: self._reloaded(data, code, note),
        )

    def _reloaded(self, data: Catalog, code: str, note: str) -> None:
        category = next((s.category for s in data.schedules if s.code == code), None)
        self.category_combo.blockSignals(True)
        index = self.category_combo.findData(category)
        if index >= 0:
            self.category_combo.setCurrentIndex(index)
        self.category_combo.blockSignals(False)
        self._loaded(data, select=code)
        self._say(note, warn=False)

    def _say(self, text: str, *, warn: bool = True) -> None:
        self.message_label.setText(text)
        self.message_label.setStyleSheet(message_style(warn))
