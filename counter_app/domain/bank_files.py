"""Banks' withholding files (银行代扣文件): render a request file, parse a return file.
Rules: docs/rules/withholding.md
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from counter_app.domain.errors import CounterError

RECORDS = ("header", "detail", "trailer")
KINDS = ("literal", "text", "digits", "date", "amount")
YUAN_RE = re.compile(r"^[0-9]{1,10}(\.[0-9]{1,2})?$")
THREE_DECIMALS_RE = re.compile(r"^[0-9]+\.[0-9]{3,}$")


class LayoutError(CounterError, ValueError):
    """A layout that cannot describe a file (a DBA's typo in the bank's row)."""

    def __init__(self, message: str) -> None:
        super().__init__("layout", message)


@dataclass(frozen=True)
class FieldSpec:
    name: str
    kind: str
    width: int | None = None
    value: str | None = None


@dataclass(frozen=True)
class FileLayout:
    format: str  # fixed | csv
    encoding: str
    amount_unit: str  # fen | yuan
    header: tuple[FieldSpec, ...]
    detail: tuple[FieldSpec, ...]
    trailer: tuple[FieldSpec, ...]
    delimiter: str = ","
    success_codes: tuple[str, ...] = ()

    def record(self, name: str) -> tuple[FieldSpec, ...]:
        """The fields of the record ``name`` (header, detail or trailer)."""
        return {"header": self.header, "detail": self.detail, "trailer": self.trailer}[name]

    def width(self, name: str) -> int:
        return sum(f.width or 0 for f in self.record(name))


@dataclass(frozen=True)
class LineError:
    line: int  # 1-based line of the file; 0: the file as a whole
    field: str
    message: str

    def __str__(self) -> str:
        where = f"line {self.line}" if self.line else "file"
        return f"{where}, {self.field}: {self.message}"


@dataclass
class ParsedFile:
    header: dict[str, Any] = field(default_factory=dict)
    details: list[tuple[int, dict[str, Any]]] = field(default_factory=list)
    trailer: dict[str, Any] = field(default_factory=dict)
    errors: list[LineError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


def layout_from_json(data: dict[str, Any], direction: str) -> FileLayout:
    """The ``request`` or ``return`` layout of a bank's layout JSON."""
    try:
        spec = data[direction]
        records = {}
        for name in RECORDS:
            fields = tuple(
                FieldSpec(f["name"], f["kind"], f.get("width"), f.get("value")) for f in spec[name]
            )
            for f in fields:
                if f.kind not in KINDS:
                    raise LayoutError(f"{direction}.{name}.{f.name}: unknown kind {f.kind}")
                if spec["format"] == "fixed" and not (isinstance(f.width, int) and f.width > 0):
                    raise LayoutError(f"{direction}.{name}.{f.name}: a fixed field has a width")
                if f.kind == "literal" and not f.value:
                    raise LayoutError(f"{direction}.{name}.{f.name}: a literal has a value")
            records[name] = fields
        layout = FileLayout(
            format=spec["format"],
            encoding=spec["encoding"],
            amount_unit=spec["amount_unit"],
            delimiter=spec.get("delimiter", ","),
            success_codes=tuple(spec.get("success_codes", ())),
            **records,
        )
    except (KeyError, TypeError) as exc:
        raise LayoutError(f"{direction}: incomplete layout ({exc})") from None
    if layout.format not in ("fixed", "csv") or layout.amount_unit not in ("fen", "yuan"):
        raise LayoutError(f"{direction}: format is fixed or csv, amounts in fen or yuan")
    "".encode(layout.encoding)  # an unknown encoding fails here (LookupError)
    return layout


# ------------------------------------------------------------------- render


def _text_value(layout: FileLayout, spec: FieldSpec, value: Any) -> str:
    if spec.kind == "literal":
        return spec.value or ""
    if value is None:
        raise ValueError(f"{spec.name}: no value")
    if spec.kind == "amount":
        amount = Decimal(value)
        if amount != amount.quantize(Decimal("0.01")) or amount < 0:
            raise ValueError(f"{spec.name}: {value} is not an amount in fen")
        if layout.amount_unit == "fen":
            return str(int(amount * 100))
        return f"{amount:.2f}"
    if spec.kind == "date":
        return value.strftime("%Y%m%d") if isinstance(value, date) else str(value)
    return str(value)


