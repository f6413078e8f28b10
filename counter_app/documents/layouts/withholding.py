"""银行代扣协议书: the withholding agreement the customer signs at the counter (A4).
Rules: docs/rules/withholding.md
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from counter_app.documents.fmt import local_date
from counter_app.documents.layouts.forms import a4_heading
from counter_app.documents.model import (
    Document,
    Field,
    KeyValues,
    Paper,
    SignatureBox,
    SignatureBoxes,
    Spacer,
    Text,
)

__all__ = ["WithholdingFormData", "withholding_form_document"]

TERMS = (
    "一、本人委托开户银行按期从上述银行账户中扣缴本户的水（气）费，扣款金额以供水（气）单位"
    "发出的扣款数据为准。",
    "二、本人保证扣款账户在每期扣款日有足够余额；因余额不足、账户冻结或销户等原因扣款不成功的，"
    "由本人到营业厅或通过其他方式及时缴纳，逾期产生的违约金由本人承担。",
    "三、扣款成功后，本人可凭用户号到营业厅打印缴费凭证；对扣款有异议的，可在扣款后三十日内提出。",
    "四、变更或撤销代扣，须由户主或账户持有人持有效证件到营业厅办理，办理前已发出的扣款仍然有效。",
)


@dataclass(frozen=True)
class WithholdingFormData:
    utility_name: str
    agreement_no: str
    account_no: str
    account_name: str
    address: str
    bank_name: str
    bank_account: str  # full right after signing, else the mask
    holder_name: str
    signed_on: date
    clerk: str
    status: str = "active"
    cancelled_on: date | None = None
    cancel_reason: str | None = None


def withholding_form_document(data: WithholdingFormData) -> Document:
    rows = (
        Field("用户号", data.account_no, bold=True),
        Field("户名", data.account_name),
        Field("开户银行", data.bank_name),
        Field("扣款账号", data.bank_account, bold=True),
        Field("账户持有人", data.holder_name),
        Field("签约日期", local_date(data.signed_on)),
    )
    blocks = a4_heading("银行代扣协议书", data.utility_name)
    blocks += [
        Text(f"协议编号：{data.agreement_no}", align="right"),
        KeyValues(rows, columns=2, boxed=True),
        KeyValues((Field("用水（气）地址", data.address),), boxed=True),
    ]
    if data.status == "cancelled":
        blocks.append(
            Text(
                f"本协议已于{local_date(data.cancelled_on)}撤销，原因：{data.cancel_reason or ''}",
                bold=True,
            )
        )
    blocks += [
        Spacer(0.5),
        Text("协议条款：", bold=True),
        *(Text(t) for t in TERMS),
        Spacer(0.5),
        SignatureBoxes(
            (
                SignatureBox("账户持有人签字"),
                SignatureBox("户主签字"),
                SignatureBox(f"受理人签字（{data.clerk}）"),
            )
        ),
    ]
    return Document("withholding_form", f"代扣协议 {data.agreement_no}", Paper.A4, tuple(blocks))
