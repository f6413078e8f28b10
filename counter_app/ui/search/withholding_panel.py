"""The account view's withholding line (代扣: 银行 尾号1234 / last result)
and its dialog, kept apart so the account panel changes by a few lines."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt

from counter_app.services.withholding import WithholdingScreen
from counter_app.ui.search.withholding_dialog import WithholdingDialog, result_text

if TYPE_CHECKING:
    from counter_app.ui.search.account_panel import AccountPanel

LINE_KEY = "search.withholding_line"


def load_withholding_line(panel: AccountPanel) -> None:
    """The line of the open account, read off the GUI thread (the dialog's
    own screen call: one round trip)."""
    view = panel.view
    if view is None:
        return
    account_id = view.account_id

    def shown(screen: WithholdingScreen) -> None:
        if panel.view is not None and panel.view.account_id == account_id:
            panel.fields["withholding"].setText(result_text(screen.agreement))

    def failed(exc: BaseException) -> None:
        if panel.view is not None and panel.view.account_id == account_id:
            panel.fields["withholding"].setText(QCoreApplication.translate("WithholdingTexts", "could not be read"))

    service = panel.workplace.services.withholding
    panel.workplace.runner.submit(service.screen, account_id, on_done=shown, on_error=failed,
                                  key=LINE_KEY)


def open_withholding_dialog(panel: AccountPanel, account_id: int) -> WithholdingDialog:
    dialog = WithholdingDialog(panel.workplace, account_id, panel)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
