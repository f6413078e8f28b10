"""SearchService: every query kind, tricky names, bad input."""

from __future__ import annotations

import dataclasses
import uuid
from datetime import date
from decimal import Decimal

import pytest

from counter_app.db import models as m
from counter_app.db.engine import Database
from counter_app.services.accounts.search import AccountHit, SearchResult, SearchService
from tests.support.builders import make_clerk_row
from tests.support.search_people import ID_15, ID_ZHANG, populate


@pytest.fixture(scope="module")
def people(pg_server):
    """The town, built once for the read-only tests: (db, ids)."""
    name = pg_server.create(template=pg_server.migrated_template())
    db = Database.from_url(pg_server.url_for(name))
    try:
        yield db, populate(db)
    finally:
        db.dispose()
        pg_server.drop(name)


def search(db, raw: str, **kw) -> SearchResult:
    return SearchService(db).search(raw, **kw)


def ids_of(result: SearchResult) -> list[int]:
    return [h.account_id for h in result.hits]


# ------------------------------------------------------------------ the shape


def test_returns_frozen_dataclasses(people):
    db, ids = people
    result = search(db, "张三")
    assert isinstance(result, SearchResult)
    hit = result.hits[0]
    assert isinstance(hit, AccountHit)
    assert dataclasses.is_dataclass(hit) and isinstance(hit.arrears, Decimal)
    with pytest.raises(dataclasses.FrozenInstanceError):
        hit.name = "x"  # type: ignore[misc]
    assert hit.account_no == "01000001" and hit.mobile_masked == "138****5678"
    assert hit.id_masked == "370829********1234"


def test_exact_then_prefix_then_contains(people):
    db, ids = people
    result = search(db, "张三")
    assert ids_of(result)[:3] == [ids["zhangsan"], ids["zhangsanfeng"], ids["lizhangsan"]]
    assert [h.match for h in result.hits[:3]] == ["exact", "prefix", "contains"]
    assert {h.matched for h in result.hits[:3]} == {"name"}


def test_limit_and_more(people):
    db, _ = people
    result = search(db, "王", limit=50)
    assert len(result.hits) == 50 and result.more
    assert all(h.name.startswith("王") for h in result.hits)
    small = search(db, "王", limit=5)
    assert len(small.hits) == 5 and small.more
    everything = search(db, "王", limit=500)
    assert not everything.more and len(everything.hits) == 61


# ---------------------------------------------------------------- numbers


@pytest.mark.parametrize("raw", ["01000001", "０１０００００１", "no:01000001", "户号：01000001"])
def test_account_number_exact(people, raw):
    db, ids = people
    result = search(db, raw)
    assert ids_of(result)[0] == ids["zhangsan"]
    assert result.hits[0].matched == "account_no" and result.hits[0].match == "exact"


def test_account_number_prefix(people):
    db, ids = people
    result = search(db, "no:010000")
    assert ids_of(result) == [ids["zhangsan"], ids["zhangsanfeng"], ids["lizhangsan"]]
    assert {h.match for h in result.hits} == {"prefix"}


@pytest.mark.parametrize(
    "raw",
    [
        "13812345678",
        "138-1234-5678",
        "１３８ １２３４ ５６７８",
        "tel:13812345678",
        "+86 13812345678",
    ],
)
def test_full_mobile(people, raw):
    db, ids = people
    result = search(db, raw)
    assert ids_of(result) == [ids["zhangsan"]]
    assert result.hits[0].matched == "mobile"


def test_mobile_tail_comes_before_an_account_prefix(people):
    db, ids = people
    result = search(db, "5678")  # 138****5678 and 139****5678; no account no. 5678...
    assert ids_of(result) == [ids["zhangsan"], ids["zhangsanfeng"]]
    assert {h.matched for h in result.hits} == {"mobile_tail"}
    result = search(db, "1234")
    # 1234: ID tail of 张三 (...1234), mobile tail of none, account 12340000 by prefix
    assert result.hits[0].account_id == ids["zhangsan"]
    assert result.hits[0].matched == "id_tail"
    assert result.hits[-1].account_id == ids["mixed"] and result.hits[-1].matched == "account_no"


def test_prefix_forces_the_kind(people):
    db, ids = people
    assert ids_of(search(db, "no:1234")) == [ids["mixed"]]
    assert ids_of(search(db, "id:1234")) == [ids["zhangsan"]]
    assert ids_of(search(db, "tel:0000")) == [ids["ouyang"]]
    assert search(db, "tel:1234").hits == ()


@pytest.mark.parametrize(
    "raw",
    ["0537-6812345", "05376812345", "6812345", "0537 681 2345", "tel:6812345", "电话:0537-6812345"],
)
def test_landline_with_or_without_area_code(people, raw):
    db, ids = people
    result = search(db, raw)
    assert ids_of(result) == [ids["lizhangsan"]]
    assert result.hits[0].matched == "landline"


