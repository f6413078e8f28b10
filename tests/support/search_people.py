"""People to search for (names, phones, id numbers, meters) on PostgreSQL."""

from __future__ import annotations

from counter_app.db import models as m
from counter_app.domain.idnumber import upgrade_15_to_18
from counter_app.domain.masking import mask_id_number, mask_phone
from counter_app.domain.pinyin import name_keys
from tests.support.builders import make_reference

ID_ZHANG = "370829199001011234"  # checksum not needed by search


ID_X = "37082919850615002X"


def add_account(
    s,
    account_no: str,
    name: str,
    *,
    id_number: str | None = None,
    mobile: str | None = None,
    landline: str | None = None,
    address: str = "嘉祥街道建设路1号",
    meter_location: str = "",
    meter_no: str | None = None,
    status: str = "active",
) -> int:
    full, initials = name_keys(name)
    account = m.Account(
        account_no=account_no,
        name=name,
        name_pinyin=full,
        name_initials=initials,
        id_number=id_number,
        id_masked=mask_id_number(id_number) if id_number else "",
        id_tail=id_number[-6:] if id_number else "",
        mobile=mobile,
        mobile_masked=mask_phone(mobile) if mobile else "",
        landline=landline,
        landline_masked=mask_phone(landline) if landline else "",
        address=address,
        meter_location=meter_location,
        account_type="household",
        price_category="RES",
        area_code="A01",
        status=status,
    )
    s.add(account)
    s.flush()
    if meter_no:
        s.add(m.Meter(account_id=account.id, meter_no=meter_no, dial_digits=5))
        s.flush()
    return account.id


def populate(db) -> dict[str, int]:
    """A small town with every tricky case; returns {label: account id}."""
    ids: dict[str, int] = {}
    with db.write() as s:
        make_reference(s)
        add = add_account
        ids["zhangsan"] = add(
            s,
            "01000001",
            "张三",
            id_number=ID_ZHANG,
            mobile="13812345678",
            address="嘉祥街道建设路幸福小区3号楼2单元301",
            meter_location="3号楼2单元楼道管道井",
            meter_no="JX2400000001",
        )
        ids["zhangsanfeng"] = add(
            s,
            "01000002",
            "张三丰",
            mobile="13900005678",
            address="纸坊镇后屯村45号",
            meter_location="院内表井",
            meter_no="JX2400000002",
        )
        ids["lizhangsan"] = add(
            s, "01000003", "李张三", id_number=ID_X, landline="0537-6812345", address="幸福路12号"
        )
        ids["old15"] = add(s, "02000001", "孔令国", id_number=ID_15, landline="05376654321")
        ids["new18"] = add(s, "02000002", "孟子涵", id_number=upgrade_15_to_18(ID_15))
        ids["ouyang"] = add(s, "02000003", "欧阳娜娜", mobile="15012340000")
        ids["rare"] = add(s, "02000004", "王㵘", address="萌山路7号")
        ids["zeng"] = add(s, "03000001", "曾国藩")
        ids["shan"] = add(s, "03000002", "单田芳")
        ids["xie"] = add(s, "03000003", "解缙")
        ids["qiu"] = add(s, "03000004", "仇英")
        ids["ou"] = add(s, "03000005", "区伟")
        ids["qin"] = add(s, "03000006", "覃明")
        ids["piao"] = add(s, "03000007", "朴槿惠")
        ids["mixed"] = add(s, "12340000", "赵四", mobile="18600001111")
        for i in range(60):
            add(s, f"09{i:06d}", f"王{chr(0x4E00 + 100 + i)}", address="马村镇马村街1号")
    return ids


ID_15 = "370829900101123"  # old card; its 18-character form is stored on another account
