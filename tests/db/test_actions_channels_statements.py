"""Money that does not pass the counter (migration 0022), signed in as real
logins, the online statements: posted as a batch login, held, replayed,
cut short and run again, refused line by line, and imported from two
connections at once. The books are checked after every scenario. The
prepayment at billing, the channel reversal and the raw SQL a clerk or a
batch login could send are in test_actions_channels_money.py."""

from __future__ import annotations

import threading
import uuid
from datetime import date, datetime
from decimal import Decimal

import pytest
from sqlalchemy import text

from counter_app.services.actions import ActionError, call
from counter_app.services.channels.online import import_online, read_statement
from counter_app.services.channels.service import (
    ChannelService,
)
from counter_app.services.imports.readings import ImportFileError
from counter_app.services.installation.batch import jsonb
from tests.support.builders import make_account
from tests.support.channels import HEADER, TZ, bill_february, scalar, statement_file, when
from tests.support.payments import books
from tests.support.waiting import poll_until

D = Decimal


@pytest.fixture
def closed_account(utility):
    with utility.db.write() as s:
        return make_account(
            s, "01000002", status="closed", mobile="13812345679", id_number="370829199001011235"
        ).id


def test_an_online_statement_posts_holds_and_replays(
    utility,
    closed_account,
    tmp_path,
    login_as,
):
    bill_february(utility)
    path = statement_file(
        tmp_path,
        [
            (when(60), "W1", "01000001", "41.40"),  # pays the bill
            (when(61), "W2", "99999999", "10.00"),  # unknown account
            (when(62), "W3", "01000002", "5.00"),  # closed account
            (when(63), "W4", "01000001", "100.00"),  # more than was owed then
        ],
    )
    report = import_online(utility.batch, path, "wechat")
    assert report.ok and report.reconciled
    assert (report.orders, report.posted, report.suspended, report.replayed) == (4, 1, 3, 0)
    assert report.posted_amount == D("41.40") and report.suspended_amount == D("115.00")
    assert report.to_bills == D("41.40") and report.file_total == D("156.40")
    assert (
        scalar(
            utility.db, "SELECT sum(outstanding) FROM counter_open_bills(:a)", a=utility.account_id
        )
        == 0
    )
    receipt = scalar(
        utility.db,
        "SELECT s.prefix || p.receipt_no FROM payments p JOIN "
        "receipt_series s ON s.code = p.series_code WHERE p.external_ref = "
        "'wechat:W1'",
    )
    assert receipt == "WS1"
    assert (
        scalar(utility.db, "SELECT clerk FROM audit_events WHERE action = 'payment.online'")
        == utility.batch_name
    )
    # the same file again posts nothing
    again = import_online(utility.batch, path, "wechat")
    assert again.file_replayed and again.posted == 0
    assert scalar(utility.db, "SELECT count(*) FROM payments") == 1

    supervisor, _ = login_as("supervisor")
    day = ChannelService(supervisor).channel_day(datetime.now(TZ).date())
    assert day["channels"] == [
        {
            "channel": "online",
            "tender": "wechat",
            "payments": 1,
            "amount": D("41.40"),
            "to_bills": D("41.40"),
            "to_prepayment": 0,
            "prepayment_used": 0,
            "first_receipt": "WS00000001",
            "last_receipt": "WS00000001",
        }
    ]
    assert day["suspense"]["received"] == 3 and day["suspense"]["open_amount"] == D("115.00")
    held = ChannelService(supervisor).suspense_list()
    assert held.open_count == 3 and held.open_amount == D("115.00")
    by_ref = {r.ref: r for r in held.rows}
    assert by_ref["wechat:W4"].reason == "overpaid" and by_ref["wechat:W4"].owed == 0
    assert by_ref["wechat:W2"].reason == "unknown_account"
    clerk, _ = login_as("clerk")
    with pytest.raises(ActionError) as refused:
        ChannelService(clerk).resolve_suspense(
            by_ref["wechat:W4"].id, "to_prepayment", "call", workstation="W"
        )
    assert refused.value.kind == "forbidden"
    with pytest.raises(ActionError) as refused:
        ChannelService(supervisor).resolve_suspense(
            by_ref["wechat:W2"].id, "to_prepayment", "x", workstation="W"
        )
    assert refused.value.code == "no_account"
    done = ChannelService(supervisor).resolve_suspense(
        by_ref["wechat:W4"].id, "to_prepayment", "customer prepays", workstation="W"
    )
    assert done.resolution["action"] == "to_prepayment" and done.resolution["receipt"]
    ChannelService(supervisor).resolve_suspense(
        by_ref["wechat:W2"].id,
        "to_account",
        "typo in account no",
        account_no="01000001",
        workstation="W",
    )
    ChannelService(supervisor).resolve_suspense(
        by_ref["wechat:W3"].id, "refunded", "refunded via WeChat", workstation="W"
    )
    with pytest.raises(ActionError) as refused:
        ChannelService(supervisor).resolve_suspense(
            by_ref["wechat:W3"].id, "refunded", "again", workstation="W"
        )
    assert refused.value.code == "already"
    assert scalar(
        utility.db, "SELECT prepayment_balance FROM accounts WHERE id = :a", a=utility.account_id
    ) == D("110.00")
    assert ChannelService(supervisor).suspense_list().open_count == 0
    # the file again: every order is a replay, the resolved ones included
    assert import_online(utility.batch, path, "wechat").file_replayed
    assert books(utility.db) == []


