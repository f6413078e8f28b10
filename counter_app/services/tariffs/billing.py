"""Bill a read period: readings in, bills computed in Python, sent in one action.
Rules: docs/rules/billing.md
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from fractions import Fraction

from sqlalchemy import and_, func, select
from sqlalchemy.orm import Session

from counter_app.db import models as m
from counter_app.db.engine import Database
from counter_app.domain.billing import AppliedRelief, BillComputation, compute_bill
from counter_app.domain.errors import FieldError
from counter_app.domain.money import ZERO
from counter_app.domain.periods import Period
from counter_app.domain.relief import ReliefRule, household_share, validity_share
from counter_app.domain.tariffs import Tariff, tariff_for
from counter_app.services.action_values import exact_money
from counter_app.services.actions import call
from counter_app.services.audit import Actor
from counter_app.services.installation.batch import jsonb
from counter_app.services.tariffs.service import load_relief_rules, load_tariffs, tariff_ids

PAYMENT_TERM_DAYS = 30
CHUNK = 2000


@dataclass(frozen=True)
class Skipped:
    account_no: str
    reason: str


@dataclass(frozen=True)
class BillingReport:
    period: str
    billed: int
    already_billed: int
    total_amount: Decimal
    skipped: tuple[Skipped, ...]
    # the prepayments that paid bills in the same call (预存扣款, migration 0022)
    deducted: int = 0
    deducted_total: Decimal = ZERO


@dataclass(frozen=True)
class _ReliefTerms:
    rule: ReliefRule
    effective_period: str
    valid_from: date
    valid_to: date
    low_income: int | None
    total: int | None


def relief_for_period(
    terms: Iterable[_ReliefTerms], period: str, start: date, end: date
) -> AppliedRelief | None:
    """The relief that applies to a bill of ``period`` covering start..end."""
    for t in terms:
        if period < t.effective_period:
            continue
        share = validity_share(t.valid_from, t.valid_to, start, end)
        if t.low_income and t.total:
            share *= household_share(t.low_income, t.total)
        if share > 0:
            return AppliedRelief(t.rule, Fraction(share))
    return None


def tier_multiplier(tariff: Tariff, account_type: str, households: int | None) -> int:
    """Tier limits are multiplied by the households behind a collective
    account's meter when the schedule says so (``households_scaling``)."""
    if tariff.households_scaling and account_type == "collective":
        return max(households or 1, 1)
    return 1


def period_start(previous_read_on: date | None, period: Period, cycle_months: int) -> date:
    if previous_read_on is not None:
        return previous_read_on + timedelta(days=1)
    return period.add(-(cycle_months - 1)).first_day


def _chunks(items: Sequence, size: int) -> Iterable[Sequence]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


class _Biller:
    def __init__(self, session: Session, period: Period):
        self.session = session
        self.period = period
        self.code = str(period)
        self.tariffs: list[Tariff] = load_tariffs(session)
        self.tariff_ids = tariff_ids(session)
        self.rules = load_relief_rules(session)
        self.bills: list[dict] = []
        self.skipped: list[Skipped] = []

    def pending_readings(self) -> list:
        billed = select(m.Bill.id).where(
            and_(m.Bill.account_id == m.Reading.account_id, m.Bill.period == self.code)
        )
        q = (
            select(
                m.Reading.id,
                m.Reading.account_id,
                m.Reading.meter_id,
                m.Reading.read_on,
                m.Reading.previous_reading,
                m.Reading.reading,
                m.Reading.usage,
                m.Account.account_no,
                m.Account.account_type,
                m.Account.households_total,
                m.Account.price_category,
                m.Account.read_cycle_months,
            )
            .join(m.Account, m.Account.id == m.Reading.account_id)
            # a meter's last reading in the old system (go-live) is a start, not a bill
            .where(m.Reading.period == self.code, ~billed.exists(), m.Reading.source != "opening")
            .order_by(m.Reading.account_id, m.Reading.id)
        )
        return list(self.session.execute(q).all())

    def already_billed(self) -> int:
        q = select(func.count()).select_from(m.Bill).where(m.Bill.period == self.code)
        return self.session.execute(q).scalar_one()

    def _previous_read_dates(self, meter_ids: list[int]) -> dict[int, date]:
        q = (
            select(m.Reading.meter_id, func.max(m.Reading.read_on))
            .where(m.Reading.meter_id.in_(meter_ids), m.Reading.period < self.code)
            .group_by(m.Reading.meter_id)
        )
        return dict(self.session.execute(q).all())

    def _year_to_date(self, account_ids: list[int]) -> dict[int, int]:
        q = (
            select(m.Bill.account_id, func.sum(m.Bill.usage))
            .where(
                m.Bill.account_id.in_(account_ids),
                m.Bill.period >= f"{self.period.year:04d}-01",
                m.Bill.period < self.code,
            )
            .group_by(m.Bill.account_id)
        )
        return {a: int(u or 0) for a, u in self.session.execute(q).all()}

    def _reliefs(self, account_ids: list[int]) -> dict[int, list[_ReliefTerms]]:
        q = select(
            m.ReliefApplication.account_id,
            m.ReliefApplication.rule_code,
            m.ReliefApplication.effective_period,
            m.ReliefApplication.valid_from,
            m.ReliefApplication.valid_to,
            m.ReliefApplication.low_income_households,
            m.ReliefApplication.total_households,
        ).where(
            m.ReliefApplication.account_id.in_(account_ids),
            m.ReliefApplication.status.in_(("approved", "expired")),
            m.ReliefApplication.effective_period.is_not(None),
        )
        # the first that applies is the relief (relief_for_period); the
        # database picks the same one (0034, counter_check_bill_relief)
        q = q.order_by(m.ReliefApplication.id)
        found: dict[int, list[_ReliefTerms]] = defaultdict(list)
        for row in self.session.execute(q).all():
            found[row.account_id].append(
                _ReliefTerms(
                    self.rules[row.rule_code],
                    row.effective_period,
                    row.valid_from,
                    row.valid_to,
                    row.low_income_households,
                    row.total_households,
                )
            )
        return found

    def bill_chunk(self, readings: Sequence) -> None:
        account_ids = [r.account_id for r in readings]
        previous = self._previous_read_dates([r.meter_id for r in readings])
        ytd = self._year_to_date(account_ids)
        reliefs = self._reliefs(account_ids)
        seen: set[int] = set()
        bills: list[dict] = []
        computations: list[BillComputation] = []
        for r in readings:
            if r.account_id in seen:
                self.skipped.append(Skipped(r.account_no, "several meters read in one period"))
                continue
            seen.add(r.account_id)
            try:
                tariff = tariff_for(self.tariffs, r.price_category, r.read_on)
            except LookupError:
                self.skipped.append(Skipped(r.account_no, f"no tariff for {r.price_category}"))
                continue
            start = period_start(previous.get(r.meter_id), self.period, r.read_cycle_months)
            try:
                computation = compute_bill(
                    tariff,
                    int(r.usage),
                    year_to_date_usage=(
                        ytd.get(r.account_id, 0) if tariff.tier_basis == "annual" else 0
                    ),
                    tier_multiplier=tier_multiplier(tariff, r.account_type, r.households_total),
                    relief=relief_for_period(
                        reliefs.get(r.account_id, ()), self.code, start, r.read_on
                    ),
                )
            except ValueError as exc:  # a relief on a component the tariff lacks
                self.skipped.append(Skipped(r.account_no, str(exc)))
                continue
            computations.append(computation)
            bills.append(
                # the account, the readings and the usage are the reading's:
                # the action takes them from there
                dict(
                    reading_id=r.id,
                    tariff_id=self.tariff_ids[tariff.code],
                    period_start=start,
                    amount=computation.total,
                    due_on=r.read_on + timedelta(days=PAYMENT_TERM_DAYS),
                )
            )
        self.bills.extend(
            bill | {"lines": [_line(line) for line in comp.lines]}
            for bill, comp in zip(bills, computations, strict=True)
        )


