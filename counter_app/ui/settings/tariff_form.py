"""A new price schedule (新增水价方案), started from the selected one; one action to save.
Rules: docs/rules/billing.md
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from counter_app.documents.layouts.tariffs import price_text, tier_name
from counter_app.services.tariffs.admin import Catalog, Saved, Schedule, TariffError
from counter_app.ui.context import Workplace
from counter_app.ui.errors import explain
from counter_app.ui.style import ERROR_STYLE, MUTED_STYLE

SAVE_KEY = "settings.tariff_save"


class TariffFormDialog(QDialog):
    """Emits nothing: ``saved`` holds the result after ``accept()``."""

    def __init__(
        self,
        workplace: Workplace,
        catalog: Catalog,
        category: str,
        template: Schedule | None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.workplace = workplace
        self.catalog = catalog
        self.saved: Saved | None = None
        self.setWindowTitle(self.tr("New price schedule"))
        self.setObjectName("tariffFormDialog")

        self.category_combo = QComboBox(self)
        for code, name in catalog.categories.items():
            self.category_combo.addItem(f"{name} ({code})", code)
        self.category_combo.setCurrentIndex(max(0, self.category_combo.findData(category)))
        self.code_edit = QLineEdit(self)
        self.name_edit = QLineEdit(self)
        self.doc_edit = QLineEdit(self)
        self.doc_edit.setPlaceholderText(self.tr("e.g. 嘉价发〔2026〕3号"))
        self.from_edit = QLineEdit(self)
        self.from_edit.setPlaceholderText("2027-01-01")
        self.to_edit = QLineEdit(self)
        self.to_edit.setPlaceholderText(self.tr("empty: until the next schedule"))
        self.tiers_edit = QLineEdit(self)
        self.tiers_edit.setPlaceholderText(self.tr("e.g. 180, 300 (empty: one tier)"))
        self.basis_combo = QComboBox(self)
        self.basis_combo.addItem(self.tr("cumulative over the calendar year"), "annual")
        self.basis_combo.addItem(self.tr("each read period on its own"), "period")
        self.scaling_check = QCheckBox(
            self.tr("Multiply the limits by a collective account's &households"), self
        )
        self.prices = QTableWidget(self)
        self.prices.setObjectName("tariffPrices")
        self.prices.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.prices.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.prices.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)
        self.prices_hint = QLabel(
            self.tr(
                "Yuan per m³. One price in the first tier's column applies at every tier; "
                "leave a component's row empty if this schedule does not charge it."
            ),
            self,
        )
        self.prices_hint.setWordWrap(True)
        self.prices_hint.setStyleSheet(MUTED_STYLE)
        self.message_label = QLabel(self)
        self.message_label.setObjectName("tariffFormMessage")
        self.message_label.setWordWrap(True)

        form = QFormLayout()
        rows = (
            (self.tr("Price &category:"), self.category_combo),
            (self.tr("C&ode:"), self.code_edit),
            (self.tr("&Name:"), self.name_edit),
            (self.tr("&Document no. (文号):"), self.doc_edit),
            (self.tr("In force &from:"), self.from_edit),
            (self.tr("&Until:"), self.to_edit),
            (self.tr("&Tier limits (m³):"), self.tiers_edit),
            (self.tr("Tier &basis:"), self.basis_combo),
        )
        for text, widget in rows:
            label = QLabel(text, self)
            label.setBuddy(widget)
            form.addRow(label, widget)
        form.addRow("", self.scaling_check)
        prices_label = QLabel(self.tr("&Prices:"), self)
        prices_label.setBuddy(self.prices)

        self.save_button = QPushButton(self.tr("&Save (Ctrl+S)"), self)
        self.save_button.setDefault(False)
        self.save_button.setAutoDefault(False)
        self.cancel_button = QPushButton(self.tr("Cancel (Esc)"), self)
        self.cancel_button.setAutoDefault(False)
        self.save_button.clicked.connect(self.save)
        save_shortcut = QShortcut(QKeySequence.StandardKey.Save, self)
        save_shortcut.activated.connect(self.save)
        self.cancel_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(prices_label)
        layout.addWidget(self.prices, 1)
        layout.addWidget(self.prices_hint)
        layout.addWidget(self.message_label)
        layout.addLayout(buttons)
        # Enter moves on through the fields; Ctrl+S / Alt+S saves
        for edit in (self.code_edit, self.name_edit, self.doc_edit, self.from_edit, self.to_edit):
            edit.returnPressed.connect(self.focusNextChild)
        self.tiers_edit.returnPressed.connect(self._tiers_entered)
        self.tiers_edit.editingFinished.connect(self._shape_prices)
        self._fill(template)
        self.resize(720, 600)
        self.code_edit.setFocus()

    # -- form <-> draft -------------------------------------------------------------------

    def _fill(self, template: Schedule | None) -> None:
        self.scaling_check.setChecked(True if template is None else template.households_scaling)
        if template is None:
            self._shape_prices()
            return
        self.name_edit.setText(template.name)
        if template.effective_to is not None:
            start = date.fromordinal(template.effective_to.toordinal() + 1)
        else:
            start = date(date.today().year + 1, 1, 1)
        self.from_edit.setText(start.isoformat())
        self.code_edit.setText(f"{template.category}-{start.year}")
        self.tiers_edit.setText(", ".join(str(t) for t in template.tiers if t is not None))
        self.basis_combo.setCurrentIndex(max(0, self.basis_combo.findData(template.tier_basis)))
        self._shape_prices()
        for row in range(self.prices.rowCount()):
            code = self.prices.verticalHeaderItem(row).data(Qt.ItemDataRole.UserRole)
            for col, price in enumerate(template.rates.get(code, ())):
                self.prices.setItem(row, col, QTableWidgetItem(price_text(price)))

    def _tiers_entered(self) -> None:
        self._shape_prices()
        self.focusNextChild()

    def _tier_limits(self) -> list[str]:
        text = self.tiers_edit.text().replace("，", ",").replace("、", ",")
        return [part.strip() for part in text.split(",") if part.strip()]

    def _shape_prices(self) -> None:
        """One row per fee component, one column per tier (what was typed kept)."""
        tiers = len(self._tier_limits()) + 1
        kept = {
            (r, c): item.text()
            for r in range(self.prices.rowCount())
            for c in range(self.prices.columnCount())
            if (item := self.prices.item(r, c)) is not None
        }
        self.prices.setRowCount(len(self.catalog.components))
        self.prices.setColumnCount(tiers)
        self.prices.setHorizontalHeaderLabels([tier_name(n) for n in range(1, tiers + 1)])
        for row, component in enumerate(self.catalog.components):
            header = QTableWidgetItem(component.name)
            header.setData(Qt.ItemDataRole.UserRole, str(component.code))
            self.prices.setVerticalHeaderItem(row, header)
            for col in range(tiers):
                if (row, col) in kept:
                    self.prices.setItem(row, col, QTableWidgetItem(kept[(row, col)]))

    def draft(self) -> dict[str, Any]:
        """What the form holds, as ``counter_save_tariff`` takes it (checked there)."""
        rates: dict[str, list[str]] = {}
        for row in range(self.prices.rowCount()):
            code = self.prices.verticalHeaderItem(row).data(Qt.ItemDataRole.UserRole)
            cells = [
                item.text().strip() if (item := self.prices.item(row, c)) else ""
                for c in range(self.prices.columnCount())
            ]
            while cells and not cells[-1]:
                cells.pop()
            if cells:
                rates[code] = cells
        return {
            "code": self.code_edit.text(),
            "name": self.name_edit.text(),
            "category": self.category_combo.currentData() or "",
            "doc_no": self.doc_edit.text(),
            "effective_from": self.from_edit.text(),
            "effective_to": self.to_edit.text() or None,
            "tier_basis": self.basis_combo.currentData(),
            "households_scaling": self.scaling_check.isChecked(),
            "tiers": [*self._tier_limits(), None],
            "rates": rates,
        }

    # -- saving ---------------------------------------------------------------------------

    def save(self) -> None:
        self._shape_prices()
        draft = self.draft()
        service, workstation = self.workplace.services.tariffs, self.workplace.settings.workstation
        self.save_button.setEnabled(False)
        self._say(self.tr("Saving…"), warn=False)
        self.workplace.runner.submit(
            lambda: service.save_tariff(draft, workstation=workstation),
            on_done=self._saved,
            on_error=self._failed,
            key=SAVE_KEY,
        )

    def _saved(self, saved: Saved) -> None:
        self.save_button.setEnabled(True)
        self.saved = saved
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        if not isinstance(exc, TariffError):
            self._say(explain(exc))
            return
        name, widget = self._field(exc.field)
        self._say(self.tr("{field}: {problem}").format(field=name, problem=self._problem(exc)))
        if isinstance(widget, QLineEdit):
            widget.setFocus()
            widget.selectAll()
        elif widget is not None:
            widget.setFocus()

    def _field(self, field: str) -> tuple[str, QWidget | None]:
        if field.startswith("rates."):
            code, _, rest = field[len("rates.") :].partition("[")
            row = next(
                (
                    r
                    for r in range(self.prices.rowCount())
                    if self.prices.verticalHeaderItem(r).data(Qt.ItemDataRole.UserRole) == code
                ),
                None,
            )
            label = self.prices.verticalHeaderItem(row).text() if row is not None else code
            if rest and row is not None:
                col = int(rest.rstrip("]")) - 1
                self.prices.setCurrentCell(row, col)
                label = f"{label} {tier_name(col + 1)}"
            return label, self.prices
        if field.startswith("tiers"):
            return self.tr("Tier limits"), self.tiers_edit
        fields = {
            "code": (self.tr("Code"), self.code_edit),
            "name": (self.tr("Name"), self.name_edit),
            "category": (self.tr("Price category"), self.category_combo),
            "doc_no": (self.tr("Document no. (文号)"), self.doc_edit),
            "effective_from": (self.tr("In force from"), self.from_edit),
            "effective_to": (self.tr("Until"), self.to_edit),
            "tier_basis": (self.tr("Tier basis"), self.basis_combo),
            "rates": (self.tr("Prices"), self.prices),
        }
        return fields.get(field, (field, None))

    def _problem(self, exc: TariffError) -> str:
        texts = {
            "overlap": self.tr(
                "another schedule of this category starts on or after this "
                "date; a new schedule starts after the latest one ({detail})."
            ),
            "gap": self.tr(
                "the schedules would leave a gap: start the day after the latest "
                "one ends ({detail})."
            ),
            "billed_after": self.tr(
                "bills were issued under the current schedule after this "
                "date; start later ({detail})."
            ),
            "tariff_used": self.tr(
                "this schedule was used by bills and never changes; give the "
                "new schedule its own code ({detail})."
            ),
            "tariff_sequence": self.tr("the schedules would overlap or leave a gap ({detail})."),
        }
        if exc.code in texts:
            return texts[exc.code].format(detail=exc.message)
        field = exc.field
        if field in ("effective_from", "effective_to"):
            return self.tr("type a date as 2027-01-01, the end not before the start.")
        if field.startswith("tiers"):
            return self.tr(
                "whole numbers of m³, each above the one before, separated by "
                "commas (e.g. 180, 300)."
            )
        if field.startswith("rates."):
            return self.tr("a price of at least 0 with at most 4 decimals: one, or one per tier.")
        if field == "rates":
            return self.tr("type the prices of at least one fee component.")
        if field == "code":
            return self.tr("use 1-32 letters, digits, _, . or - (e.g. RES-2027).")
        if field == "doc_no":
            return self.tr("type the document number of the price authority (1-64 characters).")
        return self.tr("must not be empty; check what was typed.")

    def _say(self, text: str, *, warn: bool = True) -> None:
        self.message_label.setText(text)
        self.message_label.setStyleSheet(ERROR_STYLE if warn else MUTED_STYLE)

    def done(self, result: int) -> None:
        self.workplace.runner.cancel(SAVE_KEY)
        super().done(result)
