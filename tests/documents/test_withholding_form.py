"""The withholding agreement form (A4 PDF), read back with pdftotext."""

from __future__ import annotations

from datetime import date

from counter_app.documents import render_pdf
from counter_app.documents.layouts.withholding import WithholdingFormData, withholding_form_document
from tests.support.pdf import page_size_pt, pdf_text, squash

DATA = WithholdingFormData(
    utility_name="嘉祥县燃气有限公司",
    agreement_no="000042",
    account_no="01000001",
    account_name="欧阳娜娜",
    address="嘉祥街道建设路12号",
    bank_name="中国农业银行",
    bank_account="6228480012345678901",
    holder_name="欧阳娜娜",
    signed_on=date(2026, 12, 4),
    clerk="孔晓燕",
)


def test_the_form_is_one_a4_page_with_the_agreement_and_the_terms():
    pdf = render_pdf(withholding_form_document(DATA))
    width, height = page_size_pt(pdf)
    assert (round(width), round(height)) == (595, 842)
    flat = squash(pdf_text(pdf))
    for text in (
        "银行代扣协议书",
        "嘉祥县燃气有限公司",
        "协议编号：000042",
        "01000001",
        "欧阳娜娜",
        "中国农业银行",
        "6228480012345678901",
        "2026-12-04",
        "受理人签字（孔晓燕）",
        "余额不足",
        "账户持有人签字",
    ):
        assert text in flat, text
    assert "已于" not in flat


def test_a_reprint_has_the_mask_and_says_when_it_was_cancelled():
    data = WithholdingFormData(
        **{
            **DATA.__dict__,
            "bank_account": "6228***********8901",
            "status": "cancelled",
            "cancelled_on": date(2026, 12, 20),
            "cancel_reason": "客户换卡",
        }
    )
    flat = squash(pdf_text(render_pdf(withholding_form_document(data))))
    assert "6228***********8901" in flat and "6228480012345678901" not in flat
    assert "本协议已于2026-12-20撤销，原因：客户换卡" in flat
