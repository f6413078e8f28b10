"""The account view's 预存扣款 state and a supervisor's switch for it (with a reason).
Rules: docs/rules/payments.md ("Channels")
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QInputDialog, QLabel, QPushButton, QWidget

from counter_app.services.accounts.service import DeductionState
from counter_app.services.actions import ActionError
from counter_app.ui.context import Workplace
from counter_app.ui.errors import explain
from counter_app.ui.style import MUTED_STYLE

DEDUCTION_KEY = "search.deduction"
DEDUCTION_ROLE = "supervisor"  # counter_set_account_deduction's least role
MAX_REASON = 200


class DeductionLine(QWidget):
    """``预存扣款：开`` (a tooltip says who changed it, when and why); for a
    supervisor the line is a checkable button (checked: on) that turns it off
    or on."""

    message = Signal(str, bool)  # text, warn

    def __init__(self, workplace: Workplace, parent: QWidget | None = None):
        super().__init__(parent)
        self.workplace = workplace
        self.account_id: int | None = None
        self.state: DeductionState | None = None
        self.label = QLabel(self)
        self.label.setObjectName("deductionLabel")
        self.label.setStyleSheet(MUTED_STYLE)
        self.button = QPushButton(self)
        self.button.setObjectName("deductionButton")
        self.button.setCheckable(True)
        self.button.setAutoDefault(False)
        switch = workplace.clerk.has_role(DEDUCTION_ROLE)
        self.button.setVisible(switch)
        self.label.setVisible(not switch)
        self.button.clicked.connect(self._clicked)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.label)
        row.addWidget(self.button)
        self.show_state(None, None)

    # -- showing ---------------------------------------------------------------------------

    def show_state(self, account_id: int | None, state: DeductionState | None) -> None:
        if account_id != self.account_id:
            self.workplace.runner.cancel(DEDUCTION_KEY)
        self.account_id, self.state = account_id, state
        self.button.setEnabled(state is not None)
        self.button.setChecked(state is not None and state.account)
        if state is None:
            self.label.clear()
            self.label.setToolTip("")
            self.button.setText(self.tr("Prepayment &deduction"))
            self.button.setToolTip("")
            return
        self.label.setText(
            self.tr("Prepayment deduction: {state}").format(state=self._state_text(state))
        )
        self.button.setText(
            self.tr("Prepayment &deduction: {state}").format(state=self._state_text(state))
        )
        tip = [self.tr("At billing, the prepayment balance pays the open bills (oldest first).")]
        if not state.utility:
            tip.append(
                self.tr("The utility has turned prepayment deduction off for every account.")
            )
        if state.changed_at is not None:
            tip.append(
                self.tr("Changed by {who} on {day}: {reason}").format(
                    who=state.changed_by or "",
                    reason=state.reason or "",
                    day=state.changed_at.astimezone().strftime("%Y-%m-%d %H:%M"),
                )
            )
        self.label.setToolTip("\n".join(tip))
        self.button.setToolTip(
            "\n".join(
                [
                    self.tr("Turn prepayment deduction off for this account")
                    if state.account
                    else self.tr("Turn prepayment deduction on again for this account"),
                    *tip,
                ]
            )
        )

    def _state_text(self, state: DeductionState) -> str:
        if state.effective:
            return self.tr("on")
        if not state.account:
            return self.tr("off for this account")
        return self.tr("off for the utility")

    # -- the switch ------------------------------------------------------------------------

    def _clicked(self) -> None:
        state, account_id = self.state, self.account_id
        # the button shows the state, not the click: it changes when the database says so
        self.button.setChecked(state is not None and state.account)
        if state is None or account_id is None or not self.button.isVisible():
            return
        enable = not state.account
        dialog = QInputDialog(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.setWindowTitle(self.tr("Prepayment deduction"))
        dialog.setLabelText(
            self.tr(
                "Turn prepayment deduction ON again for this account? From the next "
                "billing its prepayment pays its bills. Reason (recorded):"
            )
            if enable
            else self.tr(
                "Turn prepayment deduction OFF for this account? Its prepayment no longer "
                "pays its bills at billing. Reason (recorded):"
            )
        )
        dialog.setOkButtonText(self.tr("Turn on") if enable else self.tr("Turn off"))
        dialog.textValueSelected.connect(lambda reason: self._save(account_id, enable, reason))
        dialog.open()

    def _save(self, account_id: int, enable: bool, reason: str) -> None:
        reason = reason.strip()
        if not reason or len(reason) > MAX_REASON:
            self.message.emit(
                self.tr("Give a reason of 1 to 200 characters; nothing was changed."), True
            )
            return
        if account_id != self.account_id:
            return
        channels, workstation = self.workplace.services.channels, self.workplace.actor.workstation

        def run() -> dict:
            return channels.set_account_deduction(
                account_id, enable, reason, workstation=workstation
            )

        self.button.setEnabled(False)
        self.workplace.runner.submit(
            run,
            on_done=lambda result: self._done(account_id, result),
            on_error=lambda exc: self._failed(account_id, exc),
            key=DEDUCTION_KEY,
            changes=account_id,
        )

    def _done(self, account_id: int, result: dict) -> None:
        if account_id != self.account_id or self.state is None:
            return
        enabled = bool(result["enabled"])
        self.show_state(
            account_id,
            DeductionState(
                account=enabled,
                utility=self.state.utility,
                effective=bool(result["effective"]),
                reason=self.state.reason,
                changed_by=self.state.changed_by,
                changed_at=self.state.changed_at,
            ),
        )
        self.message.emit(
            self.tr("Prepayment deduction turned on for this account; recorded.")
            if enabled
            else self.tr("Prepayment deduction turned off for this account; recorded."),
            False,
        )

    def _failed(self, account_id: int, exc: BaseException) -> None:
        if account_id != self.account_id:
            return
        self.button.setEnabled(self.state is not None)
        if isinstance(exc, ActionError) and exc.kind == "forbidden":
            self.message.emit(
                self.tr("Only a supervisor may turn prepayment deduction off or on."), True
            )
        elif isinstance(exc, ActionError) and exc.field == "reason":
            self.message.emit(
                self.tr("Give a reason of 1 to 200 characters; nothing was changed."), True
            )
        else:
            self.message.emit(explain(exc), True)
