"""Bill and payment histories and the statement of an account (往期账单、交费记录、往期交费清单).
Rules: docs/rules/accounts.md
"""

from __future__ import annotations

from collections import defaultdict
from datetime import UTC, datetime

from sqlalchemy import and_, func, select, type_coerce
from sqlalchemy.orm import Session

from counter_app.db import models as m
from counter_app.db.engine import Database
from counter_app.db.types import Money
from counter_app.domain.money import ZERO
from counter_app.domain.periods import Period
from counter_app.services.accounts.records import (
    CST,
    AccountNotFound,
    BillLineView,
    BillNotFound,
    BillSummary,
    PaymentSummary,
    Statement,
    StatementLine,
    StatementPayment,
    TenderLine,
)
from counter_app.services.accounts.screen import (
    AccountHistoryPage,
    bill_summaries,
    payment_summaries,
)
from counter_app.services.accounts.search import arrears_by_account
from counter_app.services.actions import ActionError, call
from counter_app.services.installation.halls import hall_heading

__all__ = ["AccountHistory", "not_found", "select_bill_lines", "select_bill_summaries"]


def not_found(exc: ActionError, account_id: int) -> Exception:
    """A screen function's refusal as the service's exception."""
    if exc.kind == "not_found":
        return AccountNotFound(account_id)
    return ValueError(exc.message)


def _period(value: Period | str | None) -> Period | None:
    if value is None or isinstance(value, Period):
        return value
    return Period.parse(value)


def _local_start(period: Period) -> datetime:
    d = period.first_day
    return datetime(d.year, d.month, d.day, tzinfo=CST).astimezone(UTC)


def _bill_paid_column():
    al, rv = m.Allocation, m.PaymentReversal
    return type_coerce(
        select(func.coalesce(func.sum(al.amount), 0))
        .where(
            al.bill_id == m.Bill.id,
            ~select(rv.id).where(rv.payment_id == al.payment_id).exists(),
        )
        .scalar_subquery(),
        Money(),
    )


def select_bill_summaries(session: Session, *conditions, newest_first: bool = True, limit=None):
    b = m.Bill
    paid = _bill_paid_column().label("paid")
    q = select(
        b.id,
        b.period,
        b.period_start,
        b.period_end,
        b.start_reading,
        b.end_reading,
        b.usage,
        b.amount,
        b.due_on,
        paid,
    ).where(*conditions)
    q = q.order_by(b.period.desc() if newest_first else b.period.asc(), b.id)
    if limit is not None:
        q = q.limit(limit)
    return tuple(
        BillSummary(
            bill_id=r.id,
            period=r.period,
            period_start=r.period_start,
            period_end=r.period_end,
            start_reading=r.start_reading,
            end_reading=r.end_reading,
            usage=r.usage,
            amount=r.amount,
            paid=r.paid,
            outstanding=r.amount - r.paid,
            due_on=r.due_on,
        )
        for r in session.execute(q)
    )


def select_bill_lines(session: Session, bill_id: int) -> tuple[BillLineView, ...]:
    bl = m.BillLine
    rows = session.execute(
        select(
            bl.line_no,
            bl.kind,
            bl.component,
            bl.tier_no,
            bl.volume,
            bl.unit_price,
            bl.amount,
            bl.label,
        )
        .where(bl.bill_id == bill_id)
        .order_by(bl.line_no)
    )
    return tuple(BillLineView(*r) for r in rows)


def _period_conditions(column, from_p: Period | None, to_p: Period | None) -> list:
    out = []
    if from_p is not None:
        out.append(column >= str(from_p))
    if to_p is not None:
        out.append(column <= str(to_p))
    return out


