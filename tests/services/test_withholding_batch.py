"""Withholding files end to end on real PostgreSQL, as a batch login: the
request file, a return file made from it with failures, imported twice;
bad return files refused whole with their line; the books checked."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import text

from counter_app.domain.bank_files import layout_from_json, parse, render
from counter_app.services.actions import ActionError, call
from counter_app.services.channels.withholding import WithholdingService
from counter_app.services.channels.withholding_files import (
    WithholdingFileError,
    export_withholding,
    import_withholding,
)
from tests.support import withholding as withholding_fixtures
from tests.support.waiting import poll_until
from tests.support.withholding import LAYOUTS, NUMBERS, _return_file, _sign_all

hall = withholding_fixtures.hall  # the fixture
D = Decimal


def _books_clean(db) -> None:
    with db.read() as s:
        assert s.execute(text("SELECT * FROM counter_books_check()")).all() == []


def _count(db, table: str) -> int:
    with db.read() as s:
        return s.execute(text(f"SELECT count(*) FROM {table}")).scalar_one()


def _arrears(db, account_id: int) -> Decimal:
    with db.read() as s:
        return s.execute(
            text("SELECT coalesce(sum(outstanding), 0) FROM counter_open_bills(:a)"),
            {"a": account_id},
        ).scalar_one()


# ------------------------------------------------------------------- export


def test_export_writes_what_is_owed_up_to_the_period_and_records_the_batch(hall, tmp_path):
    _sign_all(hall)
    out = tmp_path / "abc-2026-11.txt"
    report = export_withholding(hall.batch, "ABC", "2026-11", out, today=date(2026, 12, 4))
    assert (report.batch_no, report.count, report.total) == ("ABC202611001", 3, D("1330.60"))
    asked = parse(layout_from_json(LAYOUTS["ABC"], "request"), out.read_bytes())
    assert asked.ok
    assert [(d["account_no"], d["bank_account"], d["amount"]) for _, d in asked.details] == [
        ("01000001", NUMBERS["01000001"], D("79.55")),
        ("01000002", NUMBERS["01000002"], D("1234.05")),
        ("01000003", NUMBERS["01000003"], D("17.00")),
    ]
    with hall.db.read() as s:
        batch = s.execute(
            text(
                "SELECT batch_no, file_hash, item_count, total_amount, created_by "
                "FROM withholding_batches"
            )
        ).one()
    assert batch[2:] == (3, D("1330.60"), hall.batch_name)
    assert batch.file_hash == report.file_hash
    # up to an earlier period: only the September bill
    _sign_all(hall, "RCB", ("01000004",))
    with pytest.raises(WithholdingFileError, match="nothing to withhold"):
        export_withholding(hall.batch, "RCB", "2026-09", tmp_path / "rcb.csv")
    assert not (tmp_path / "rcb.csv").exists()
    # the accounts of an unanswered request are not asked for twice
    with pytest.raises(WithholdingFileError):
        export_withholding(hall.batch, "ABC", "2026-11", tmp_path / "again.txt")


def test_export_refuses_items_that_are_not_what_is_owed(hall):
    agreements = _sign_all(hall, accounts=("01000002",))
    item = dict(
        seq=1,
        account_id=hall.accounts["01000002"],
        agreement_id=agreements["01000002"].id,
        amount="1234.05",
    )
    for changes, code in (
        ({"amount": "1.00"}, "stale"),
        ({"amount": "1234.055"}, "stale"),
        ({}, "stale"),
    ):
        batch_no = "ABC202611002" if not changes else "ABC202611001"
        with pytest.raises(ActionError) as refused:
            call(
                hall.batch,
                "export_withholding",
                "ABC",
                "2026-11",
                batch_no,
                "a" * 64,
                "f",
                json.dumps([item | changes]),
            )
        assert refused.value.code == code
    assert _count(hall.db, "withholding_batches") == 0


# ------------------------------------------------------------ round trip


def test_a_round_trip_reconciles_to_the_cent_and_imports_once(hall, tmp_path):
    _sign_all(hall)
    request = tmp_path / "req.txt"
    export_withholding(hall.batch, "ABC", "2026-11", request)
    answer = tmp_path / "ret.txt"
    answer.write_bytes(
        _return_file(
            request.read_bytes(),
            "ABC",
            {1: ("0000", "", "ABC00017"), 2: ("3001", "余额不足", ""), 3: ("0000", "", "ABC00019")},
        )
    )
    first = import_withholding(hall.batch, answer, "ABC")
    assert first.ok, first.errors
    assert (first.posted, first.failed, first.replayed) == (2, 1, False)
    r = first.reconciliation
    assert (
        r.sent_count,
        r.sent_amount,
        r.paid_count,
        r.paid_amount,
        r.failed_count,
        r.failed_amount,
    ) == (3, D("1330.60"), 2, D("96.55"), 1, D("1234.05"))
    assert r.agrees
    assert _arrears(hall.db, hall.accounts["01000001"]) == 0
    assert _arrears(hall.db, hall.accounts["01000002"]) == D("1234.05")
    with hall.db.read() as s:
        payments = s.execute(text("SELECT count(*), sum(amount) FROM payments")).one()
        agreement = s.execute(
            text(
                "SELECT last_result, last_reason FROM withholding_agreements WHERE account_id = :a"
            ),
            {"a": hall.accounts["01000002"]},
        ).one()
    assert payments == (2, D("96.55"))
    assert tuple(agreement) == ("failed", "余额不足")
    _books_clean(hall.db)

    again = import_withholding(hall.batch, answer, "ABC")
    assert again.ok and again.replayed and again.posted == 0
    # the same answers in another file (the bank sent it again): nothing new either
    resent = tmp_path / "ret2.txt"
    resent.write_bytes(answer.read_bytes().replace(b"20261206", b"20261207", 1))
    third = import_withholding(hall.batch, resent, "ABC")
    assert third.ok and (third.posted, third.already_posted) == (0, 3)
    with hall.db.read() as s:
        assert s.execute(text("SELECT count(*), sum(amount) FROM payments")).one() == (
            2,
            D("96.55"),
        )
    _books_clean(hall.db)
    screen = WithholdingService(hall.clerk).screen(hall.accounts["01000002"])
    assert screen.agreement.last_result == "failed"
    assert [(q.result, q.reason) for q in screen.requests] == [("failed", "余额不足")]


def test_the_failed_accounts_go_in_the_next_request(hall, tmp_path):
    _sign_all(hall, "RCB")
    request = tmp_path / "req.csv"
    export_withholding(hall.batch, "RCB", "2026-11", request)
    answer = tmp_path / "ret.csv"
    answer.write_bytes(
        _return_file(
            request.read_bytes(),
            "RCB",
            {1: ("S", "", "R1"), 2: ("F", "账户冻结", ""), 3: ("F", "余额不足", "")},
        )
    )
    assert import_withholding(hall.batch, answer, "RCB").ok
    again = export_withholding(hall.batch, "RCB", "2026-11", tmp_path / "req2.csv")
    assert (again.batch_no, again.count, again.total) == ("RCB202611002", 2, D("1251.05"))


# ------------------------------------------------------------- bad input


@pytest.fixture
def sent(hall, tmp_path) -> tuple:
    _sign_all(hall)
    request = tmp_path / "req.txt"
    export_withholding(hall.batch, "ABC", "2026-11", request)
    return hall, request.read_bytes(), tmp_path


def _nothing_posted(h) -> None:
    assert _count(h.db, "payments") == 0 and _count(h.db, "withholding_results") == 0
    assert _count(h.db, "withholding_imports") == 0
    _books_clean(h.db)


def _import(h, tmp_path: Path, data: bytes, bank="ABC"):
    path = tmp_path / "ret.txt"
    path.write_bytes(data)
    return import_withholding(h.batch, path, bank)


ALL_PAID = {1: ("0000", "", "A1"), 2: ("0000", "", "A2"), 3: ("0000", "", "A3")}


def test_another_banks_file_is_refused(sent):
    h, request, tmp_path = sent
    report = _import(h, tmp_path, _return_file(request, "ABC", ALL_PAID), bank="RCB")
    assert not report.ok and report.errors[0].line in (0, 1)
    _nothing_posted(h)


def test_a_truncated_file_is_refused(sent):
    h, request, tmp_path = sent
    whole = _return_file(request, "ABC", ALL_PAID)
    report = _import(h, tmp_path, whole[: whole.rindex(b"\r\nT") + 2])
    assert [(e.line, e.field) for e in report.errors] == [(4, "trailer")]  # its last line
    _nothing_posted(h)


def test_a_file_without_some_answers_does_not_reconcile_and_posts_nothing(sent):
    h, request, tmp_path = sent
    layout = layout_from_json(LAYOUTS["ABC"], "return")
    two = _return_file(request, "ABC", ALL_PAID)
    asked = parse(layout, two)
    kept = asked.details[:2]
    short = render(
        layout,
        asked.header,
        [v for _, v in kept],
        dict(count=2, total=sum((v["amount"] for _, v in kept), D("0"))),
    )
    report = _import(h, tmp_path, short)
    assert report.errors and report.errors[0].field == "rows"
    assert "unreconciled" in report.errors[0].message
    _nothing_posted(h)


def test_a_line_for_an_account_without_an_agreement_names_its_line(sent):
    h, request, tmp_path = sent
    data = _return_file(request, "ABC", ALL_PAID).replace(b"01000003", b"01000004")
    report = _import(h, tmp_path, data)
    assert [(e.line, e.field) for e in report.errors] == [(4, "account_no")]
    assert "no_agreement" in report.errors[0].message
    _nothing_posted(h)


def test_an_amount_with_three_decimals_names_its_line(hall, tmp_path):
    _sign_all(hall, "RCB")
    request = tmp_path / "req.csv"
    export_withholding(hall.batch, "RCB", "2026-11", request)
    data = _return_file(
        request.read_bytes(), "RCB", {1: ("S", "", "R1"), 2: ("S", "", "R2"), 3: ("S", "", "R3")}
    )
    data = data.replace(b",17.00,", b",17.001,")
    report = _import(hall, tmp_path, data, bank="RCB")
    assert (4, "amount") in [(e.line, e.field) for e in report.errors]
    _nothing_posted(hall)


def test_an_amount_other_than_requested_is_refused(sent):
    h, request, tmp_path = sent
    data = _return_file(request, "ABC", ALL_PAID, amounts={3: "16.00"})
    report = _import(h, tmp_path, data)
    assert [(e.line, e.field) for e in report.errors] == [(4, "amount")]
    _nothing_posted(h)


def test_the_same_reference_twice_is_refused(sent):
    h, request, tmp_path = sent
    twice = {1: ("0000", "", "A1"), 2: ("0000", "", "A2"), 3: ("0000", "", "A1")}
    report = _import(h, tmp_path, _return_file(request, "ABC", twice))
    assert [(e.line, e.field) for e in report.errors] == [(4, "bank_ref")]
    _nothing_posted(h)


def test_a_reference_posted_before_with_another_amount_is_refused(sent):
    """The bank reuses a reference of an earlier payment for another amount:
    the channel's idempotency (CT409) refuses the whole file."""
    h, request, tmp_path = sent
    first = _import(
        h,
        tmp_path,
        _return_file(
            request,
            "ABC",
            {1: ("0000", "", "A1"), 2: ("3001", "余额不足", ""), 3: ("3001", "余额不足", "")},
        ),
    )
    assert first.ok
    request2 = tmp_path / "req2.txt"
    export_withholding(h.batch, "ABC", "2026-11", request2)
    report = _import(
        h,
        tmp_path,
        _return_file(request2.read_bytes(), "ABC", {1: ("0000", "", "A1"), 2: ("0000", "", "A9")}),
    )
    assert report.errors and report.errors[0].line == 2
    with h.db.read() as s:
        assert s.execute(text("SELECT count(*) FROM payments")).scalar_one() == 1
    _books_clean(h.db)


