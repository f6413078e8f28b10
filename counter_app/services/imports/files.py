"""Tabular files of other systems (CSV or XLSX with Chinese headers), read one way for every import.
Rules: docs/rules/imports.md
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
import zipfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal, InvalidOperation
from pathlib import Path

from counter_app.domain.errors import CounterError
from counter_app.domain.text import normalize_input

__all__ = [
    "Cell",
    "Column",
    "ImportFileError",
    "Row",
    "RowChecker",
    "RowError",
    "Table",
    "decode_text",
    "file_hash",
    "iter_cells",
    "read_table",
    "refused_row",
]

MAX_ROWS = 500_000
_EXCEL_EPOCH = date(1899, 12, 30)  # serial day 1 is 1900-01-01 (Excel's leap-year quirk)
_SCIENTIFIC = re.compile(r"[+-]?[0-9]+(\.[0-9]*)?[eE][+-]?[0-9]+")
_DATE_FORMATS = ("%Y-%m-%d", "%Y/%m/%d", "%Y%m%d", "%Y.%m.%d")
_MERGE_REF = re.compile(rb'<mergeCell[^>]*\bref="([A-Z]+)([0-9]+):([A-Z]+)([0-9]+)"')


class ImportFileError(CounterError, ValueError):
    """The file as a whole cannot be read: ``code`` ``type``, ``encoding``,
    ``header``, ``empty``, ``too_many_rows``, ``platform``; ``field`` the
    column when one is at fault."""

    def __init__(self, code: str, message: str, *, field: str | None = None):
        super().__init__(code, message, field=field)


@dataclass(frozen=True)
class RowError:
    line: int
    column: str  # the header as the file has it ("" for the whole row)
    message: str


@dataclass(frozen=True)
class Column:
    key: str  # the name the import uses
    header: str  # the Chinese header of the old system
    required: bool = True  # the column must be in the header
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Cell:
    text: str  # as shown, normalised; "" for blank
    kind: str = "text"  # text | number | date | formula | merged | bool
    value: object = None  # the XLSX value (number, datetime) where there is one


@dataclass
class Row:
    line: int
    cells: dict[str, Cell]

    def cell(self, key: str) -> Cell:
        return self.cells.get(key, _BLANK)


_BLANK = Cell("")


@dataclass
class Table:
    name: str
    file_hash: str  # SHA-256 of the file's bytes, hex
    headers: dict[str, str]  # key -> the header as written
    rows: list[Row] = field(default_factory=list)


def decode_text(data: bytes) -> str:
    """UTF-8 (a BOM dropped), else GB18030 (a superset of GBK)."""
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ImportFileError(
        "encoding", "the file is neither UTF-8 nor GBK/GB18030 text (文件编码不是 UTF-8 或 GBK)"
    )


def _csv_cells(data: bytes) -> Iterator[tuple[int, list[Cell]]]:
    text = decode_text(data)
    for n, cells in enumerate(csv.reader(io.StringIO(text, newline="")), start=1):
        out = []
        for raw in cells:
            value = normalize_input(raw).strip()
            out.append(
                Cell(value, "formula" if value.startswith("=") and len(value) > 1 else "text")
            )
        yield n, out


def _column_index(letters: bytes) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ch - 64
    return n - 1


def _merged(path: Path, sheet_path: str) -> dict[tuple[int, int], str]:
    """(line, column index) -> the merged range (A3:B3) of every merged cell."""
    with zipfile.ZipFile(path) as z:
        xml = z.read(sheet_path.lstrip("/"))
    out: dict[tuple[int, int], str] = {}
    for c1, r1, c2, r2 in _MERGE_REF.findall(xml):
        ref = f"{c1.decode()}{r1.decode()}:{c2.decode()}{r2.decode()}"
        for line in range(int(r1), int(r2) + 1):
            for col in range(_column_index(c1), _column_index(c2) + 1):
                out[line, col] = ref
    return out


def _xlsx_cell(cell) -> Cell:
    value = cell.value
    if value is None:
        return _BLANK
    if getattr(cell, "data_type", "") == "f" or (isinstance(value, str) and value.startswith("=")):
        return Cell(str(value), "formula", value)
    if isinstance(value, bool):
        return Cell(str(value), "bool", value)
    if isinstance(value, datetime | date):
        day = value.date() if isinstance(value, datetime) else value
        return Cell(day.isoformat(), "date", day)
    if isinstance(value, int | float):
        if abs(value) >= 1e15:  # as Excel's General format shows it: the digits are gone
            shown = f"{float(value):.6G}"
        else:
            shown = str(int(value)) if float(value).is_integer() else repr(value)
        return Cell(shown, "number", value)
    return Cell(normalize_input(str(value)).strip(), "text", value)


def _xlsx_cells(path: Path) -> Iterator[tuple[int, list[Cell]]]:
    from openpyxl import load_workbook

    try:
        book = load_workbook(path, read_only=True, data_only=False)
    except Exception as exc:  # openpyxl raises many kinds for a bad file
        raise ImportFileError("type", f"cannot open the workbook: {exc}") from exc
    try:
        sheet = book.worksheets[0]
        merged = _merged(path, sheet._worksheet_path)
        for n, cells in enumerate(sheet.iter_rows(), start=1):
            out = [_xlsx_cell(c) for c in cells]
            for i in range(len(out)):
                if (n, i) in merged:
                    out[i] = Cell(merged[n, i], "merged", out[i].text)
            yield n, out
    finally:
        book.close()


def iter_cells(path: Path) -> Iterator[tuple[int, list[Cell]]]:
    """(line number, cells) of every row of a CSV or XLSX file, header
    included, as the file has them (no header mapping, blank rows too)."""
    suffix = path.suffix.lower()
    if suffix == ".csv":
        return _csv_cells(path.read_bytes())
    if suffix in (".xlsx", ".xlsm"):
        return _xlsx_cells(path)
    raise ImportFileError("type", f"unsupported file type {suffix or '(none)'}: use .csv or .xlsx")


def _headers(cells: list[Cell], columns: Sequence[Column]) -> dict[str, int]:
    names = {}
    for c in columns:
        for name in (c.header, c.key, *c.aliases):
            names[name.lower()] = c.key
    found: dict[str, int] = {}
    unknown, repeated = [], []
    for i, cell in enumerate(cells):
        name = cell.text.strip()
        if not name:
            continue
        key = names.get(name.lower())
        if key is None:
            unknown.append(name)
        elif key in found:
            repeated.append(name)
        else:
            found[key] = i
    problems = []
    missing = [c.header for c in columns if c.required and c.key not in found]
    if missing:
        problems.append("missing column(s) 缺少列: " + ", ".join(missing))
    if unknown:
        problems.append("unknown column(s) 无法识别的列: " + ", ".join(unknown))
    if repeated:
        problems.append("repeated column(s) 重复的列: " + ", ".join(repeated))
    if problems:
        raise ImportFileError(
            "header",
            "header (line 1): "
            + "; ".join(problems)
            + ". The columns are 列名应为: "
            + ", ".join(c.header for c in columns),
        )
    return found


def file_hash(path: Path) -> str:
    """The SHA-256 of the file's bytes, hex: how an import knows a file again."""
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def read_table(path: Path, columns: Sequence[Column], *, data_hash: str | None = None) -> Table:
    """Read ``path`` (CSV or XLSX, the first sheet): the first row is the header, blank rows are
    skipped; ``data_hash`` when the caller hashed the file already. Raises :class:`ImportFileError`."""
    data_hash = data_hash or file_hash(path)
    rows = iter_cells(path)
    first = next(rows, None)
    if first is None or not any(c.text for c in first[1]):
        raise ImportFileError(
            "empty", "the file is empty or its first row is blank: line 1 must be the header"
        )
    index = _headers(first[1], columns)
    by_key = {c.key: c for c in columns}
    table = Table(path.name, data_hash, {k: first[1][i].text for k, i in index.items()})
    for line, cells in rows:
        if not any(c.text or c.kind == "merged" for c in cells):
            continue
        if len(table.rows) >= MAX_ROWS:
            raise ImportFileError("too_many_rows", f"more than {MAX_ROWS} rows: split the file")
        table.rows.append(
            Row(line, {k: cells[i] for k, i in index.items() if i < len(cells) and k in by_key})
        )
    return table


