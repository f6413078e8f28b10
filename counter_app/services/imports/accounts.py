"""Going live: the old billing system's accounts, meters and last readings (migration 0020).
Rules: docs/rules/imports.md
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy import select

from counter_app.db import models as m
from counter_app.db.engine import Database
from counter_app.domain import localtime
from counter_app.domain.idnumber import IdNumberError, upgrade_15_to_18, validate_id_number
from counter_app.domain.phone import PhoneError, format_landline, is_mobile, normalize_phone
from counter_app.domain.pinyin import name_keys
from counter_app.services.action_values import required
from counter_app.services.actions import ActionError, call
from counter_app.services.imports.files import (
    Column,
    Row,
    RowChecker,
    RowError,
    Table,
    file_hash,
    read_table,
    refused_row,
)
from counter_app.services.installation.batch import among, jsonb

__all__ = ["ACCOUNT_COLUMNS", "AccountsReport", "import_accounts"]

ACCOUNT_COLUMNS = (
    Column("account_no", "用户号", aliases=("户号",)),
    Column("name", "户名"),
    Column("id_number", "证件号码", required=False, aliases=("身份证号",)),
    Column("mobile", "手机", required=False, aliases=("手机号",)),
    Column("landline", "固定电话", required=False, aliases=("电话",)),
    Column("address", "用水地址", aliases=("地址",)),
    Column("meter_location", "水表方位", required=False),
    Column("account_type", "用户类型"),
    Column("households_total", "户数", required=False),
    Column("price_category", "价格类别", aliases=("用水性质",)),
    Column("area_code", "片区"),
    Column("book_no", "表册", required=False),
    Column("read_cycle_months", "抄表周期", required=False),
    Column("meter_no", "表号", aliases=("水表号",)),
    Column("caliber_mm", "口径", required=False),
    Column("dial_digits", "表位数", required=False),
    Column("installed_on", "安装日期", required=False),
    Column("verified_on", "检定日期", required=False),
    Column("archive_no", "档案号", required=False),
    Column("cabinet_no", "档案柜号", required=False),
    Column("opened_on", "立户日期", required=False),
    Column("last_reading", "上次读数", required=False),
    Column("last_read_on", "上次抄表日期", required=False),
)

ACCOUNT_TYPES = {
    "household": "household",
    "居民": "household",
    "居民户": "household",
    "一户一表": "household",
    "collective": "collective",
    "集体户": "collective",
    "合表户": "collective",
    "bulk": "bulk",
    "总表": "bulk",
    "大表": "bulk",
    "nonresidential": "nonresidential",
    "非居民": "nonresidential",
    "单位": "nonresidential",
    "经营": "nonresidential",
}
READ_CYCLES = {"1": 1, "2": 2, "每月": 1, "单月": 1, "双月": 2, "两月": 2}
_ACCOUNT_NO = re.compile(r"[0-9A-Za-z-]{1,16}")
_ID_PROBLEMS = {
    "chars": "only digits and a final X (只能是数字和末位X)",
    "length": "15 or 18 characters (应为15或18位)",
    "birthdate": "the birth date in it is not a date (出生日期无效)",
    "checksum": "the check digit is wrong (校验位错误)",
}


@dataclass(frozen=True)
class AccountsReport:
    file: str
    rows: int
    accounts: int = 0
    meters: int = 0
    readings: int = 0
    skipped: int = 0  # already in the database (same account and meter)
    errors: tuple[RowError, ...] = ()
    replayed: bool = False  # the same file was imported before: nothing written
    dry_run: bool = False

    @property
    def ok(self) -> bool:
        return not self.errors


class _Accounts:
    """The checks of one file's rows, then against the database."""

    def __init__(
        self, table: Table, today: date, categories: dict[str, str], areas: dict[str, str]
    ):
        self.c = RowChecker(table)
        self.today = today
        self.categories = categories
        self.areas = areas

    def _id_number(self, row: Row) -> str | None:
        raw = self.c.text(row, "id_number", max_len=40)
        if raw is None:
            return None
        try:
            value = validate_id_number(raw)
        except IdNumberError as exc:
            self.c.error(row, "id_number", _ID_PROBLEMS[exc.code])
            return None
        return upgrade_15_to_18(value) if len(value) == 15 else value

    def _phones(self, row: Row) -> tuple[str | None, str | None]:
        mobile = self.c.text(row, "mobile", max_len=40)
        if mobile is not None:
            if is_mobile(mobile):
                mobile = normalize_phone(mobile)
            else:
                self.c.error(
                    row,
                    "mobile",
                    f"{mobile!r}: not a mobile number, 11 digits from 13 "
                    "to 19 (a fixed line goes in 固定电话)",
                )
                mobile = None
        landline = self.c.text(row, "landline", max_len=40)
        if landline is not None:
            try:
                if is_mobile(landline):
                    raise PhoneError("format")
                landline = format_landline(landline)
            except PhoneError:
                self.c.error(
                    row,
                    "landline",
                    f"{landline!r}: not a fixed-line number (0537-6812345 or 6812345)",
                )
                landline = None
        return mobile, landline

    def _lookup(self, row: Row, key: str, known: dict[str, str], what: str) -> str | None:
        value = self.c.text(row, key, required=True, max_len=80)
        if value is None:
            return None
        code = known.get(value) or known.get(value.upper())
        if code is None:
            self.c.error(
                row,
                key,
                f"unknown {what} {value!r}; known: " + ", ".join(sorted(set(known.values()))),
            )
        return code

    def parse(self, row: Row) -> dict | None:
        c, today = self.c, self.today
        before = len(c.errors)
        name = c.text(row, "name", required=True, max_len=80)
        mobile, landline = self._phones(row)
        kind = c.text(row, "account_type", required=True, max_len=16)
        if kind is not None and kind.lower() not in ACCOUNT_TYPES:
            c.error(row, "account_type", f"{kind!r}: one of 居民, 集体户, 总表, 非居民")
        cycle = c.text(row, "read_cycle_months", max_len=4) or "2"
        if cycle not in READ_CYCLES:
            c.error(row, "read_cycle_months", f"{cycle!r}: 1 or 2 (months)")
        dial = c.whole(row, "dial_digits", low=4, high=9) or 5
        last = c.whole(row, "last_reading", high=10**dial - 1)
        last_on = c.date(row, "last_read_on", today=today)
        if (last is None) != (last_on is None) and len(c.errors) == before:
            c.error(
                row,
                "last_read_on" if last_on is None else "last_reading",
                "上次读数 and 上次抄表日期 go together",
            )
        out = dict(
            line=row.line,
            account_no=c.text(
                row,
                "account_no",
                required=True,
                pattern=_ACCOUNT_NO,
                hint="1-16 letters, digits or -",
            ),
            name=name,
            id_number=self._id_number(row),
            mobile=mobile,
            landline=landline,
            address=c.text(row, "address", required=True, max_len=200),
            meter_location=c.text(row, "meter_location", max_len=80),
            account_type=ACCOUNT_TYPES.get((kind or "").lower()),
            households_total=c.whole(row, "households_total", low=1, high=99_999),
            price_category=self._lookup(row, "price_category", self.categories, "price category"),
            area_code=self._lookup(row, "area_code", self.areas, "area"),
            book_no=c.text(row, "book_no", max_len=16),
            read_cycle_months=READ_CYCLES.get(cycle),
            meter_no=c.text(row, "meter_no", required=True, max_len=32),
            caliber_mm=c.whole(row, "caliber_mm", low=1, high=9999) or 20,
            dial_digits=dial,
            installed_on=c.date(row, "installed_on", today=today),
            verified_on=c.date(row, "verified_on", today=today),
            archive_no=c.text(row, "archive_no", max_len=32),
            cabinet_no=c.text(row, "cabinet_no", max_len=16),
            opened_on=c.date(row, "opened_on", today=today),
            last_reading=last,
            last_read_on=last_on,
        )
        if len(c.errors) > before:
            return None
        out["name_pinyin"], out["name_initials"] = (
            k[:n] for k, n in zip(name_keys(required(name, "name")), (200, 40), strict=True)
        )
        return out

    def duplicates(self, rows: list[dict]) -> None:
        for key in ("account_no", "meter_no", "archive_no"):
            first: dict[str, int] = {}
            for r in rows:
                value = r[key]
                if value is None:
                    continue
                if value in first:
                    self.c.error(r["line"], key, f"{value} is also on line {first[value]}")
                else:
                    first[value] = r["line"]

    def against_database(self, session, rows: list[dict]) -> set[int]:
        """Refuse what another account has; the lines already there."""
        numbers = [r["account_no"] for r in rows]
        accounts = dict(
            session.execute(
                select(m.Account.account_no, m.Account.id).where(
                    among(m.Account.account_no, numbers)
                )
            ).all()
        )
        meters = dict(
            session.execute(
                select(m.Meter.meter_no, m.Meter.account_id).where(
                    among(m.Meter.meter_no, [r["meter_no"] for r in rows])
                )
            ).all()
        )
        archives = dict(
            session.execute(
                select(m.Account.archive_no, m.Account.account_no).where(
                    among(m.Account.archive_no, [r["archive_no"] for r in rows if r["archive_no"]])
                )
            ).all()
        )
        present: set[int] = set()
        for r in rows:
            account_id = accounts.get(r["account_no"])
            if account_id is not None and meters.get(r["meter_no"]) == account_id:
                present.add(r["line"])
                continue
            if account_id is not None:
                self.c.error(
                    r["line"],
                    "account_no",
                    f"{r['account_no']} is in the database already, with another meter",
                )
            elif r["meter_no"] in meters:
                self.c.error(
                    r["line"], "meter_no", f"{r['meter_no']} is on another account in the database"
                )
            owner = archives.get(r["archive_no"])
            if owner is not None and owner != r["account_no"]:
                self.c.error(r["line"], "archive_no", f"{r['archive_no']} is account {owner}'s")
        return present


