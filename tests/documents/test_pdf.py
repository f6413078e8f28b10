"""PDF rendering, read back with pdftotext / pdfinfo / pdffonts."""

from __future__ import annotations

import dataclasses
from datetime import datetime
from decimal import Decimal

import pytest

from counter_app.documents import (
    Paper,
    complaint_slip_document,
    day_close_document,
    receipt_document,
    relief_form_document,
    render_pdf,
    reprint_document,
    reversal_document,
    statement_document,
)
from counter_app.documents.render.flow import MM, layout
from tests.support import documents as s
from tests.support.pdf import page_size_pt, pdf_fonts, pdf_text, squash

ROLLS = (Paper.ROLL_58, Paper.ROLL_80)

DOCUMENTS = {
    "receipt-58": lambda: receipt_document(s.receipt(), Paper.ROLL_58),
    "receipt-80": lambda: receipt_document(s.mixed_receipt(), Paper.ROLL_80),
    "receipt-a4": lambda: receipt_document(s.receipt(), Paper.A4),
    "reprint-58": lambda: reprint_document(s.mixed_receipt(), s.REPRINT, Paper.ROLL_58),
    "reversal-80": lambda: reversal_document(s.reversal(), Paper.ROLL_80),
    "statement": lambda: statement_document(s.statement(24)),
    "statement-60": lambda: statement_document(s.statement(60)),
    "relief": lambda: relief_form_document(s.relief()),
    "complaint-58": lambda: complaint_slip_document(s.complaint(), Paper.ROLL_58),
    "complaint-a4": lambda: complaint_slip_document(s.complaint(), Paper.A4),
    "day-close-80": lambda: day_close_document(s.day_close(), Paper.ROLL_80),
    "day-close-58": lambda: day_close_document(s.day_close(), Paper.ROLL_58),
}


@pytest.mark.parametrize("name", DOCUMENTS)
def test_every_string_of_every_document_is_in_the_pdf_text(name):
    document = DOCUMENTS[name]()
    text = squash(pdf_text(render_pdf(document)))
    missing = [t for t in document.strings() if squash(t) and squash(t) not in text]
    assert not missing, f"{name}: not in the PDF text: {missing}"


def test_receipt_shows_every_field():
    text = pdf_text(render_pdf(receipt_document(s.mixed_receipt(), Paper.ROLL_80)))
    flat = squash(text)
    for expected in (
        "平安县自来水有限公司",
        "城关营业厅",
        "交费收据",
        "CG2026-0001234",
        "2026-03-0522:30:12",  # 14:30:12 UTC in Asia/Shanghai
        "李娜",
        "01-0203-0456",
        "王㵘",
        "城关镇㵘水村8号",
        "2026-01",
        "2026-02",
        "25.5",  # usage
        "85.05",
        "微信",
        "¥100.00尾号8812",
        "现金",
        "¥50.00",
        "找零：¥6.55",
        "转入预存：¥20.00",
        "预存余额：¥32.30",
        "本次交费：¥143.45",
        "大写金额：壹佰肆拾叁元肆角伍分",
    ):
        assert expected in flat, expected
    assert "补打" not in flat


def test_reprint_is_marked_with_its_count_time_and_clerk():
    flat = squash(pdf_text(render_pdf(reprint_document(s.receipt(), s.REPRINT, Paper.ROLL_58))))
    assert "补打（第2次）" in flat
    assert "补打时间：2026-03-0609:15:00" in flat
    assert "补打人：王芳" in flat


@pytest.mark.parametrize(
    ("total", "words"),
    [
        ("0.00", "零元整"),
        ("0.05", "伍分"),
        ("10.00", "壹拾元整"),
        ("100010.50", "壹拾万零壹拾元伍角整"),
        ("1000000.00", "壹佰万元整"),
        ("123.45", "壹佰贰拾叁元肆角伍分"),
        ("1.05", "壹元零伍分"),
    ],
)
@pytest.mark.parametrize("paper", ROLLS)
def test_amount_in_capitals_on_receipts(total, words, paper):
    flat = squash(pdf_text(render_pdf(receipt_document(s.receipt_of(total), paper))))
    assert f"大写金额：{words}" in flat


def test_names_are_masked_when_the_workstation_says_so():
    masked = squash(pdf_text(render_pdf(receipt_document(s.receipt(), mask_names=True))))
    assert "张*明" in masked and "张伟明" not in masked
    plain = squash(pdf_text(render_pdf(receipt_document(s.receipt()))))
    assert "张伟明" in plain


def test_relief_form_masks_id_number_and_phone_unless_shown_in_full():
    flat = squash(pdf_text(render_pdf(relief_form_document(s.relief()))))
    assert "370829********0011" in flat and "370829198506150011" not in flat
    assert "138****5678" in flat and "13812345678" not in flat
    for box in ("申请人签字", "申请人指纹", "受理人签字", "审核意见"):
        assert box in flat
    full = squash(pdf_text(render_pdf(relief_form_document(s.relief(), show_full=True))))
    assert "370829198506150011" in full


