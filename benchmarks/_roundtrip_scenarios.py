"""The scenarios of benchmarks/roundtrips_bench.py: the ``ACTIONS`` table (one row
per clerk action, the calls the UI makes) and the helpers that prepare their
inputs (untimed). The runner (proxy, counting, table) is roundtrips_bench.py;
when a service changes shape, update its row here."""

from __future__ import annotations

import os
import uuid
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

from benchmarks._desk import Desk
from counter_app.domain.localtime import SHANGHAI
from counter_app.domain.periods import Period
from counter_app.services.channels.withholding import WithholdingService
from counter_app.services.complaints.types import ComplaintFilter, NewComplaint
from counter_app.services.payments.reversals import ReversalService
from counter_app.services.payments.service import (
    PaymentRequest,
    PaymentService,
    Tender,
    TenderInput,
)
from counter_app.services.relief.service import RegisterFilter, ReliefInput

D = Decimal

# -- what each clerk action calls: one row per action, ``(name, prepare, call)`` ---------
# ``prepare(desk)`` (not timed) makes the inputs, ``call(desk, inputs)`` is timed. The
# calls are the UI's (counter_app/ui: search page, account panel, payments page and
# dialogs, day close, relief page and form, complaints page); update them here when a
# service becomes a thin client of a server function.
ACTIONS: list[tuple[str, object, object]] = [
    ("calibration: SELECT 1 (autocommit)", None, lambda d, _: d.raw.execute("SELECT 1").fetchone()),
    ("search: name (2 characters)", None, lambda d, _: d.search.search(d.name_query, limit=50)),
    ("search: account no.", None, lambda d, _: d.search.search(d.account_no, limit=50)),
    (
        "account: open (screen: view + bills + payments + withholding + deduction)",
        lambda d: d.account(),
        lambda d, a: d.accounts.screen(a),
    ),
    (
        "withholding: dialog load (the line's own call before 0027)",
        lambda d: d.account(),
        lambda d, a: WithholdingService(d.db).screen(a),
    ),
    (
        "payment form: load account (+ open shift)",
        lambda d: d.account(),
        lambda d, a: PaymentService(d.db).account_for_payment(account_id=a),
    ),
    (
        "payment history (12 months)",
        lambda d: d.account(),
        lambda d, a: d.accounts.history(
            a, from_period=Period.from_date(today()).add(-11), to_period=Period.from_date(today())
        ),
    ),
    ("payment: post (cash)", lambda d: cash_request(d), lambda d, r: d.payments.post(r, d.actor)),
    (
        "payment: receipt facts (to print)",
        lambda d: post_one(d),
        lambda d, p: PaymentService(d.db).receipt_facts(p.payment_id),
    ),
    (
        "reprint (log + receipt facts)",
        lambda d: post_one(d),
        lambda d, p: ReversalService(d.db).reprint(p.payment_id, d.actor),
    ),
    (
        "reversal: supervisor sign-in (login(), the dialogs before act_as)",
        None,
        lambda d, _: d.authenticator.login(d.sup.username, d.password).database.dispose(),
    ),
    (
        "approval: reversal after login() (the dialog before act_as)",
        lambda d: (post_one(d), open_shift(d)),
        lambda d, ps: approve_after_login(d, *ps),
    ),
    (
        "approval: reversal on one connection (act_as, the dialog now)",
        lambda d: (post_one(d), open_shift(d)),
        lambda d, ps: approve_on_one_connection(d, *ps),
    ),
    (
        "supervisor check: verify (one connection, no engine)",
        None,
        lambda d, _: d.authenticator.verify(d.sup.username, d.password, role="supervisor"),
    ),
    (
        "reversal: reverse (supervisor signed in)",
        lambda d: (post_one(d), open_shift(d)),
        lambda d, ps: ReversalService(d.sup_db).reverse(
            payment_id=ps[0].payment_id,
            reason="压测冲正",
            supervisor=d.sup,
            actor=d.actor,
            shift_id=ps[1],
            client_uuid=str(uuid.uuid4()),
        ),
    ),
    (
        "shift: close (report included)",
        lambda d: open_shift(d),
        lambda d, s: d.shifts.close(s, d.actor, cash_counts={}, reason="压测交班"),
    ),
    (
        "shift: open",
        lambda d: close_shift(d),
        lambda d, _: d.shifts.open(d.actor, d.clerk.hall_code, D("200.00")),
    ),
    ("day close: load (till)", None, lambda d, _: d.shifts.till(today())),
    (
        "relief: register (page load)",
        None,
        lambda d, _: d.relief.page(RegisterFilter(), RELIEF_EXPIRING_DAYS),
    ),
    (
        "relief: form load (brief + options)",
        lambda d: d.household(),
        lambda d, a: d.relief.context(a),
    ),
    ("relief: file", lambda d: relief_form(d), lambda d, f: d.relief.apply(f, d.actor)),
    (
        "relief: approve (supervisor)",
        lambda d: d.relief.apply(relief_form(d), d.actor),
        lambda d, r: d.relief_sup.approve(r.id, r.version, d.sup_actor),
    ),
    (
        "complaint: list (+ monthly counts)",
        None,
        lambda d, _: d.complaints.screen(ComplaintFilter(), today().year),
    ),
    ("complaint: file", lambda d: new_complaint(d), lambda d, c: d.complaints.receive(c, d.actor)),
    (
        "complaint: forward",
        lambda d: d.complaints.receive(new_complaint(d), d.actor),
        lambda d, c: d.complaints.forward(c.id, c.version, "管网维修", soon(days=3), d.actor),
    ),
    (
        "complaint: close",
        lambda d: resolved_complaint(d),
        lambda d, c: d.complaints.close(c.id, c.version, "satisfied", d.actor),
    ),
    (
        "correction: request",
        lambda d: seen_account(d),
        lambda d, a: d.corrections.file(a[0], "address", new_address(d), "户口本", a[1], d.actor),
    ),
    (
        "correction: approve (supervisor)",
        lambda d: filed_correction(d),
        lambda d, c: d.corrections_sup.approve(c.id, c.version, d.sup, d.sup_actor, shown=c),
    ),
    ("outage: list (+ areas)", None, lambda d, _: d.outages_sup.screen()),
    (
        "outage: announce (supervisor)",
        None,
        lambda d, _: d.outages_sup.announce(
            d.area, soon(days=1), soon(days=1, hours=4), "管网维修压测", d.sup, d.sup_actor
        ),
    ),
]
RELIEF_EXPIRING_DAYS = 30  # counter_app/ui/relief/page.py EXPIRING_DAYS


