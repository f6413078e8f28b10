from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from counter_app.domain.search_query import (
    HINTS,
    MAX_QUERY_LENGTH,
    Kind,
    Mode,
    escape_like,
    parse_query,
)


def kinds(raw: str) -> tuple[str, ...]:
    return parse_query(raw).kinds


def value(raw: str, kind: Kind) -> tuple[str, ...]:
    term = parse_query(raw).term(kind)
    assert term is not None, f"{raw!r} has no {kind} term"
    return term.values


# ------------------------------------------------------------------ numbers


@pytest.mark.parametrize(
    "raw",
    [
        "13812345678",
        "１３８１２３４５６７８",
        "138-1234-5678",
        "138 1234 5678",
        "+86 138 1234 5678",
        "\u3000１３８１２３４５６７８\u200b",
    ],
)
def test_full_mobile(raw):
    assert kinds(raw)[0] == "mobile"
    assert value(raw, Kind.MOBILE) == ("13812345678",)


def test_four_digits_are_tails_first_then_number_prefixes():
    parsed = parse_query("5678")
    assert parsed.kinds == ("mobile_tail", "id_tail", "account_no", "meter_no")
    assert parsed.term(Kind.ACCOUNT_NO).modes == (Mode.EXACT, Mode.PREFIX)
    assert parsed.term(Kind.MOBILE_TAIL).modes == (Mode.EXACT,)
    assert kinds("５６７８") == parsed.kinds


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("0537-6812345", "0537-6812345"),
        ("05376812345", "0537-6812345"),
        ("0537 6812345", "0537-6812345"),
        ("(0537)6812345", "0537-6812345"),
        ("6812345", "6812345"),
        ("010-62345678", "010-62345678"),
    ],
)
def test_landline_with_or_without_area_code(raw, expected):
    assert kinds(raw)[0] == "landline"
    assert value(raw, Kind.LANDLINE) == (expected,)


def test_dashed_landline_is_not_an_account_number_with_a_dash():
    assert "landline" in kinds("0537-6812345")
    assert value("0537-6812345", Kind.ACCOUNT_NO) == ("05376812345",)


@pytest.mark.parametrize("raw", ["370829199001011234", "３７０８２９１９９００１０１１２３４"])
def test_full_id_number(raw):
    assert kinds(raw)[0] == "id_number"
    assert value(raw, Kind.ID_NUMBER) == ("370829199001011234",)


@pytest.mark.parametrize(
    "raw", ["37082919900101123x", "37082919900101123X", "370829 19900101 123ｘ"]
)
def test_id_number_with_x_is_upper_case(raw):
    assert kinds(raw) == ("id_number",)
    assert value(raw, Kind.ID_NUMBER) == ("37082919900101123X",)


def test_fifteen_digit_id_also_looks_up_its_18_character_form():
    # 370829 900101 123 -> 370829 19900101 123 + check character
    values = value("370829900101123", Kind.ID_NUMBER)
    assert values[0] == "370829900101123"
    assert len(values) == 2 and values[1].startswith("37082919900101123")
    assert kinds("370829900101123")[0] == "id_number"


@pytest.mark.parametrize(("raw", "tail"), [("1234", "1234"), ("123x", "123X"), ("123X", "123X")])
def test_id_tails_of_4(raw, tail):
    assert "id_tail" in kinds(raw)
    assert value(raw, Kind.ID_TAIL) == (tail,)


@pytest.mark.parametrize("raw", ["12345", "123456", "12345x", "1234X"])
def test_longer_id_tails_are_not_looked_up(raw):
    """The mask shows the last 4 characters: a longer tail would narrow the
    hidden digits (an oracle), so it is not an ID tail."""
    assert "id_tail" not in kinds(raw)


def test_tail_with_x_is_only_an_id_tail():
    assert kinds("123x") == ("id_tail",)


@pytest.mark.parametrize("raw", ["01000001", "0100", "010000"])
def test_account_numbers_exact_and_prefix(raw):
    term = parse_query(raw).term(Kind.ACCOUNT_NO)
    assert term.value == raw and term.modes == (Mode.EXACT, Mode.PREFIX)


def test_one_or_two_digits_are_exact_only_with_a_hint():
    parsed = parse_query("12")
    assert parsed.hint == "too_short"
    assert all(t.modes == (Mode.EXACT,) for t in parsed.terms)


@pytest.mark.parametrize("raw", ["JX2400012345", "jx2400012345", "ＪＸ２４０００１２３４５"])
def test_meter_number(raw):
    parsed = parse_query(raw)
    assert parsed.kinds[0] == "meter_no"
    assert parsed.term(Kind.METER_NO).value == "JX2400012345"


# -------------------------------------------------------------- names, pinyin


@pytest.mark.parametrize("raw", ["张", "张三", "欧阳", "王㵘", "曾"])
def test_short_chinese_text_is_a_name(raw):
    parsed = parse_query(raw)
    assert parsed.kinds == ("name",)
    assert parsed.term(Kind.NAME).value == raw


def test_forced_short_place_fragment():
    assert parse_query("addr:曾庙").kinds == ("address",)