def test_relief_form_prints_masked_values_as_they_are_and_who_approved():
    data = dataclasses.replace(
        s.relief(), id_number="370829********0011", phone="0537-****345", approved_by="李主管"
    )
    flat = squash(pdf_text(render_pdf(relief_form_document(data))))
    assert "370829********0011" in flat and "0537-****345" in flat  # not masked twice
    assert "受理人签字（李娜）" in flat and "审核意见：同意（审核人：李主管）" in flat
    pending = squash(pdf_text(render_pdf(relief_form_document(s.relief()))))
    assert "审核人" not in pending


def test_rare_character_is_printed_with_the_embedded_fallback_font(write_pdf):
    path = write_pdf(statement_document(s.statement(3)))
    assert "王㵘" in pdf_text(path)
    listing = pdf_fonts(path)
    assert "WenQuanYi" in listing and "DroidSansFallback" in listing
    embedded = [line for line in listing.splitlines()[2:] if line.strip()]
    assert all(" yes " in line for line in embedded), listing  # every font embedded


def test_a_document_without_rare_characters_embeds_only_the_primary_font(write_pdf):
    listing = pdf_fonts(write_pdf(receipt_document(s.receipt())))
    assert "WenQuanYi" in listing and "DroidSansFallback" not in listing


@pytest.mark.parametrize("paper", ROLLS)
def test_roll_pages_are_the_roll_width_and_fit_the_content(paper):
    short = receipt_document(s.receipt(), paper)
    width, height = page_size_pt(render_pdf(short))
    assert width == pytest.approx(paper.width_mm * MM, abs=0.5)
    assert height == pytest.approx(layout(short)[0].height, abs=0.5)
    assert 60 * MM < height < 200 * MM
    longer = receipt_document(s.receipt(bills=s.receipt().bills * 6), paper)
    assert page_size_pt(render_pdf(longer))[1] > height + 8 * 6


def test_statement_of_24_months_is_one_a4_page_with_totals():
    data = s.statement(24)
    pdf = render_pdf(statement_document(data))
    assert page_size_pt(pdf) == pytest.approx((595.28, 841.89), abs=0.5)
    assert len(layout(statement_document(data))) == 1
    flat = squash(pdf_text(pdf))
    due = sum(r.amount_due for r in data.rows)
    paid = sum(r.amount_paid for r in data.rows)
    assert f"合计{sum(r.usage for r in data.rows)}{due:,}{paid:,}" in flat
    assert f"欠费合计：¥{due - paid:,}" in flat
    assert "部分缴费" in flat and "未缴" in flat


def test_a_long_statement_breaks_pages_and_repeats_the_table_header():
    document = statement_document(s.statement(60))
    pages = layout(document)
    assert len(pages) >= 2
    text = pdf_text(render_pdf(document))
    per_page = text.split("\f")
    for n, page_text in enumerate(per_page[: len(pages)], 1):
        assert "账期" in page_text and "实缴金额(元)" in page_text, f"page {n} has no table header"
        assert f"第 {n} 页 / 共 {len(pages)} 页" in page_text
        if n > 1:  # whose statement a loose page belongs to
            assert "往期交费清单（续）用户号01-0203-0456" in squash(page_text)


def test_reversal_slip_names_the_original_receipt_reason_and_supervisor():
    flat = squash(pdf_text(render_pdf(reversal_document(s.reversal()))))
    for expected in ("冲正凭单", "CZ2026-000017", "原收据号：CG2026-0001234", "审批主管：赵主管"):
        assert expected in flat
    assert "冲正原因：收错户号，客户当场要求退回" in flat
    assert "冲正金额大写：壹佰贰拾叁元肆角伍分" in flat


def test_day_close_shows_expected_counted_and_variance():
    flat = squash(pdf_text(render_pdf(day_close_document(s.day_close(), Paper.ROLL_80))))
    assert "现金3,250.503,240.50-10.00" in flat
    assert "合计6,070.706,060.70-10.00" in flat
    assert "差额合计：-¥10.00" in flat
    assert "2026-03-0517:40:00" in flat


def test_pdf_output_is_deterministic():
    document = receipt_document(s.receipt())
    assert render_pdf(document) == render_pdf(document)


def test_money_is_never_float_and_times_are_never_naive():
    with pytest.raises(TypeError):
        receipt_document(s.receipt(prepaid=0.1))
    with pytest.raises(ValueError, match="timezone-aware"):
        s.receipt(paid_at=datetime(2026, 3, 5, 14, 30))
    assert s.receipt().total == Decimal("123.45")
