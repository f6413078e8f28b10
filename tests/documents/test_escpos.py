"""ESC/POS bytes: golden files, the encoder's rules, image lines.

Golden files live in ``tests/documents/golden/*.bin``.  After an intended
change of the output, regenerate them and review the diff:

    COUNTER_REGENERATE_GOLDEN=1 .venv/bin/python -m pytest tests/documents/test_escpos.py

(off by default; the regenerating run fails on purpose so it is never
mistaken for a passing one).  Everything outside image lines must match
byte for byte; the pixels of an image line (``GS v 0``) come from Pillow's
FreeType, so they may differ in a few edge pixels between Pillow releases:
the raster header must match and at most 2% of its bits may differ.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from counter_app.documents import (
    Paper,
    complaint_slip_document,
    day_close_document,
    get_profile,
    receipt_document,
    render_escpos,
    reprint_document,
    reversal_document,
    statement_document,
)
from counter_app.documents.model import Document, Text, Title
from counter_app.documents.output.printing import printer_test_page
from counter_app.documents.render.escpos import PROFILES, display_width
from tests.support import documents as s
from tests.support.documents import decoded_text, segments

GOLDEN = Path(__file__).parent / "golden"
REGENERATE = os.environ.get("COUNTER_REGENERATE_GOLDEN") == "1"

CASES = {
    "receipt-58-gbk": lambda: render_escpos(
        receipt_document(s.mixed_receipt(), Paper.ROLL_58), get_profile("gbk"), open_drawer=True
    ),
    "receipt-80-default": lambda: render_escpos(
        receipt_document(s.mixed_receipt(), Paper.ROLL_80), get_profile("default")
    ),
    "reprint-80-gbk-yuan": lambda: render_escpos(
        reprint_document(s.receipt(), s.REPRINT, Paper.ROLL_80, mask_names=True),
        get_profile("gbk-yuan"),
    ),
    "reversal-58-gbk-fullcut": lambda: render_escpos(
        reversal_document(s.reversal(), Paper.ROLL_58), get_profile("gbk-fullcut"), copies=2
    ),
    "complaint-80-gb18030-yuan": lambda: render_escpos(
        complaint_slip_document(s.complaint(), Paper.ROLL_80), get_profile("gb18030-yuan")
    ),
    "day-close-58-gbk": lambda: render_escpos(
        day_close_document(s.day_close(), Paper.ROLL_58), get_profile("gbk")
    ),
    "statement-58-gbk": lambda: render_escpos(
        statement_document(s.statement(6), Paper.ROLL_58), get_profile("gbk")
    ),
    "statement-80-gb18030-yuan": lambda: render_escpos(
        statement_document(s.statement(6), Paper.ROLL_80, mask_names=True),
        get_profile("gb18030-yuan"),
    ),
}


def differing_bits(a: bytes, b: bytes) -> int:
    return sum(bin(x ^ y).count("1") for x, y in zip(a, b, strict=True))


@pytest.mark.parametrize("name", CASES)
def test_output_matches_the_golden_file(name):
    data = CASES[name]()
    golden = GOLDEN / f"{name}.bin"
    if REGENERATE:
        GOLDEN.mkdir(exist_ok=True)
        golden.write_bytes(data)
        pytest.fail(
            f"regenerated {golden.name}: review the diff, then run without COUNTER_REGENERATE_GOLDEN"
        )
    assert golden.exists(), f"no golden file {golden}; see the module docstring"
    got, want = segments(data), segments(golden.read_bytes())
    assert [(k, h) for k, h, _ in got] == [(k, h) for k, h, _ in want], f"{name}: bytes differ"
    for (_, _, bits), (_, _, golden_bits) in zip(got, want, strict=True):
        if bits:
            assert differing_bits(bits, golden_bits) <= len(bits) * 8 * 0.02


def test_job_starts_with_init_and_chinese_mode_and_ends_with_a_cut():
    data = CASES["receipt-80-default"]()
    assert data.startswith(b"\x1b@\x1c&")
    assert data.endswith(b"\x1dVB\x00")  # partial cut, feeding to the cutter first
    assert b"\x1bp" not in data  # no drawer unless asked
    full = CASES["reversal-58-gbk-fullcut"]()
    assert full.count(b"\x1dVA\x00") == 2  # two copies, full cut


def test_drawer_pulse_comes_first_and_only_once():
    document = receipt_document(s.receipt(), Paper.ROLL_80)
    data = render_escpos(document, get_profile("default"), open_drawer=True, copies=3)
    assert data.startswith(b"\x1b@\x1c&\x1bp\x00\x19\xfa")
    assert data.count(b"\x1bp") == 1
    assert data.count(b"\x1dVB\x00") == 3


@pytest.mark.parametrize("profile", PROFILES)
@pytest.mark.parametrize(("paper", "columns"), [(Paper.ROLL_58, 32), (Paper.ROLL_80, 48)])
def test_no_text_line_is_wider_than_the_paper(profile, paper, columns):
    p = get_profile(profile)
    for document in (
        receipt_document(s.receipt(), paper),
        reprint_document(s.receipt(), s.REPRINT, paper),
        reversal_document(s.reversal(), paper),
        complaint_slip_document(s.complaint(), paper),
        day_close_document(s.day_close(), paper),
        statement_document(s.statement(), paper),
    ):
        job = render_escpos(document, p)
        for piece in re.split(rb"\n", b"".join(h for k, h, _ in segments(job) if k == "text")):
            double = b"\x1d!\x11" in piece
            line = decoded_text(piece, p.encoding)
            assert display_width(line) * (2 if double else 1) <= columns, (profile, line)


def test_yen_is_written_as_the_profile_says():
    document = receipt_document(s.receipt(), Paper.ROLL_80)
    fullwidth = render_escpos(document, get_profile("gbk"))
    assert "￥123.45".encode("gbk") in fullwidth  # A3 A4: the GBK full-width yen
    assert "¥" not in decoded_text(fullwidth, "gbk")
    yuan = decoded_text(render_escpos(document, get_profile("gbk-yuan")), "gbk")
    assert "本次交费：123.45元" in yuan and "找零：    26.55元" in yuan
    assert "¥" not in yuan and "￥" not in yuan


def test_rare_character_makes_an_image_line_in_gbk_and_text_in_gb18030():
    document = receipt_document(s.mixed_receipt(), Paper.ROLL_58)
    gbk = render_escpos(document, get_profile("gbk"))
    rasters = [h for k, h, _ in segments(gbk) if k == "raster"]
    assert len(rasters) == 2  # the name and the address lines
    assert all(h == b"\x1dv0\x00\x30\x00\x1e\x00" for h in rasters)  # 48 bytes = 384 dots, 30 rows
    assert "王" not in decoded_text(gbk, "gbk").split("户名")[0]  # the name line went as an image
    gb18030 = render_escpos(document, get_profile("default"))
    assert b"\x1dv0" not in gb18030
    assert "㵘".encode("gb18030") in gb18030 and len("㵘".encode("gb18030")) == 4
    assert "户名：  王㵘" in decoded_text(gb18030, "gb18030")


def test_image_lines_are_the_full_width_of_80mm_paper_and_have_ink():
    data = render_escpos(receipt_document(s.mixed_receipt(), Paper.ROLL_80), get_profile("gbk"))
    pieces = [(h, bits) for k, h, bits in segments(data) if k == "raster"]
    assert pieces and all(h[4:6] == b"\x48\x00" for h, _ in pieces)  # 72 bytes = 576 dots
    for _, bits in pieces:
        ink = sum(bin(b).count("1") for b in bits)
        assert 200 < ink < len(bits) * 8 // 4


def test_characters_beyond_the_bmp_are_always_images():
    document = Document("t", "t", Paper.ROLL_80, (Text("𠀀字"), Text("普通")))
    data = render_escpos(document, get_profile("default"))
    assert data.count(b"\x1dv0") == 1 and "普通".encode("gb18030") in data


def test_title_is_double_size_when_it_fits_else_double_height_only():
    short = render_escpos(
        Document("t", "t", Paper.ROLL_58, (Title("交费收据"),)), get_profile("gbk")
    )
    assert b"\x1d!\x11\x1c!\x0c" in short
    long = render_escpos(
        Document("t", "t", Paper.ROLL_58, (Title("平安县自来水有限公司"),)), get_profile("gbk")
    )
    assert b"\x1d!\x11" not in long and "平安县自来水有限公司".encode("gbk") in long


@pytest.mark.parametrize(
    ("total", "words"),
    [
        ("0.00", "零元整"),
        ("0.05", "伍分"),
        ("10.00", "壹拾元整"),
        ("100010.50", "壹拾万零壹拾元伍角整"),
        ("1000000.00", "壹佰万元整"),
    ],
)
def test_amount_in_capitals_on_receipt_printers(total, words):
    data = render_escpos(receipt_document(s.receipt_of(total), Paper.ROLL_58), get_profile("gbk"))
    assert f"大写金额：{words}" in decoded_text(data, "gbk")


def test_printer_test_page_on_gbk_has_the_rare_character_as_an_image():
    data = render_escpos(printer_test_page(Paper.ROLL_58), get_profile("gbk"))
    assert data.count(b"\x1dv0") == 1
    assert "金额：￥1,234.56" in decoded_text(data, "gbk")


def test_a4_documents_are_refused():
    with pytest.raises(ValueError, match="roll"):
        render_escpos(receipt_document(s.receipt(), Paper.A4), get_profile("default"))


def test_unknown_profile():
    with pytest.raises(KeyError, match="known: default"):
        get_profile("epson-tm-nope")
