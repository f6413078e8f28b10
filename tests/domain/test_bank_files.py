"""The banks' withholding files, with the two layouts the migration ships
(read from its SQL): a request rendered and read back, return files with
bad lines, another bank's file, truncated files."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal

import pytest

from counter_app.domain.bank_files import LayoutError, layout_from_json, parse, parse_amount, render
from tests.support.withholding import LAYOUTS

D = Decimal

DETAILS = [
    dict(
        seq=1,
        account_no="01000001",
        bank_account="6228480012345678901",
        holder_name="欧阳娜娜",
        amount=D("41.40"),
    ),
    dict(
        seq=2,
        account_no="01000002",
        bank_account="6230520012345678",
        holder_name="张三",
        amount=D("1234.05"),
    ),
]


def _request(bank: str) -> bytes:
    layout = layout_from_json(LAYOUTS[bank], "request")
    header = dict(
        bank_code=bank,
        batch_no=f"{bank}202611001",
        created_on=date(2026, 12, 4),
        count=2,
        total=D("1275.45"),
    )
    return render(layout, header, DETAILS, dict(count=2, total=D("1275.45")))


def _return_abc(lines: list[tuple], *, trailer: tuple | None = None, batch="ABC202611001") -> bytes:
    layout = layout_from_json(LAYOUTS["ABC"], "return")
    details = [
        dict(seq=s, account_no=a, amount=m, result_code=c, reason=r, bank_ref=ref)
        for s, a, m, c, r, ref in lines
    ]
    count, total = trailer or (len(details), sum((d["amount"] for d in details), D("0")))
    return render(
        layout,
        dict(bank_code="ABC", batch_no=batch, returned_on=date(2026, 12, 6)),
        details,
        dict(count=count, total=total),
    )


RETURN_LINES = [
    (1, "01000001", D("41.40"), "0000", "", "ABC0001"),
    (2, "01000002", D("1234.05"), "3001", "余额不足", ""),
]


def test_the_shipped_layouts_are_both_banks_both_directions():
    assert set(LAYOUTS) == {"ABC", "RCB"}
    for bank in LAYOUTS:
        for direction in ("request", "return"):
            layout_from_json(LAYOUTS[bank], direction)


def test_abc_request_is_fixed_width_gbk_in_fen():
    data = _request("ABC")
    lines = data.split(b"\r\n")
    assert lines[-1] == b"" and len(lines) == 5
    layout = layout_from_json(LAYOUTS["ABC"], "request")
    assert [len(x) for x in lines[:-1]] == [
        layout.width("header"),
        layout.width("detail"),
        layout.width("detail"),
        layout.width("trailer"),
    ]
    first = lines[1].decode("gbk")
    assert first.startswith("D00000101000001") and "欧阳娜娜" in first
    assert first.endswith("000000004140")  # 41.40 yuan in fen, 12 digits
    assert lines[3] == b"T000002000000000127545"


def test_rcb_request_is_csv_utf8_in_yuan():
    text = _request("RCB").decode("utf-8").splitlines()
    assert text[0] == "HEAD,RCB,RCB202611001,20261204"
    assert text[1] == "1,01000001,欧阳娜娜,6228480012345678901,41.40"
    assert text[-1] == "TAIL,2,1275.45"


def test_a_return_file_reads_back_to_the_cent():
    parsed = parse(layout_from_json(LAYOUTS["ABC"], "return"), _return_abc(RETURN_LINES))
    assert parsed.ok, parsed.errors
    assert parsed.header["batch_no"] == "ABC202611001"
    assert [(n, v["amount"], v["result_code"], v["reason"]) for n, v in parsed.details] == [
        (2, D("41.40"), "0000", ""),
        (3, D("1234.05"), "3001", "余额不足"),
    ]
    assert parsed.trailer == {"record": "T", "count": 2, "total": D("1275.45")}


def test_another_banks_file_is_refused_at_its_first_line():
    rcb = layout_from_json(LAYOUTS["RCB"], "return")
    parsed = parse(rcb, _return_abc(RETURN_LINES))
    # its GBK names are not UTF-8 text
    assert not parsed.ok and "another bank" in parsed.errors[0].message
    ascii_only = _return_abc([(1, "01000001", D("41.40"), "0000", "", "ABC0001")])
    parsed = parse(rcb, ascii_only)
    assert [e.line for e in parsed.errors] == [1] and "another bank" in parsed.errors[0].message
    gbk_csv = "HEAD,RCB,RCB1,20261204\r\n1,01,1.00,F,,余额不足\r\nTAIL,1,1.00\r\n".encode("gbk")
    parsed = parse(rcb, gbk_csv)
    assert [(e.line, e.field) for e in parsed.errors] == [(0, "encoding")]


def test_a_truncated_file_is_refused():
    layout = layout_from_json(LAYOUTS["ABC"], "return")
    whole = _return_abc(RETURN_LINES)
    cut = whole[: whole.rindex(b"T")]  # the trailer is gone
    errors = parse(layout, cut).errors
    assert [(e.line, e.field) for e in errors] == [(3, "trailer")]
    cut_mid_line = whole[: len(whole) - 40]
    assert any("truncated" in e.message for e in parse(layout, cut_mid_line).errors)
    wrong_count = _return_abc(RETURN_LINES, trailer=(3, D("1275.45")))
    assert [(e.line, e.field) for e in parse(layout, wrong_count).errors] == [(4, "count")]
    wrong_total = _return_abc(RETURN_LINES, trailer=(2, D("1275.44")))
    assert [(e.line, e.field) for e in parse(layout, wrong_total).errors] == [(4, "total")]


def test_an_amount_with_three_decimals_names_its_line():
    rcb = layout_from_json(LAYOUTS["RCB"], "return")
    data = (
        b"HEAD,RCB,RCB202611001,20261206\r\n1,01000001,41.40,S,R1,\r\n"
        b"2,01000002,12.345,S,R2,\r\nTAIL,2,53.745\r\n"
    )
    errors = parse(rcb, data).errors
    assert (3, "amount") in [(e.line, e.field) for e in errors]
    assert "two decimals" in str(errors[0])


@pytest.mark.parametrize(
    ("text", "unit", "value"),
    [
        ("000000004140", "fen", D("41.40")),
        ("41.4", "yuan", D("41.40")),
        ("0.01", "yuan", D("0.01")),
    ],
)
def test_amounts(text, unit, value):
    assert parse_amount(text, unit) == value


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("41.40", "fen"),
        ("1e5", "yuan"),
        ("NaN", "yuan"),
        ("-1.00", "yuan"),
        ("１２.００", "yuan"),
        ("1.001", "yuan"),
    ],
)
def test_bad_amounts(text, unit):
    with pytest.raises(ValueError):
        parse_amount(text, unit)


def test_a_long_name_is_cut_at_a_character_and_a_long_number_refused():
    layout = layout_from_json(LAYOUTS["ABC"], "request")
    detail = dict(DETAILS[0], holder_name="长" * 30)
    line = render(
        layout,
        {
            "bank_code": "ABC",
            "batch_no": "X",
            "created_on": date(2026, 1, 1),
            "count": 1,
            "total": D("41.40"),
        },
        [detail],
        {"count": 1, "total": D("41.40")},
    ).split(b"\r\n")[1]
    assert len(line) == layout.width("detail") and ("长" * 20).encode("gbk") in line
    with pytest.raises(ValueError, match="amount"):
        render(
            layout,
            {
                "bank_code": "ABC",
                "batch_no": "X",
                "created_on": date(2026, 1, 1),
                "count": 1,
                "total": D("1"),
            },
            [dict(DETAILS[0], amount=D("1.005"))],
            {"count": 1, "total": D("1")},
        )
    with pytest.raises(ValueError, match="account_no"):
        render(
            layout,
            {
                "bank_code": "ABC",
                "batch_no": "X",
                "created_on": date(2026, 1, 1),
                "count": 1,
                "total": D("1"),
            },
            [dict(DETAILS[0], account_no="1" * 17)],
            {"count": 1, "total": D("1")},
        )


def test_a_broken_layout_is_refused():
    broken = json.loads(json.dumps(LAYOUTS["ABC"]))
    del broken["return"]["detail"][1]["width"]
    with pytest.raises(LayoutError, match="width"):
        layout_from_json(broken, "return")
