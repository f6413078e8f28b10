"""The consultation guide (客服常见问题的处理): the utility's own scripts, not translated.
Rules: docs/rules/complaints.md
"""

from __future__ import annotations

from dataclasses import dataclass

from counter_app.domain.text import normalize_input

__all__ = ["SCRIPTS", "Script", "search"]


@dataclass(frozen=True)
class Script:
    key: str
    title: str
    keywords: tuple[str, ...]
    steps: tuple[str, ...]
    #: the guide shows what the system knows about the customer beside it
    customer_checks: bool = False


SCRIPTS: tuple[Script, ...] = (
    Script(
        "water_quality",
        "水质问题",
        ("水质", "发黄", "黄水", "浑浊", "异物", "水垢", "异味", "气味", "漂白粉"),
        (
            "先问清情况：水质发黄、浑浊有异物、水垢重，还是有异味？",
            "针对反映的类型向用户作出相应解释。",
            "需要更专业的解释时，联系水质检测部门给予用户答复（可受理投诉并转水质检测）。",
        ),
    ),
    Script(
        "pressure",
        "水压低或停水",
        ("水压", "水压低", "停水", "没水", "无水", "水小", "爆管", "冻", "阀门", "物业"),
        (
            "（1）是否欠费。",
            "（2）所在楼或小区是否有人停水维修。",
            "（3）阀门是否正常开启。",
            "（4）有无小区物业因其他事由停水。",
            "（5）水务公司有关部门是否因停电、爆管等原因停水。",
            "（6）是否用户管道漏水（或室外明管部分冬季被冻住）。",
        ),
        customer_checks=True,
    ),
    Script(
        "balcony",
        "阳台用水异常",
        ("阳台", "水流细", "时断时续", "青苔", "管材", "遮光"),
        (
            "现象：阳台水流细或时断时续，管内有青苔。",
            "先问清用户阳台是否经常用水。",
            "这种现象大部分因阳台用水量较小或管材材质原因引起。",
            "根据管材类型建议用户做遮光处理或更换管材。",
        ),
    ),
    Script(
        "price",
        "水价高",
        ("水价", "水费高", "价格", "收费依据", "损耗", "分摊", "户表改造", "小区"),
        (
            "一户一表用户：详细告知收费规定和依据。",
            "住宅小区居民用户：耐心解释其水价含有小区供水管网损耗。",
            "建议小区进行户表改造，可解决分摊损耗的问题。",
        ),
    ),
    Script(
        "data_mismatch",
        "用户信息与系统不符",
        ("不符", "信息错误", "资料", "更正", "户名", "电话", "地址", "读数", "表码"),
        (
            "诚恳向客户致歉，请用户耐心等待。",
            "迅速联系该区域抄收人员确认数据信息。",
            "联系信息录入人员修正数据信息（在本系统提交资料更正申请，由主管审批）。",
            "完成后告知客户确认。",
        ),
    ),
    Script(
        "complaint",
        "客户投诉",
        ("投诉", "意见", "批评", "致歉", "道歉", "转办", "回复"),
        (
            "热情接待，礼貌表明：欢迎对我们的工作批评指正，留下宝贵意见或建议；态度诚恳、耐心倾听。",
            "对投诉的问题给出清晰合理的解释；是公司原因造成的要立刻致歉，诚恳接受批评，并感谢客户指出不足。",
            "即时提出解决办法：能当场解决的马上解决；无法当场解决的及时转热线流程发送相关部门，密切跟进。",
            "处理结果出来后由热线回复客户并致歉。",
            "因条件暂不具备不能解决的，向客户解释清楚，有条件时及时联系客户（登记回访日期）。",
        ),
    ),
    Script(
        "enquiry",
        "用水信息查询",
        ("查询", "通知单", "用户号", "欠费", "往期", "交费清单", "表码", "用水量"),
        (
            "未带交费通知单：按户名、预留电话、身份证号、水表方位或用水地点查询。",
            "带通知单：按用户号查询水费、用水量、本期起止表码。",
            "将查询到的交费信息告知用户核对确认后，按客户选择的交费方式收费。",
            "需要往期交费情况：按交费时间段查询账单信息，询问是否打印往期交费清单。",
        ),
    ),
    Script(
        "relief",
        "特困低保户用水优惠（低保减免）",
        ("低保", "减免", "优惠", "特困", "救助", "低保证", "集体户", "困难职工"),
        (
            "热情接待，耐心询问客户需求；确定办理特困用水优惠后，详细告知需要的证件和材料。",
            "办理资格：《城镇居民最低生活保障证》（民政部门监制下发的有效证件），"
            "或破产企业困难职工生活救助证明（政府或民政部门下发）。",
            "需提交：低保证原件及复印件（证件需在有效期内）；证件持有人本人身份证复印件一份。",
            "仔细审查、核实证明材料，确认是否有资格享受优惠。",
            "一户一表用户：将用户号、户名、优惠事项及联系方式记录在复印件上。",
            "在本系统登记低保申请（用户信息页 F6），按实用水量每吨减免 0.2 元基本水费；"
            "请客户核对其缴费信息的变更。",
            "集体户中部分为低保户的：按低保户占总户数的百分比计算减免，自办理日起下期抄见水量即可减免。",
            "减免客户名单存档（本系统的低保减免台账可导出）。",
        ),
    ),
    Script(
        "new_connection",
        "新报装",
        ("报装", "新装", "装表", "开户", "接水", "通水", "安装"),
        (
            "热情礼貌接待，询问客户想要办理什么业务，认真倾听。",
            "属新报装用户的，按公司报装业务流程指导客户办理（该流程的步骤和资料未收入本指南）。",
            "受理时掌握业务流程，按受理程序提交，及时准确派单至各业务部门；认真审核原始资料。",
        ),
    ),
    Script(
        "meter_retrofit",
        "户表改造（旧楼改造）",
        ("户表改造", "旧楼", "改造", "一户一表", "分摊", "损耗", "总表"),
        (
            "咨询旧楼改造的，按户表改造工作流程指导办理（该流程的步骤和资料未收入本指南）。",
            "住宅小区居民用户的水价含有小区供水管网损耗；户表改造可解决分摊损耗的问题。",
        ),
    ),
    Script(
        "meter_change",
        "换表",
        ("换表", "水表坏", "表坏", "不走", "计量", "旧表", "新表"),
        (
            "前台受理后，及时通知维修人员到现场核实水表的具体运行情况。",
            "对必须换表的用户，拆除旧表前维修人员与前台核实用户费用结清情况（本系统查询欠费）。",
            "换新表前检查旧表与档案是否一致，并登记换表明细台账。",
            "库管员对退回的旧表和新出库的表进行登记和出入库操作；每个环节环环相扣、准确无误。",
        ),
    ),
    Script(
        "transfer",
        "更名、过户",
        ("过户", "更名", "改名", "户名", "买房", "房屋买卖", "继承"),
        (
            "掌握业务流程，按受理程序将业务提交，并及时准确派单至相关部门。",
            "认真审核原始资料：确保更名后的户名与收费系统一致，并查清欠费是否结清。",
            "注意申请的业务是否在法规、标准和地方政策允许的范围内。",
        ),
    ),
    Script(
        "closing",
        "销户",
        ("销户", "注销", "拆表", "停用", "不用水"),
        (
            "前台受理销户业务，按受理程序提交并及时准确派单至相关部门。",
            "认真审核原始资料，查清欠费是否结清（本系统查询欠费及往期账单）。",
        ),
    ),
)


def _norm(text: str) -> str:
    return normalize_input(text).lower()


def search(query: str) -> tuple[Script, ...]:
    """Scripts matching every word of ``query`` (all scripts when empty).

    A script whose title matches comes first, then one whose keywords match,
    then one that only mentions the words in its text.
    """
    words = [_norm(w) for w in (query or "").split() if w.strip()]
    if not words:
        return SCRIPTS
    strong: list[Script] = []
    weak: list[Script] = []
    for script in SCRIPTS:
        head = _norm(script.title + " " + " ".join(script.keywords))
        body = _norm(" ".join(script.steps))
        if all(w in head or any(w in k or k in w for k in script.keywords) for w in words):
            strong.append(script)
        elif all(w in head or w in body for w in words):
            weak.append(script)
    # a script named by the words (户表改造) before one only tagged with them
    strong.sort(key=lambda script: not all(w in _norm(script.title) for w in words))
    return tuple(strong + weak)
