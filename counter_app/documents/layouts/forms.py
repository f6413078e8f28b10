"""Layouts of the other documents: statement of past payments (往期交费清单),
relief application form, complaint acceptance slip, day-close report."""

from __future__ import annotations

from decimal import Decimal

from counter_app.documents.data import (
    ComplaintSlipData,
    DayCloseData,
    ReliefApplicationData,
    StatementData,
    StatementRow,
)
from counter_app.documents.fmt import (
    SHANGHAI,
    local_date,
    local_time,
    quantity,
    tender_label,
    yen,
)
from counter_app.documents.layouts.payments import footer, heading
from counter_app.documents.model import (
    AmountInWords,
    Block,
    Column,
    Document,
    Field,
    KeyValues,
    Paper,
    Separator,
    SignatureBox,
    SignatureBoxes,
    Spacer,
    Table,
    Text,
    Title,
)
from counter_app.domain.masking import MASK, mask_id_number, mask_name, mask_phone
from counter_app.domain.money import ZERO, format_money, sum_money

__all__ = [
    "complaint_slip_document",
    "day_close_document",
    "relief_form_document",
    "statement_document",
]

RELIEF_PLEDGE = (
    "本人承诺所提供的证件及材料真实有效，如有虚假愿承担相应责任并退还所享受的优惠；"
    "证件到期或家庭情况变化时，将及时到营业厅办理变更。"
)


def a4_heading(title: str, subtitle: str) -> list[Block]:
    return [Title(title), Text(subtitle, align="center"), Spacer(0.3)]


def _statement_totals(data: StatementData) -> tuple[Decimal, Decimal, Decimal, Decimal]:
    """Usage, due, paid and arrears over the statement's periods."""
    due = sum_money(r.amount_due for r in data.rows)
    paid = sum_money(r.amount_paid for r in data.rows)
    usage = sum((r.usage for r in data.rows), Decimal(0))
    arrears = sum_money(max(r.amount_due - r.amount_paid, ZERO) for r in data.rows)
    return usage, due, paid, arrears


def _overdue_split(data: StatementData) -> tuple[Decimal, Decimal, int]:
    """Of the arrears: 本期应缴 (due on the printing day or later, Asia/Shanghai),
    逾期欠费 (past due), and the days since the oldest overdue due date."""
    today = data.printed_at.astimezone(SHANGHAI).date()
    current = overdue = ZERO
    oldest = None
    for r in data.rows:
        owed = max(r.amount_due - r.amount_paid, ZERO)
        if owed and r.due_on is not None and r.due_on < today:
            overdue += owed
            oldest = r.due_on if oldest is None else min(oldest, r.due_on)
        else:
            current += owed
    return current, overdue, 0 if oldest is None else (today - oldest).days


def _statement_sums(data: StatementData, columns: int) -> KeyValues:
    usage, due, paid, arrears = _statement_totals(data)
    rows: tuple[Field, ...] = (
        Field("应缴合计", yen(due)),
        Field("实缴合计", yen(paid)),
        Field("欠费合计", yen(arrears), bold=bool(arrears)),
    )
    if arrears and any(r.due_on is not None for r in data.rows):
        current, overdue, days = _overdue_split(data)
        rows += (
            Field("其中本期应缴", yen(current)),
            Field(
                "其中逾期欠费",
                f"{yen(overdue)}（逾期{days}天）" if overdue else yen(overdue),
                bold=bool(overdue),
            ),
        )
    rows += (Field("当前预存余额", yen(data.balance)),)
    if columns == 1:  # the roll has no table whose totals row gives the usage
        rows = (Field("用水合计", f"{quantity(usage)}吨"), *rows)
    return KeyValues(rows, columns=columns)


ROLL_STATEMENT_HEADER = "账期 用水 应缴 实缴(元)\n  交费日期 收据号"
STATEMENT_NOTE = "本清单仅供查询核对，不作为收费凭证。"


def statement_row_line(row: StatementRow) -> str:
    """One period on a roll, its money first, then (indented, on a line of its
    own, so a break never falls inside a word or between 实 and its amount)
    the status when not paid up, the paid date and the receipt numbers::

        2026-01 12吨 应38.40 实38.40
          2026-01-15 CG2026-0000001
    """
    money = [
        row.period,
        f"{quantity(row.usage)}吨",
        f"应{format_money(row.amount_due)}",
        f"实{format_money(row.amount_paid)}",
    ]
    paid = [] if row.status == "已缴清" else ["未缴" if row.status == "未缴" else "部分"]
    if row.paid_at is not None:
        paid.append(local_date(row.paid_at))
    if row.receipt_no:
        paid.append(row.receipt_no)
    return " ".join(money) + "\n  " + " ".join(paid)


