from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from counter_app.domain.masking import mask_field, mask_id_number, mask_name, mask_phone


@pytest.mark.parametrize(
    ("raw", "masked"),
    [
        (None, ""),
        ("", ""),
        ("   ", ""),
        ("370829198506150011", "370829********0011"),
        ("11010519491231002x", "110105********002X"),
        ("１１０１０５１９４９１２３１００２Ｘ", "110105********002X"),
        (" 370829 19850615 0011 ", "370829********0011"),
        ("370829850615001", "370829******001"),
        ("12345", "*****"),  # bad record: nothing shown
        ("3708291985061500", "****************"),
    ],
)
def test_mask_id_number(raw: str | None, masked: str) -> None:
    assert mask_id_number(raw) == masked


@pytest.mark.parametrize(
    ("raw", "masked"),
    [
        (None, ""),
        ("", ""),
        ("13812345678", "138****5678"),
        ("138 1234 5678", "138****5678"),
        ("+86 138-1234-5678", "138****5678"),
        ("１３８１２３４５６７８", "138****5678"),
        ("0537-6812345", "0537-****345"),
        ("05376812345", "0537-****345"),
        ("0537-68123456", "0537-*****456"),
        ("010-62345678", "010-*****678"),
        ("(020) 8765 4321", "020-*****321"),
        ("6812345", "****345"),
        ("68123456", "*****456"),
        ("95598", "*****"),
        ("1381234567", "*******567"),  # not a valid number: last 3 only
        ("12345678901234", "***********234"),
    ],
)
def test_mask_phone(raw: str | None, masked: str) -> None:
    assert mask_phone(raw) == masked


@pytest.mark.parametrize(
    ("raw", "masked"),
    [
        (None, ""),
        ("", ""),
        ("  ", ""),
        ("张", "*"),
        ("张三", "张*"),
        ("张小三", "张*三"),
        ("欧阳娜娜", "欧**娜"),
        ("司马相如", "司**如"),
        ("买买提·艾力", "买****力"),
        (" 张\u3000三 ", "张*"),  # blanks removed: not "张*三"
        ("张 小 三", "张*三"),
        ("㵘", "*"),
        ("John Smith", "J*******h"),
    ],
)
def test_mask_name(raw: str | None, masked: str) -> None:
    assert mask_name(raw) == masked


id_numbers = st.from_regex(r"[0-9]{17}[0-9X]", fullmatch=True)


@given(id_numbers)
def test_masked_id_hides_birth_date_and_sequence(number: str) -> None:
    masked = mask_id_number(number)
    assert len(masked) == 18
    assert masked[6:14] == "********"
    assert masked[:6] == number[:6] and masked[-4:] == number[-4:]


@given(st.from_regex(r"1[3-9][0-9]{9}", fullmatch=True))
def test_masked_mobile_hides_middle(number: str) -> None:
    masked = mask_phone(number)
    assert masked == number[:3] + "****" + number[7:]
    assert number[3:7] not in masked[3:7]


@given(st.text())
def test_masking_never_reveals_more_than_it_keeps(s: str) -> None:
    # Whatever the input, each function keeps a bounded number of characters.
    for func, kept in ((mask_id_number, 10), (mask_phone, 8), (mask_name, 2)):
        out = func(s)
        visible = sum(1 for ch in out if ch not in "*-")
        assert visible <= kept


@given(st.text(alphabet=st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF), min_size=3))
def test_mask_name_keeps_length_and_ends(name: str) -> None:
    out = mask_name(name)
    assert len(out) == len(name)
    assert out[0] == name[0] and out[-1] == name[-1]
    assert set(out[1:-1]) == {"*"}


@pytest.mark.parametrize(
    ("field", "raw", "masked"),
    [
        ("id_number", "370829198506150011", "370829********0011"),
        ("mobile", "13812345678", "138****5678"),
        ("landline", "05376812345", "0537-****345"),
        ("address", "嘉祥街道建设路21号", "嘉祥街道建设路21号"),
        ("name", "张叁", "张叁"),
        ("mobile", None, ""),
    ],
)
def test_mask_field_masks_personal_fields_only(field: str, raw: str | None, masked: str) -> None:
    assert mask_field(field, raw) == masked