def test_a_reference_of_a_payment_posted_otherwise_names_its_line(sent):
    """The channel refuses the same reference with another amount (CT409
    ref_conflict); the report says which line of the file it was."""
    h, request, tmp_path = sent
    with h.db.engine.begin() as conn:  # the DBA, as another path into the channel would
        conn.execute(
            text(
                "SELECT counter_post_channel_payment('withholding', 'ABC:A2', :a, "
                "5.00, now(), 'bank', 'elsewhere')"
            ),
            {"a": h.accounts["01000004"]},
        )
    report = _import(h, tmp_path, _return_file(request, "ABC", ALL_PAID))
    assert [(e.line, e.field) for e in report.errors] == [(3, "ref")]
    assert "ref_conflict" in report.errors[0].message
    with h.db.read() as s:
        assert s.execute(text("SELECT count(*) FROM payments")).scalar_one() == 1
        assert s.execute(text("SELECT count(*) FROM withholding_results")).scalar_one() == 0
    _books_clean(h.db)


def test_an_import_killed_half_way_posts_nothing_and_a_rerun_posts_it_all(sent):
    """The import is one statement: killed (its backend terminated) after it
    posted the first successes, while it waits for the last account's row, it
    leaves nothing; the run after posts every success once."""
    import threading

    h, request, tmp_path = sent
    path = tmp_path / "ret.txt"
    path.write_bytes(_return_file(request, "ABC", ALL_PAID))
    blocker = h.db.engine.connect()  # a clerk's payment on the last account, in flight
    blocker.execute(
        text("SELECT 1 FROM accounts WHERE id = :a FOR UPDATE"), {"a": h.accounts["01000003"]}
    )
    outcome: list = []
    worker = threading.Thread(target=lambda: outcome.append(_try_import(h, path)))
    worker.start()

    def blocked_import():
        with h.db.read() as s:
            return s.execute(
                text(
                    "SELECT pid FROM pg_stat_activity WHERE usename = :u "
                    "AND query LIKE '%counter_import_withholding%' "
                    "AND wait_event_type = 'Lock'"
                ),
                {"u": h.batch_name},
            ).scalar()

    pid = poll_until(blocked_import, timeout=10)
    assert pid, "the import never reached its lock"
    with h.db.engine.connect() as conn:
        conn.execute(text("SELECT pg_terminate_backend(:p)"), {"p": pid})
    worker.join(10)
    blocker.close()
    assert outcome and isinstance(outcome[0], Exception)
    _nothing_posted(h)
    h.batch.engine.dispose()
    rerun = import_withholding(h.batch, path, "ABC")
    assert rerun.ok and rerun.posted == 3
    _books_clean(h.db)