def _fixed(layout: FileLayout, spec: FieldSpec, text: str) -> bytes:
    width = spec.width or 0
    data = text.encode(layout.encoding)
    if spec.kind in ("digits", "amount"):
        if len(data) > width:
            raise ValueError(f"{spec.name}: {text} does not fit {width} characters")
        return data.rjust(width, b"0")
    if len(data) > width:
        if spec.name != "holder_name":
            raise ValueError(f"{spec.name}: {text} does not fit {width} bytes")
        while len(data) > width:  # a long name is cut at a character, never inside one
            text = text[:-1]
            data = text.encode(layout.encoding)
    return data.ljust(width, b" ")


def render(
    layout: FileLayout,
    header: dict[str, Any],
    details: list[dict[str, Any]],
    trailer: dict[str, Any],
) -> bytes:
    """The file's bytes (lines end with CRLF, as banks' systems expect)."""
    records = [("header", header), *(("detail", d) for d in details), ("trailer", trailer)]
    if layout.format == "fixed":
        lines = [
            b"".join(
                _fixed(layout, spec, _text_value(layout, spec, values.get(spec.name)))
                for spec in layout.record(name)
            )
            for name, values in records
        ]
        return b"".join(line + b"\r\n" for line in lines)
    out = io.StringIO()
    writer = csv.writer(out, delimiter=layout.delimiter, lineterminator="\r\n")
    for name, values in records:
        writer.writerow(
            [_text_value(layout, spec, values.get(spec.name)) for spec in layout.record(name)]
        )
    return out.getvalue().encode(layout.encoding)


# -------------------------------------------------------------------- parse


def parse_amount(text: str, unit: str) -> Decimal:
    """A bank's amount as yuan; ValueError with the reason otherwise."""
    text = text.strip()
    if unit == "fen":
        if not text.isascii() or not text.isdigit():
            raise ValueError(f"{text!r} is not an amount in fen (whole digits)")
        return (Decimal(int(text)) / 100).quantize(Decimal("0.01"))
    if THREE_DECIMALS_RE.match(text):
        raise ValueError(f"{text!r} has more than two decimals (fen)")
    if not YUAN_RE.match(text):
        raise ValueError(f"{text!r} is not an amount in yuan")
    return Decimal(text).quantize(Decimal("0.01"))


def _value(layout: FileLayout, spec: FieldSpec, raw: str) -> Any:
    text = raw.strip()
    if spec.kind == "literal":
        if text != spec.value:
            raise ValueError(f"expected {spec.value!r}, found {text!r}")
        return text
    if spec.kind == "amount":
        return parse_amount(text, layout.amount_unit)
    if spec.kind == "digits":
        if not text.isascii() or not text.isdigit():
            raise ValueError(f"{text!r} is not a number")
        return int(text)
    if spec.kind == "date":
        if not re.fullmatch(r"[0-9]{8}", text):
            raise ValueError(f"{text!r} is not a date YYYYMMDD")
        try:
            return date(int(text[:4]), int(text[4:6]), int(text[6:]))
        except ValueError:
            raise ValueError(f"{text!r} is not a date") from None
    return text


def _cells(layout: FileLayout, name: str, line: bytes | list[str]) -> list[str] | str:
    """The raw cells of a line as the record ``name``, or why it is not one."""
    specs = layout.record(name)
    if layout.format == "csv":
        if not isinstance(line, list):
            raise TypeError("a csv layout reads rows of cells, not bytes")
        if len(line) != len(specs):
            return f"{len(line)} columns, the {name} of this bank's layout has {len(specs)}"
        return list(line)
    if not isinstance(line, bytes):
        raise TypeError("a fixed-width layout reads lines of bytes")
    if len(line) != layout.width(name):
        return f"{len(line)} bytes, the {name} of this bank's layout has {layout.width(name)}"
    cells: list[str] = []
    at = 0
    for spec in specs:
        chunk = line[at : at + (spec.width or 0)]
        at += spec.width or 0
        try:
            cells.append(chunk.decode(layout.encoding))
        except UnicodeDecodeError:
            return f"field {spec.name} is not {layout.encoding} text"
    return cells


