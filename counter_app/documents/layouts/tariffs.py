"""收费依据 on A4, from :class:`~counter_app.services.tariffs.basis.TariffBasis`.
Rules: docs/rules/billing.md
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import TYPE_CHECKING

from counter_app.documents.fmt import local_date, local_time, yen
from counter_app.documents.layouts.forms import a4_heading
from counter_app.documents.model import (
    Block,
    Column,
    Document,
    Field,
    KeyValues,
    Paper,
    Spacer,
    Table,
    Text,
)

if TYPE_CHECKING:  # plain data from the services; no call from here
    from counter_app.services.tariffs.basis import TariffBasis

__all__ = ["TIER_BASIS_LABELS", "price_text", "tariff_basis_document", "tier_name"]

TIER_BASIS_LABELS = {"annual": "按年度累计用水量", "period": "按每个抄表周期用水量"}
ACCOUNT_TYPES = {
    "household": "一户一表",
    "bulk": "总表",
    "collective": "集体户(合表)",
    "nonresidential": "非居民",
}
BASIS_NOTE = "本说明依据现行价格主管部门文件制作，仅供查询核对，不作为收费凭证。"
_NUMERALS = "一二三四五六七八九十"


def tier_name(tier_no: int) -> str:
    """第一阶梯 … 第十阶梯."""
    return f"第{_NUMERALS[tier_no - 1]}阶梯" if 1 <= tier_no <= 10 else f"第{tier_no}阶梯"


def _m3(value: int | None) -> str:
    return "以上" if value is None else f"{value}"


def price_text(value: Decimal) -> str:
    """A unit price with 2 to 4 decimals: 2.10, 0.4235."""
    text = f"{value.quantize(Decimal('0.0001')):f}".rstrip("0")
    whole, _, decimals = text.partition(".")
    return f"{whole}.{decimals.ljust(2, '0')}"


def _range(lower: int, upper: int | None) -> str:
    return f"{lower} 吨以上" if upper is None else f"{lower}–{upper} 吨"


def _period_text(b: TariffBasis) -> str:
    s = b.schedule
    if s.effective_to is None:
        return f"{local_date(s.effective_from)} 起"
    return f"{local_date(s.effective_from)} 至 {local_date(s.effective_to)}"


def _position(b: TariffBasis) -> str:
    scope = f"{b.year}年累计" if b.annual else "最近一期"
    if b.current_tier is None:
        return f"{scope}用水 {b.used} 吨"
    return f"{scope}用水 {b.used} 吨，处于{tier_name(b.current_tier)}"


def tariff_basis_document(b: TariffBasis, *, printed_at: datetime) -> Document:
    """The A4 收费依据 of one account."""
    s = b.schedule
    households = b.households if b.households else 1
    blocks: list[Block] = a4_heading("收费依据", f"{b.utility_name}　{b.hall_name}".strip())
    blocks.append(
        KeyValues(
            (
                Field("用户号", b.account_no),
                Field("户名", b.name),
                Field("用水类别", f"{b.category_name}（{b.category}）"),
                Field("用户类型", ACCOUNT_TYPES.get(b.account_type, b.account_type)),
                Field("地址", b.address),
                Field("户数", f"{households} 户"),
                Field("打印时间", local_time(printed_at)),
                Field("经办人", b.clerk),
            ),
            columns=2,
        )
    )
    blocks.append(
        KeyValues(
            (
                Field("价格方案", f"{s.name}（{s.code}）"),
                Field("文号", s.doc_no or "—", bold=True),
                Field("执行期间", _period_text(b)),
                Field("阶梯计量", TIER_BASIS_LABELS.get(s.tier_basis, s.tier_basis)),
                Field(
                    "阶梯户数调整",
                    f"阶梯上限 × {b.multiplier} 户" if b.multiplier > 1 else "不调整",
                ),
                Field("当前位置", _position(b), bold=True),
            ),
            columns=2,
            boxed=True,
        )
    )
    if b.bill is not None:
        bill = b.bill
        blocks.append(
            Text(
                f"所依据账单：{bill.period} 账期（{local_date(bill.period_start)} 至 "
                f"{local_date(bill.period_end)}），用水 {bill.usage} 吨，金额 {yen(bill.amount)}。"
            )
        )
    else:
        blocks.append(Text(f"尚无账单：以下为 {local_date(b.as_of)} 执行的价格方案。"))
    blocks.append(Spacer(0.3))
    marker = b.current_tier
    blocks.append(
        Table(
            columns=(
                Column("阶梯", 1.0),
                Column("标准上限(吨)", 1.1, "right"),
                Column("本户范围", 1.6, "right"),
                Column("已用(吨)", 1.0, "right"),
                Column("", 0.9),
            ),
            rows=tuple(
                (
                    tier_name(t.tier_no),
                    _m3(t.upper),
                    _range(t.scaled_lower, t.scaled_upper),
                    str(t.used),
                    "◀ 当前" if t.tier_no == marker else "",
                )
                for t in b.tiers
            ),
        )
    )
    tiers = len(s.tiers)
    headers = tuple(Column(tier_name(n), 1.0, "right") for n in range(1, tiers + 1))
    rows = []
    for component, prices in s.rates.items():
        cells = prices if len(prices) == tiers else prices * tiers
        rows.append((s.labels.get(component, component), *(price_text(p) for p in cells)))
    if rows:
        total = tuple(
            price_text(sum((Decimal(r[n]) for r in rows), Decimal(0))) for n in range(1, tiers + 1)
        )
        blocks.append(Text("单价（元/吨）", bold=True))
        blocks.append(
            Table(
                columns=(Column("费用项目", 1.4), *headers),
                rows=tuple(rows),
                totals=("合计单价", *total),
            )
        )
    blocks += [Spacer(0.5), Text(BASIS_NOTE, align="center", small=True)]
    if b.hotline:
        blocks.append(Text(f"服务热线：{b.hotline}", align="center", small=True))
    return Document(
        "tariff_basis",
        f"收费依据_{b.account_no}",
        Paper.A4,
        tuple(blocks),
        running_head=f"收费依据（续）　用户号 {b.account_no}",
    )
