"""Layouts of the payment documents: receipt, reprint (补打), reversal slip."""

from __future__ import annotations

from decimal import Decimal

from counter_app.documents.data import (
    BillLine,
    ReceiptData,
    ReprintInfo,
    ReversalData,
    TenderLine,
    Utility,
)
from counter_app.documents.fmt import local_time, quantity, tender_label, yen
from counter_app.documents.model import (
    AmountInWords,
    Block,
    Column,
    Document,
    Field,
    KeyValues,
    Mark,
    Paper,
    Separator,
    SignatureBox,
    SignatureBoxes,
    Table,
    Text,
    Title,
)
from counter_app.domain.masking import mask_name
from counter_app.domain.money import format_money

__all__ = ["receipt_document", "reprint_document", "reversal_document"]

RECEIPT_FOOTER = "请妥善保管本收据。"


def heading(utility: Utility, title: str) -> list[Block]:
    """Utility name, then the document's own title (both centred)."""
    return [Title(utility.name), Text(title, align="center", bold=True)]


def footer(utility: Utility, note: str) -> list[Block]:
    blocks: list[Block] = [Separator(), Text(note, align="center", small=True)]
    if utility.hotline:
        blocks.append(Text(f"服务热线：{utility.hotline}", align="center", small=True))
    return blocks


def customer(account_no: str, name: str, address: str, *, masked: bool) -> KeyValues:
    return KeyValues(
        (
            Field("用户号", account_no),
            Field("户名", mask_name(name) if masked else name),
            Field("地址", address),
        )
    )


def bills_table(bills: tuple[BillLine, ...]) -> Table:
    usage = sum((b.usage for b in bills), Decimal(0))
    amount = sum((b.amount for b in bills), Decimal(0))
    return Table(
        columns=(
            Column("账期", 1.15),
            Column("水量(吨)", 1.0, "right"),
            Column("金额(元)", 1.25, "right"),
        ),
        rows=tuple((b.period, quantity(b.usage), format_money(b.amount)) for b in bills),
        totals=("合计", quantity(usage), format_money(amount)),
    )


def _with_ref(tender: TenderLine) -> str:
    """``¥100.00 尾号8812``: the reference follows the amount, keeping labels short."""
    return f"{yen(tender.amount)} {tender.reference}".rstrip()


def receipt_document(
    data: ReceiptData,
    paper: Paper = Paper.ROLL_80,
    *,
    mask_names: bool = False,
    reprint: ReprintInfo | None = None,
) -> Document:
    """交费收据 of one posted payment; with ``reprint`` it carries the 补打
    mark, the reprint count, time and clerk.  ``mask_names`` is the
    workstation's ``Settings.mask_names_on_receipt``."""
    blocks: list[Block] = heading(data.utility, "交费收据")
    if reprint is not None:
        blocks.append(Mark(f"补打（第{reprint.count}次）"))
    blocks += [
        KeyValues(
            (
                Field("营业厅", data.utility.hall),
                Field("收据号", data.receipt_no, bold=True),
                Field("交费时间", local_time(data.paid_at)),
                Field("收费员", data.clerk),
            )
        ),
        Separator(),
        customer(data.account_no, data.customer_name, data.address, masked=mask_names),
    ]
    if data.bills:
        blocks.append(bills_table(data.bills))
    else:
        blocks.append(Separator())
    money = [Field("本次交费", yen(data.total), bold=True)]
    if data.late_fee or data.late_fee_waived:
        money.append(Field("违约金", yen(data.late_fee)))
    if data.late_fee_waived:
        money.append(Field("违约金减免", yen(data.late_fee_waived)))
    money += [Field(tender_label(t.method), _with_ref(t)) for t in data.tenders]
    if data.change:
        money.append(Field("找零", yen(data.change)))
    if data.prepaid:
        money.append(Field("转入预存", yen(data.prepaid)))
    money.append(Field("预存余额", yen(data.balance_after)))
    blocks += [KeyValues(tuple(money)), AmountInWords(data.total)]
    if reprint is not None:
        blocks.append(
            KeyValues(
                (Field("补打时间", local_time(reprint.printed_at)), Field("补打人", reprint.clerk))
            )
        )
    blocks += footer(data.utility, RECEIPT_FOOTER)
    kind = "reprint" if reprint else "receipt"
    return Document(kind, f"收据 {data.receipt_no}", paper, tuple(blocks))


def reprint_document(
    data: ReceiptData,
    reprint: ReprintInfo,
    paper: Paper = Paper.ROLL_80,
    *,
    mask_names: bool = False,
) -> Document:
    """The receipt printed again from the payment history, marked 补打."""
    return receipt_document(data, paper, mask_names=mask_names, reprint=reprint)


def reversal_document(
    data: ReversalData, paper: Paper = Paper.ROLL_80, *, mask_names: bool = False
) -> Document:
    """冲正凭单: the reversed payment, the reason and the approving supervisor."""
    blocks: list[Block] = heading(data.utility, "冲正凭单")
    blocks += [
        Mark("冲正"),
        KeyValues(
            (
                Field("营业厅", data.utility.hall),
                Field("冲正单号", data.reversal_no, bold=True),
                Field("冲正时间", local_time(data.reversed_at)),
                Field("原收据号", data.original_receipt_no),
                Field("原交费时间", local_time(data.original_paid_at)),
                Field("经办人", data.clerk),
                Field("审批主管", data.supervisor),
            )
        ),
        Separator(),
        customer(data.account_no, data.customer_name, data.address, masked=mask_names),
    ]
    if data.bills:
        blocks.append(bills_table(data.bills))
    money = [Field("冲正金额", yen(data.amount), bold=True)]
    money += [Field("退回" + tender_label(t.method), _with_ref(t)) for t in data.refunds]
    blocks += [
        KeyValues(tuple(money)),
        AmountInWords(abs(data.amount), label="冲正金额大写"),
        KeyValues((Field("冲正原因", data.reason),)),
        SignatureBoxes((SignatureBox("客户签字"), SignatureBox("主管签字"))),
    ]
    blocks += footer(data.utility, "原收据作废；本凭单与原收据一并留存。")
    return Document("reversal", f"冲正 {data.reversal_no}", paper, tuple(blocks))
