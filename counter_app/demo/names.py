"""Chinese names for demo customers, businesses and institutions.
Design: docs/demo.md
"""

from __future__ import annotations

import random
from bisect import bisect
from itertools import accumulate

from counter_app.demo.rand import pick

__all__ = [
    "COMPOUND_SURNAMES",
    "RARE_CHARS",
    "SPECIAL_READING_SURNAMES",
    "business_name",
    "person_name",
]

# (surname, weight) — weights are relative, about "per mille of customers".
_SURNAMES: tuple[tuple[str, float], ...] = (
    ("王", 80),
    ("张", 70),
    ("李", 70),
    ("刘", 50),
    ("陈", 22),
    ("杨", 24),
    ("孙", 25),
    ("赵", 22),
    ("徐", 18),
    ("马", 16),
    ("朱", 14),
    ("孔", 15),
    ("曾", 20),
    ("颜", 6),
    ("孟", 10),
    ("高", 15),
    ("郭", 13),
    ("周", 12),
    ("吴", 10),
    ("胡", 8),
    ("黄", 10),
    ("林", 5),
    ("何", 5),
    ("梁", 8),
    ("宋", 10),
    ("郑", 8),
    ("谢", 4),
    ("韩", 10),
    ("唐", 5),
    ("冯", 7),
    ("于", 10),
    ("董", 9),
    ("程", 6),
    ("曹", 8),
    ("袁", 5),
    ("邓", 4),
    ("许", 8),
    ("傅", 3),
    ("沈", 3),
    ("彭", 4),
    ("吕", 6),
    ("苏", 5),
    ("卢", 5),
    ("蒋", 4),
    ("蔡", 3),
    ("贾", 6),
    ("丁", 6),
    ("魏", 6),
    ("薛", 4),
    ("叶", 3),
    ("阎", 4),
    ("潘", 3),
    ("杜", 5),
    ("戴", 3),
    ("夏", 3),
    ("钟", 2),
    ("田", 7),
    ("任", 5),
    ("姜", 6),
    ("范", 5),
    ("方", 3),
    ("石", 5),
    ("姚", 4),
    ("邹", 3),
    ("金", 3),
    ("郝", 4),
    ("白", 4),
    ("崔", 5),
    ("康", 3),
    ("毛", 3),
    ("邱", 3),
    ("秦", 3),
    ("史", 4),
    ("侯", 4),
    ("邵", 3),
    ("段", 3),
    ("尹", 3),
    ("常", 3),
    ("武", 5),
    ("乔", 3),
    ("庞", 3),
    ("翟", 3),
    ("安", 3),
    ("牛", 4),
    ("季", 2),
    ("鲁", 3),
    ("葛", 2),
    ("申", 2),
    ("毕", 2),
    ("聂", 2),
    ("焦", 3),
    ("邢", 3),
    ("岳", 2),
    ("齐", 3),
    ("庄", 2),
    ("辛", 2),
    ("管", 2),
    ("谷", 2),
    ("时", 2),
    ("耿", 2),
    ("靳", 2),
    ("纪", 2),
    ("曲", 2),
    ("位", 1),
    ("霍", 2),
    ("晁", 1),
    ("满", 1),
    ("单", 4),
    ("解", 4),
    ("仇", 3.5),
    ("区", 3.5),
    ("覃", 3.5),
    ("朴", 3.5),
    # compound surnames (复姓)
    ("欧阳", 3),
    ("司马", 2.5),
    ("诸葛", 2),
    ("上官", 2),
    ("东方", 1),
    ("皇甫", 1),
    ("夏侯", 1),
    ("司徒", 1),
    ("令狐", 0.5),
    ("慕容", 0.5),
    ("公孙", 0.5),
    ("端木", 0.5),
    ("尉迟", 0.5),
    ("长孙", 0.5),
    ("宇文", 0.5),
)
SURNAMES: tuple[str, ...] = tuple(s for s, _ in _SURNAMES)
_SURNAME_CUM = tuple(accumulate(w for _, w in _SURNAMES))

COMPOUND_SURNAMES: frozenset[str] = frozenset(s for s in SURNAMES if len(s) == 2)
SPECIAL_READING_SURNAMES: frozenset[str] = frozenset("曾单解仇区覃朴")
RARE_CHARS: tuple[str, ...] = ("㵘", "堃", "喆", "赟", "犇", "淼")
_RARE_CUM = tuple(accumulate((30, 30, 30, 6, 2, 2)))
_RARE_RATE = 0.02  # share of given names with a rare character

