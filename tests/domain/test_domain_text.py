from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from counter_app.domain.text import normalize_input


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("", ""),
        ("   ", ""),
        ("\u3000\u3000", ""),
        ("１２３４５６７８９０", "1234567890"),
        ("ＡＢＣｘｙｚ", "ABCxyz"),
        ("１，２３４．５０", "1,234.50"),
        ("￥１２", "¥12"),
        ("（０５３７）６８１２３４５", "(0537)6812345"),
        ("－５", "-5"),
        ("张三", "张三"),
        ("  张\u3000三  ", "张 三"),
        ("张\t\t三\n", "张 三"),
        ("a \u00a0 b", "a b"),
        ("a\u200bb", "ab"),  # zero-width space
        ("\ufeff370829", "370829"),  # BOM from a pasted file
        ("a\u00adb", "ab"),  # soft hyphen
        ("\u202e12\u202c", "12"),  # bidi override
        ("a\x00b\x07c", "abc"),
        ("a\x1fb", "a b"),  # unit separator counts as whitespace
        ("①②", "12"),
        ("\u2f00", "一"),  # Kangxi radical one
        ("\uf900", "豈"),  # CJK compatibility ideograph
        ("\ue000", "\ue000"),  # private use kept (legacy rare name characters)
        ("㵘", "㵘"),
        ("e\u0301", "é"),
        ("e\u200d\u0301", "é"),  # ZWJ removed before composition
    ],
)
def test_normalize_input_table(raw: str, expected: str) -> None:
    assert normalize_input(raw) == expected


def test_normalize_input_refuses_non_str() -> None:
    with pytest.raises(TypeError):
        normalize_input(None)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        normalize_input(12)  # type: ignore[arg-type]


def test_cjk_unified_ideographs_unchanged() -> None:
    block = "".join(chr(c) for c in range(0x4E00, 0x9FFF + 1))
    assert normalize_input(block) == block


@given(st.text())
def test_idempotent(s: str) -> None:
    once = normalize_input(s)
    assert normalize_input(once) == once


@given(st.text())
def test_output_shape(s: str) -> None:
    out = normalize_input(s)
    assert out == out.strip()
    assert "  " not in out
    assert all(ch == " " or not ch.isspace() for ch in out)
    assert all(unicodedata.category(ch) not in {"Cc", "Cf", "Cs"} for ch in out)
    assert unicodedata.is_normalized("NFKC", out)


@given(st.text(alphabet=st.characters(min_codepoint=0xFF01, max_codepoint=0xFF5E)))
def test_full_width_ascii_becomes_ascii(s: str) -> None:
    expected = "".join(chr(ord(ch) - 0xFEE0) for ch in s)
    assert normalize_input(s) == expected.strip()
