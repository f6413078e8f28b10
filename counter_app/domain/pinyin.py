"""Pinyin search keys for customer names (full and initials, surnames read right).
Rules: docs/rules/search.md
"""

from __future__ import annotations

import re
from typing import Final

from pypinyin import Style, lazy_pinyin

from counter_app.domain.text import normalize_input

__all__ = ["name_keys"]

# Compound surnames (复姓), read as one surname, by syllable.
COMPOUND_SURNAMES: Final[dict[str, tuple[str, str]]] = {
    "欧阳": ("ou", "yang"),
    "司马": ("si", "ma"),
    "诸葛": ("zhu", "ge"),
    "上官": ("shang", "guan"),
    "司徒": ("si", "tu"),
    "东方": ("dong", "fang"),
    "皇甫": ("huang", "fu"),
    "尉迟": ("yu", "chi"),
    "公孙": ("gong", "sun"),
    "慕容": ("mu", "rong"),
    "长孙": ("zhang", "sun"),
    "宇文": ("yu", "wen"),
    "夏侯": ("xia", "hou"),
    "令狐": ("ling", "hu"),
    "澹台": ("tan", "tai"),
    "公冶": ("gong", "ye"),
    "单于": ("chan", "yu"),
    "万俟": ("mo", "qi"),
    "司空": ("si", "kong"),
    "端木": ("duan", "mu"),
    "轩辕": ("xuan", "yuan"),
    "呼延": ("hu", "yan"),
    "南宫": ("nan", "gong"),
    "西门": ("xi", "men"),
    "独孤": ("du", "gu"),
    "申屠": ("shen", "tu"),
    "钟离": ("zhong", "li"),
    "闻人": ("wen", "ren"),
    "赫连": ("he", "lian"),
    "百里": ("bai", "li"),
    "第五": ("di", "wu"),
}

# Single surnames whose surname reading differs from pypinyin's ordinary
# reading (or where the ordinary reading is ambiguous).
SURNAME_READINGS: Final[dict[str, str]] = {
    "曾": "zeng",
    "单": "shan",
    "解": "xie",
    "仇": "qiu",
    "区": "ou",
    "覃": "qin",
    "朴": "piao",
    "查": "zha",
    "盖": "ge",
    "乐": "yue",
    "缪": "miao",
    "翟": "zhai",
    "燕": "yan",
    "种": "chong",
    "折": "she",
    "召": "shao",
    "繁": "po",
    "员": "yun",
    "能": "nai",
    "黑": "he",
    "华": "hua",
    "任": "ren",
    "纪": "ji",
    "秘": "bi",
    "沈": "shen",
    "过": "guo",
    "宁": "ning",
    "葛": "ge",
    "曲": "qu",
    "薄": "bo",
    "柏": "bai",
    "谌": "chen",
    "隗": "wei",
}

# Searchable pieces of a token: a run of ASCII letters or of digits.
_PIECES = re.compile(r"[a-z]+|[0-9]+")


def _pieces(text: str) -> list[str]:
    """Pinyin syllables and ASCII words/numbers of ``text``, in order.

    pypinyin returns every run of characters it has no reading for unchanged
    as one token (ASCII, punctuation, private-use or very rare characters
    such as U+2B740); only ASCII letters and digits survive from those.
    """
    out: list[str] = []
    for token in lazy_pinyin(text, style=Style.NORMAL, errors="default", v_to_u=False):
        out.extend(_PIECES.findall(token.lower()))
    return out


def _initial(piece: str) -> str:
    # Numbers are typed in full when searching by initials ("3号楼" -> "3hl").
    return piece if piece.isdigit() else piece[0]


def name_keys(name: str) -> tuple[str, str]:
    """``(full, initials)`` pinyin keys of a name, lower-case ASCII only.

    >>> name_keys("张三")
    ('zhangsan', 'zs')
    >>> name_keys("曾国藩")
    ('zengguofan', 'zgf')
    >>> name_keys("欧阳娜娜")
    ('ouyangnana', 'oynn')

    * The name is normalised first (full-width letters, blanks).
    * The first character, or the first two when they form a compound
      surname (:data:`COMPOUND_SURNAMES`), takes the surname reading from the
      tables; a compound surname contributes one initial per syllable
      (欧阳 -> ``oy``), as clerks type it.  The rest uses pypinyin, which
      reads words in context (多音字 by phrase).
    * ASCII letters and digits are kept, lower-cased: a run of letters is
      one word with its first letter as initial, a run of digits is kept in
      full in both keys (``A座3号`` -> ``azuo3hao`` / ``az3h``).
    * Characters without a reading are dropped from both keys instead of
      being leaked into them raw: punctuation and blanks, the middle dot of
      ``买买提·艾力``, private-use characters and characters pypinyin does not
      know (e.g. U+2B740).  A name made only of such characters gives
      ``("", "")``; it stays findable by its characters.
    """
    text = normalize_input(name)
    syllables: list[str] = []
    if text[:2] in COMPOUND_SURNAMES:
        syllables.extend(COMPOUND_SURNAMES[text[:2]])
        text = text[2:]
    elif text[:1] in SURNAME_READINGS:
        syllables.append(SURNAME_READINGS[text[0]])
        text = text[1:]
    pieces = syllables + _pieces(text)
    return "".join(pieces), "".join(_initial(p) for p in pieces)