@pytest.mark.parametrize("raw", ["张三丰", "欧阳娜娜", "王㵘㵘", "买买提·艾力", "院内表井"])
def test_chinese_text_is_a_name_then_an_address_fragment(raw):
    parsed = parse_query(raw)
    assert parsed.kinds == ("name", "address")
    assert parsed.term(Kind.NAME).value == raw
    assert parsed.term(Kind.NAME).modes == (Mode.EXACT, Mode.PREFIX, Mode.CONTAINS)


def test_blanks_inside_a_name_are_dropped():
    assert value("张 三", Kind.NAME) == ("张三",)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("zs", "zs"),
        ("ZS", "zs"),
        ("ｚｓ", "zs"),
        ("zhangsan", "zhangsan"),
        ("Zhang San", "zhangsan"),
        ("zhāng", "zhang"),
        ("lǚ", "lv"),
        ("oynn", "oynn"),
    ],
)
def test_pinyin(raw, expected):
    parsed = parse_query(raw)
    assert parsed.kinds == ("pinyin",)
    assert parsed.term(Kind.PINYIN).value == expected


@pytest.mark.parametrize("raw", ["幸福路12号", "3单元", "3号楼2单元301", "幸福小区３号楼"])
def test_chinese_with_digits_is_an_address(raw):
    parsed = parse_query(raw)
    assert parsed.kinds == ("address",)
    assert parsed.term(Kind.ADDRESS).modes == (Mode.CONTAINS,)


def test_meter_location_words_are_searched_as_address_too():
    assert "address" in kinds("院内表井")


# ------------------------------------------------------------------ prefixes


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("tel:5678", ("mobile_tail",)),
        ("TEL: 13812345678", ("mobile",)),
        ("电话：0537-6812345", ("landline",)),
        ("tel:6812345", ("landline",)),
        ("id:1234", ("id_tail",)),
        ("身份证:370829199001011234", ("id_number",)),
        ("addr:张", ("address",)),
        ("地址：幸福路", ("address",)),
        ("no:0100", ("account_no",)),
        ("户号:01000001", ("account_no",)),
        ("meter:jx24", ("meter_no",)),
        ("表号:JX2400012345", ("meter_no",)),
        ("name:zs", ("pinyin",)),
        ("户名:幸福", ("name",)),
    ],
)
def test_prefix_forces_one_kind(raw, expected):
    parsed = parse_query(raw)
    assert parsed.kinds == expected
    assert parsed.forced


@pytest.mark.parametrize(
    ("raw", "hint"),
    [
        ("tel:abc", "not_a_phone"),
        ("tel:12", "not_a_phone"),
        ("id:abc", "not_an_id_number"),
        ("id:123", "not_an_id_number"),
        ("no:张三", "not_an_account_no"),
        ("meter:张", "not_a_meter_no"),
        ("tel:", "empty"),
        ("addr:%%", "no_searchable_text"),
    ],
)
def test_prefix_with_a_value_of_the_wrong_shape(raw, hint):
    parsed = parse_query(raw)
    assert parsed.terms == () and parsed.hint == hint
    assert hint in HINTS


def test_unknown_prefix_is_plain_text():
    assert parse_query("foo:zs").kinds == ("pinyin",)  # "foozs"


# ----------------------------------------------------------------- bad input


@pytest.mark.parametrize(
    ("raw", "hint"),
    [
        ("", "empty"),
        ("   ", "empty"),
        ("\u3000\t\n", "empty"),
        ("\x00\x07\x1b", "empty"),
        ("x" * 1000, "too_long"),
        ("张" * (MAX_QUERY_LENGTH + 1), "too_long"),
        ("1" * 10_000, "too_long"),
        ("%", "no_searchable_text"),
        ("_", "no_searchable_text"),
        ("'", "no_searchable_text"),
        ("\\", "no_searchable_text"),
        ("%%__''\\\\", "no_searchable_text"),
        ("😀", "no_searchable_text"),
        ("😀🎉", "no_searchable_text"),
        ("*", "no_searchable_text"),
        ("-", "no_searchable_text"),
        ("·", "no_searchable_text"),
    ],
)
def test_bad_input_gives_a_hint_and_no_terms(raw, hint):
    parsed = parse_query(raw)
    assert parsed.terms == () and parsed.kinds == ()
    assert parsed.hint == hint


def test_none_is_empty_not_an_exception():
    assert parse_query(None).hint == "empty"  # type: ignore[arg-type]


def test_wildcards_and_emoji_around_text_are_dropped():
    assert value("张%", Kind.NAME) == ("张",)
    assert value("%张_三'", Kind.NAME) == ("张三",)
    assert value("张三😀", Kind.NAME) == ("张三",)
    assert value("z%s", Kind.PINYIN) == ("zs",)


def test_escape_like():
    assert escape_like("a%b_c\\d") == "a\\%b\\_c\\\\d"
    assert escape_like("张三") == "张三"


_WILDCARDS = set("%_\\'\"*?[]")


@given(st.text(max_size=200))
def test_never_raises_and_never_yields_an_empty_or_wildcard_value(raw):
    parsed = parse_query(raw)
    if not parsed.terms:
        assert parsed.hint in HINTS
    for term in parsed.terms:
        for v in term.values:
            assert v and v.strip() == v
            assert not (_WILDCARDS & set(v))
            assert len(v) <= MAX_QUERY_LENGTH


@given(st.text(alphabet=st.characters(categories=["Nd"]), min_size=1, max_size=30))
def test_digit_strings_from_any_script_never_raise(raw):
    parse_query(raw)