class RowChecker:
    """Reads typed values out of a table's cells; each problem becomes a
    :class:`RowError` naming the line and the column, and the value ``None``."""

    def __init__(self, table: Table):
        self.table = table
        self.errors: list[RowError] = []

    def error(self, row: Row | int, key: str, message: str) -> None:
        line = row if isinstance(row, int) else row.line
        self.errors.append(RowError(line, self.table.headers.get(key, key), message))

    def _usable(self, row: Row, key: str, required: bool) -> Cell | None:
        cell = row.cell(key)
        if cell.kind == "merged":
            self.error(
                row, key, f"a merged cell ({cell.text}): unmerge it and fill each cell (合并单元格)"
            )
            return None
        if cell.kind == "formula":
            self.error(row, key, f"a formula ({cell.text}): paste the values instead (公式)")
            return None
        if not cell.text:
            if required:
                self.error(row, key, "required (必填)")
            return None
        return cell

    def text(
        self,
        row: Row,
        key: str,
        *,
        required: bool = False,
        max_len: int = 200,
        pattern: re.Pattern | None = None,
        hint: str = "",
    ) -> str | None:
        """Kept as text: a number (or a number in scientific notation) is
        refused, since the digits and leading zeros may be gone."""
        cell = self._usable(row, key, required)
        if cell is None:
            return None
        if cell.kind == "number" or _SCIENTIFIC.fullmatch(cell.text):
            self.error(
                row,
                key,
                f"{cell.text} is stored as a number: store it as text, digits "
                "and leading zeros are lost otherwise (请设置为文本格式)",
            )
            return None
        if len(cell.text) > max_len:
            self.error(row, key, f"longer than {max_len} characters")
            return None
        if pattern is not None and not pattern.fullmatch(cell.text):
            self.error(row, key, f"{cell.text!r}: {hint or 'not in the expected form'}")
            return None
        return cell.text

    def whole(
        self, row: Row, key: str, *, required: bool = False, low: int = 0, high: int = 999_999_999
    ) -> int | None:
        cell = self._usable(row, key, required)
        if cell is None:
            return None
        text = cell.text
        number = cell.value
        if cell.kind == "number" and isinstance(number, int | float) and float(number).is_integer():
            text = str(int(number))
        if not text.isdigit() or not low <= int(text) <= high:
            self.error(row, key, f"{cell.text!r}: a whole number from {low} to {high}")
            return None
        return int(text)

    def money(self, row: Row, key: str, *, required: bool = False) -> Decimal | None:
        cell = self._usable(row, key, required)
        if cell is None:
            return None
        text = cell.text.replace(",", "")
        if cell.kind == "number":
            text = str(cell.value)
        try:
            value = Decimal(text)
        except InvalidOperation:
            value = None
        if (
            value is None
            or not value.is_finite()
            or value < 0
            or value != value.quantize(Decimal("0.01"))
            or value >= Decimal("1e10")
        ):
            self.error(row, key, f"{cell.text!r}: an amount in yuan, at most two decimals")
            return None
        return value.quantize(Decimal("0.01"))

    def date(
        self, row: Row, key: str, *, required: bool = False, today: date | None = None
    ) -> date | None:
        cell = self._usable(row, key, required)
        if cell is None:
            return None
        day = _date_of(cell)
        if isinstance(day, str):
            self.error(row, key, day)
            return None
        if today is not None and day > today:
            self.error(row, key, f"{day.isoformat()} is in the future")
            return None
        return day

    def period(self, row: Row, key: str, *, required: bool = False) -> str | None:
        """A month, 'YYYY-MM' (2019-05, 2019/5, 201905, or a date in it)."""
        cell = self._usable(row, key, required)
        if cell is None:
            return None
        if cell.kind == "date":
            return cell.text[:7]
        m = re.fullmatch(r"([0-9]{4})(?:[-/.年]?)([0-9]{1,2})月?", cell.text)
        if m and 1 <= int(m.group(2)) <= 12 and (len(m.group(2)) == 2 or not cell.text.isdigit()):
            return f"{m.group(1)}-{int(m.group(2)):02d}"
        self.error(row, key, f"{cell.text!r}: not a month, use YYYY-MM (账期格式)")
        return None