# Given-name characters by sex and era. Each era list favours its own time.
_MALE_OLD = "建国庆华军民忠德福贵富强明海山林春生发祥泉顺兴成宝金玉东胜利荣广志文武卫红"
_MALE_MID = "伟强磊军勇杰涛斌超明刚平辉鹏华飞波宁浩凯健俊峰亮成龙海东斌晓永新"
_MALE_NEW = "宇浩轩子涵博文睿泽辰逸航然宸铭皓昊一鑫俊杰瑞哲晨阳恒"
_FEMALE_OLD = "秀英兰桂芳玉珍凤翠梅莲花荣琴云香霞淑敏素华美爱萍"
_FEMALE_MID = "丽艳娟霞静敏燕红娜玲芳萍琳雪婷慧颖倩洁莉丹晓"
_FEMALE_NEW = "欣怡梓萱诗涵雨彤佳琪可馨语嫣若汐思悦一诺梦瑶子"

# Common given names by sex and era, most common first (Zipf-weighted).
_COMMON = {
    (
        True,
        0,
    ): "建国 国庆 建华 建军 振华 德胜 福贵 保国 志强 文明 玉生 春生 长江 学军 卫东 永胜 宝山 "
    "金山 庆华 德山 广才 凤山 明 华 军 强 林 山 海 忠",
    (
        True,
        1,
    ): "伟 磊 勇 军 杰 涛 强 斌 超 明 刚 平 辉 鹏 华 飞 波 宁 浩 凯 健 峰 亮 建华 志刚 海涛 "
    "晓东 永强 立新 建伟 文杰 俊杰 志勇 海波 长青 庆林 东升 晓明 国强 红军 新民 振宇 建平",
    (
        True,
        2,
    ): "浩然 子轩 宇轩 浩宇 博文 子豪 俊杰 一鸣 梓豪 皓轩 宇航 子涵 浩 宇 鑫 杰 帅 鹏飞 晨阳 "
    "天宇 嘉豪 思远 明轩 睿 昊天 俊熙 家乐 奕辰 文博 雨泽",
    (
        False,
        0,
    ): "秀英 桂英 秀兰 玉兰 桂兰 凤英 秀珍 玉珍 淑珍 桂芝 玉梅 秀云 翠花 凤兰 素珍 兰英 春花 "
    "金凤 美兰 淑英 芳 英 兰 珍 华 荣 梅",
    (
        False,
        1,
    ): "丽 艳 娟 静 敏 燕 红 娜 玲 芳 霞 萍 丽娟 红梅 海燕 晓燕 丽华 艳红 秀梅 丽丽 婷婷 晓红 "
    "美玲 春燕 玉霞 雪梅 丽娜 慧 颖 倩 洁 莉",
    (
        False,
        2,
    ): "欣怡 梓涵 子涵 诗涵 雨涵 佳怡 梦瑶 思雨 一诺 语嫣 可馨 佳琪 雨彤 婉清 梓萱 欣妍 若汐 "
    "紫涵 晨曦 诗琪 雅琪 怡然 梦琪 静怡 悦 萱 琪 涵 瑶 婷",
}
_COMMON_NAMES = {key: tuple(names.split()) for key, names in _COMMON.items()}
_COMMON_CUM = {
    key: tuple(accumulate(1.0 / (rank + 3) for rank in range(len(names))))
    for key, names in _COMMON_NAMES.items()
}
_COMMON_RATE = 0.85  # the rest are composed from the era's characters


def _era(birth_year: int) -> int:
    """0 = born before 1965, 1 = 1965-1989, 2 = 1990 and later."""
    return 0 if birth_year < 1965 else (1 if birth_year < 1990 else 2)


_POOLS = {
    (True, 0): _MALE_OLD,
    (True, 1): _MALE_MID,
    (True, 2): _MALE_NEW,
    (False, 0): _FEMALE_OLD,
    (False, 1): _FEMALE_MID,
    (False, 2): _FEMALE_NEW,
}


def _surname(rng: random.Random) -> str:
    return SURNAMES[bisect(_SURNAME_CUM, rng.random() * _SURNAME_CUM[-1])]


