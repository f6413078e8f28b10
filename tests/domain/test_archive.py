"""The archive number rule (属地-年度-序号) and how the search box reads one."""

from __future__ import annotations

import pytest

from counter_app.domain.archive import ArchiveNo, format_archive_no, parse_archive_no
from counter_app.domain.search_query import Kind, parse_query


def test_format_and_parse_round_trip():
    assert format_archive_no("07", 2024, 12) == "07-2024-00012"
    assert format_archive_no("A01", 2026, 123456) == "A01-2026-123456"  # never cut
    assert parse_archive_no(" a01-2024-00012 ") == ArchiveNo("A01", 2024, 12)
    assert str(ArchiveNo("07", 2024, 12)) == "07-2024-00012"
    for bad in ("07-2024", "07-1899-1", "JX-OLD-77", "0537-6812345", ""):
        assert parse_archive_no(bad) is None
    with pytest.raises(ValueError):
        format_archive_no("07", 2024, 0)


@pytest.mark.parametrize(
    ("query", "kinds", "value"),
    [
        ("07-2024-00012", ("archive_no", "landline", "account_no", "meter_no"), "07-2024-00012"),
        ("ａ01－2024－00012", ("archive_no", "meter_no", "account_no"), "A01-2024-00012"),
        # a mobile typed with dashes stays the likelier reading
        ("138-2012-3456", ("mobile", "archive_no", "account_no", "meter_no"), "138-2012-3456"),
        ("档案号: jx-old-77", ("archive_no",), "JX-OLD-77"),
        ("archive:07-2024-00012", ("archive_no",), "07-2024-00012"),
    ],
)
def test_an_archive_number_is_a_kind_of_term(query, kinds, value):
    parsed = parse_query(query)
    assert parsed.kinds == kinds
    term = parsed.term(Kind.ARCHIVE_NO)
    assert term.value == value and [m.value for m in term.modes] == ["exact"]


def test_what_is_not_an_archive_number():
    for query in ("0537-6812345", "138-1234-5678", "张三", "01000001"):
        assert "archive_no" not in parse_query(query).kinds, query
    assert parse_query("档案号:" + "X" * 33).hint == "not_an_archive_no"
    assert parse_query("档案号: jx-old-77").term(Kind.ARCHIVE_NO).values == (
        "JX-OLD-77",
        "jx-old-77",
    )
