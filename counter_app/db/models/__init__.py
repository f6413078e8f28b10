"""SQLAlchemy models: the schema of record, one module per responsibility.
Design: docs/architecture.md ("Migrations and installations")
"""

from __future__ import annotations

from counter_app.db.models._base import NAMING, Base, BigId, created, pk
from counter_app.db.models.accounts import Account, Bill, BillLine, Meter, Reading, ReadingImport
from counter_app.db.models.archive import ArchiveSequence
from counter_app.db.models.audit import APPEND_ONLY_TABLES, AuditEvent, RevealRequest
from counter_app.db.models.cases import (
    Complaint,
    ComplaintEvent,
    CorrectionRequest,
    Outage,
    ReliefApplication,
)
from counter_app.db.models.channels import (
    AccountChannelSettings,
    ChannelSuspense,
    ChannelSuspenseResolution,
    OnlineImport,
)
from counter_app.db.models.golive import GoliveImport
from counter_app.db.models.late_fees import LateFeeCharge, LateFeeRule, LateFeeWaiver
from counter_app.db.models.locks import CounterLock
from counter_app.db.models.money import (
    Allocation,
    Payment,
    PaymentReversal,
    PaymentTender,
    PrepaymentEntry,
    ReceiptReprint,
    ReceiptSeries,
    Shift,
    ShiftClose,
)
from counter_app.db.models.org import Area, Clerk, Hall, UtilitySetting
from counter_app.db.models.tariffs import (
    FeeComponent,
    PriceCategory,
    ReliefRule,
    Tariff,
    TariffRate,
    TariffTier,
)
from counter_app.db.models.withholding import (
    WithholdingAgreement,
    WithholdingBank,
    WithholdingBatch,
    WithholdingImport,
    WithholdingItem,
    WithholdingNumberRequest,
    WithholdingResult,
)

__all__ = [
    "NAMING",
    "Base",
    "RevealRequest",
    "BigId",
    "created",
    "pk",
    "Hall",
    "Area",
    "Clerk",
    "UtilitySetting",
    "FeeComponent",
    "PriceCategory",
    "Tariff",
    "TariffTier",
    "TariffRate",
    "ReliefRule",
    "Account",
    "ArchiveSequence",
    "Meter",
    "Reading",
    "ReadingImport",
    "GoliveImport",
    "CounterLock",
    "Bill",
    "BillLine",
    "ReceiptSeries",
    "AccountChannelSettings",
    "OnlineImport",
    "ChannelSuspense",
    "ChannelSuspenseResolution",
    "Shift",
    "ShiftClose",
    "Payment",
    "PaymentTender",
    "Allocation",
    "PaymentReversal",
    "PrepaymentEntry",
    "ReceiptReprint",
    "ReliefApplication",
    "Complaint",
    "ComplaintEvent",
    "CorrectionRequest",
    "Outage",
    "LateFeeRule",
    "LateFeeWaiver",
    "LateFeeCharge",
    "AuditEvent",
    "APPEND_ONLY_TABLES",
    "WithholdingBank",
    "WithholdingAgreement",
    "WithholdingBatch",
    "WithholdingItem",
    "WithholdingResult",
    "WithholdingImport",
    "WithholdingNumberRequest",
]
