"""The account view's withholding line (代扣: 银行 尾号1234 / last result)
and its dialog, kept apart so the account panel changes by a few lines."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt

from counter_app.services.accounts.service import WithholdingLine
from counter_app.ui.search.withholding_dialog import WithholdingDialog, result_text

if TYPE_CHECKING:
    from counter_app.ui.search.account_panel import AccountPanel


def show_withholding_line(panel: AccountPanel, line: WithholdingLine | None) -> None:
    """The line of the open account, as the account screen brought it
    (migration 0027: no second round trip when the account opens)."""
    panel.fields["withholding"].setText(result_text(line))


def open_withholding_dialog(panel: AccountPanel, account_id: int) -> WithholdingDialog:
    dialog = WithholdingDialog(panel.workplace, account_id, panel)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
