"""Addresses and meter locations in 嘉祥县 (Jiaxiang county, Jining).
Design: docs/demo.md
"""

from __future__ import annotations

import random
from bisect import bisect
from dataclasses import dataclass
from itertools import accumulate

from counter_app.demo.rand import below, between, pick

__all__ = ["AREAS", "Area", "Town", "TOWNS", "Address", "address_for", "meter_location"]


@dataclass(frozen=True)
class Town:
    name: str
    urban: bool
    weight: int


TOWNS: tuple[Town, ...] = (
    Town("嘉祥街道", True, 20),
    Town("卧龙山街道", True, 12),
    Town("纸坊镇", False, 6),
    Town("梁宝寺镇", False, 6),
    Town("红运镇", False, 5),
    Town("大张楼镇", False, 6),
    Town("马村镇", False, 6),
    Town("万张镇", False, 5),
    Town("孟姑集镇", False, 6),
    Town("老僧堂镇", False, 5),
    Town("黄垓乡", False, 4),
    Town("仲山镇", False, 5),
    Town("满硐镇", False, 5),
    Town("金屯镇", False, 5),
    Town("疃里镇", False, 5),
)


@dataclass(frozen=True)
class Area:
    """A meter-reading area (片区): code, name, town, reader, serving hall."""

    code: str
    name: str
    town: Town
    meter_reader: str
    hall_code: str
    weight: int


_READERS = (
    "孔祥军",
    "曾宪明",
    "王建华",
    "李长青",
    "张玉峰",
    "刘保国",
    "马立新",
    "朱海涛",
    "赵振东",
    "孙庆林",
    "杨广福",
    "徐春生",
    "高永胜",
    "郭文亮",
    "宋继红",
    "韩志强",
)
_BRANCH_TOWNS = {"卧龙山街道", "纸坊镇", "仲山镇", "满硐镇", "黄垓乡", "金屯镇"}


def _areas() -> tuple[Area, ...]:
    out: list[Area] = []
    for town in TOWNS:
        parts = ("东片", "西片") if town.name == "嘉祥街道" else ("",)
        for part in parts:
            code = f"{len(out) + 1:02d}"
            hall = "JX02" if town.name in _BRANCH_TOWNS else "JX01"
            weight = town.weight * 10 // len(parts)
            out.append(
                Area(
                    code,
                    f"{town.name}{part}",
                    town,
                    _READERS[len(out) % len(_READERS)],
                    hall,
                    weight,
                )
            )
    return tuple(out)


AREAS: tuple[Area, ...] = _areas()
_AREA_CUM = tuple(accumulate(a.weight for a in AREAS))


def pick_area(rng: random.Random) -> Area:
    return AREAS[bisect(_AREA_CUM, rng.random() * _AREA_CUM[-1])]


# ----------------------------------------------------------------- urban

_STREETS = (
    "建设路",
    "呈祥大道",
    "嘉宝路",
    "萌山路",
    "曾子大道",
    "嘉北路",
    "嘉南路",
    "金城路",
    "青年路",
    "健康路",
    "兴业街",
    "文化路",
    "和平路",
    "迎凤路",
    "中心街",
    "车站路",
)
# (complex, buildings, units per building, floors)
_COMPLEXES = (
    ("幸福小区", 12, 3, 6),
    ("呈祥花园", 24, 2, 11),
    ("嘉宝苑", 16, 3, 6),
    ("萌山御园", 20, 2, 18),
    ("曾子花园", 18, 3, 6),
    ("武氏祠小区", 10, 3, 6),
    ("青山小区", 14, 3, 6),
    ("麟州花园", 22, 2, 11),
    ("金城小区", 12, 4, 6),
    ("阳光花园", 16, 2, 11),
    ("锦绣华庭", 20, 2, 18),
    ("福泰小区", 10, 3, 6),
    ("凤凰城", 30, 2, 18),
    ("建设新村", 8, 4, 5),
    ("水务家属院", 4, 3, 6),
    ("兴业佳苑", 14, 2, 11),
    ("文化苑", 8, 3, 6),
    ("和平里", 6, 4, 5),
    ("迎凤家园", 18, 2, 11),
    ("翰林府", 12, 2, 26),
    ("世纪花园", 20, 3, 6),
    ("嘉和园", 10, 3, 6),
    ("泰和名都", 16, 2, 18),
    ("龙山小区", 12, 3, 6),
)


