"""Tariffs: price categories, tariffs with annual tiers and component rates,
and relief rules as data."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    Integer,
    String,
    true,
)
from sqlalchemy.orm import Mapped, mapped_column

from counter_app.db.models._base import Base, pk
from counter_app.db.types import UnitPrice

# ---------------------------------------------------------------------- tariffs


class PriceCategory(Base):
    __tablename__ = "price_categories"
    code: Mapped[str] = mapped_column(String(16), primary_key=True)
    name: Mapped[str] = mapped_column(String(40), nullable=False)


class FeeComponent(Base):
    """A fee line a schedule may charge (基本水费, 污水处理费, 水资源税, 燃气费 …)."""

    __tablename__ = "fee_components"
    __table_args__ = (
        CheckConstraint("code ~ '^[a-z][a-z0-9_]{0,15}$'", name="code"),
        CheckConstraint("btrim(name) <> ''", name="name"),
    )
    code: Mapped[str] = mapped_column(String(16), primary_key=True)
    name: Mapped[str] = mapped_column(String(40), nullable=False)
    relief_applies: Mapped[bool] = mapped_column(
        Boolean, nullable=False, default=True, server_default=true()
    )
    sort_order: Mapped[int] = mapped_column(Integer, nullable=False, default=0, server_default="0")


class Tariff(Base):
    """A price schedule for one category, in force from ``effective_from``."""

    __tablename__ = "tariffs"
    __table_args__ = (
        CheckConstraint("tier_basis IN ('annual', 'period')", name="tier_basis"),
        CheckConstraint(
            "effective_to IS NULL OR effective_to >= effective_from", name="effective_range"
        ),
    )
    id: Mapped[int] = pk()
    code: Mapped[str] = mapped_column(String(32), nullable=False, unique=True)
    name: Mapped[str] = mapped_column(String(80), nullable=False)
    category_code: Mapped[str] = mapped_column(ForeignKey("price_categories.code"), nullable=False)
    effective_from: Mapped[date] = mapped_column(Date, nullable=False)
    effective_to: Mapped[date | None] = mapped_column(Date)
    # 文号 of the price authority's document; tier limits per year or per
    # read period; limits multiplied by a collective account's households
    doc_no: Mapped[str] = mapped_column(String(64), nullable=False, default="", server_default="")
    tier_basis: Mapped[str] = mapped_column(
        String(8), nullable=False, default="annual", server_default="annual"
    )
    households_scaling: Mapped[bool] = mapped_column(
        Boolean, nullable=False, default=True, server_default=true()
    )


class TariffTier(Base):
    """Annual cumulative tier bound (m³); ``upper_volume`` NULL = unbounded."""

    __tablename__ = "tariff_tiers"
    __table_args__ = (CheckConstraint("tier_no >= 1", name="tier_no"),)
    tariff_id: Mapped[int] = mapped_column(ForeignKey("tariffs.id"), primary_key=True)
    tier_no: Mapped[int] = mapped_column(Integer, primary_key=True)
    upper_volume: Mapped[int | None] = mapped_column(Integer)


class TariffRate(Base):
    """Unit price of a fee component at a tier (tier 1 only = flat component)."""

    __tablename__ = "tariff_rates"
    __table_args__ = (CheckConstraint("unit_price >= 0", name="unit_price"),)
    tariff_id: Mapped[int] = mapped_column(ForeignKey("tariffs.id"), primary_key=True)
    component: Mapped[str] = mapped_column(ForeignKey("fee_components.code"), primary_key=True)
    tier_no: Mapped[int] = mapped_column(Integer, primary_key=True)
    unit_price: Mapped[Decimal] = mapped_column(UnitPrice(), nullable=False)


class ReliefRule(Base):
    """A relief policy as data: per_ton, free_volume or percentage."""

    __tablename__ = "relief_rules"
    __table_args__ = (
        CheckConstraint("kind IN ('per_ton','free_volume','percentage')", name="kind"),
        CheckConstraint("value >= 0", name="value"),
    )
    code: Mapped[str] = mapped_column(String(32), primary_key=True)
    name: Mapped[str] = mapped_column(String(80), nullable=False)
    kind: Mapped[str] = mapped_column(String(16), nullable=False)
    value: Mapped[Decimal] = mapped_column(UnitPrice(), nullable=False)
    component: Mapped[str] = mapped_column(
        ForeignKey("fee_components.code"), nullable=False, default="basic"
    )
    active: Mapped[bool] = mapped_column(Boolean, nullable=False, default=True)
