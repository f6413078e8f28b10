"""The tenders a clerk takes money by at the counter (收费).

The database knows one more, ``bank`` (withholding files and a bank's app,
migration 0022): money that never passes the counter, so no clerk picks it.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Final

__all__ = ["BANK", "TENDER_CODES", "Tender"]


class Tender(StrEnum):
    CASH = "cash"
    WECHAT = "wechat"
    ALIPAY = "alipay"
    CARD = "card"
    PREPAYMENT = "prepayment"


#: The counter's tender codes in the order screens, reports and exports list them.
TENDER_CODES: Final = tuple(t.value for t in Tender)

#: The channels' tender (bank withholding, a bank's app): never taken at the counter.
BANK: Final = "bank"