def _try_import(h, path):
    try:
        return import_withholding(h.batch, path, "ABC")
    except Exception as exc:  # noqa: BLE001 - the kill is what the test wants
        return exc


def test_a_forged_import_sent_past_the_parser_is_refused_by_the_database(sent):
    """A batch login's raw call: three decimals, another account, a success
    without a reference; each refused with its line, nothing posted."""
    h, request, tmp_path = sent
    asked = parse(layout_from_json(LAYOUTS["ABC"], "request"), request)
    rows = [
        dict(
            line=n,
            batch_no=asked.header["batch_no"],
            seq=d["seq"],
            account_no=d["account_no"],
            amount=str(d["amount"]),
            result_code="0000",
            reason="",
            bank_ref=f"F{d['seq']}",
        )
        for n, d in asked.details
    ]
    for change, code, field in (
        ({"amount": "17.001"}, "decimals", "rows[line 4].amount"),
        ({"account_no": "01000004"}, "no_agreement", "rows[line 4].account_no"),
        ({"bank_ref": ""}, "bank_ref", "rows[line 4].bank_ref"),
    ):
        forged = [*rows[:2], rows[2] | change]
        with pytest.raises(ActionError) as refused:
            call(h.batch, "import_withholding", "ABC", "b" * 64, "forged.txt", json.dumps(forged))
        assert (refused.value.code, refused.value.field) == (code, field)
    _nothing_posted(h)
