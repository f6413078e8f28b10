"""The late fee (违约金) on its own line: receipt (PDF and ESC/POS render the
same document) and the day-close report; nothing changes without one."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from counter_app.documents import (
    Paper,
    day_close_document,
    get_profile,
    receipt_document,
    render_escpos,
)
from tests.support import documents as s
from tests.support.documents import decoded_text

D = Decimal


def test_the_receipt_prints_the_late_fee_and_its_waiver_apart():
    base = s.receipt()
    data = replace(base, late_fee=D("1.20"), late_fee_waived=D("3.00"))
    assert data.total == base.total + D("1.20")
    text = repr(receipt_document(data, Paper.ROLL_80))
    assert "违约金" in text and "¥1.20" in text and "违约金减免" in text and "¥3.00" in text
    assert "违约金" not in repr(receipt_document(base, Paper.ROLL_80))
    printed = decoded_text(
        render_escpos(receipt_document(data, Paper.ROLL_80), get_profile("gbk")), "gbk"
    )
    assert "违约金" in printed


def test_the_day_close_report_says_the_late_fees():
    base = s.day_close()
    text = repr(day_close_document(replace(base, late_fees=D("4.56")), Paper.ROLL_80))
    assert "其中违约金" in text and "¥4.56" in text
    assert "违约金" not in repr(day_close_document(base, Paper.ROLL_80))
