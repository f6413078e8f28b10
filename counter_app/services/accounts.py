"""Account view (用户信息): what the clerk explains at the counter.

API (every method opens one short transaction and returns frozen dataclasses;
call it off the GUI thread)::

    service = AccountService(db)
    service.account_view(account_id, *, today=None) -> AccountView
    service.bills(account_id, *, from_period=None, to_period=None) -> tuple[BillSummary, ...]
    service.bill_lines(bill_id) -> tuple[BillLineView, ...]
    service.payments(account_id, *, from_period=None, to_period=None)
        -> tuple[PaymentSummary, ...]
    service.statement(account_id, from_period, to_period) -> Statement
    service.reveal(account_id, field, clerk, actor) -> str

Periods are :class:`~counter_app.domain.periods.Period` or text such as
``"2026-03"`` (both ends included; ``None`` leaves that end open). Bill and
payment histories come newest first; a statement's lines oldest first, as
printed. A payment belongs to the period of its date in Asia/Shanghai.

Unknown ids raise :class:`AccountNotFound` / :class:`BillNotFound` (both
``LookupError``). Personal data is masked everywhere except :meth:`reveal`:
allowed to supervisors and admins (:data:`REVEAL_ROLE` and above), always
audited in the same transaction, and done by the security-definer function
``counter_reveal`` that checks the login role's membership of
``counter_supervisor`` itself and writes the audit row (clerk roles cannot
read the raw columns at all). Refusal raises :class:`RevealRefused` (a
``PermissionError``) and writes nothing.

The records and exceptions live in :mod:`.accounts_records`, the histories and
statement in :mod:`.accounts_history`, the reveal in :mod:`.accounts_reveal`;
this module puts the service together and re-exports their public names.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from counter_app.db import models as m
from counter_app.db.engine import Database

from .accounts_history import AccountHistory, select_bill_lines, select_bill_summaries
from .accounts_records import (
    CST,
    REVEAL_FIELDS,
    REVEAL_ROLE,
    ZERO,
    AccountNotFound,
    AccountView,
    BillDetail,
    BillLineView,
    BillNotFound,
    BillSummary,
    PaymentSummary,
    ReliefStatus,
    RevealField,
    RevealRefused,
    Statement,
    StatementLine,
    StatementPayment,
    TenderLine,
)
from .accounts_reveal import AccountReveal
from .search import arrears_by_account

__all__ = [
    "REVEAL_FIELDS",
    "REVEAL_ROLE",
    "AccountNotFound",
    "AccountService",
    "AccountView",
    "BillDetail",
    "BillLineView",
    "BillNotFound",
    "BillSummary",
    "PaymentSummary",
    "ReliefStatus",
    "RevealField",
    "RevealRefused",
    "Statement",
    "StatementLine",
    "StatementPayment",
    "TenderLine",
]


class AccountService(AccountHistory, AccountReveal):
    """The account view here; histories and statement from :class:`AccountHistory`,
    :meth:`reveal` from :class:`AccountReveal`."""

    def __init__(self, db: Database):
        self.db = db

    # -- the account view ------------------------------------------------------

    def account_view(self, account_id: int, *, today: date | None = None) -> AccountView:
        """Everything the account page shows at once. ``today`` (default: the
        date in Asia/Shanghai) decides which relief is in force."""
        today = today or datetime.now(CST).date()
        a = m.Account
        with self.db.read() as s:
            row = s.execute(
                select(
                    a.id, a.account_no, a.name, a.account_type, a.households_total,
                    a.price_category, a.address, a.meter_location, a.mobile_masked,
                    a.landline_masked, a.id_masked, a.status, a.prepayment_balance, a.version,
                ).where(a.id == account_id)
            ).one_or_none()
            if row is None:
                raise AccountNotFound(account_id)
            meter_no = s.execute(
                select(m.Meter.meter_no)
                .where(m.Meter.account_id == account_id, m.Meter.active.is_(True))
                .order_by(m.Meter.id.desc()).limit(1)
            ).scalar_one_or_none()
            latest = select_bill_summaries(s, m.Bill.account_id == account_id, limit=1)
            current = (
                BillDetail(latest[0], select_bill_lines(s, latest[0].bill_id)) if latest else None
            )
            arrears = arrears_by_account(s, [account_id]).get(account_id, ZERO)
            relief = self._relief(s, account_id, today)
        return AccountView(
            account_id=row.id, account_no=row.account_no, name=row.name,
            account_type=row.account_type, households_total=row.households_total,
            price_category=row.price_category, address=row.address,
            meter_location=row.meter_location, meter_no=meter_no or "",
            mobile_masked=row.mobile_masked, landline_masked=row.landline_masked,
            id_masked=row.id_masked, status=row.status,
            prepayment_balance=row.prepayment_balance, relief=relief, current_bill=current,
            arrears=arrears, version=row.version,
        )

    @staticmethod
    def _relief(s: Session, account_id: int, today: date) -> ReliefStatus | None:
        ra, rule = m.ReliefApplication, m.ReliefRule
        row = s.execute(
            select(ra.id, ra.rule_code, rule.name, ra.certificate_type, ra.certificate_no,
                   ra.valid_from, ra.valid_to, ra.effective_period)
            .join(rule, rule.code == ra.rule_code)
            .where(ra.account_id == account_id, ra.status == "approved",
                   ra.valid_from <= today, ra.valid_to >= today)
            .order_by(ra.valid_to.desc(), ra.id.desc()).limit(1)
        ).one_or_none()
        return ReliefStatus(*row) if row else None