def test_an_order_for_a_bill_paid_meanwhile_at_the_counter_goes_to_prepayment(
    utility, tmp_path, login_as
):
    bill_february(utility)
    paid_at_home = when(1)  # after the bill (the statement has whole seconds)
    clerk, _ = login_as("clerk")
    # the counter takes the money after the order was paid: wait for the clock to pass it
    assert poll_until(
        lambda: scalar(
            utility.db,
            "SELECT now() > CAST(:t AS timestamp) AT TIME ZONE 'Asia/Shanghai'",
            t=paid_at_home,
        ),
        timeout=5,
    )
    shift = call(clerk, "open_shift", "WS1", D("0"))["shift_id"]
    call(
        clerk,
        "post_payment",
        "WS1",
        str(uuid.uuid4()),
        utility.account_id,
        shift,
        None,
        D("41.40"),
        [],
        None,
        jsonb([{"tender": "cash", "amount": "41.40"}]),
    )
    till_before = call(clerk, "till", date.today(), "Asia/Shanghai")["totals"]
    report = import_online(
        utility.batch,
        statement_file(tmp_path, [(paid_at_home, "H1", "01000001", "41.40")]),
        "wechat",
    )
    assert (report.posted, report.suspended) == (1, 0)
    assert report.to_bills == 0 and report.to_prepayment == D("41.40")
    # never a double allocation; the clerk's till does not see the channel
    assert scalar(utility.db, "SELECT sum(amount) FROM allocations") == D("41.40")
    assert call(clerk, "till", date.today(), "Asia/Shanghai")["totals"] == till_before
    assert till_before["payments"] == 1 and till_before["by_tender"]["wechat"] == 0
    assert books(utility.db) == []


def test_an_import_cut_short_then_run_whole_posts_what_was_missing(
    utility,
    tmp_path,
    login_as,
):
    admin, _ = login_as("admin")
    ChannelService(admin).set_channel_setting("online_overpay", "prepayment", workstation="W")
    bill_february(utility)
    path = statement_file(
        tmp_path, [(when(60 + i), f"C{i}", "01000001", "20.00") for i in range(4)]
    )
    half = read_statement(path, "wechat").orders[:2]
    first = import_online(utility.batch, path, "wechat", orders=half)
    assert (first.posted, first.replayed) == (2, 0)
    whole = import_online(utility.batch, path, "wechat")
    assert (whole.posted, whole.replayed, whole.suspended) == (2, 2, 0) and whole.reconciled
    assert scalar(utility.db, "SELECT count(*) FROM payments WHERE channel = 'online'") == 4
    assert scalar(
        utility.db, "SELECT prepayment_balance FROM accounts WHERE id = :a", a=utility.account_id
    ) == D("38.60")
    assert books(utility.db) == []


