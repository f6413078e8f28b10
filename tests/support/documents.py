"""Sample data for every document (tests and benchmarks/documents_bench.py).

Fixed values, so golden ESC/POS files stay byte-identical between runs.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from decimal import Decimal

from counter_app.documents.data import (
    BillLine,
    ComplaintSlipData,
    DayCloseData,
    ReceiptData,
    ReliefApplicationData,
    ReprintInfo,
    ReversalData,
    StatementData,
    StatementRow,
    TenderCount,
    TenderLine,
    Utility,
)
from counter_app.domain.periods import Period

RASTER = re.compile(rb"\x1dv0\x00(..)(..)", re.S)

D = Decimal
UTILITY = Utility("平安县自来水有限公司", "城关营业厅", hotline="0537-6812345")
RARE_NAME = "王㵘"  # U+3D58: not in WenQuanYi Micro Hei nor in GBK
# 2026-03-05 14:30:12 UTC is 22:30:12 in Shanghai
PAID_AT = datetime(2026, 3, 5, 14, 30, 12, tzinfo=UTC)


def receipt(**changes) -> ReceiptData:
    values = dict(
        utility=UTILITY,
        receipt_no="CG2026-0001234",
        paid_at=PAID_AT,
        clerk="李娜",
        account_no="01-0203-0456",
        customer_name="张伟明",
        address="城关镇解放路123号3单元502室",
        bills=(
            BillLine("2026-01", D("12"), D("38.40")),
            BillLine("2026-02", D("25.5"), D("85.05")),
        ),
        tenders=(TenderLine("cash", D("150.00")),),
        change=D("26.55"),
        prepaid=D("0.00"),
        balance_after=D("12.30"),
    )
    values.update(changes)
    return ReceiptData(**values)


def receipt_of(total: str) -> ReceiptData:
    """A receipt whose total is ``total`` (one bill, exact cash)."""
    amount = D(total)
    return receipt(
        bills=(BillLine("2026-02", D("10"), amount),),
        tenders=(TenderLine("cash", amount),),
        change=D("0.00"),
    )


def mixed_receipt() -> ReceiptData:
    return receipt(
        customer_name=RARE_NAME,
        address="城关镇㵘水村8号",
        tenders=(
            TenderLine("wechat", D("100.00"), reference="尾号8812"),
            TenderLine("cash", D("50.00")),
        ),
        change=D("6.55"),
        prepaid=D("20.00"),
        balance_after=D("32.30"),
    )


REPRINT = ReprintInfo(2, datetime(2026, 3, 6, 1, 15, 0, tzinfo=UTC), "王芳")


def reversal() -> ReversalData:
    return ReversalData(
        utility=UTILITY,
        reversal_no="CZ2026-000017",
        reversed_at=datetime(2026, 3, 5, 15, 2, 0, tzinfo=UTC),
        clerk="李娜",
        supervisor="赵主管",
        original_receipt_no="CG2026-0001234",
        original_paid_at=PAID_AT,
        account_no="01-0203-0456",
        customer_name="张伟明",
        address="城关镇解放路123号3单元502室",
        amount=D("123.45"),
        reason="收错户号，客户当场要求退回",
        bills=(
            BillLine("2026-01", D("12"), D("38.40")),
            BillLine("2026-02", D("25.5"), D("85.05")),
        ),
        refunds=(TenderLine("cash", D("123.45")),),
    )


def statement(months: int = 24) -> StatementData:
    start = Period(2024, 4)
    rows = []
    for i in range(months):
        period = start.add(i)
        usage = D(10 + (i * 7) % 23)
        due = (usage * D("3.20")).quantize(D("0.01"))
        paid = due if i < months - 2 else (D("0") if i == months - 1 else D("20.00"))
        paid_at = datetime(period.year, period.month, 15, 2, 5, tzinfo=UTC) if paid else None
        rows.append(
            StatementRow(
                str(period),
                usage,
                due,
                paid,
                paid_at,
                f"CG{period.year}-{i + 1:07d}" if paid else "",
            )
        )
    return StatementData(
        utility=UTILITY,
        account_no="01-0203-0456",
        customer_name=RARE_NAME,
        address="城关镇㵘水村8号",
        period_from=rows[0].period,
        period_to=rows[-1].period,
        rows=tuple(rows),
        printed_at=PAID_AT,
        clerk="李娜",
        balance=D("12.30"),
    )


def relief() -> ReliefApplicationData:
    return ReliefApplicationData(
        utility=UTILITY,
        application_no="YH2026-0031",
        applied_at=PAID_AT,
        clerk="李娜",
        account_no="01-0203-0456",
        applicant_name=RARE_NAME,
        id_number="370829198506150011",
        phone="13812345678",
        address="城关镇㵘水村8号",
        certificate_type="城镇居民最低生活保障证",
        certificate_no="DB370829-2025-00123",
        relief_item="基本水费每吨减免0.20元",
        effective_period="2026-04",
        certificate_valid_to=date(2027, 12, 31),
        materials=("最低生活保障证原件及复印件", "户主身份证复印件"),
        remarks="原件已验，复印件留存",
    )


def complaint() -> ComplaintSlipData:
    return ComplaintSlipData(
        utility=UTILITY,
        complaint_no="TS2026-0088",
        received_at=PAID_AT,
        clerk="李娜",
        complainant_name="张伟明",
        phone="13812345678",
        category="水质（发黄、浑浊）",
        summary="自3月1日起早晨放水发黄，约两分钟后变清；同楼其他住户也有同样情况。",
        account_no="01-0203-0456",
        address="城关镇解放路123号3单元502室",
        handling="已转 供水管理所 上门检查",
        due_at=datetime(2026, 3, 7, 9, 0, tzinfo=UTC),
    )


def day_close() -> DayCloseData:
    return DayCloseData(
        utility=UTILITY,
        clerk="李娜",
        workstation="CG-WIN-03",
        business_date=date(2026, 3, 5),
        closed_at=datetime(2026, 3, 5, 9, 40, tzinfo=UTC),
        tenders=(
            TenderCount("cash", D("3250.50"), D("3240.50")),
            TenderCount("wechat", D("1880.00"), D("1880.00")),
            TenderCount("alipay", D("640.20"), D("640.20")),
            TenderCount("card", D("300.00"), D("300.00")),
        ),
        payment_count=57,
        reversal_count=1,
        reversal_amount=D("123.45"),
        first_receipt_no="CG2026-0001201",
        last_receipt_no="CG2026-0001257",
        note="现金短款10.00元，已报主管",
    )


def decoded_text(data: bytes, encoding: str) -> str:
    """The printable text of a job (commands and rasters stripped)."""
    text = b"".join(h for k, h, _ in segments(data) if k == "text")
    text = re.sub(
        rb"\x1b[@]|\x1c&|\x1ba.|\x1bE.|\x1d!.|\x1c!.|\x1bp...|\x1dV..", b"", text, flags=re.S
    )
    return text.decode(encoding)


def segments(data: bytes) -> list[tuple[str, bytes, bytes]]:
    """("text", bytes, b"") and ("raster", header, bits) pieces of a job."""
    out, pos = [], 0
    for m in RASTER.finditer(data):
        if m.start() < pos:
            continue
        width_bytes = int.from_bytes(m.group(1), "little")
        height = int.from_bytes(m.group(2), "little")
        end = m.end() + width_bytes * height
        out.append(("text", data[pos : m.start()], b""))
        out.append(("raster", data[m.start() : m.end()], data[m.end() : end]))
        pos = end
    out.append(("text", data[pos:], b""))
    return out
