"""收费依据: the tariff behind the account's current bill, shown and printed on A4.
Rules: docs/rules/billing.md
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QFormLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from counter_app.documents import write_pdf
from counter_app.documents.layouts.tariffs import price_text, tariff_basis_document, tier_name
from counter_app.documents.model import Document
from counter_app.documents.render.qt import print_preview
from counter_app.services.tariffs.basis import TariffBasis
from counter_app.ui.context import Workplace
from counter_app.ui.record_table import configure_record_table
from counter_app.ui.search.document_buttons import DocumentButtons, failure_text
from counter_app.ui.style import message_style

BASIS_KEY = "search.tariff_basis"
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


class TariffBasisDialog(QDialog):
    def __init__(self, workplace: Workplace, account_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.workplace = workplace
        self.account_id = account_id
        self.basis: TariffBasis | None = None
        self.saved_path: Path | None = None
        self.setWindowTitle(self.tr("Tariff basis"))
        self.setObjectName("tariffBasisDialog")

        self.heading = QLabel(self.tr("Loading the tariff…"), self)
        self.heading.setObjectName("basisHeading")
        self.heading.setWordWrap(True)
        self.heading.setStyleSheet("font-weight: bold;")
        self.values: dict[str, QLabel] = {}
        form = QFormLayout()
        for key, title in (
            ("schedule", self.tr("Price schedule")),
            ("doc_no", self.tr("Document no.")),
            ("dates", self.tr("In force")),
            ("basis", self.tr("Tiers count")),
            ("households", self.tr("Households")),
            ("position", self.tr("This customer")),
            ("bill", self.tr("Bill used")),
        ):
            label = QLabel("", self)
            label.setObjectName(f"basis_{key}")
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.values[key] = label
            form.addRow(title + self.tr(":"), label)
        self.tiers_table = _table(self, "basisTiers")
        self.prices_table = _table(self, "basisPrices")
        self.message_label = QLabel(self)
        self.message_label.setObjectName("basisMessage")
        self.message_label.setWordWrap(True)

        buttons = DocumentButtons(
            self, preview=self.preview, print_=self.print_a4, save_pdf=self._ask_pdf_path
        )
        self.preview_button, self.print_button = buttons.preview, buttons.print
        self.pdf_button, self.close_button = buttons.pdf, buttons.close

        tiers_title = QLabel(self.tr("Tiers for this account (m³)"), self)
        prices_title = QLabel(self.tr("Unit prices (yuan/m³)"), self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(form)
        layout.addWidget(tiers_title)
        layout.addWidget(self.tiers_table, 1)
        layout.addWidget(prices_title)
        layout.addWidget(self.prices_table, 1)
        layout.addWidget(self.message_label)
        layout.addLayout(buttons)
        self.resize(760, 620)
        self._busy(True)
        self.preview_button.setFocus()

    # -- loading ------------------------------------------------------------------------

    def load(self) -> None:
        """Ask the database once, on the task runner."""
        self.workplace.runner.submit(
            self.workplace.services.accounts.tariff_basis,
            self.account_id,
            on_done=self._loaded,
            on_error=self._load_failed,
            key=BASIS_KEY,
        )

    def open(self) -> None:  # noqa: A003 - QDialog.open
        self.load()
        super().open()

    def _loaded(self, basis: TariffBasis) -> None:
        self.basis = basis
        s = basis.schedule
        self.heading.setText(f"{basis.account_no}　{basis.name}　{basis.category_name}")
        v = self.values
        v["schedule"].setText(f"{s.name} ({s.code})")
        v["doc_no"].setText(s.doc_no or "—")
        v["dates"].setText(
            self.tr("from {start}").format(start=s.effective_from.isoformat())
            if s.effective_to is None
            else self.tr("{start} to {end}").format(
                start=s.effective_from.isoformat(), end=s.effective_to.isoformat()
            )
        )
        v["basis"].setText(
            self.tr("cumulative over the calendar year")
            if basis.annual
            else self.tr("each read period on its own")
        )
        v["households"].setText(
            self.tr("limits × {n} households").format(n=basis.multiplier)
            if basis.multiplier > 1
            else self.tr("limits as published")
        )
        scope = (
            self.tr("{year}: {used} m³ so far")
            if basis.annual
            else self.tr("last period: {used} m³")
        ).format(year=basis.year, used=basis.used)
        if basis.current_tier is not None:
            scope += self.tr(", in {tier}").format(tier=tier_name(basis.current_tier))
        v["position"].setText(scope)
        v["position"].setStyleSheet("font-weight: bold;")
        v["bill"].setText(
            self.tr("{period}: {usage} m³, {amount} yuan").format(
                period=basis.bill.period, usage=basis.bill.usage, amount=basis.bill.amount
            )
            if basis.bill
            else self.tr("no bill yet: the schedule in force today")
        )
        self._fill_tiers(basis)
        self._fill_prices(basis)
        self.message_label.setText("")
        self._busy(False)

    def _fill_tiers(self, basis: TariffBasis) -> None:
        table = self.tiers_table
        table.setColumnCount(4)
        table.setHorizontalHeaderLabels(
            [self.tr("Tier"), self.tr("Published limit"), self.tr("This account"), self.tr("Used")]
        )
        table.setRowCount(len(basis.tiers))
        for row, t in enumerate(basis.tiers):
            mark = " ◀" if t.tier_no == basis.current_tier else ""
            upper = self.tr("open") if t.upper is None else str(t.upper)
            span = (
                f"{t.scaled_lower}–{t.scaled_upper}"
                if t.scaled_upper is not None
                else f"> {t.scaled_lower}"
            )
            for col, (text, right) in enumerate(
                (
                    (tier_name(t.tier_no) + mark, False),
                    (upper, True),
                    (span, True),
                    (str(t.used), True),
                )
            ):
                table.setItem(row, col, _item(text, right=right))

    def _fill_prices(self, basis: TariffBasis) -> None:
        s = basis.schedule
        tiers = len(s.tiers)
        table = self.prices_table
        table.setColumnCount(1 + tiers)
        table.setHorizontalHeaderLabels(
            [self.tr("Fee"), *(tier_name(n) for n in range(1, tiers + 1))]
        )
        table.setRowCount(len(s.rates))
        for row, (component, prices) in enumerate(s.rates.items()):
            table.setItem(row, 0, _item(s.labels.get(component, component)))
            cells = prices if len(prices) == tiers else prices * tiers
            for col, price in enumerate(cells, start=1):
                table.setItem(row, col, _item(price_text(price), right=True))

    def _load_failed(self, exc: BaseException) -> None:
        code = getattr(exc, "code", "")
        if code == "tariff":
            text = self.tr(
                "No price schedule of this account's category is in force; ask an administrator."
            )
        else:
            text = self.tr("The tariff could not be read; try again.")
        self.heading.setText(text)
        self._say(text, warn=True)

    # -- the A4 document ----------------------------------------------------------------

    def document(self) -> Document | None:
        if self.basis is None:
            return None
        return tariff_basis_document(self.basis, printed_at=datetime.now(UTC))

    def preview(self) -> None:
        document = self.document()
        if document is not None:
            print_preview(self, document, self.workplace.settings.a4_printer)

    def print_a4(self) -> None:
        document = self.document()
        if document is None:
            return
        self._busy(True)
        printer = self.workplace.printer
        self.workplace.runner.submit(
            lambda: printer.print_a4(document),
            on_done=self._printed,
            on_error=self._failed,
            key=BASIS_KEY,
        )

    def save_pdf(self, path: Path) -> None:
        document = self.document()
        if document is None:
            return
        self._busy(True)
        self.workplace.runner.submit(
            lambda: write_pdf(document, path),
            on_done=self._saved,
            on_error=self._failed,
            key=BASIS_KEY,
        )

    def _printed(self, _result: object = None) -> None:
        self._busy(False)
        self._say(self.tr("Sent to the A4 printer."))

    def _saved(self, path: Path) -> None:
        self._busy(False)
        self.saved_path = Path(path)
        self._say(self.tr("Saved to {path}").format(path=str(path)))

    def _failed(self, exc: BaseException) -> None:
        self._busy(False)
        self._say(failure_text(exc), warn=True)

    def _ask_pdf_path(self) -> None:
        if self.basis is None:
            return
        name = f"收费依据_{self.basis.account_no}.pdf"
        chosen, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save tariff basis as PDF"),
            str(Path.home() / name),
            self.tr("PDF files (*.pdf)"),
        )
        if chosen:
            path = Path(chosen)
            self.save_pdf(path if path.suffix.lower() == ".pdf" else path.with_suffix(".pdf"))

    def _say(self, text: str, *, warn: bool = False) -> None:
        self.message_label.setText(text)
        self.message_label.setStyleSheet(message_style(warn))

    def _busy(self, busy: bool) -> None:
        for button in (self.preview_button, self.print_button, self.pdf_button):
            button.setEnabled(not busy)

    def done(self, result: int) -> None:
        self.workplace.runner.cancel(BASIS_KEY)
        super().done(result)
