"""The search as the client did it before migration 0015 (several statements:
probes, then the hits with their arrears), kept as the oracle that
tests/db/test_actions_screens.py compares ``counter_search`` with on the
same data. Not used by the app."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import BigInteger, any_, bindparam, select, text
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from counter_app.db import models as m
from counter_app.db.engine import Database
from counter_app.domain.phone import split_landline
from counter_app.domain.search_query import Kind, Mode, ParsedQuery, Term, parse_query
from counter_app.services.accounts.ledger import arrears_select

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
ZERO = Decimal("0.00")
_TIERS = (Mode.EXACT, Mode.PREFIX, Mode.CONTAINS)
_PARAM = re.compile(r"(?<![:\w]):(\w+)")  # a bind parameter in probe SQL


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


@dataclass(frozen=True)
class SearchResult:
    hits: tuple[AccountHit, ...]
    kinds: tuple[str, ...]
    hint: str | None
    more: bool


@dataclass(frozen=True)
class _Probe:
    """One SQL lookup returning account ids (column ``id``), without LIMIT.
    A ``scan`` probe reads the oldest ``:rows`` accounts (see _Sql)."""

    kind: Kind
    mode: Mode
    sql: str
    params: dict
    scan: bool = False


def _next_string(value: str) -> str:
    """The smallest string greater than every string starting with ``value``
    (code-point order): the exclusive upper bound of a prefix range."""
    last = ord(value[-1]) + 1
    if 0xD800 <= last <= 0xDFFF:
        last = 0xE000
    if last > 0x10FFFF:  # pragma: no cover - U+10FFFF is a noncharacter
        return value + "\U0010ffff"
    return value[:-1] + chr(last)


def _grams(fragment: str, size: int = 2) -> list[str]:
    """What ``counter_grams(...) @>`` must contain for ``fragment``: the
    fragment itself when it is short, else ``size``-grams covering every
    character (one every ``size`` characters and the last: few posting lists
    to intersect, the recheck does the rest). Names are indexed by 1- and
    2-grams, places by 1-, 2- and 3-grams."""
    if len(fragment) <= size:
        return [fragment]
    starts = sorted({*range(0, len(fragment) - size + 1, size), len(fragment) - size})
    return sorted({fragment[i : i + size] for i in starts})


class _Sql:
    """SQL of each probe."""

    def __init__(self, area_code: str):
        self.area_code = area_code

    # -- building blocks ------------------------------------------------------

    def prefix(self, column: str, value: str) -> tuple[str, dict]:
        # strictly after the value itself: the exact match is the exact tier's;
        # the pattern operators use (and walk) the *_pattern_ops btrees
        where = f"{column} ~>~ :lo AND {column} ~<~ :hi"
        return where + f" ORDER BY {column} USING ~<~", {"lo": value, "hi": _next_string(value)}

    def account_ids(self, where: str) -> str:
        return f"SELECT a.id AS id FROM accounts a WHERE {where}"

    # -- per kind ---------------------------------------------------------------

    def raw_lookup(self, kind: Kind, values: Sequence[str]) -> tuple[str, dict]:
        sql = (
            "SELECT DISTINCT f.id AS id FROM unnest(CAST(:vals AS text[])) AS v(x) "
            "CROSS JOIN LATERAL counter_find_accounts(:kind, v.x) AS f(id)"
        )
        return sql, {"vals": list(values), "kind": kind.value}

    def mobile_tail(self, value: str) -> tuple[str, dict]:
        return self.account_ids("right(a.mobile_masked, 4) = :v"), {"v": value}

    def id_tail(self, value: str) -> tuple[str, dict]:
        rev = value[::-1]
        where = "reverse(a.id_tail) ~>=~ :lo AND reverse(a.id_tail) ~<~ :hi"
        return self.account_ids(where), {"lo": rev, "hi": _next_string(rev)}

    # A fragment is looked up in up to three steps. The oldest HEAD_ROWS
    # accounts (in id order, through the primary key) are scanned with
    # strpos: a common fragment (院内表井, 3单元, a frequent given-name
    # character) fills the page there in a few milliseconds. If it found
    # some but not enough, the scan is extended as far as that rate says the
    # page needs (at most SCAN_MAX rows). Only then is the GIN index asked,
    # for a fragment rarer than about limit / SCAN_MAX, so the bitmap stays
    # small. (Left to itself the planner underestimates common fragments, as
    # it multiplies the bigram frequencies, and builds a bitmap of hundreds
    # of thousands of rows; and a GIN scan cannot stop at the first 50.)
    HEAD_ROWS = 2000
    SCAN_MAX = 20000

    def _head(self, columns: str, condition: str, params: dict) -> tuple[str, dict]:
        sql = (
            f"SELECT s.id AS id FROM (SELECT a.id, {columns} FROM accounts a "
            f"ORDER BY a.id LIMIT :rows) AS s WHERE {condition}"
        )
        return sql, {**params, "rows": self.HEAD_ROWS}

    def name_contains(self, value: str) -> list[tuple[str, dict]]:
        params = {"g": _grams(value), "v": value}
        return [
            self._head("a.name", "strpos(s.name, :v) > 1", {"v": value}),
            (
                self.account_ids(
                    "counter_grams(a.name) @> CAST(:g AS text[]) AND strpos(a.name, :v) > 1"
                ),
                params,
            ),
        ]

    def place_contains(self, value: str) -> list[tuple[str, dict]]:
        params = {"g": _grams(value, 3), "v": value}
        return [
            self._head(
                "a.address, a.meter_location",
                "(strpos(s.address, :v) > 0 OR strpos(s.meter_location, :v) > 0)",
                {"v": value},
            ),
            (
                self.account_ids(
                    "counter_grams(a.address, a.meter_location) @> CAST(:g AS text[]) "
                    "AND (strpos(a.address, :v) > 0 OR strpos(a.meter_location, :v) > 0)"
                ),
                params,
            ),
        ]


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


def _probes(sql: _Sql, term: Term, mode: Mode) -> list[_Probe]:
    """The lookups of ``term`` in tier ``mode`` (empty if it has none there)."""
    if mode not in term.modes:
        return []
    v, kind = term.value, term.kind

    def probe(pair: tuple[str, dict]) -> _Probe:
        return _Probe(kind, mode, pair[0], pair[1], scan="rows" in pair[1])

    def column_probe(column: str) -> _Probe:
        if mode is Mode.EXACT:
            return probe((sql.account_ids(f"{column} = :v"), {"v": v}))
        where, params = sql.prefix(column, v)
        return probe((sql.account_ids(where), params))

    if kind is Kind.ACCOUNT_NO:
        return [column_probe("a.account_no")]
    if kind is Kind.ARCHIVE_NO:
        return [probe((sql.account_ids("a.archive_no = ANY (:vals)"), {"vals": [*term.values, v]}))]
    if kind is Kind.METER_NO:
        if mode is Mode.EXACT:
            return [
                probe(
                    ("SELECT me.account_id AS id FROM meters me WHERE me.meter_no = :v", {"v": v})
                )
            ]
        where, params = sql.prefix("me.meter_no", v)
        return [probe((f"SELECT me.account_id AS id FROM meters me WHERE {where}", params))]
    if kind is Kind.MOBILE:
        return [probe(sql.raw_lookup(kind, [v]))]
    if kind is Kind.LANDLINE:
        return [probe(sql.raw_lookup(kind, _landline_variants(v, sql.area_code)))]
    if kind is Kind.ID_NUMBER:
        return [probe(sql.raw_lookup(kind, _id_variants(term.values)))]
    if kind is Kind.MOBILE_TAIL:
        return [probe(sql.mobile_tail(v))]
    if kind is Kind.ID_TAIL:
        return [probe(sql.id_tail(v))]
    if kind is Kind.PINYIN:
        return [column_probe("a.name_initials"), column_probe("a.name_pinyin")]
    if kind is Kind.NAME:
        if mode is Mode.CONTAINS:
            return [probe(pair) for pair in sql.name_contains(v)]
        return [column_probe("a.name")]
    if kind is Kind.ADDRESS:
        return [probe(pair) for pair in sql.place_contains(v)]
    raise AssertionError(f"unhandled kind {kind}")  # pragma: no cover


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
        self._sql = _Sql(area_code)

    def parse(self, raw: str) -> ParsedQuery:
        """How ``raw`` would be read (for a live "searching as …" label)."""
        return parse_query(raw)

    def search(self, raw: str, *, limit: int = DEFAULT_LIMIT) -> SearchResult:
        parsed = parse_query(raw)
        if not parsed.terms:
            return SearchResult((), (), parsed.hint, False)
        limit = max(1, min(int(limit), MAX_LIMIT))
        try:
            with self.db.read() as session:
                found = self._find(session, parsed, limit + 1)
                more = len(found) > limit
                found = found[:limit]
                hits = self._hits(session, found)
        except OperationalError as exc:
            if getattr(exc.orig, "sqlstate", None) == "57014":  # query_canceled
                return SearchResult((), parsed.kinds, "timeout", False)
            raise
        return SearchResult(hits, parsed.kinds, parsed.hint, more)

    # -- internals ----------------------------------------------------------------

    def _find(self, session: Session, parsed: ParsedQuery, wanted: int) -> list[tuple]:
        """Up to ``wanted`` (account_id, kind, mode), best tier first.

        Consecutive probes of a tier go to the database as one statement
        (UNION ALL, one round trip); scans run alone, as the next step
        depends on what they found."""
        found: dict[int, tuple] = {}
        for mode in _TIERS:
            probes = [p for term in parsed.terms for p in _probes(self._sql, term, mode)]
            start = 0
            while start < len(probes):
                need = wanted - len(found)
                if need <= 0:
                    return list(found.values())
                end = start + 1
                if not probes[start].scan:
                    while end < len(probes) and not probes[end].scan:
                        end += 1
                batch = probes[start:end]
                rows, complete = self._run(session, batch, need, len(found))
                for account_id, probe in rows:
                    if account_id not in found and len(found) < wanted:
                        found[account_id] = (account_id, probe.kind, probe.mode)
                if not complete and len(found) < wanted:
                    # the batch stopped at its row limit on ids found before:
                    # ask its probes one by one (rare)
                    for probe in batch:
                        need = wanted - len(found)
                        for account_id, _ in self._run(session, [probe], need, len(found))[0]:
                            if account_id not in found and len(found) < wanted:
                                found[account_id] = (account_id, probe.kind, probe.mode)
                start = end
        return list(found.values())

    def _run(
        self, session: Session, probes: list[_Probe], need: int, known: int
    ) -> tuple[list[tuple[int, _Probe]], bool]:
        """(id, probe) of the probes, in probe order, and whether every probe
        ran to its end. Ids already found may come again, so ask for
        ``need + known`` rows; a batch stops once it has that many (later
        probes are not even evaluated), which is "incomplete" only if the
        caller still needs more."""
        n = need + known
        if len(probes) == 1:
            probe = probes[0]
            stmt = text(f"{probe.sql} LIMIT :n")
            params = {**probe.params, "n": n}
            rows = session.execute(stmt, params).scalars().all()
            if probe.scan and len(rows) < n:
                # the rate in the head says how far a scan must go for the page
                budget = self._scan_budget(probe.params["rows"], len(rows), n)
                if budget:
                    rows = session.execute(stmt, {**params, "rows": budget}).scalars().all()
            return [(i, probe) for i in self._ordered(probe, rows)], True
        branches, params = [], {"n_all": n}
        for k, probe in enumerate(probes):
            sql = _PARAM.sub(lambda mt, k=k: f":b{k}_{mt.group(1)}", probe.sql)
            branches.append(
                f"SELECT b{k}.id AS id, {k} AS probe FROM ({sql} LIMIT :b{k}_n) AS b{k}"
            )
            params.update({f"b{k}_{name}": value for name, value in probe.params.items()})
            params[f"b{k}_n"] = n
        rows = session.execute(text(" UNION ALL ".join(branches) + " LIMIT :n_all"), params).all()
        by_probe: list[list[int]] = [[] for _ in probes]
        for account_id, k in rows:
            by_probe[k].append(account_id)
        ordered = [
            (i, probe)
            for probe, ids in zip(probes, by_probe, strict=True)
            for i in self._ordered(probe, ids)
        ]
        return ordered, len(rows) < n

    @staticmethod
    def _ordered(probe: _Probe, ids: list[int]) -> list[int]:
        # prefix rows come in the order of the matched column; others by id
        return ids if probe.mode is Mode.PREFIX else sorted(ids)

    def _scan_budget(self, scanned: int, hits: int, wanted: int) -> int | None:
        if not hits:
            return None
        budget = -(-wanted * scanned * 5 // (hits * 4))  # 25 % margin, rounded up
        return budget if scanned < budget <= self._sql.SCAN_MAX else None

    def _hits(self, session: Session, found: list[tuple]) -> tuple[AccountHit, ...]:
        """The found accounts with their arrears: one statement (accounts
        joined to the grouped arrears query of the same ids)."""
        if not found:
            return ()
        ids = [f[0] for f in found]
        a = m.Account
        arrears = _arrears_query(ids).subquery()
        rows = session.execute(
            select(
                a.id,
                a.account_no,
                a.name,
                a.mobile_masked,
                a.landline_masked,
                a.id_masked,
                a.address,
                a.meter_location,
                a.status,
                arrears.c.arrears,
            )
            .outerjoin(arrears, arrears.c.account_id == a.id)
            .where(_ids_in(a.id, ids))
        ).all()
        by_id = {r.id: r for r in rows}
        hits = []
        for account_id, kind, mode in found:
            r = by_id.get(account_id)
            if r is None:  # pragma: no cover - deleted meanwhile (accounts are not deleted)
                continue
            hits.append(
                AccountHit(
                    account_id=r.id,
                    account_no=r.account_no,
                    name=r.name,
                    mobile_masked=r.mobile_masked,
                    id_masked=r.id_masked,
                    address=r.address,
                    meter_location=r.meter_location,
                    status=r.status,
                    arrears=r.arrears if r.arrears is not None else ZERO,
                    matched=kind.value,
                    match=mode.value,
                    landline_masked=r.landline_masked,
                )
            )
        return tuple(hits)