def statement_document(
    data: StatementData, paper: Paper = Paper.A4, *, mask_names: bool = False
) -> Document:
    """往期交费清单: on A4 one table row per billing period; on a 58/80 mm roll
    one (wrapped) line per period.  Both end with totals and arrears."""
    if paper.is_roll:
        return _roll_statement(data, paper, mask_names=mask_names)
    usage, due, paid, _ = _statement_totals(data)
    u = data.utility
    blocks: list[Block] = a4_heading("往期交费清单", f"{u.name}　{u.hall}")
    blocks += [
        KeyValues(
            (
                Field("用户号", data.account_no),
                Field("户名", mask_name(data.customer_name) if mask_names else data.customer_name),
                Field("查询期间", f"{data.period_from} 至 {data.period_to}"),
                Field("打印时间", local_time(data.printed_at)),
                Field("地址", data.address),
                Field("经办人", data.clerk),
            ),
            columns=2,
        ),
        Table(
            columns=(
                Column("账期", 0.9),
                Column("用水量(吨)", 1.0, "right"),
                Column("应缴金额(元)", 1.2, "right"),
                Column("实缴金额(元)", 1.2, "right"),
                Column("交费时间", 1.6),
                Column("收据号", 1.3),
                Column("状态", 0.9),
            ),
            rows=tuple(
                (
                    r.period,
                    quantity(r.usage),
                    format_money(r.amount_due),
                    format_money(r.amount_paid),
                    local_time(r.paid_at, seconds=False),
                    r.receipt_no,
                    r.status,
                )
                for r in data.rows
            ),
            totals=("合计", quantity(usage), format_money(due), format_money(paid), "", "", ""),
        ),
        _statement_sums(data, columns=2),
        Spacer(0.5),
        Text(STATEMENT_NOTE, align="center", small=True),
    ]
    head = f"往期交费清单（续）　用户号 {data.account_no}　{data.period_from} 至 {data.period_to}"
    return Document("statement", _statement_name(data), Paper.A4, tuple(blocks), running_head=head)


def _statement_name(data: StatementData) -> str:
    return f"往期交费清单 {data.account_no} {data.period_from}-{data.period_to}"


def _roll_statement(data: StatementData, paper: Paper, *, mask_names: bool) -> Document:
    u = data.utility
    who = mask_name(data.customer_name) if mask_names else data.customer_name
    blocks: list[Block] = heading(u, "往期交费清单")
    blocks += [
        KeyValues(
            (
                Field("营业厅", u.hall),
                Field("用户号", data.account_no, bold=True),
                Field("户名", who),
                Field("地址", data.address),
                Field("查询期间", f"{data.period_from} 至 {data.period_to}"),
                Field("打印时间", local_time(data.printed_at)),
                Field("经办人", data.clerk),
            )
        ),
        Separator(),
        Text(ROLL_STATEMENT_HEADER, small=True),
        Separator(),
        *(Text(statement_row_line(r)) for r in data.rows),
    ]
    if not data.rows:
        blocks.append(Text("（所选期间没有账单）", align="center"))
    blocks += [Separator(), _statement_sums(data, columns=1)]
    blocks += footer(u, STATEMENT_NOTE)
    return Document("statement", _statement_name(data), paper, tuple(blocks))


def _masked(value: str, mask) -> str:
    """``mask(value)``, except for a value that arrives masked already (the
    relief register reads only the masked copies): masking it again would
    hide the digits its rule keeps (``138****5678`` -> ``********678``)."""
    return value if MASK in value else mask(value)


def relief_form_document(data: ReliefApplicationData, *, show_full: bool = False) -> Document:
    """特困低保户用水优惠申请表 on A4 with signature and fingerprint boxes.

    ID number and phone are masked unless ``show_full`` (an audited unmask).
    The acceptance box names the clerk who filed it, the review box the
    supervisor who approved it (blank for a pending application)."""
    u = data.utility
    idn = data.id_number if show_full else _masked(data.id_number, mask_id_number)
    phone = data.phone if show_full else _masked(data.phone, mask_phone)
    rows = [
        Field("用户号", data.account_no),
        Field("申请人", data.applicant_name),
        Field("身份证号", idn),
        Field("联系电话", phone),
        Field("证件类型", data.certificate_type),
        Field("证件编号", data.certificate_no),
        Field("证件有效期至", local_date(data.certificate_valid_to) or "长期"),
        Field("优惠起始账期", data.effective_period),
    ]
    if data.total_households:
        share = Decimal(data.low_income_households or 0) / Decimal(data.total_households)
        rows += [
            Field(
                "低保户数/总户数", f"{data.low_income_households or 0} / {data.total_households} 户"
            ),
            Field("优惠比例", f"{share * 100:.2f}%"),
        ]
    review = f"审核意见：同意（审核人：{data.approved_by}）" if data.approved_by else "审核意见"
    blocks: list[Block] = a4_heading("特困低保户用水优惠申请表", f"{u.name}　{u.hall}")
    blocks += [
        Text(
            f"编号：{data.application_no}　　申请日期：{local_date(data.applied_at)}", align="right"
        ),
        KeyValues(tuple(rows), columns=2, boxed=True),
        KeyValues(
            (Field("用水地址", data.address), Field("优惠项目", data.relief_item, bold=True)),
            boxed=True,
        ),
        Spacer(0.5),
        Text("已收材料：", bold=True),
        *(Text(f"■ {m}") for m in data.materials),
    ]
    if data.remarks:
        blocks.append(Text(f"备注：{data.remarks}"))
    blocks += [
        Spacer(0.5),
        Text(RELIEF_PLEDGE),
        SignatureBoxes(
            (
                SignatureBox("申请人签字"),
                SignatureBox("申请人指纹", kind="fingerprint", dated=False),
                SignatureBox(f"受理人签字（{data.clerk}）"),
            )
        ),
        SignatureBoxes((SignatureBox(review),)),
    ]
    return Document("relief_form", f"优惠申请 {data.application_no}", Paper.A4, tuple(blocks))


