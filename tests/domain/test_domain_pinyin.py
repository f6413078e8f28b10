from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pypinyin import lazy_pinyin

from counter_app.domain.pinyin import COMPOUND_SURNAMES, SURNAME_READINGS, name_keys
from counter_app.domain.text import normalize_input


@pytest.mark.parametrize(
    ("name", "full", "initials"),
    [
        ("张三", "zhangsan", "zs"),
        ("王小明", "wangxiaoming", "wxm"),
        ("李", "li", "l"),
        # surname readings (pypinyin alone would say ceng, dan, qu, tan ...)
        ("曾国藩", "zengguofan", "zgf"),
        ("曾", "zeng", "z"),
        ("单田芳", "shantianfang", "stf"),
        ("解缙", "xiejin", "xj"),
        ("仇英", "qiuying", "qy"),
        ("区伟", "ouwei", "ow"),
        ("覃明", "qinming", "qm"),
        ("朴槿惠", "piaojinhui", "pjh"),
        ("查良镛", "zhaliangyong", "zly"),
        ("盖聂", "genie", "gn"),
        ("乐嘉", "yuejia", "yj"),
        ("缪斌", "miaobin", "mb"),
        ("翟志刚", "zhaizhigang", "zzg"),
        ("种师道", "chongshidao", "csd"),
        ("繁钦", "poqin", "pq"),
        ("秘丽", "bili", "bl"),
        ("黑伟", "hewei", "hw"),
        ("能芳", "naifang", "nf"),
        ("召平", "shaoping", "sp"),
        ("折克行", "shekexing", "skx"),
        # compound surnames
        ("欧阳娜娜", "ouyangnana", "oynn"),
        ("司马光", "simaguang", "smg"),
        ("诸葛亮", "zhugeliang", "zgl"),
        ("上官婉儿", "shangguanwaner", "sgwe"),
        ("尉迟恭", "yuchigong", "ycg"),
        ("单于", "chanyu", "cy"),
        ("万俟卨", "moqixie", "mqx"),
        ("长孙无忌", "zhangsunwuji", "zswj"),
        ("澹台灭明", "tantaimieming", "ttmm"),
        # the surname reading only applies to the first character
        ("王曾", "wangceng", "wc"),
        ("李单", "lidan", "ld"),
        # ü is typed as v
        ("吕布", "lvbu", "lb"),
        ("女娲", "nvwa", "nw"),
        # normalisation, blanks, punctuation
        ("  张\u3000三 ", "zhangsan", "zs"),
        ("买买提·艾力", "maimaitiaili", "mmtal"),
        ("Ｊｏｈｎ Smith", "johnsmith", "js"),
        ("A座3号", "azuo3hao", "az3h"),
        ("12号楼", "12haolou", "12hl"),
        # characters without a reading are dropped, never leaked raw
        ("\U0002b740明", "ming", "m"),
        ("王\U0002b740", "wang", "w"),
        ("李\ue000", "li", "l"),
        ("\U0002b740", "", ""),
        ("", "", ""),
        ("   ", "", ""),
        ("·", "", ""),
    ],
)
def test_name_keys_table(name: str, full: str, initials: str) -> None:
    assert name_keys(name) == (full, initials)


@pytest.mark.parametrize(("surname", "reading"), sorted(SURNAME_READINGS.items()))
def test_every_single_surname_reading(surname: str, reading: str) -> None:
    assert name_keys(surname + "明") == (reading + "ming", reading[0] + "m")


@pytest.mark.parametrize(("surname", "syllables"), sorted(COMPOUND_SURNAMES.items()))
def test_every_compound_surname(surname: str, syllables: tuple[str, str]) -> None:
    first, second = syllables
    assert name_keys(surname + "明") == (first + second + "ming", first[0] + second[0] + "m")


def test_brief_surnames_are_all_covered() -> None:
    single = "曾单解仇区覃朴查盖乐缪翟燕种折召繁员能黑华任纪秘沈过宁葛曲"
    assert set(single) <= set(SURNAME_READINGS)
    for compound in ("尉迟", "单于", "万俟", "长孙", "欧阳", "司马", "诸葛", "上官", "司徒"):
        assert compound in COMPOUND_SURNAMES
    # tables hold lower-case ASCII syllables only
    for reading in [
        *SURNAME_READINGS.values(),
        *(s for pair in COMPOUND_SURNAMES.values() for s in pair),
    ]:
        assert re.fullmatch(r"[a-z]+", reading)


def _has_reading(ch: str) -> bool:
    return re.fullmatch(r"[a-z]+", lazy_pinyin(ch)[0]) is not None


common_han = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5).filter(_has_reading)


@given(st.text())
def test_keys_are_lower_ascii(name: str) -> None:
    full, initials = name_keys(name)
    assert re.fullmatch(r"[a-z0-9]*", full)
    assert re.fullmatch(r"[a-z0-9]*", initials)
    assert len(initials) <= len(full)
    assert bool(full) == bool(initials)


@given(st.text())
def test_keys_ignore_normalisation(name: str) -> None:
    assert name_keys(normalize_input(name)) == name_keys(name)


@given(st.text(alphabet=common_han, min_size=1, max_size=5))
def test_one_initial_per_character(name: str) -> None:
    full, initials = name_keys(name)
    assert len(initials) == len(name)
    assert full.startswith(initials[0])


@given(st.text(alphabet=common_han, min_size=1, max_size=4))
def test_initials_are_a_subsequence_of_full(name: str) -> None:
    full, initials = name_keys(name)
    rest = iter(full)
    assert all(letter in rest for letter in initials)
