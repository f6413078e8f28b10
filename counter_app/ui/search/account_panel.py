"""The account view (用户信息) on the search page: who, what the current bill
says, what is owed, the histories, and what the clerk can do next."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QLabel, QPushButton, QWidget

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
from counter_app.ui.search.account_figures import (
    FIELDS,
    UNBROKEN_SAMPLES,
    arrears_text,
    dues_text,
    field_values,
    suspension_text,
)
from counter_app.ui.search.adjust_dialog import open_adjust_dialog
from counter_app.ui.search.archive_editor import ArchiveEditor
from counter_app.ui.search.deduction_panel import DeductionLine
from counter_app.ui.search.history import HistoryWidget
from counter_app.ui.search.statement import StatementDialog
from counter_app.ui.search.withholding_panel import open_withholding_dialog, show_withholding_line
from counter_app.ui.style import BANNER_STYLE, ERROR_STYLE, MUTED_STYLE, hint_style, message_style

ACCOUNT_KEY = "search.account"
REVEAL_KEY = "search.reveal"


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
        # the customer file: 档案号 … 柜号 …, numbered or moved by a supervisor
        self.archive_label, self.archive_button = ui.archiveLabel, ui.archiveButton
        self.archive_editor = ArchiveEditor(workplace, ui.archiveLabel, ui.archiveButton, self)
        self.archive_editor.message.connect(lambda text, warn: self._say(text, warn=warn))
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
            (self.archive_button, self.archive_editor.edit),
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
        self.archive_editor.show_archive(screen.view.account_id, screen.archive)
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
        self.archive_editor.close()
        self.view = None
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
        self.title_label.setText(f"{v.name}　{v.account_no}")
        self.arrears_label.setText(arrears_text(v))
        self.arrears_label.setStyleSheet(message_style(v.arrears > 0))
        # 本期应缴 / 逾期欠费 (days) / 违约金, and the 停供 warning
        self.dues_label.setText(dues_text(v))
        self.dues_label.setStyleSheet(hint_style(v.overdue > 0))
        if v.suspension is not None:
            self.suspension_label.setText(suspension_text(v))
        self.suspension_label.setVisible(v.suspension is not None)
        for key, text in field_values(v, self.revealed).items():
            self.fields[key].setText(text)

    # -- actions --------------------------------------------------------------------------

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