def _date_of(cell: Cell) -> date | str:
    """The date of a cell, or the message saying why it is none."""
    if cell.kind == "date" and isinstance(cell.value, date):
        return cell.value
    # an XLSX date that lost its format: a serial day number
    if cell.kind == "number" and isinstance(cell.value, int | float):
        value = float(cell.value)
        if value.is_integer() and 1 <= value <= 2_958_465:
            return _EXCEL_EPOCH + timedelta(days=int(value))
        return f"{cell.text}: not a date (use YYYY-MM-DD, 日期格式)"
    text = cell.text
    for fmt in _DATE_FORMATS:
        try:
            day = datetime.strptime(text, fmt).date()
        except ValueError:
            continue
        if day.year >= 1900:
            return day
    if text.isdigit() and len(text) == 5:
        return (
            f"{text} looks like an Excel serial day number: store the date as text, "
            "YYYY-MM-DD (日期请存为文本)"
        )
    return f"{text!r}: not a date, use YYYY-MM-DD, YYYY/M/D or YYYYMMDD (日期格式)"


_ROW_FIELD = re.compile(r"^rows\[line (\d+)\]\.(\w+)$")


def refused_row(field_name: str, message: str, headers: dict[str, str]) -> RowError:
    """An action's refusal of one row (``rows[line N].key``) as a
    :class:`RowError` naming the file's header for ``key``."""
    found = _ROW_FIELD.match(field_name or "")
    if found is None:
        return RowError(0, field_name or "file", message)
    key = found.group(2)
    return RowError(int(found.group(1)), headers.get(key, key), message)
