"""Normalisation of text typed at the counter (full-width, invisible characters).
Rules: docs/rules/accounts.md
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["normalize_input"]

# Categories removed outright: control (Cc), format (Cf: zero-width space,
# BOM, soft hyphen, bidi marks ...) and lone surrogates (Cs), which cannot be
# encoded for the database at all.  Private-use characters (Co) are kept on
# purpose: legacy GBK extensions put some rare name characters there.
_REMOVED_CATEGORIES = frozenset({"Cc", "Cf", "Cs"})

_WHITESPACE_RUN = re.compile(r"\s+")


def _spaces_to_blank(s: str) -> str:
    # ``\s`` in ``re`` (str patterns) matches exactly the characters for which
    # ``str.isspace()`` is true, including tab, newline and U+3000.
    return _WHITESPACE_RUN.sub(" ", s)


def normalize_input(s: str) -> str:
    """Return ``s`` as the application stores and compares it.

    Steps, in this order:

    1. every whitespace character (tab, newline, U+3000, NBSP, ...) becomes a
       plain space, so a tab between two words still separates them;
    2. control, format and surrogate characters (Unicode categories Cc, Cf,
       Cs) are removed;
    3. NFKC normalisation: full-width ASCII becomes ASCII (``１２.５０`` ->
       ``12.50``, ``ｘ`` -> ``x``, ``￥`` -> ``¥``), compatibility ideographs and
       Kangxi radicals become their unified ideographs, circled digits become
       digits; ordinary CJK characters are unchanged;
    4. whitespace runs collapse to one space and the ends are stripped.

    Removing format characters *before* NFKC keeps the function idempotent
    (a zero-width joiner between a letter and a combining mark would otherwise
    block a composition that a second call would then perform).

    >>> normalize_input("\\u3000１２３４\\u200b５  元 ")
    '12345 元'
    """
    if not isinstance(s, str):
        raise TypeError(f"normalize_input() expects str, got {type(s).__name__}")
    s = _spaces_to_blank(s)
    s = "".join(ch for ch in s if unicodedata.category(ch) not in _REMOVED_CATEGORIES)
    s = unicodedata.normalize("NFKC", s)
    return _spaces_to_blank(s).strip()
