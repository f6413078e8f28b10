"""Import meter readings from the reading system (CSV or XLSX), all or nothing.
Rules: docs/rules/imports.md
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from counter_app.db import models as m
from counter_app.db.engine import Database
from counter_app.domain import localtime
from counter_app.domain.periods import Period
from counter_app.domain.readings import ReadingError, reading_flags, usage_between
from counter_app.services.actions import ActionError, call
from counter_app.services.imports.files import ImportFileError, iter_cells
from counter_app.services.installation.batch import jsonb

# Accepted header names (Chinese as the reading system exports them, or English).
HEADERS = {
    "account_no": ("account_no", "用户号", "户号"),
    "meter_no": ("meter_no", "表号", "水表号"),
    "period": ("period", "抄表期间", "账期", "期间"),
    "read_on": ("read_on", "抄表日期", "日期"),
    "reading": ("reading", "本期读数", "本期表码", "读数"),
}
REQUIRED = ("account_no", "period", "read_on", "reading")
# Monthly usage above which a reading is flagged, per m³ of a household;
# collective accounts scale it by their households. Seasonal adjustment is
# the utility's to tune; this is the conservative default.
HIGH_USAGE_PER_MONTH = 60
MAX_ROWS = 500_000


@dataclass(frozen=True)
class RowError:
    line: int
    field: str
    message: str


@dataclass(frozen=True)
class ImportReport:
    rows: int
    written: int
    errors: tuple[RowError, ...]
    flagged: tuple[tuple[int, str, str], ...] = ()  # (line, account_no, flags)
    replayed: bool = False  # the same file was imported before: nothing written

    @property
    def ok(self) -> bool:
        return not self.errors


@dataclass
class _Row:
    line: int
    values: dict[str, str]
    parsed: dict = field(default_factory=dict)


def read_rows(path: Path) -> Iterator[tuple[int, list[str]]]:
    """(line number, cells) of a CSV or XLSX file, header included
    (services/imports/files.py reads it, as every import's file)."""
    for n, cells in iter_cells(Path(path)):
        yield n, [c.text for c in cells]


def _header_map(cells: list[str]) -> dict[str, int]:
    found: dict[str, int] = {}
    for index, name in enumerate(cells):
        for key, aliases in HEADERS.items():
            if name.strip().lower() in aliases:
                found[key] = index
    missing = [k for k in REQUIRED if k not in found]
    if missing:
        raise ImportFileError(
            "header",
            "missing column(s): " + ", ".join(f"{k} ({HEADERS[k][1]})" for k in missing),
            field=missing[0],
        )
    return found


def _parse_date(text: str) -> date:
    for fmt in ("%Y-%m-%d", "%Y/%m/%d", "%Y%m%d", "%Y.%m.%d"):
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise ValueError(f"not a date: {text!r} (use YYYY-MM-DD)")


def _parse_reading(text: str) -> int:
    if not text.isdigit():
        raise ValueError(f"not a whole, non-negative number: {text!r}")
    return int(text)


class _Validator:
    def __init__(self, session: Session, today: date):
        self.session = session
        self.today = today
        self.errors: list[RowError] = []
        self.seen: dict[tuple[int, str], int] = {}

    def error(self, row: _Row, field_name: str, message: str) -> None:
        self.errors.append(RowError(row.line, field_name, message))

    def parse(self, row: _Row) -> bool:
        ok = True
        v = row.values
        for key in REQUIRED:
            if not v.get(key):
                self.error(row, key, "empty")
                ok = False
        if not ok:
            return False
        for key, parser in (
            ("period", Period.parse),
            ("read_on", _parse_date),
            ("reading", _parse_reading),
        ):
            try:
                row.parsed[key] = parser(v[key])
            except ValueError as exc:
                self.error(row, key, str(exc))
                ok = False
        if ok and row.parsed["read_on"] > self.today:
            self.error(row, "read_on", "date is in the future")
            ok = False
        return ok

    def resolve_meters(self, rows: list[_Row]) -> None:
        numbers = {r.values["account_no"] for r in rows}
        accounts = (
            dict(
                self.session.execute(
                    select(m.Account.account_no, m.Account.id).where(
                        m.Account.account_no.in_(numbers)
                    )
                ).all()
            )
            if numbers
            else {}
        )
        meters: dict[int, list] = {}
        if accounts:
            q = select(
                m.Meter.id,
                m.Meter.account_id,
                m.Meter.meter_no,
                m.Meter.dial_digits,
                m.Meter.active,
            ).where(m.Meter.account_id.in_(accounts.values()))
            for meter in self.session.execute(q).all():
                meters.setdefault(meter.account_id, []).append(meter)
        for row in rows:
            account_id = accounts.get(row.values["account_no"])
            if account_id is None:
                self.error(row, "account_no", f"no account {row.values['account_no']}")
                continue
            candidates = meters.get(account_id, [])
            wanted = row.values.get("meter_no", "")
            if wanted:
                candidates = [c for c in candidates if c.meter_no == wanted]
                if not candidates:
                    self.error(row, "meter_no", f"meter {wanted} is not on this account")
                    continue
            else:
                candidates = [c for c in candidates if c.active]
                if len(candidates) != 1:
                    self.error(
                        row, "meter_no", "account has no single active meter: give the meter number"
                    )
                    continue
            row.parsed["account_id"] = account_id
            row.parsed["meter"] = candidates[0]

    def check_sequence(self, row: _Row) -> None:
        meter = row.parsed["meter"]
        period: Period = row.parsed["period"]
        key = (meter.id, str(period))
        if key in self.seen:
            self.error(row, "period", f"same meter and period as line {self.seen[key]}")
            return
        self.seen[key] = row.line
        s = self.session
        exists = s.execute(
            select(m.Reading.id).where(
                m.Reading.meter_id == meter.id, m.Reading.period == str(period)
            )
        ).first()
        if exists:
            self.error(row, "period", f"meter {meter.meter_no} already has a reading for {period}")
            return
        history = s.execute(
            select(m.Reading.reading, m.Reading.read_on, m.Reading.usage)
            .where(m.Reading.meter_id == meter.id, m.Reading.period < str(period))
            .order_by(m.Reading.period.desc())
            .limit(2)
        ).all()
        previous = history[0].reading if history else 0
        if history and row.parsed["read_on"] <= history[0].read_on:
            self.error(row, "read_on", f"not after the previous reading of {history[0].read_on}")
            return
        try:
            usage, rolled = usage_between(
                previous, row.parsed["reading"], dial_digits=meter.dial_digits
            )
        except ReadingError as exc:
            self.error(row, "reading", f"{exc} (previous reading {previous})")
            return
        flags = reading_flags(
            usage, [h.usage for h in history], high_threshold=self._threshold(row)
        )
        if rolled:
            flags.add("rollover")
        row.parsed.update(
            previous=previous, usage=usage, rolled=rolled, flags=",".join(sorted(flags))
        )

    def _threshold(self, row: _Row) -> int:
        account = self.session.execute(
            select(m.Account.households_total, m.Account.read_cycle_months).where(
                m.Account.id == row.parsed["account_id"]
            )
        ).first()
        if account is None:
            return HIGH_USAGE_PER_MONTH
        return HIGH_USAGE_PER_MONTH * (account.households_total or 1) * account.read_cycle_months


def _rows_from_file(path: Path) -> list[_Row]:
    rows: list[_Row] = []
    header: dict[str, int] | None = None
    for line, cells in read_rows(path):
        if header is None:
            header = _header_map(cells)
            continue
        if not any(cells):
            continue
        values = {k: (cells[i].strip() if i < len(cells) else "") for k, i in header.items()}
        rows.append(_Row(line, values))
        if len(rows) > MAX_ROWS:
            raise ImportFileError("too_many_rows", f"more than {MAX_ROWS} rows: split the file")
    if header is None:
        raise ImportFileError("empty", "the file is empty")
    return rows


_ROW_FIELD = re.compile(r"^rows\[line (\d+)\]\.(\w+)$")


def _refused_row(exc: ActionError) -> RowError:
    """The database's refusal of one row, as the report shows rejected rows."""
    found = _ROW_FIELD.match(exc.field)
    if found is None:
        return RowError(0, exc.field or "file", exc.message)
    return RowError(int(found.group(1)), found.group(2), exc.message)


def _payload(row: _Row) -> dict:
    return dict(
        line=row.line,
        account_id=row.parsed["account_id"],
        meter_id=row.parsed["meter"].id,
        period=str(row.parsed["period"]),
        read_on=row.parsed["read_on"],
        previous_reading=row.parsed["previous"],
        reading=row.parsed["reading"],
        usage=row.parsed["usage"],
        rolled_over=row.parsed["rolled"],
        flags=row.parsed["flags"],
    )


def import_readings(
    db: Database,
    path: Path,
    *,
    dry_run: bool = False,
    today: date | None = None,
    progress: Callable[[str, int, int], None] | None = None,
) -> ImportReport:
    """Check every row, then write them all or none (one action per file; the
    same file again writes nothing). ``progress(stage, done, total)`` follows
    the rows checked (stage ``checking``)."""
    report = progress or (lambda stage, done, total: None)
    path = Path(path)
    rows = _rows_from_file(path)
    file_hash = hashlib.sha256(path.read_bytes()).hexdigest()
    with db.read() as session:
        if session.get(m.ReadingImport, file_hash) is not None:
            return ImportReport(len(rows), 0, (), replayed=True)
        v = _Validator(session, today or localtime.today())
        parsed = [r for r in rows if v.parse(r)]
        v.resolve_meters(parsed)
        for n, row in enumerate(parsed, start=1):
            if "meter" in row.parsed:
                v.check_sequence(row)
            if n % 200 == 0 or n == len(parsed):
                report("checking", n, len(parsed))
    errors = tuple(sorted(v.errors, key=lambda e: (e.line, e.field)))
    flagged = tuple(
        (r.line, r.values["account_no"], r.parsed["flags"]) for r in parsed if r.parsed.get("flags")
    )
    if errors or dry_run or not rows:
        return ImportReport(len(rows), 0, errors, flagged)
    try:
        result = call(
            db, "import_readings", file_hash, path.name, jsonb([_payload(r) for r in rows])
        )
    except ActionError as exc:
        return ImportReport(len(rows), 0, (_refused_row(exc),), flagged)
    return ImportReport(len(rows), result["written"], (), flagged, replayed=result["replayed"])
