"""往期交费清单 on the receipt printer's roll: read back from ESC/POS and PDF."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from decimal import Decimal

import pytest

from counter_app.documents import Paper, get_profile, render_escpos, render_pdf, statement_document
from counter_app.documents.data import StatementRow
from counter_app.documents.render.flow import layout
from counter_app.domain.localtime import SHANGHAI
from tests.support import documents as s
from tests.support.documents import decoded_text
from tests.support.pdf import pdf_text


def job_text(paper: Paper, months: int = 6) -> str:
    document = statement_document(s.statement(months), paper)
    return decoded_text(render_escpos(document, get_profile("gbk")), "gbk")


@pytest.mark.parametrize("paper", [Paper.ROLL_58, Paper.ROLL_80])
def test_every_period_prints_with_its_money_date_and_receipt(paper):
    text = job_text(paper)
    flat = " ".join(text.split())  # a period takes two lines
    assert "往期交费清单" in text and "01-0203-0456" in text
    assert "2024-04 10吨 应32.00 实32.00 2024-04-15 CG2024-0000001" in flat
    assert "2024-08 15吨 应48.00 实20.00 部分 2024-08-15 CG2024-0000005" in flat
    assert "2024-09 22吨 应70.40 实0.00 未缴 ---" in flat
    assert "CG2024-0000006" not in flat  # the unpaid period has no receipt
    assert "用水合计：    119吨" in text
    assert "应缴合计：    ￥380.80" in text and "实缴合计：    ￥282.40" in text
    assert "欠费合计：    ￥98.40" in text  # 28.00 + 70.40
    assert "当前预存余额：￥12.30" in text


@pytest.mark.parametrize("paper", [Paper.ROLL_58, Paper.ROLL_80])
def test_a_period_is_its_money_then_its_payment_never_broken_inside(paper):
    lines = job_text(paper, 24).splitlines()
    assert "2024-04 10吨 应32.00 实32.00" in lines  # the money on the first line
    assert "  2024-04-15 CG2024-0000001" in lines  # date and receipt on the next
    assert "  部分 2026-02-15 CG2026-0000023" in lines
    assert lines[lines.index("2026-03 10吨 应32.00 实0.00") + 1] == "  未缴"
    periods = [ln for ln in lines if ln[:7].count("-") == 1 and ln[:4].isdigit()]
    assert len(periods) == 24


def test_roll_statement_is_one_page_the_width_of_the_roll():
    for paper, width_mm in ((Paper.ROLL_58, 58), (Paper.ROLL_80, 80)):
        pages = layout(statement_document(s.statement(24), paper))
        assert len(pages) == 1
        assert round(pages[0].width * 25.4 / 72) == width_mm
        assert pages[0].height > pages[0].width * 3  # 24 periods: a long strip


def test_roll_statement_pdf_text():
    text = pdf_text(render_pdf(statement_document(s.statement(6), Paper.ROLL_80)))
    assert "往期交费清单" in text and "王㵘" in text  # the rare character, from the font
    assert "2024-09 22吨 应70.40 实0.00\n未缴" in text
    assert "2024-08-15 CG2024-0000005" in text
    assert "¥98.40" in text


def test_a4_statement_is_unchanged_by_the_roll():
    document = statement_document(s.statement(3))
    assert document.paper is Paper.A4 and document.running_head
    assert "状态" in list(document.strings())  # the A4 table keeps its columns


def test_the_statement_says_current_apart_from_overdue_with_the_days():
    """本期应缴 (due on the printing day or later, Asia/Shanghai) and 逾期欠费."""
    base = s.statement()
    printed = base.printed_at.astimezone(SHANGHAI).date()
    rows = (
        StatementRow(
            "2026-01",
            Decimal("10"),
            Decimal("30.00"),
            Decimal("0.00"),
            due_on=printed - timedelta(days=40),
        ),
        StatementRow(
            "2026-02",
            Decimal("10"),
            Decimal("20.00"),
            Decimal("5.00"),
            due_on=printed - timedelta(days=1),
        ),
        StatementRow("2026-03", Decimal("10"), Decimal("10.00"), Decimal("0.00"), due_on=printed),
    )
    data = replace(base, rows=rows)
    for paper in (Paper.A4, Paper.ROLL_80):
        text = repr(statement_document(data, paper))
        assert "其中本期应缴" in text and "¥10.00" in text
        assert "其中逾期欠费" in text and "¥45.00（逾期40天）" in text
    # without due dates (older callers) the statement is as it was
    assert "其中逾期欠费" not in repr(statement_document(base, Paper.A4))
