"""The account view (用户信息) on the search page: who, what the current bill
says, what is owed, the histories, and what the clerk can do next."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QInputDialog, QLabel, QPushButton, QWidget

from counter_app.documents.fmt import yen as money_text
from counter_app.services.accounts.archive import ArchiveError, ArchiveInfo
from counter_app.services.accounts.service import (
    REVEAL_ROLE,
    AccountScreen,
    AccountView,
    BillSummary,
    RevealField,
    RevealLimited,
    RevealRefused,
)
from counter_app.ui.account_events import AccountWatch
from counter_app.ui.context import Workplace
from counter_app.ui.forms.ui_search_account_panel import Ui_AccountPanel
from counter_app.ui.search.adjust_dialog import open_adjust_dialog
from counter_app.ui.search.deduction_panel import DeductionLine
from counter_app.ui.search.history import HistoryWidget
from counter_app.ui.search.statement import StatementDialog
from counter_app.ui.search.texts import account_type_text, status_text
from counter_app.ui.search.withholding_panel import open_withholding_dialog, show_withholding_line
from counter_app.ui.style import BANNER_STYLE, ERROR_STYLE, MUTED_STYLE, hint_style, message_style

ACCOUNT_KEY = "search.account"
REVEAL_KEY = "search.reveal"
ARCHIVE_KEY = "search.archive"
ARCHIVE_ROLE = "supervisor"  # numbers a file and moves its cabinet (migration 0019)
# the value labels of the form (ui/search_account_panel.ui: <key>Caption, <key>Value)
FIELDS = (
    "account_no",
    "type",
    "address",
    "meter_location",
    "mobile",
    "landline",
    "id_number",
    "meter_no",
    "status",
    "prepayment",
    "relief",
    "withholding",
    "period",
    "due_on",
    "readings",
    "usage",
    "amount",
    "bill_owed",
)
# numbers are read as a whole: never broken over two lines (0537- / ****676), and
# given the room of a long one in the machine's font (never cut, whatever the font)
UNBROKEN_SAMPLES = {
    "account_no": "01000001",
    "mobile": "138****5678",
    "landline": "0537-6873039",
    "id_number": "370829********1234",
    "meter_no": "JX1900000278",
    "period": "2026-11",
    "due_on": "2026-12-11",
    "readings": "12345 → 12345",
    "usage": "1234 t",
    "amount": "¥12,345.67",
    "bill_owed": "¥12,345.67",
    "prepayment": "¥12,345.67",
}


class AccountPanel(QWidget):
    back_requested = Signal()
    action_requested = Signal(str, int)

    def __init__(
        self, workplace: Workplace, parent: QWidget | None = None, *, state: QSettings | None = None
    ):
        super().__init__(parent)
        self.ui = ui = Ui_AccountPanel()
        ui.setupUi(self)
        self.workplace = workplace
        self.state = state  # the workstation's QSettings (the statement's paper)
        self.view: AccountView | None = None
        self.revealed: dict[str, str] = {}
        self.archive: ArchiveInfo | None = None  # the customer file: 档案号 … 柜号 …

        self.title_label, self.arrears_label = ui.accountTitle, ui.arrearsLabel
        # 本期应缴 / 逾期欠费 (days) / 违约金, and the 停供 warning (migration 0024)
        self.dues_label, self.suspension_label = ui.duesLabel, ui.suspensionLabel
        self.suspension_label.setStyleSheet(BANNER_STYLE)
        self.suspension_label.hide()
        self.fields: dict[str, QLabel] = {key: getattr(ui, f"{key}Value") for key in FIELDS}
        for key in FIELDS:
            getattr(ui, f"{key}Caption").setStyleSheet(MUTED_STYLE)  # a Caption: 1 or 2 lines
        for key, sample in UNBROKEN_SAMPLES.items():
            label = self.fields[key]
            label.setWordWrap(False)
            metrics = label.fontMetrics()
            label.setMinimumWidth(metrics.horizontalAdvance(sample) + metrics.averageCharWidth())
        self.archive_label, self.archive_button = ui.archiveLabel, ui.archiveButton
        self.archive_label.setStyleSheet(MUTED_STYLE)
        self.archive_button.setVisible(workplace.clerk.has_role(ARCHIVE_ROLE))
        self.message_label = ui.accountMessage
        self.message_label.setStyleSheet(ERROR_STYLE)
        self.message_label.hide()

        # the widgets that need the workplace: 预存扣款 on/off and a supervisor's
        # switch (deduction_panel.py) beside the file, the histories above the message
        self.deduction = DeductionLine(workplace, self)
        self.deduction.message.connect(lambda text, warn: self._say(text, warn=warn))
        ui.archiveLayout.insertWidget(ui.archiveLayout.indexOf(ui.archiveButton), self.deduction)
        self.history = HistoryWidget(workplace, self)
        self.history.message.connect(self._say)
        self.history.adjust_requested.connect(self.open_adjust)  # Adjust bill… (Alt+B)
        ui.mainLayout.insertWidget(ui.mainLayout.indexOf(ui.accountMessage), self.history, 1)

        self.pay_button, self.relief_button = ui.payButton, ui.reliefButton
        self.complaint_button, self.statement_button = ui.complaintButton, ui.statementButton
        self.reveal_button, self.withholding_button = ui.revealButton, ui.withholdingButton
        self.basis_button, self.back_button = ui.basisButton, ui.backButton
        self.reveal_button.setVisible(workplace.clerk.has_role(REVEAL_ROLE))
        # set after the text (a button's text resets its shortcut to its mnemonic)
        for button, key in (
            (self.pay_button, "F5"),
            (self.relief_button, "F6"),
            (self.complaint_button, "F7"),
            (self.statement_button, "F8"),
            (self.reveal_button, "F9"),
            (self.basis_button, "Alt+J"),
        ):
            button.setShortcut(QKeySequence(key))
        actions: tuple[tuple[QPushButton, Callable[[], object]], ...] = (
            (self.pay_button, lambda: self._request("pay")),
            (self.relief_button, lambda: self._request("relief")),
            (self.complaint_button, lambda: self._request("complaint")),
            (self.statement_button, self.open_statement),
            (self.reveal_button, self.reveal),
            (self.basis_button, self.open_tariff_basis),
            (self.withholding_button, self.open_withholding),
            (self.archive_button, self.edit_archive),
        )
        for button, slot in actions:
            button.clicked.connect(slot)
        self.back_button.clicked.connect(self.back_requested)
        escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        escape.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        escape.activated.connect(self.back_requested)
        # Tab: the history's periods, the actions (the form's tab stops), the file's
        # buttons, the history's filter and Adjust bill… buttons; then out of the panel
        chain = (
            self.history.to_edit,
            ui.payButton,
            ui.reliefButton,
            ui.complaintButton,
            ui.statementButton,
            ui.revealButton,
            ui.withholdingButton,
            ui.backButton,
            ui.basisButton,
            ui.archiveButton,
            self.deduction.button,
            self.history.filter_button,
            self.history.adjust_button,
        )
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)
        self.setFocusProxy(self.history.bills_table)
        self._set_enabled(False)
        # a payment, a relief or a case changed this account: the figures are read again
        self.account_watch = AccountWatch(
            self,
            workplace.events,
            lambda account_id: self.view is not None and self.view.account_id == account_id,
            self.refresh,
        )

    def _say(self, text: str, *, warn: bool = True) -> None:
        self.message_label.setText(text)
        self.message_label.setStyleSheet(hint_style(warn))
        self.message_label.setVisible(bool(text))

    def _set_enabled(self, enabled: bool) -> None:
        for button in (
            self.pay_button,
            self.relief_button,
            self.complaint_button,
            self.statement_button,
            self.reveal_button,
            self.archive_button,
            self.basis_button,
            self.withholding_button,
        ):
            button.setEnabled(enabled)

    # -- loading ------------------------------------------------------------------------

    def open_account(self, account_id: int) -> None:
        self.close_account()
        self.title_label.setText(self.tr("Opening the account…"))
        self.workplace.runner.submit(
            self.workplace.services.accounts.screen,
            account_id,
            on_done=self._loaded,
            on_error=self._load_failed,
            key=ACCOUNT_KEY,
        )

    def refresh(self) -> None:
        """Read the open account again (the screen: its figures, file, withholding
        and deduction lines); what was revealed and the history's filter stay."""
        if self.view is None:
            return
        self.workplace.runner.submit(
            self.workplace.services.accounts.screen,
            self.view.account_id,
            on_done=self._refreshed,
            on_error=self._refresh_failed,
            key=ACCOUNT_KEY,
        )
        self.history.reload()

    def _refreshed(self, screen: AccountScreen) -> None:
        if self.view is not None and screen.view.account_id == self.view.account_id:
            self.view = screen.view
            self._show_view()
            self._show_lines(screen)

    def _refresh_failed(self, exc: BaseException) -> None:
        self._say(
            self.tr(
                "The account's figures could not be read again: they may be "
                "out of date. Press Esc and open the account again."
            )
        )

    def _loaded(self, screen: AccountScreen) -> None:
        self.view = screen.view
        self._show_view()
        self._show_lines(screen)
        self.history.show_history(screen.view.account_id, screen.bills, screen.payments)
        self._set_enabled(True)

    def _show_lines(self, screen: AccountScreen) -> None:
        self._show_archive(screen.archive)
        show_withholding_line(self, screen.withholding)
        self.deduction.show_state(screen.view.account_id, screen.deduction)

    def _load_failed(self, exc: BaseException) -> None:
        self.title_label.setText(self.tr("The account could not be opened."))
        self._say(
            self.tr(
                "The account could not be opened: it was not found or the database "
                "does not answer. Press Esc and try again."
            )
        )

    def close_account(self) -> None:
        """Forget the account, and with it every revealed value."""
        self.workplace.runner.cancel(ACCOUNT_KEY)
        self.workplace.runner.cancel(REVEAL_KEY)
        self.workplace.runner.cancel(ARCHIVE_KEY)
        self.view = None
        self._show_archive(None)
        self.deduction.show_state(None, None)
        self.account_watch.forget()
        self.revealed = {}
        self.history.clear()
        self._say("")
        self.title_label.clear()
        self.arrears_label.clear()
        self.dues_label.clear()
        self.suspension_label.hide()
        for label in self.fields.values():
            label.clear()
        self._set_enabled(False)

    def _show_view(self) -> None:
        v = self.view
        if v is None:
            return
        f = self.fields
        self.title_label.setText(f"{v.name}　{v.account_no}")
        owed = v.arrears > 0
        self.arrears_label.setText(
            self.tr("Arrears: {amount}").format(amount=money_text(v.arrears))
        )
        self.arrears_label.setStyleSheet(message_style(owed))
        self._show_dues(v)
        kind = account_type_text(v.account_type)
        if v.households_total:
            kind += self.tr(" ({n} households)").format(n=v.households_total)
        none = self.tr("none")
        values = {
            "account_no": v.account_no,
            "type": kind,
            "address": v.address,
            "meter_location": v.meter_location or none,
            "meter_no": v.meter_no or none,
            "mobile": self.revealed.get("mobile", v.mobile_masked) or none,
            "landline": self.revealed.get("landline", v.landline_masked) or none,
            "id_number": self.revealed.get("id_number", v.id_masked) or none,
            "status": status_text(v.status),
            "prepayment": money_text(v.prepayment_balance),
        }
        if v.relief is not None:
            values["relief"] = self.tr("{rule}, valid {start} to {end}").format(
                rule=v.relief.rule_name,
                start=v.relief.valid_from.isoformat(),
                end=v.relief.valid_to.isoformat(),
            )
        else:
            values["relief"] = none
        bill = v.current_bill.bill if v.current_bill else None
        if bill is not None:
            values.update(
                period=bill.period,
                due_on=bill.due_on.isoformat(),
                readings=f"{bill.start_reading} → {bill.end_reading}",
                usage=self.tr("{n} t").format(n=bill.usage),
                amount=money_text(bill.amount),
                bill_owed=money_text(bill.outstanding),
            )
        else:
            values.update(
                period=self.tr("no bill yet"),
                due_on="",
                readings="",
                usage="",
                amount="",
                bill_owed="",
            )
        for key, text in values.items():
            f[key].setText(text)

    def _show_archive(self, archive: ArchiveInfo | None) -> None:
        self.archive = archive
        if archive is None:
            self.archive_label.clear()
            return
        none = self.tr("none")
        self.archive_label.setText(
            self.tr("Archive no.: {no}　Cabinet: {cabinet}").format(
                no=archive.archive_no or self.tr("not numbered"), cabinet=archive.cabinet_no or none
            )
        )

    def _show_dues(self, v: AccountView) -> None:
        """本期应缴 apart from 逾期欠费 with its days, the late fee, the 停供 warning."""
        parts = [self.tr("Current: {amount}").format(amount=money_text(v.current_due))]
        if v.overdue > 0:
            parts.append(
                self.tr("Overdue: {amount} ({days} days)").format(
                    amount=money_text(v.overdue), days=v.days_overdue
                )
            )
        else:
            parts.append(self.tr("Overdue: none"))
        if v.late_fee > 0:
            parts.append(self.tr("Late fee: {amount}").format(amount=money_text(v.late_fee)))
        self.dues_label.setText("　".join(parts))
        self.dues_label.setStyleSheet(hint_style(v.overdue > 0))
        if v.suspension is not None:
            self.suspension_label.setText(
                self.tr("Supply suspension: overdue {days} days").format(days=v.days_overdue)
            )
        self.suspension_label.setVisible(v.suspension is not None)

    # -- actions --------------------------------------------------------------------------

    def edit_archive(self) -> None:
        """A supervisor numbers the account's file (the cabinet may be given
        with it) or moves it to another cabinet."""
        if self.view is None or self.archive is None or not self.archive_button.isVisible():
            return
        dialog = QInputDialog(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.setWindowTitle(self.tr("Archive file"))
        if self.archive.archive_no is None:
            dialog.setLabelText(
                self.tr(
                    "The file gets the next archive number of its area and "
                    "year. Cabinet no. (may stay empty):"
                )
            )
        else:
            dialog.setLabelText(
                self.tr("Archive no. {no}: move the file to cabinet no.:").format(
                    no=self.archive.archive_no
                )
            )
        dialog.setTextValue(self.archive.cabinet_no)
        dialog.textValueSelected.connect(self._save_archive)
        dialog.open()

    def _save_archive(self, cabinet_no: str) -> None:
        if self.view is None or self.archive is None:
            return
        service, account_id, actor = (
            self.workplace.services.archive,
            self.view.account_id,
            self.workplace.actor,
        )
        if self.archive.archive_no is None:

            def run():
                return service.assign(account_id, cabinet_no, actor)
        else:

            def run():
                return service.set_cabinet(account_id, cabinet_no, actor)

        self.archive_button.setEnabled(False)
        self.workplace.runner.submit(
            run, on_done=self._archive_saved, on_error=self._archive_failed, key=ARCHIVE_KEY
        )

    def _archive_saved(self, archive: ArchiveInfo) -> None:
        self.archive_button.setEnabled(self.view is not None)
        self._show_archive(archive)
        self._say(
            self.tr("Archive no. {no}, cabinet {cabinet}: recorded.").format(
                no=archive.archive_no or "", cabinet=archive.cabinet_no or self.tr("none")
            ),
            warn=False,
        )

    def _archive_failed(self, exc: BaseException) -> None:
        self.archive_button.setEnabled(self.view is not None)
        if isinstance(exc, PermissionError):
            self._say(self.tr("Only a supervisor may number a file or move it."))
        elif isinstance(exc, ArchiveError) and exc.code == "already_numbered":
            self._say(
                self.tr(
                    "This account already has an archive number; archive numbers "
                    "are never changed. Press Esc and open the account again."
                )
            )
        elif isinstance(exc, ArchiveError) and exc.field == "cabinet_no":
            self._say(self.tr("The cabinet no. must have 1 to 16 characters."))
        else:
            self._say(self.tr("The archive file could not be recorded; try again."))

    def _request(self, action: str) -> None:
        if self.view is not None:
            self.action_requested.emit(action, self.view.account_id)

    def reveal(self) -> None:
        v = self.view
        if v is None or not self.reveal_button.isVisible():
            return
        masks: tuple[tuple[RevealField, str], ...] = (
            ("id_number", v.id_masked),
            ("mobile", v.mobile_masked),
            ("landline", v.landline_masked),
        )
        fields = [name for name, masked in masks if masked]
        accounts, clerk, actor = (
            self.workplace.services.accounts,
            self.workplace.clerk,
            self.workplace.actor,
        )

        def run():
            return {name: accounts.reveal(v.account_id, name, clerk, actor) for name in fields}

        self.reveal_button.setEnabled(False)
        self.workplace.runner.submit(
            run, on_done=self._revealed, on_error=self._reveal_failed, key=REVEAL_KEY
        )

    def _revealed(self, values: dict[str, str]) -> None:
        self.revealed = {k: v for k, v in values.items() if v}
        self._say(
            self.tr("Full ID number and phones shown; this was recorded in the audit log."),
            warn=False,
        )
        self._show_view()

    def _reveal_failed(self, exc: BaseException) -> None:
        self.reveal_button.setEnabled(self.view is not None)
        if isinstance(exc, RevealLimited):
            self._say(
                self.tr(
                    "Too many full numbers shown this minute: wait a minute and try "
                    "again (the supervisors have been told)."
                )
            )
        elif isinstance(exc, RevealRefused):
            self._say(
                self.tr("You may not see the full ID number or phone: a supervisor must do it.")
            )
        else:
            self._say(self.tr("The full values could not be shown; try again."))

    def open_withholding(self) -> None:
        if self.view is not None:
            open_withholding_dialog(self, self.view.account_id)

    def open_adjust(self, bill: BillSummary, corrections: tuple[BillSummary, ...]) -> None:
        """调账: a supervisor corrects the selected bill (its own dialog)."""
        if self.view is not None:
            open_adjust_dialog(self, self.workplace, self.view, bill, corrections)

    def open_statement(self) -> None:
        if self.view is None:
            return
        dialog = StatementDialog(self.workplace, self.view, self, state=self.state)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def open_tariff_basis(self) -> None:
        """收费依据 of the open account (its own dialog, one screen call)."""
        if self.view is None:
            return
        from counter_app.ui.search.tariff_basis import TariffBasisDialog

        dialog = TariffBasisDialog(self.workplace, self.view.account_id, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