def test_landline_stored_without_dash(people):
    db, ids = people
    for raw in ("0537-6654321", "6654321"):
        assert ids_of(search(db, raw)) == [ids["old15"]]


@pytest.mark.parametrize("raw", [ID_ZHANG, "370829 19900101 1234", "身份证:370829199001011234"])
def test_full_id_number(people, raw):
    db, ids = people
    result = search(db, raw)
    assert ids_of(result) == [ids["zhangsan"]]
    assert result.hits[0].matched == "id_number"


@pytest.mark.parametrize(
    "raw", ["37082919850615002x", "37082919850615002X", "３７０８２９１９８５０６１５００２ｘ"]
)
def test_id_number_with_x_either_case(people, raw):
    db, ids = people
    assert ids_of(search(db, raw)) == [ids["lizhangsan"]]


def test_fifteen_digit_id_finds_old_and_upgraded_records(people):
    db, ids = people
    assert set(ids_of(search(db, ID_15))) == {ids["old15"], ids["new18"]}


@pytest.mark.parametrize(
    ("raw", "who"),
    [("002x", "lizhangsan"), ("002X", "lizhangsan"), ("1234", "zhangsan"), ("id:1234", "zhangsan")],
)
def test_id_tails(people, raw, who):
    db, ids = people
    result = search(db, raw)
    assert ids_of(result)[0] == ids[who]
    assert result.hits[0].matched == "id_tail"


@pytest.mark.parametrize("raw", ["JX2400000002", "jx2400000002", "meter:JX2400000002"])
def test_meter_number(people, raw):
    db, ids = people
    result = search(db, raw)
    assert ids_of(result)[0] == ids["zhangsanfeng"]
    assert result.hits[0].matched == "meter_no"


def test_meter_number_prefix(people):
    db, ids = people
    assert ids_of(search(db, "meter:jx24")) == [ids["zhangsan"], ids["zhangsanfeng"]]


# ------------------------------------------------------------------- names


def test_one_character_name_fragments(people):
    db, ids = people
    assert ids_of(search(db, "丰")) == [ids["zhangsanfeng"]]
    result = search(db, "张")
    assert ids_of(result)[:2] == [ids["zhangsan"], ids["zhangsanfeng"]]
    assert ids["lizhangsan"] in ids_of(result)


def test_two_character_fragment_inside_a_name(people):
    db, ids = people
    assert ids_of(search(db, "三丰")) == [ids["zhangsanfeng"]]
    assert ids_of(search(db, "娜娜")) == [ids["ouyang"]]


def test_compound_surname(people):
    db, ids = people
    for raw in ("欧阳", "欧阳娜娜", "oynn", "oy", "ouyang", "ouyangnana"):
        assert ids_of(search(db, raw))[0] == ids["ouyang"], raw


def test_rare_character(people):
    db, ids = people
    assert ids_of(search(db, "㵘")) == [ids["rare"]]
    assert ids_of(search(db, "王㵘"))[0] == ids["rare"]


@pytest.mark.parametrize(
    ("who", "initials", "full"),
    [
        ("zeng", "zgf", "zengguofan"),
        ("shan", "stf", "shantianfang"),
        ("xie", "xj", "xiejin"),
        ("qiu", "qy", "qiuying"),
        ("ou", "ow", "ouwei"),
        ("qin", "qm", "qinming"),
        ("piao", "pjh", "piaojinhui"),
    ],
)
def test_surname_readings_by_pinyin(people, who, initials, full):
    db, ids = people
    for raw in (initials, initials.upper(), full, "name:" + initials):
        result = search(db, raw)
        assert ids_of(result)[0] == ids[who], raw
        assert result.hits[0].matched == "pinyin" and result.hits[0].match == "exact"


def test_pinyin_initials_prefix(people):
    db, ids = people
    result = search(db, "zs")
    assert ids_of(result)[:2] == [ids["zhangsan"], ids["mixed"]]  # 张三 zs, 赵四 zs
    assert ids["zhangsanfeng"] in ids_of(result)  # zsf by prefix
    assert [h.match for h in result.hits] == ["exact", "exact", "prefix"]


# ---------------------------------------------------------------- addresses


@pytest.mark.parametrize(
    ("raw", "who"),
    [
        ("幸福路12号", ["lizhangsan"]),
        ("院内表井", ["zhangsanfeng"]),
        ("萌山路", ["rare"]),
        ("addr:后屯村", ["zhangsanfeng"]),
        ("管道井", ["zhangsan"]),
    ],
)
def test_address_and_meter_location_fragments(people, raw, who):
    db, ids = people
    result = search(db, raw)
    assert ids_of(result) == [ids[w] for w in who]
    assert {h.matched for h in result.hits} == {"address"}


def test_unit_fragment(people):
    db, ids = people
    assert ids_of(search(db, "2单元")) == [ids["zhangsan"]]
    assert search(db, "5单元").hits == ()