@dataclass(frozen=True, slots=True)
class Address:
    text: str
    complex_unit: str  # "3号楼2单元" for flats, "" for houses
    rural: bool


def _flat(rng: random.Random, town: Town) -> Address:
    i = below(rng, len(_COMPLEXES))
    complex_name, buildings, units, floors = _COMPLEXES[i]
    street = _STREETS[(i * 7 + len(town.name)) % len(_STREETS)]
    b, u = between(rng, 1, buildings), between(rng, 1, units)
    room = f"{between(rng, 1, floors)}{between(rng, 1, 2):02d}"
    unit = f"{b}号楼{u}单元"
    return Address(f"{town.name}{street}{complex_name}{unit}{room}", unit, False)


# ----------------------------------------------------------------- rural

_VILLAGE_HEADS = "王李张刘陈杨孙赵徐马朱孔曾孟高郭宋韩于董田武焦邢翟晁"
_VILLAGE_TAILS = ("庄", "楼", "集", "屯", "营", "店", "寨", "庙", "洼", "堂", "口", "园")
_VILLAGE_PREFIXES = ("", "", "", "前", "后", "东", "西", "南", "北", "大", "小")


def _villages(town: Town, count: int = 36) -> tuple[str, ...]:
    rng = random.Random(f"villages:{town.name}")
    names: list[str] = []
    while len(names) < count:
        name = pick(rng, _VILLAGE_PREFIXES) + pick(rng, _VILLAGE_HEADS)
        name += pick(rng, _VILLAGE_TAILS) + "村"
        if name not in names:
            names.append(name)
    return tuple(names)


VILLAGES: dict[str, tuple[str, ...]] = {t.name: _villages(t) for t in TOWNS if not t.urban}


def _house(rng: random.Random, town: Town) -> Address:
    if rng.random() < 0.12:  # the town seat's main street
        return Address(f"{town.name}{town.name[:-1]}街{between(rng, 1, 260)}号", "", False)
    village = pick(rng, VILLAGES[town.name])
    return Address(f"{town.name}{village}{between(rng, 1, 320)}号", "", True)


def address_for(rng: random.Random, area: Area) -> Address:
    """A household address in ``area``."""
    town = area.town
    if town.urban:
        return _flat(rng, town) if rng.random() < 0.9 else _house_in_city(rng, town)
    return _flat(rng, town) if rng.random() < 0.08 else _house(rng, town)


def _house_in_city(rng: random.Random, town: Town) -> Address:
    street = pick(rng, _STREETS)
    return Address(f"{town.name}{street}{between(rng, 1, 399)}号", "", False)


def street_address(rng: random.Random, area: Area) -> str:
    """A shop or institution address: a street number."""
    town = area.town
    if town.urban:
        return f"{town.name}{pick(rng, _STREETS)}{between(rng, 1, 399)}号"
    return f"{town.name}{town.name[:-1]}街{between(rng, 1, 260)}号"


def complex_name(rng: random.Random, area: Area) -> str:
    if area.town.urban:
        return pick(rng, _COMPLEXES)[0]
    return pick(rng, VILLAGES[area.town.name])


# ----------------------------------------------------------- meter location

_FLAT_LOCATIONS = ("楼道管道井", "单元门口表箱", "楼道井", "户内厨房", "地下室")
_FLAT_CUM = tuple(accumulate((35, 25, 20, 12, 8)))
_HOUSE_LOCATIONS = ("院内表井", "户内厨房", "路边表井", "门口表箱")
_HOUSE_CUM = tuple(accumulate((50, 20, 20, 10)))
_BULK_LOCATIONS = ("北门路边表井", "南门路边表井", "院内表井", "泵房", "地下室", "东侧绿化带表井")


def meter_location(rng: random.Random, address: Address | None = None) -> str:
    if address is None:
        return pick(rng, _BULK_LOCATIONS)
    if address.complex_unit:
        where = _FLAT_LOCATIONS[bisect(_FLAT_CUM, rng.random() * _FLAT_CUM[-1])]
        return address.complex_unit + where
    return _HOUSE_LOCATIONS[bisect(_HOUSE_CUM, rng.random() * _HOUSE_CUM[-1])]
