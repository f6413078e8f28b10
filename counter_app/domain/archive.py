"""Archive numbers of customer files (用户档案号, 属地-年度-序号): format and read them.
Rules: docs/rules/accounts.md
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

__all__ = [
    "ARCHIVE_NO_RE",
    "ArchiveNo",
    "MAX_ARCHIVE_NO",
    "MAX_CABINET_NO",
    "SEQUENCE_WIDTH",
    "format_archive_no",
    "parse_archive_no",
]

MAX_ARCHIVE_NO: Final = 32  # accounts.archive_no is VARCHAR(32)
MAX_CABINET_NO: Final = 16  # accounts.cabinet_no is VARCHAR(16)
SEQUENCE_WIDTH: Final = 5  # 00001; a longer number is written in full, never cut
#: what the rule issues: locality (letters, digits), year, sequence number
ARCHIVE_NO_RE: Final = re.compile(r"([0-9A-Z]{1,16})-((?:19|20)[0-9]{2})-([0-9]{1,10})")


@dataclass(frozen=True)
class ArchiveNo:
    locality: str
    year: int
    number: int

    def __str__(self) -> str:
        return format_archive_no(self.locality, self.year, self.number)


def format_archive_no(locality: str, year: int, number: int) -> str:
    """``03-2026-00001``: as ``counter_archive_format`` writes it."""
    if number < 1:
        raise ValueError("a sequence number starts at 1")
    return f"{locality}-{year:04d}-{number:0{SEQUENCE_WIDTH}d}"


def parse_archive_no(text: str) -> ArchiveNo | None:
    """The parts of a number the rule issued (upper case), or None."""
    match = ARCHIVE_NO_RE.fullmatch(text.strip().upper())
    if match is None:
        return None
    return ArchiveNo(match.group(1), int(match.group(2)), int(match.group(3)))