# -- inputs ---------------------------------------------------------------------------


def today() -> date:
    return datetime.now(SHANGHAI).date()


def soon(**delta) -> datetime:
    return datetime.now(UTC) + timedelta(**delta)


def open_shift(d: Desk) -> int:
    return d.shifts.current(d.clerk.id) or d.shifts.open(d.actor, d.clerk.hall_code, D("200.00"))


def close_shift(d: Desk) -> None:
    shift = d.shifts.current(d.clerk.id)
    if shift is not None:
        d.shifts.close(shift, d.actor, cash_counts={}, reason="压测交班")


def cash_request(d: Desk) -> PaymentRequest:
    """Pay every open bill in cash (rounded up to the yuan: change given), or
    deposit 10.00 when nothing is owed (as payments_bench does)."""
    account, shift = PaymentService(d.db).account_for_payment(account_id=d.account()), open_shift(d)
    owed = account.owed
    if owed > 0:
        return PaymentRequest(
            str(uuid.uuid4()),
            account.account_id,
            shift,
            (TenderInput(Tender.CASH, owed, D(int(owed) + 1)),),
            owed,
            bill_ids=tuple(b.bill_id for b in account.bills),
            expected_owed=owed,
        )
    return PaymentRequest(
        str(uuid.uuid4()),
        account.account_id,
        shift,
        (TenderInput(Tender.CASH, D("10.00")),),
        D("0.00"),
    )


def post_one(d: Desk):
    return d.payments.post(cash_request(d), d.actor)


def approve_after_login(d: Desk, payment, shift: int):
    """The reversal dialog before act_as: the supervisor's engine (login()), the action on it."""
    login = d.authenticator.login(d.sup.username, d.password)
    try:
        return ReversalService(login.database).reverse(
            payment_id=payment.payment_id,
            reason="压测冲正",
            supervisor=login.clerk,
            actor=d.actor,
            shift_id=shift,
            client_uuid=str(uuid.uuid4()),
        )
    finally:
        login.database.dispose()


def approve_on_one_connection(d: Desk, payment, shift: int):
    """The reversal dialog now (ui/payments/supervisor.py as_supervisor): act_as."""
    return d.authenticator.act_as(
        d.sup.username,
        d.password,
        lambda db: ReversalService(db).reverse(
            payment_id=payment.payment_id,
            reason="压测冲正",
            actor=d.actor,
            shift_id=shift,
            client_uuid=str(uuid.uuid4()),
        ),
    )


def relief_form(d: Desk) -> ReliefInput:
    return ReliefInput(
        account_id=d.household(),
        certificate_type="城镇居民最低生活保障证",
        certificate_no=f"压测{os.getpid()}-{d.name}-{d.serial()}",
        issuing_office="嘉祥县民政局",
        valid_from=today() - timedelta(days=30),
        valid_to=today() + timedelta(days=365),
        holder_name="张三",
        holder_id_number="370829198506150011",
        contact_phone="13812345678",
        materials=("certificate_original", "certificate_copy", "holder_id_copy"),
    )


def new_complaint(d: Desk) -> NewComplaint:
    return NewComplaint(
        complainant="张先生",
        contact="13812345678",
        channel="counter",
        category="pressure",
        description="早晚水压低，三楼以上没水",
        account_id=d.account(),
    )


def resolved_complaint(d: Desk):
    c = d.complaints.receive(new_complaint(d), d.actor)
    return d.complaints.resolve(c.id, c.version, "已调整减压阀", d.actor)


def seen_account(d: Desk) -> tuple[int, int]:
    view = d.accounts.account_view(d.account())
    return view.account_id, view.version


def new_address(d: Desk) -> str:
    return f"嘉祥县呈祥大道{d.serial()}号"


def filed_correction(d: Desk):
    account, version = seen_account(d)
    return d.corrections.file(account, "address", new_address(d), "户口本", version, d.actor)