def _line(line) -> dict:
    return dict(
        kind=line.kind,
        component=line.component.value,
        tier_no=line.tier,
        volume=line.volume,
        unit_price=line.unit_price,
        amount=line.amount,
        label=line.label,
    )


def bill_period(
    db: Database,
    period: Period | str,
    *,
    progress: Callable[[str, int, int], None] | None = None,
) -> BillingReport:
    """Bill every unbilled reading closing ``period``; all or nothing.
    ``progress("billing", done, total)`` follows the readings computed.

    Runs as a batch login; a refusal of the action (a bill that does not add
    up, an account billed meanwhile) is raised as
    :class:`~counter_app.services.actions.ActionError` and nothing is written.
    """
    period = Period.parse(period) if isinstance(period, str) else period
    with db.read() as session:
        biller = _Biller(session, period)
        before = biller.already_billed()
        pending = biller.pending_readings()
        done = 0
        for chunk in _chunks(pending, CHUNK):
            biller.bill_chunk(chunk)
            done += len(chunk)
            if progress is not None:
                progress("billing", done, len(pending))
    billed, total = 0, ZERO
    if biller.bills:
        result = call(db, "issue_bills", str(period), jsonb(biller.bills))
        billed, total = result["billed"], Decimal(result["total"]).quantize(Decimal("0.01"))
    else:  # nothing new to bill: the prepayments still pay what is open
        result = call(db, "apply_prepayments")
    return BillingReport(
        period=str(period),
        billed=billed,
        already_billed=before,
        total_amount=total,
        skipped=tuple(biller.skipped),
        deducted=result["deducted"],
        deducted_total=Decimal(result["deducted_total"]).quantize(Decimal("0.01")),
    )


@dataclass(frozen=True)
class Adjustment:
    """An adjustment bill: ``amount`` negative is a credit, positive a debit;
    ``net`` is what the corrected bill comes to with all its adjustments."""

    bill_id: int
    adjusts_bill_id: int
    account_id: int
    period: str
    amount: Decimal
    reason: str
    approved_by: str
    net: Decimal


def adjust_bill(
    db: Database, bill_id: int, amount: Decimal, reason: str, *, workstation: str
) -> Adjustment:
    """Correct an issued bill (a supervisor or admin): a new bill linked to it,
    by ``counter_adjust_bill``; the issued bill itself never changes."""
    if not reason.strip():
        raise FieldError("reason", "a correction needs a reason", "required")
    amount = exact_money(amount, "amount")  # AmountError (a ValueError) naming the field
    made = call(db, "adjust_bill", bill_id, amount, reason.strip(), workstation)
    return Adjustment(
        made["id"],
        made["adjusts_bill_id"],
        made["account_id"],
        made["period"],
        made["amount"],
        made["reason"],
        made["approved_by"],
        made["net"],
    )


class AdjustmentService:
    """Corrections of issued bills for the screens (``workplace.services.adjustments``):
    the login's own connection, so the database records its supervisor as the approver."""

    def __init__(self, db: Database):
        self.db = db

    def adjust(self, bill_id: int, amount: Decimal, reason: str, actor: Actor) -> Adjustment:
        """:func:`adjust_bill` at ``actor``'s workstation; refusals as it raises them."""
        return adjust_bill(self.db, bill_id, amount, reason, workstation=actor.workstation)
