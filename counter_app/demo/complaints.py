"""Complaints (投诉) and their event log, after the utility's procedure:
receive, explain, apologise when it is our fault, resolve on the spot or
forward to the responsible department with a due time, follow up, reply to
the customer, close. Problems that cannot be solved yet stay open with a
recall date.

Codes: ``channel`` counter / hotline / 12345 / wechat; ``category``
water_quality / pressure / balcony / price / reading / service / billing;
event ``kind`` received / forwarded / follow_up / reply / closed.
"""

from __future__ import annotations

import random
from datetime import datetime, timedelta

from .context import Context
from .rand import below, between, pick
from .timeline import CST, at_local

__all__ = ["maybe_complaint"]

# category -> (descriptions, department, at-fault probability, resolutions)
_TOPICS: dict[str, tuple[tuple[str, ...], str, float, tuple[str, ...]]] = {
    "water_quality": (
        ("自来水发黄,放水几分钟后仍浑浊", "水中有白色沉淀,烧水后水垢很重",
         "自来水有明显漂白粉味", "水中有细小黑色颗粒"),
        "水质检测中心", 0.3,
        ("水质检测中心上门取样检测,各项指标合格,已向用户解释", "冲洗管网末梢及入户管道后水质恢复正常"),
    ),
    "pressure": (
        ("家中水压低,六楼几乎没水", "小区突然停水,事先未见停水通知", "室外明管冬季冻住,无法用水",
         "早晚用水高峰水流很小"),
        "管网维修部", 0.4,
        ("维修人员更换损坏阀门,水压恢复正常", "爆管抢修临时停水,已恢复供水并向用户致歉",
         "系用户室外管道冻结,指导用户包扎保温"),
    ),
    "balcony": (
        ("阳台水龙头水流细,时断时续,管内有青苔",),
        "营业厅", 0.0, ("建议用户对阳台管道做遮光处理并更换管材",),
    ),
    "price": (
        ("本期水费比以往高很多,怀疑计费有误", "小区水价含管网损耗分摊,认为不合理"),
        "营业厅", 0.1,
        ("向用户说明阶梯水价及收费依据,用户表示理解", "解释小区管网损耗分摊规定,建议进行户表改造"),
    ),
    "reading": (
        ("账单读数与家中水表读数不符", "两个多月未见抄表员上门"),
        "抄表组", 0.5, ("抄表员上门复核读数,已更正", "复核读数无误,已向用户解释估抄原因"),
    ),
    "service": (
        ("营业厅排队时间长,收费窗口少", "收费员解释不耐烦"),
        "客服中心", 0.6, ("已向用户道歉,加强窗口服务规范培训",),
    ),
    "billing": (
        ("微信缴费后系统仍显示欠费", "银行代扣重复扣款"),
        "营业厅", 0.5, ("与第三方代收对账后已销账,向用户致歉", "重复款项已转为预存"),
    ),
}
_CATEGORIES = tuple(_TOPICS)
_CHANNELS = ("counter", "counter", "counter", "counter", "counter", "hotline", "hotline",
             "hotline", "12345", "wechat")
_SATISFACTION = ("满意", "满意", "满意", "基本满意", "不满意")


def _office_hours(rng: random.Random, when: datetime) -> datetime:
    """``when`` if it falls in office hours (08:00-18:00 local), else the
    next morning."""
    local = when.astimezone(CST)
    if 8 <= local.hour < 18:
        return when
    day = local.date() + timedelta(days=1 if local.hour >= 18 else 0)
    return at_local(day, 9 * 3600 + below(rng, 3600))


def maybe_complaint(ctx: Context, rng: random.Random, account_id: int | None, who: str,
                    contact: str, hall: str, out: dict[str, list], rate: float = 0.004) -> None:
    if rng.random() >= rate:
        return
    window = ctx.window
    day = window.start + timedelta(days=below(rng, (window.as_of - window.start).days + 1))
    category = pick(rng, _CATEGORIES)
    descriptions, department, fault_rate, resolutions = _TOPICS[category]
    at_fault = rng.random() < fault_rate
    channel = pick(rng, _CHANNELS)
    clerks = ctx.ref.clerk_ids
    clerk = clerks["clerk02" if hall == "JX02" else "clerk01"]
    supervisor = clerks["super01"]
    created = at_local(day, 9 * 3600 + below(rng, 8 * 3600))
    limit = window.as_of_at
    ctx.ticket_serial += 1
    complaint_id = ctx.ids.take("complaints")
    ticket = f"TS{day:%Y%m}{ctx.ticket_serial:06d}"

    r = rng.random()
    on_the_spot = category in ("balcony", "price") and rng.random() < 0.6
    target = "closed" if r < 0.55 else "replied" if r < 0.65 else "forwarded" if r < 0.8 \
        else "open" if r < 0.9 else "resolved"
    events = [("received", pick(rng, descriptions), channel, clerk, created)]
    status, due_at, recall_on, resolution, satisfaction = "open", None, None, "", ""
    resolution_text = pick(rng, resolutions)
    when = created
    if target == "open":
        recall_on = day + timedelta(days=between(rng, 7, 30))
    else:
        steps: list[tuple[str, str, str, int, timedelta]] = []
        if not on_the_spot:
            steps.append(("forwarded", f"转{department}处理", "", clerk,
                          timedelta(minutes=between(rng, 10, 120))))
            if target != "forwarded":
                steps.append(("follow_up", resolution_text, "", supervisor,
                              timedelta(hours=between(rng, 4, 72))))
        if target in ("replied", "closed"):
            steps.append(("reply", resolution_text, "phone" if channel != "counter" else "counter",
                          clerk, timedelta(hours=between(rng, 1, 24))))
        if target == "closed":
            steps.append(("closed", "用户确认,结案", "", supervisor,
                          timedelta(hours=between(rng, 1, 48))))
        for kind, content, ev_channel, by, delay in steps:
            at = _office_hours(rng, when + delay)
            if at > limit:
                break
            when = at
            events.append((kind, content, ev_channel, by, when))
            status = {"forwarded": "forwarded", "follow_up": "resolved", "reply": "replied",
                      "closed": "closed"}[kind]
            if kind == "forwarded":
                due_at = when + timedelta(hours=pick(rng, (24, 48, 72)))
            if kind in ("follow_up", "reply"):
                resolution = resolution_text
            if kind == "closed":
                satisfaction = pick(rng, _SATISFACTION)
        if status == "open":  # nothing happened before the window closed
            recall_on = window.as_of + timedelta(days=3)
    out["complaints"].append(
        (complaint_id, ticket, account_id, who, contact, channel, category, events[0][1],
         at_fault, at_fault, status, "营业厅" if on_the_spot else department, due_at, recall_on,
         resolution, satisfaction, clerk, len(events), created, when)
    )
    events_out = out["complaint_events"]
    for kind, content, ev_channel, by, at in events:
        events_out.append((ctx.ids.take("complaint_events"), complaint_id, kind, content,
                           ev_channel, by, at))
