"""收费依据 (tariff basis) of an account: one call of ``counter_tariff_basis``.
Rules: docs/rules/billing.md
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from counter_app.services.payments.receipt_facts import DEFAULT_UTILITY_NAME
from counter_app.services.tariffs.admin import Schedule, schedule_from


@dataclass(frozen=True)
class BasisTier:
    tier_no: int
    upper: int | None  # the schedule's limit (m³)
    scaled_lower: int  # where the tier starts for this account
    scaled_upper: int | None  # the limit × the households
    used: int  # this tier year's (or period's) usage inside the tier


@dataclass(frozen=True)
class BasisBill:
    id: int
    period: str
    usage: int
    amount: Decimal
    period_start: date
    period_end: date


@dataclass(frozen=True)
class TariffBasis:
    account_id: int
    account_no: str
    name: str
    address: str
    account_type: str
    households: int | None
    category: str
    category_name: str
    bill: BasisBill | None
    schedule: Schedule
    multiplier: int
    year: int
    used: int
    current_tier: int | None
    tiers: tuple[BasisTier, ...]
    as_of: date
    clerk: str = ""
    utility_name: str = DEFAULT_UTILITY_NAME
    hall_name: str = ""
    hotline: str = ""

    @property
    def annual(self) -> bool:
        return self.schedule.tier_basis == "annual"


def basis_from(data: dict[str, Any]) -> TariffBasis:
    account = data["account"]
    bill = data.get("bill")
    utility = data.get("utility") or {}
    return TariffBasis(
        account_id=int(account["id"]),
        account_no=account["account_no"],
        name=account["name"],
        address=account["address"],
        account_type=account["account_type"],
        households=account.get("households_total"),
        category=account["price_category"],
        category_name=account.get("category_name") or account["price_category"],
        bill=None
        if not bill
        else BasisBill(
            int(bill["id"]),
            bill["period"],
            int(bill["usage"]),
            Decimal(str(bill["amount"])),
            date.fromisoformat(bill["period_start"]),
            date.fromisoformat(bill["period_end"]),
        ),
        schedule=schedule_from(data["tariff"]),
        multiplier=int(data["multiplier"]),
        year=int(data["year"]),
        used=int(data["used"]),
        current_tier=data.get("current_tier"),
        tiers=tuple(
            BasisTier(
                int(t["tier_no"]),
                t["upper"],
                int(t["scaled_lower"]),
                t["scaled_upper"],
                int(t["used"]),
            )
            for t in data["tiers"]
        ),
        as_of=date.fromisoformat(data["as_of"]),
        clerk=data.get("clerk") or "",
        utility_name=utility.get("name") or DEFAULT_UTILITY_NAME,
        hall_name=utility.get("hall") or "",
        hotline=utility.get("hotline") or "",
    )
