"""Customer search (用户查询): one box, any identifier, one call of ``counter_search``.
Rules: docs/rules/search.md
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from psycopg.types.json import Jsonb
from sqlalchemy import BigInteger, any_, bindparam
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from counter_app.db import models as m
from counter_app.db.engine import Database
from counter_app.domain.money import ZERO
from counter_app.domain.phone import split_landline
from counter_app.domain.search_query import Kind, Mode, ParsedQuery, Term, parse_query
from counter_app.services.accounts.ledger import arrears_select
from counter_app.services.actions import ActionError, call, statement_timeout

__all__ = [
    "DEFAULT_AREA_CODE",
    "MAX_LIMIT",
    "AccountHit",
    "SearchResult",
    "SearchService",
    "arrears_by_account",
]

DEFAULT_LIMIT = 50
MAX_LIMIT = 500
DEFAULT_AREA_CODE = "0537"  # 济宁; fixed lines typed without area code are this one's


@dataclass(frozen=True)
class AccountHit:
    """One row of the results list (personal data masked)."""

    account_id: int
    account_no: str
    name: str
    mobile_masked: str
    id_masked: str
    address: str
    meter_location: str
    status: str
    arrears: Decimal
    matched: str  # a Kind value: which reading of the query found it
    match: str = Mode.EXACT.value  # exact / prefix / contains
    landline_masked: str = ""
    # migration 0024: of the arrears, what is past due (逾期) and since how many days
    overdue: Decimal = ZERO
    current_due: Decimal = ZERO
    days_overdue: int = 0


@dataclass(frozen=True)
class SearchResult:
    hits: tuple[AccountHit, ...]
    kinds: tuple[str, ...]
    hint: str | None
    more: bool


def _landline_variants(value: str, area_code: str) -> list[str]:
    """Stored spellings of a fixed line: ``0537-6812345``, ``05376812345`` and,
    for the local area, the bare ``6812345``."""
    area, local = split_landline(value)
    area = area or area_code
    variants = [f"{area}-{local}", f"{area}{local}"]
    if area == area_code:
        variants.append(local)
    return variants


def _id_variants(values: Sequence[str]) -> list[str]:
    out: list[str] = []
    for v in values:
        out += [v, v.lower()] if v.endswith("X") else [v]
    return list(dict.fromkeys(out))


def search_terms(parsed: ParsedQuery, area_code: str) -> list[dict]:
    """The query as ``counter_search`` takes it: per term its kind, value,
    the spellings to look up (``values``) and the modes, in parse order."""

    def values(term: Term) -> list[str]:
        if term.kind is Kind.LANDLINE:
            return _landline_variants(term.value, area_code)
        if term.kind is Kind.ID_NUMBER:
            return _id_variants(term.values)
        return list(term.values)

    return [
        {
            "kind": t.kind.value,
            "value": t.value,
            "values": values(t),
            "modes": [mode.value for mode in t.modes],
        }
        for t in parsed.terms
    ]


# ------------------------------------------------------------------ arrears


def _ids_in(column, ids: Sequence[int]):
    """``column = ANY(array)``: one statement text for any number of ids
    (prepared once, not re-planned per list length)."""
    return column == any_(bindparam("ids", list(ids), type_=ARRAY(BigInteger)))


def _arrears_query(account_ids: Sequence[int]):
    return arrears_select(_ids_in(m.Bill.account_id, account_ids))


def arrears_by_account(session: Session, account_ids: Sequence[int]) -> dict[int, Decimal]:
    """Sum of bill amounts minus the allocations of unreversed payments, per
    account, in one grouped query. Accounts without bills are absent."""
    if not account_ids:
        return {}
    rows = session.execute(_arrears_query(account_ids))
    return {account_id: amount for account_id, amount in rows}


# ------------------------------------------------------------------ service


class SearchService:
    """Find accounts by whatever the customer can tell the clerk.

    ``area_code`` is the local fixed-line area code: a fixed line typed
    without one is looked up with it, with and without the dash.
    """

    def __init__(self, db: Database, *, area_code: str = DEFAULT_AREA_CODE):
        self.db = db
        self.area_code = area_code

    def parse(self, raw: str) -> ParsedQuery:
        """How ``raw`` would be read (for a live "searching as …" label)."""
        return parse_query(raw)

    def search(self, raw: str, *, limit: int = DEFAULT_LIMIT) -> SearchResult:
        parsed = parse_query(raw)
        if not parsed.terms:
            return SearchResult((), (), parsed.hint, False)
        limit = max(1, min(int(limit), MAX_LIMIT))
        terms = Jsonb(search_terms(parsed, self.area_code))
        try:
            found = call(self.db, "search", terms, limit, retry_read=True)
        except OperationalError as exc:
            if statement_timeout(exc):
                return SearchResult((), parsed.kinds, "timeout", False)
            raise
        except ActionError as exc:
            # more full-number lookups in a minute than a clerk may make
            # (counter_find_number, migration 0025): no hits, the hint says why
            if exc.kind == "rate_limited":
                return SearchResult((), parsed.kinds, "rate_limited", False)
            raise
        hits = tuple(AccountHit(**hit) for hit in found["hits"])
        return SearchResult(hits, parsed.kinds, parsed.hint, found["more"])