def _record(
    layout: FileLayout, name: str, number: int, line: bytes | list[str], errors: list[LineError]
) -> dict[str, Any] | None:
    cells = _cells(layout, name, line)
    if isinstance(cells, str):
        errors.append(LineError(number, name, f"not a {name} of this layout: {cells}"))
        return None
    values: dict[str, Any] = {}
    for spec, raw in zip(layout.record(name), cells, strict=True):
        try:
            values[spec.name] = _value(layout, spec, raw)
        except ValueError as exc:
            errors.append(LineError(number, spec.name, str(exc)))
    return values


def _lines(
    layout: FileLayout, data: bytes, errors: list[LineError]
) -> list[bytes] | list[list[str]]:
    """Lines of bytes (a fixed-width layout) or rows of cells (csv)."""
    lines: list[bytes] | list[list[str]]
    if layout.format == "fixed":
        lines = data.replace(b"\r\n", b"\n").split(b"\n")
    else:
        try:
            text = data.decode(layout.encoding)
        except UnicodeDecodeError as exc:
            errors.append(
                LineError(
                    0,
                    "encoding",
                    f"the file is not {layout.encoding} text "
                    f"(byte {exc.start}): another bank's file?",
                )
            )
            return []
        lines = list(csv.reader(io.StringIO(text.lstrip("\ufeff")), delimiter=layout.delimiter))
    while lines and not lines[-1]:
        lines.pop()  # the newline after the trailer
    return lines


def parse(layout: FileLayout, data: bytes) -> ParsedFile:
    """Header, details and trailer of a file; every problem in ``errors``.

    The trailer's count and total must agree with the details (a truncated
    file has no trailer, or one that does not add up)."""
    parsed = ParsedFile()
    errors = parsed.errors
    lines = _lines(layout, data, errors)
    if errors:
        return parsed
    if not lines:
        errors.append(LineError(0, "file", "the file is empty"))
        return parsed
    parsed.header = _record(layout, "header", 1, lines[0], errors) or {}
    if errors:
        # a header that is not this bank's: the rest would only repeat it
        errors[-1] = LineError(
            1, errors[-1].field, errors[-1].message + " (a file of another bank or format?)"
        )
        return parsed
    last = len(lines)
    trailer_cells = _cells(layout, "trailer", lines[-1]) if last > 1 else "no line"
    has_trailer = not isinstance(trailer_cells, str) and _literals_match(layout, trailer_cells)
    if not has_trailer:
        errors.append(
            LineError(last, "trailer", "the file ends without its trailer line: it is truncated")
        )
    last_detail = last - 1 if has_trailer else last
    for offset in range(2, last_detail + 1):  # line numbers: the header is line 1
        values = _record(layout, "detail", offset, lines[offset - 1], errors)
        if values is not None:
            parsed.details.append((offset, values))
    if has_trailer:
        parsed.trailer = _record(layout, "trailer", last, lines[-1], errors) or {}
        _check_trailer(parsed, last)
    return parsed


def _literals_match(layout: FileLayout, cells: list[str]) -> bool:
    return all(
        raw.strip() == spec.value
        for spec, raw in zip(layout.trailer, cells, strict=True)
        if spec.kind == "literal"
    )


def _check_trailer(parsed: ParsedFile, line: int) -> None:
    count, total = parsed.trailer.get("count"), parsed.trailer.get("total")
    if count is not None and count != len(parsed.details):
        parsed.errors.append(
            LineError(
                line,
                "count",
                f"the trailer says {count} lines, the file has {len(parsed.details)}: truncated?",
            )
        )
    amounts = [v.get("amount") for _, v in parsed.details]
    known = [a for a in amounts if a is not None]
    if total is not None and len(known) == len(amounts) and sum(known, Decimal("0")) != total:
        parsed.errors.append(
            LineError(
                line,
                "total",
                f"the trailer says {total}, the lines add up to {sum(known, Decimal('0'))}",
            )
        )