def _references(session) -> tuple[dict[str, str], dict[str, str]]:
    """Price categories and areas by code and by name."""
    categories, areas = {}, {}
    for code, name in session.execute(select(m.PriceCategory.code, m.PriceCategory.name)):
        categories[code] = categories[name] = code
    for code, name in session.execute(select(m.Area.code, m.Area.name)):
        areas[code] = areas[name] = code
    return categories, areas


def import_accounts(
    db: Database, path: Path, *, dry_run: bool = False, today: date | None = None
) -> AccountsReport:
    """Check every row, then write them all or none (one action per file).
    Raises :class:`~.import_files.ImportFileError` for an unreadable file."""
    path = Path(path)
    data_hash = file_hash(path)  # a replayed file is not read at all
    with db.read() as session:
        known = session.get(m.GoliveImport, ("accounts", data_hash))
    if known is not None:  # the same file again: nothing to read
        summary = json.loads(known.summary)
        return AccountsReport(
            path.name,
            int(summary["rows"]),
            skipped=int(summary["rows"]),
            replayed=True,
            dry_run=dry_run,
        )
    table = read_table(path, ACCOUNT_COLUMNS, data_hash=data_hash)
    with db.read() as session:
        v = _Accounts(table, today or localtime.today(), *_references(session))
        rows = [p for p in (v.parse(r) for r in table.rows) if p is not None]
        v.duplicates(rows)
        present = v.against_database(session, rows)
    errors = tuple(sorted(v.c.errors, key=lambda e: (e.line, e.column)))
    if errors:
        return AccountsReport(path.name, len(table.rows), errors=errors, dry_run=dry_run)
    if dry_run or not rows:
        new = [r for r in rows if r["line"] not in present]
        return AccountsReport(
            path.name,
            len(table.rows),
            len(new),
            len(new),
            sum(1 for r in new if r["last_reading"] is not None),
            len(present),
            dry_run=dry_run,
        )
    try:
        result = call(db, "import_accounts", table.file_hash, path.name, jsonb(rows))
    except ActionError as exc:
        headers = {c.key: c.header for c in ACCOUNT_COLUMNS} | table.headers
        return AccountsReport(
            path.name, len(table.rows), errors=(refused_row(exc.field, exc.message, headers),)
        )
    return AccountsReport(
        path.name,
        len(table.rows),
        result["accounts"],
        result["meters"],
        result["readings"],
        result["skipped"],
        replayed=result["replayed"],
    )
