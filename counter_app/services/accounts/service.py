"""Account view (用户信息): the screens, histories, statement and reveal, one call each.
Records in records.py, jsonb mapping in screen.py, histories in history.py, reveal in reveal.py.
Rules: docs/rules/accounts.md
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from counter_app.db import models as m
from counter_app.db.engine import Database
from counter_app.services.accounts.archive import archive_info
from counter_app.services.accounts.history import AccountHistory, not_found
from counter_app.services.accounts.records import (
    REVEAL_FIELDS,
    REVEAL_ROLE,
    AccountNotFound,
    AccountView,
    BillDetail,
    BillLineView,
    BillNotFound,
    BillSummary,
    PaymentSummary,
    ReliefStatus,
    RevealField,
    RevealLimited,
    RevealRefused,
    Statement,
    StatementLine,
    StatementPayment,
    TenderLine,
)
from counter_app.services.accounts.reveal import AccountReveal
from counter_app.services.accounts.screen import (
    AccountHistoryPage,
    AccountScreen,
    DeductionState,
    WithholdingLine,
    bill_summaries,
    deduction_state,
    payment_summaries,
    view_of,
    withholding_line,
)
from counter_app.services.actions import ActionError, call
from counter_app.services.tariffs.basis import TariffBasis, basis_from

__all__ = [
    "REVEAL_FIELDS",
    "REVEAL_ROLE",
    "AccountHistoryPage",
    "AccountNotFound",
    "AccountScreen",
    "AccountService",
    "AccountView",
    "BillDetail",
    "BillLineView",
    "BillNotFound",
    "BillSummary",
    "DeductionState",
    "PaymentSummary",
    "ReliefStatus",
    "RevealField",
    "RevealLimited",
    "RevealRefused",
    "Statement",
    "StatementLine",
    "StatementPayment",
    "TenderLine",
    "WithholdingLine",
]


class AccountService(AccountHistory, AccountReveal):
    """The account view here; histories and statement from :class:`AccountHistory`,
    :meth:`reveal` from :class:`AccountReveal`."""

    def __init__(self, db: Database):
        self.db = db

    # -- the account page ------------------------------------------------------

    def screen(self, account_id: int) -> AccountScreen:
        """What the account page shows when it opens: the view, every bill and
        every payment, newest first (one call of ``counter_account_screen``)."""
        try:
            j = call(self.db, "account_screen", account_id, retry_read=True)
        except ActionError as exc:
            raise not_found(exc, account_id) from None
        return AccountScreen(
            view_of(j["view"]),
            bill_summaries(j["bills"]),
            payment_summaries(j["payments"]),
            archive_info(j.get("archive")),
            withholding_line(j.get("withholding")),
            deduction_state(j.get("deduction")),
        )

    def account_view(self, account_id: int, *, today: date | None = None) -> AccountView:
        """The account page's figures alone (a refresh). ``today`` (default:
        the date in Asia/Shanghai, the server's) decides which relief is in
        force."""
        try:
            j = call(self.db, "account_view", account_id, today, retry_read=True)
        except ActionError as exc:
            raise not_found(exc, account_id) from None
        return view_of(j)

    def account_ids(self) -> list[int]:
        """Every account's id, in order (the self-check looks for one with a bill)."""
        with self.db.read() as session:
            return list(session.execute(select(m.Account.id).order_by(m.Account.id)).scalars())

    def tariff_basis(self, account_id: int) -> TariffBasis:
        """The account's 收费依据, one round trip (any clerk)."""
        return basis_from(call(self.db, "tariff_basis", account_id, retry_read=True))