class AccountHistory:
    """Bills, bill lines, payments and the statement of an account."""

    db: Database

    def history(
        self,
        account_id: int,
        *,
        from_period: Period | str | None = None,
        to_period: Period | str | None = None,
    ) -> AccountHistoryPage:
        """The history tab with its month filter, in one call: bills of the
        periods and payments made in them (Asia/Shanghai dates), newest first,
        reversed payments included and flagged."""
        from_p, to_p = _period(from_period), _period(to_period)
        try:
            j = call(
                self.db,
                "account_history",
                account_id,
                None if from_p is None else str(from_p),
                None if to_p is None else str(to_p),
                retry_read=True,
            )
        except ActionError as exc:
            raise not_found(exc, account_id) from None
        return AccountHistoryPage(bill_summaries(j["bills"]), payment_summaries(j["payments"]))

    def bills(
        self,
        account_id: int,
        *,
        from_period: Period | str | None = None,
        to_period: Period | str | None = None,
    ) -> tuple[BillSummary, ...]:
        """Bills of the periods, newest first, with what is paid and owed."""
        return self.history(account_id, from_period=from_period, to_period=to_period).bills

    def bill_lines(self, bill_id: int) -> tuple[BillLineView, ...]:
        """A bill's lines (tiers, components, the relief line), in order."""
        with self.db.read() as s:
            if s.execute(select(m.Bill.id).where(m.Bill.id == bill_id)).first() is None:
                raise BillNotFound(bill_id)
            return select_bill_lines(s, bill_id)

    def payments(
        self,
        account_id: int,
        *,
        from_period: Period | str | None = None,
        to_period: Period | str | None = None,
    ) -> tuple[PaymentSummary, ...]:
        """Payments made in the periods (Asia/Shanghai dates), newest first,
        reversed ones included and flagged."""
        return self.history(account_id, from_period=from_period, to_period=to_period).payments

    @staticmethod
    def _payments(
        s: Session,
        account_id: int,
        from_p: Period | None,
        to_p: Period | None,
    ) -> tuple[PaymentSummary, ...]:
        p, rs, rv = m.Payment, m.ReceiptSeries, m.PaymentReversal
        conditions = [p.account_id == account_id]
        if from_p is not None:
            conditions.append(p.created_at >= _local_start(from_p))
        if to_p is not None:
            conditions.append(p.created_at < _local_start(to_p.add(1)))
        rows = s.execute(
            select(
                p.id,
                rs.prefix,
                p.series_code,
                p.receipt_no,
                p.created_at,
                p.amount,
                p.workstation,
                rv.id.label("reversal_id"),
                rv.reason,
            )
            .join(rs, rs.code == p.series_code)
            .outerjoin(rv, rv.payment_id == p.id)
            .where(*conditions)
            .order_by(p.created_at.desc(), p.id.desc())
        ).all()
        ids = [r.id for r in rows]
        tenders: dict[int, list[TenderLine]] = defaultdict(list)
        periods: dict[int, list[str]] = defaultdict(list)
        if ids:
            t = m.PaymentTender
            for r in s.execute(
                select(t.payment_id, t.tender, t.amount, t.received, t.change_given, t.reference)
                .where(t.payment_id.in_(ids))
                .order_by(t.payment_id, t.line_no)
            ):
                tenders[r.payment_id].append(TenderLine(*r[1:]))
            for pid, period in s.execute(
                select(m.Allocation.payment_id, m.Bill.period)
                .join(m.Bill, m.Bill.id == m.Allocation.bill_id)
                .where(m.Allocation.payment_id.in_(ids))
                .order_by(m.Bill.period)
            ):
                periods[pid].append(period)
        return tuple(
            PaymentSummary(
                payment_id=r.id,
                receipt=f"{r.prefix}{r.receipt_no:08d}",
                series_code=r.series_code,
                receipt_no=r.receipt_no,
                paid_at=r.created_at,
                amount=r.amount,
                tenders=tuple(tenders[r.id]),
                reversed=r.reversal_id is not None,
                reversal_reason=r.reason or "",
                workstation=r.workstation,
                periods=tuple(periods[r.id]),
            )
            for r in rows
        )

    # -- statement ---------------------------------------------------------------------

    def statement(
        self,
        account_id: int,
        from_period: Period | str,
        to_period: Period | str,
        *,
        hall_code: str | None = None,
    ) -> Statement:
        """往期交费清单 data: the bills of ``from_period``..``to_period`` with
        the unreversed payments allocated to each, the payments made in those
        periods, and totals; with ``hall_code`` also the heading that hall
        prints. Rendering is the documents subsystem's job."""
        from_p, to_p = _period(from_period), _period(to_period)
        if from_p is None or to_p is None:
            raise ValueError("a statement needs both periods")
        if from_p > to_p:
            from_p, to_p = to_p, from_p
        a = m.Account
        with self.db.read() as s:
            head = s.execute(
                select(a.id, a.account_no, a.name, a.address, a.prepayment_balance).where(
                    a.id == account_id
                )
            ).one_or_none()
            if head is None:
                raise AccountNotFound(account_id)
            bills = select_bill_summaries(
                s,
                m.Bill.account_id == account_id,
                *_period_conditions(m.Bill.period, from_p, to_p),
                newest_first=False,
            )
            by_bill = self._allocations(s, [b.bill_id for b in bills])
            payments = self._payments(s, account_id, from_p, to_p)
            arrears = arrears_by_account(s, [account_id]).get(account_id, ZERO)
            heading = hall_heading(s, hall_code) if hall_code is not None else None
        lines = tuple(
            StatementLine(
                period=b.period,
                start_reading=b.start_reading,
                end_reading=b.end_reading,
                usage=b.usage,
                billed=b.amount,
                paid=b.paid,
                outstanding=b.outstanding,
                due_on=b.due_on,
                payments=tuple(by_bill.get(b.bill_id, ())),
            )
            for b in bills
        )
        return Statement(
            account_id=head.id,
            account_no=head.account_no,
            name=head.name,
            address=head.address,
            from_period=str(from_p),
            to_period=str(to_p),
            lines=lines,
            payments=payments,
            total_usage=sum((ln.usage for ln in lines), 0),
            total_billed=sum((ln.billed for ln in lines), ZERO),
            total_paid=sum((ln.paid for ln in lines), ZERO),
            total_outstanding=sum((ln.outstanding for ln in lines), ZERO),
            total_received=sum((p.amount for p in payments if not p.reversed), ZERO),
            prepayment_balance=head.prepayment_balance,
            arrears=arrears,
            heading=heading,
        )

    @staticmethod
    def _allocations(s: Session, bill_ids: list[int]) -> dict[int, list[StatementPayment]]:
        out: dict[int, list[StatementPayment]] = defaultdict(list)
        if not bill_ids:
            return out
        al, p, rs, rv = m.Allocation, m.Payment, m.ReceiptSeries, m.PaymentReversal
        rows = s.execute(
            select(al.bill_id, rs.prefix, p.receipt_no, p.created_at, al.amount)
            .join(p, p.id == al.payment_id)
            .join(rs, rs.code == p.series_code)
            .outerjoin(rv, rv.payment_id == p.id)
            .where(and_(al.bill_id.in_(bill_ids), rv.id.is_(None)))
            .order_by(al.bill_id, p.created_at, p.id)
        )
        for bill_id, prefix, receipt_no, paid_at, amount in rows:
            out[bill_id].append(StatementPayment(f"{prefix}{receipt_no:08d}", paid_at, amount))
        return out