def complaint_slip_document(
    data: ComplaintSlipData, paper: Paper = Paper.ROLL_80, *, mask_names: bool = False
) -> Document:
    """投诉受理单 for the complainant: what was received and when we reply."""
    u = data.utility
    who = mask_name(data.complainant_name) if mask_names else data.complainant_name
    rows = [
        Field("营业厅", u.hall),
        Field("受理编号", data.complaint_no, bold=True),
        Field("受理时间", local_time(data.received_at)),
        Field("受理人", data.clerk),
        Field("投诉人", who),
        # the complaint's contact comes masked from the server (migration 0025)
        Field("联系电话", _masked(data.phone, mask_phone)),
    ]
    if data.account_no:
        rows.append(Field("用户号", data.account_no))
    if data.address:
        rows.append(Field("地址", data.address))
    rows.append(Field("投诉类别", data.category))
    blocks: list[Block] = heading(u, "投诉受理单")
    blocks += [
        KeyValues(tuple(rows)),
        Separator(),
        Text("投诉内容：", bold=True),
        Text(data.summary),
    ]
    tail = []
    if data.handling:
        tail.append(Field("处理情况", data.handling))
    if data.due_at:
        tail.append(Field("答复时限", local_time(data.due_at, seconds=False), bold=True))
    if tail:
        blocks += [Separator(), KeyValues(tuple(tail))]
    blocks.append(SignatureBoxes((SignatureBox("投诉人签字"),)))
    promise = "我们将按时答复处理结果。"
    if data.due_at:
        promise = f"我们将在{local_time(data.due_at, seconds=False)}前答复您处理结果。"
    blocks += footer(u, promise)
    return Document("complaint_slip", f"投诉受理 {data.complaint_no}", paper, tuple(blocks))


def day_close_document(data: DayCloseData, paper: Paper = Paper.ROLL_80) -> Document:
    """收费员日结单: expected vs counted per tender, variance, locked."""
    u = data.utility
    expected = sum_money(t.expected for t in data.tenders)
    counted = sum_money(t.counted for t in data.tenders)
    rows = [
        Field("营业厅", u.hall),
        Field("收费员", data.clerk),
        Field("工作站", data.workstation),
        Field("营业日期", local_date(data.business_date)),
        Field("结账时间", local_time(data.closed_at)),
        Field("交费笔数", str(data.payment_count)),
        Field("冲正", f"{data.reversal_count} 笔 {yen(data.reversal_amount)}"),
    ]
    if data.late_fees:
        rows.append(Field("其中违约金", yen(data.late_fees)))
    if data.first_receipt_no:
        rows.append(Field("收据号段", f"{data.first_receipt_no} 至 {data.last_receipt_no}"))
    blocks: list[Block] = heading(u, "收费员日结单")
    blocks += [
        KeyValues(tuple(rows)),
        Table(
            columns=(
                Column("方式", 1.1),
                Column("应收", 1.2, "right"),
                Column("实点", 1.2, "right"),
                Column("差额", 1.0, "right"),
            ),
            rows=tuple(
                (
                    tender_label(t.method),
                    format_money(t.expected),
                    format_money(t.counted),
                    format_money(t.variance),
                )
                for t in data.tenders
            ),
            totals=(
                "合计",
                format_money(expected),
                format_money(counted),
                format_money(counted - expected),
            ),
        ),
        KeyValues(
            (
                Field("差额合计", yen(counted - expected), bold=True),
                Field("状态", "已锁定"),
            )
        ),
        AmountInWords(max(counted, ZERO), label="实收大写"),
    ]
    if data.note:
        blocks.append(KeyValues((Field("说明", data.note),)))
    blocks.append(SignatureBoxes((SignatureBox("收费员签字"), SignatureBox("主管签字"))))
    name = f"日结 {data.clerk} {local_date(data.business_date)}"
    return Document("day_close", name, paper, tuple(blocks))