def test_a_chinese_query_finds_names_before_addresses(people):
    db, ids = people
    result = search(db, "张三丰")
    assert result.kinds == ("name", "address")
    assert ids_of(result) == [ids["zhangsanfeng"]]
    result = search(db, "幸福小区")
    assert result.kinds == ("name", "address")
    assert ids_of(result) == [ids["zhangsan"]]


def test_short_fragments_are_names_unless_forced(people):
    db, ids = people
    assert search(db, "幸福").hits == ()  # a name fragment: no such name
    result = search(db, "addr:幸福")
    assert set(ids_of(result)) == {ids["zhangsan"], ids["lizhangsan"]}


# ---------------------------------------------------------------- bad input


BAD = [
    "",
    " ",
    "\u3000",
    "x" * 1000,
    "%",
    "%%",
    "_",
    "__",
    "'",
    "''",
    "\\",
    "\\\\",
    "😀",
    "\x00",
    "\x07\x1b[2J",
    "%' OR '1'='1",
    "*",
    "'; DROP TABLE accounts; --",
    "%_%",
    "\u200b",
    "tel:",
    "tel:%",
    "id:_",
    "addr:%",
    "no:%",
    "名:",
]


@pytest.mark.parametrize("raw", BAD)
def test_bad_input_never_raises_and_never_returns_the_table(people, raw):
    db, _ = people
    result = search(db, raw)
    assert len(result.hits) < 10  # never "everything"
    if not result.kinds:
        assert result.hits == () and result.hint is not None and not result.more


@pytest.mark.parametrize("raw", ["%", "_", "'", "\\", "😀", "", " ", "x" * 1000, "\x01"])
def test_bad_input_gives_a_hint(people, raw):
    db, _ = people
    result = search(db, raw)
    assert result.hits == () and result.kinds == () and result.hint
    assert not result.more


def test_wildcards_inside_text_are_literal_or_dropped(people):
    db, ids = people
    assert ids_of(search(db, "张%三"))[0] == ids["zhangsan"]  # % dropped: 张三
    assert search(db, "%张").kinds == ("name",)
    assert search(db, "0%").hint == "too_short"


def test_digits_too_short_look_up_exact_only(people):
    db, _ = people
    result = search(db, "0")
    assert result.hits == () and result.hint == "too_short"


def test_limit_is_clamped(people):
    db, _ = people
    assert len(search(db, "王", limit=0).hits) == 1
    assert len(search(db, "王", limit=10_000).hits) == 61


# ------------------------------------------------------------------- arrears


def test_arrears_are_bills_minus_unreversed_allocations(db):
    ids = populate(db)
    account_id = ids["zhangsan"]
    with db.write() as s:
        tariff = m.Tariff(
            code="T", name="居民", category_code="RES", effective_from=date(2026, 1, 1)
        )
        s.add(tariff)
        s.flush()
        bills = []
        for period, amount in (("2026-08", "100.00"), ("2026-10", "50.50")):
            bill = m.Bill(
                account_id=account_id,
                period=period,
                tariff_id=tariff.id,
                period_start=date(2026, 7, 1),
                period_end=date(2026, 8, 31),
                start_reading=0,
                end_reading=10,
                usage=10,
                amount=Decimal(amount),
                due_on=date(2026, 9, 30),
            )
            s.add(bill)
            s.flush()
            bills.append(bill)
        clerk = make_clerk_row(s, "c1")
        shift = m.Shift(clerk_id=clerk.id, hall_code="HQ", workstation="WS1")
        s.add(shift)
        s.flush()
        payments = []
        for no, amount in ((1, "30.00"), (2, "20.00")):
            p = m.Payment(
                client_uuid=str(uuid.uuid4()),
                content_hash="x" * 64,
                account_id=account_id,
                shift_id=shift.id,
                clerk_id=clerk.id,
                workstation="WS1",
                series_code="HQ",
                receipt_no=no,
                amount=Decimal(amount),
            )
            s.add(p)
            s.flush()
            s.add(m.Allocation(payment_id=p.id, bill_id=bills[0].id, amount=Decimal(amount)))
            s.add(
                m.PaymentTender(payment_id=p.id, line_no=1, tender="cash", amount=Decimal(amount))
            )  # the books: tenders = amount
            payments.append(p)
        s.flush()
        s.add(
            m.PaymentReversal(
                payment_id=payments[1].id,
                client_uuid=str(uuid.uuid4()),
                reason="错收",
                clerk_id=clerk.id,
                supervisor_id=clerk.id,
                shift_id=shift.id,
                workstation="WS1",
            )
        )
    hit = next(h for h in search(db, "张三").hits if h.account_id == account_id)
    assert hit.arrears == Decimal("120.50")  # 150.50 - 30.00 (the 20.00 was reversed)
    other = next(h for h in search(db, "张三").hits if h.account_id != account_id)
    assert other.arrears == Decimal("0.00")