def test_bad_statements_name_their_line_and_post_nothing(utility, tmp_path):
    bill_february(utility)
    ok = (when(60), "B1", "01000001", "10.00")
    truncated = tmp_path / "cut.csv"
    truncated.write_text(HEADER + ",".join(ok) + "\n" + when(61) + ",B2,0100", encoding="utf-8")
    errors = import_online(utility.batch, truncated, "wechat").errors
    assert [(e.line, e.field) for e in errors] == [(3, "line"), (4, "total")]
    three = statement_file(
        tmp_path, [ok, (when(61), "B2", "01000001", "1.005")], "three.csv", total=(2, "11.01")
    )
    assert [(e.line, e.field) for e in import_online(utility.batch, three, "wechat").errors] == [
        (3, "amount")
    ]
    twice = statement_file(tmp_path, [ok, (when(61), "B1", "01000001", "11.00")], "twice.csv")
    (error,) = import_online(utility.batch, twice, "wechat").errors
    assert error.line == 3 and "another amount" in error.message
    with pytest.raises(ImportFileError, match="not a alipay statement"):
        import_online(utility.batch, statement_file(tmp_path, [ok], "header.csv"), "alipay")
    wrong_total = statement_file(tmp_path, [ok], "total.csv", total=(1, "10.01"))
    assert [e.field for e in import_online(utility.batch, wrong_total, "wechat").errors] == [
        "total"
    ]
    assert scalar(utility.db, "SELECT count(*) FROM payments") == 0
    # an order posted before, sent again with another amount: the database names the line
    import_online(utility.batch, statement_file(tmp_path, [ok], "one.csv"), "wechat")
    other = statement_file(
        tmp_path,
        [(when(70), "B9", "01000001", "1.00"), (ok[0], "B1", "01000001", "12.00")],
        "other.csv",
    )
    (error,) = import_online(utility.batch, other, "wechat").errors
    assert (error.line, error.field) == (3, "amount") and "already" in error.message
    assert scalar(utility.db, "SELECT count(*) FROM payments") == 1
    assert books(utility.db) == []


def test_the_same_statement_from_two_connections_posts_each_order_once(
    utility, tmp_path, login_batch
):
    bill_february(utility)
    path = statement_file(tmp_path, [(when(60), "P1", "01000001", "41.40")])
    second, _ = login_batch()
    results: list = []
    barrier = threading.Barrier(2)

    def run(database) -> None:
        barrier.wait()
        results.append(import_online(database, path, "wechat"))

    threads = [threading.Thread(target=run, args=(d,)) for d in (utility.batch, second)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert sorted(r.file_replayed for r in results) == [False, True]
    assert sum(r.posted for r in results) == 1
    assert scalar(utility.db, "SELECT count(*) FROM payments WHERE channel = 'online'") == 1
    assert books(utility.db) == []


def test_overlapping_statements_from_two_connections_post_each_order_once(
    utility, tmp_path, login_batch
):
    """Two files sharing orders, in opposite order, at once: no deadlock, each
    order once (the second waits for the first's references)."""
    admin_setting = "INSERT INTO utility_settings VALUES ('online_overpay', 'prepayment')"
    with utility.db.engine.begin() as conn:
        conn.execute(text(admin_setting))
    bill_february(utility)
    rows = [(when(60 + i), f"V{i}", "01000001", "5.00") for i in range(6)]
    first = statement_file(tmp_path, rows[:4], "a.csv")
    second = statement_file(tmp_path, list(reversed(rows[2:])), "b.csv")
    other, _ = login_batch()
    results: list = []
    barrier = threading.Barrier(2)

    def run(database, path) -> None:
        barrier.wait()
        results.append(import_online(database, path, "wechat"))

    threads = [
        threading.Thread(target=run, args=a) for a in ((utility.batch, first), (other, second))
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert all(r.ok for r in results), [r.errors for r in results]
    assert sum(r.posted for r in results) == 6 and sum(r.replayed for r in results) == 2
    assert scalar(utility.db, "SELECT count(*) FROM payments WHERE channel = 'online'") == 6
    assert books(utility.db) == []