def _rare(rng: random.Random) -> str:
    return RARE_CHARS[bisect(_RARE_CUM, rng.random() * _RARE_CUM[-1])]


def given_name(rng: random.Random, male: bool, birth_year: int) -> str:
    key = (male, _era(birth_year))
    if rng.random() < _COMMON_RATE:
        cum = _COMMON_CUM[key]
        given = _COMMON_NAMES[key][bisect(cum, rng.random() * cum[-1])]
    else:
        pool = _POOLS[key]
        given = pick(rng, pool) if rng.random() < 0.2 else pick(rng, pool) + pick(rng, pool)
    if rng.random() < _RARE_RATE:
        rare = _rare(rng)
        if len(given) == 1:
            given = rare
        else:
            given = given[0] + rare if rng.random() < 0.6 else rare + given[1]
    return given


def person_name(rng: random.Random, male: bool, birth_year: int) -> str:
    """A full name: surname (single or compound) + one or two given characters."""
    surname = _surname(rng)
    given = given_name(rng, male, birth_year)
    if given[0] == surname[-1] and len(given) > 1:  # 王王明 reads badly
        given = given[1:]
    return surname + given


# --------------------------------------------------------------- businesses

_BRANDS = (
    "鸿运",
    "华泰",
    "金鼎",
    "瑞丰",
    "恒信",
    "鑫源",
    "顺达",
    "宏图",
    "永盛",
    "天成",
    "福源",
    "祥和",
    "麒麟",
    "曾子",
    "萌山",
    "青山",
    "武氏",
    "嘉禾",
    "圣源",
    "泰和",
    "兴隆",
    "东方",
    "鲁西",
    "齐鲁",
    "嘉宝",
    "呈祥",
    "聚德",
    "广源",
    "盛世",
    "隆昌",
)
# (kind, price category, weight)
_BUSINESS_KINDS: tuple[tuple[str, str, int], ...] = (
    ("石材有限公司", "NONRES", 8),
    ("石雕工艺厂", "NONRES", 6),
    ("商贸有限公司", "NONRES", 8),
    ("饭店", "NONRES", 10),
    ("大酒店", "NONRES", 3),
    ("宾馆", "NONRES", 4),
    ("超市", "NONRES", 8),
    ("面馆", "NONRES", 5),
    ("理发店", "NONRES", 4),
    ("汽修厂", "NONRES", 4),
    ("建材门市", "NONRES", 4),
    ("农资店", "NONRES", 3),
    ("食品厂", "NONRES", 3),
    ("养殖场", "NONRES", 3),
    ("诊所", "NONRES", 3),
    ("幼儿园", "NONRES", 3),
    ("印刷厂", "NONRES", 2),
    ("纺织有限公司", "NONRES", 2),
    ("洗车行", "SPECIAL", 4),
    ("洗浴中心", "SPECIAL", 3),
    ("纯净水厂", "SPECIAL", 2),
    ("桑拿会所", "SPECIAL", 1),
)
_BUSINESS_CUM = tuple(accumulate(w for _, _, w in _BUSINESS_KINDS))


def business_name(rng: random.Random) -> tuple[str, str]:
    """``(name, price_category)`` of a shop, workshop or company."""
    kind, category, _ = _BUSINESS_KINDS[bisect(_BUSINESS_CUM, rng.random() * _BUSINESS_CUM[-1])]
    prefix = "嘉祥县" if kind.endswith("公司") and rng.random() < 0.7 else ""
    return f"{prefix}{pick(rng, _BRANDS)}{kind}", category


INSTITUTIONS = (
    "嘉祥县第一中学",
    "嘉祥县第二中学",
    "嘉祥县实验小学",
    "嘉祥县人民医院",
    "嘉祥县中医院",
    "嘉祥县职业中等专业学校",
    "嘉祥县政务服务中心",
    "嘉祥经济开发区管委会",
    "卧龙山街道办事处",
    "嘉祥县妇幼保健院",
    "嘉祥县体育中心",
    "嘉祥县汽车站",
    "嘉祥县粮食储备库",
    "嘉祥县武氏祠博物馆",
    "嘉祥县曾庙景区",
    "嘉祥县看守所",
    "嘉祥县第三中学",
    "嘉祥县特殊教育学校",
)
