"""Demo complaints (投诉) and their event log, as the complaint service writes them.
Design: docs/demo.md
"""

from __future__ import annotations

import random
from datetime import datetime, timedelta

from counter_app.demo.context import Context
from counter_app.demo.rand import below, between, pick
from counter_app.demo.timeline import CST, at_local
from counter_app.domain.phone import normalize_phone

__all__ = ["maybe_complaint"]

# category -> (descriptions, department, at-fault probability, resolutions)
_TOPICS: dict[str, tuple[tuple[str, ...], str, float, tuple[str, ...]]] = {
    "water_quality": (
        (
            "自来水发黄,放水几分钟后仍浑浊",
            "水中有白色沉淀,烧水后水垢很重",
            "自来水有明显漂白粉味",
            "水中有细小黑色颗粒",
        ),
        "水质检测",
        0.3,
        (
            "水质检测中心上门取样检测,各项指标合格,已向用户解释",
            "冲洗管网末梢及入户管道后水质恢复正常",
        ),
    ),
    "pressure": (
        (
            "家中水压低,六楼几乎没水",
            "小区突然停水,事先未见停水通知",
            "室外明管冬季冻住,无法用水",
            "早晚用水高峰水流很小",
        ),
        "管网维修",
        0.4,
        (
            "维修人员更换损坏阀门,水压恢复正常",
            "爆管抢修临时停水,已恢复供水并向用户致歉",
            "系用户室外管道冻结,指导用户包扎保温",
        ),
    ),
    "other": (
        ("阳台水龙头水流细,时断时续,管内有青苔",),
        "营业",
        0.0,
        ("建议用户对阳台管道做遮光处理并更换管材",),
    ),
    "billing": (
        (
            "本期水费比以往高很多,怀疑计费有误",
            "小区水价含管网损耗分摊,认为不合理",
            "微信缴费后系统仍显示欠费",
        ),
        "营业",
        0.2,
        (
            "向用户说明阶梯水价及收费依据,用户表示理解",
            "解释小区管网损耗分摊规定,建议进行户表改造",
            "与第三方代收对账后已销账,向用户致歉",
        ),
    ),
    "meter": (
        ("账单读数与家中水表读数不符", "两个多月未见抄表员上门"),
        "抄表",
        0.5,
        ("抄表员上门复核读数,已更正", "复核读数无误,已向用户解释估抄原因"),
    ),
    "service": (
        ("营业厅排队时间长,收费窗口少", "收费员解释不耐烦"),
        "客服热线",
        0.6,
        ("已向用户道歉,加强窗口服务规范培训",),
    ),
}
_CATEGORIES = tuple(_TOPICS)
_CHANNELS = ("counter",) * 5 + ("hotline",) * 3 + ("online", "letter")
_SATISFACTION = ("satisfied", "satisfied", "satisfied", "neutral", "dissatisfied")
_FOLLOW_UPS = ("已联系部门,正在处理", "部门已派人上门查看", "等待配件,预计两日内处理完毕")


def _office_hours(rng: random.Random, when: datetime) -> datetime:
    """``when`` if it falls in office hours (08:00-18:00 local), else the
    next morning."""
    local = when.astimezone(CST)
    if 8 <= local.hour < 18:
        return when
    day = local.date() + timedelta(days=1 if local.hour >= 18 else 0)
    return at_local(day, 9 * 3600 + below(rng, 3600))


def maybe_complaint(
    ctx: Context,
    rng: random.Random,
    account_id: int | None,
    who: str,
    contact: str,
    hall: str,
    out: dict[str, list],
    rate: float = 0.004,
) -> None:
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
    complaint_id = ctx.ids.take("complaints")
    per_day = ctx.tickets_per_day[day] = ctx.tickets_per_day.get(day, 0) + 1
    ticket = f"TS{day.year}{day.month:02d}{day.day:02d}{per_day:04d}"
    resolution_text = pick(rng, resolutions)

    # (kind, content, channel, clerk, delay)
    steps: list[tuple[str, str, str, int, timedelta]] = []
    r = rng.random()
    on_the_spot = category in ("other", "billing") and rng.random() < 0.6
    if r < 0.1:  # cannot be solved yet: stays open with a recall date
        steps.append(
            ("follow_up", pick(rng, _FOLLOW_UPS), "", clerk, timedelta(hours=between(rng, 2, 48)))
        )
    elif on_the_spot:
        steps.append(
            ("resolved", resolution_text, "", clerk, timedelta(minutes=between(rng, 5, 40)))
        )
    else:
        steps.append(("forwarded", department, "", clerk, timedelta(minutes=between(rng, 10, 120))))
        steps.append(
            (
                "follow_up",
                pick(rng, _FOLLOW_UPS),
                "",
                supervisor,
                timedelta(hours=between(rng, 4, 48)),
            )
        )
        steps.append(
            ("resolved", resolution_text, "", supervisor, timedelta(hours=between(rng, 4, 72)))
        )
        steps.append(
            (
                "reply",
                resolution_text,
                "hotline" if channel != "counter" else "counter",
                clerk,
                timedelta(hours=between(rng, 1, 24)),
            )
        )
    if r >= 0.1 and rng.random() < 0.75:
        steps.append(("closed", "", "", supervisor, timedelta(hours=between(rng, 1, 48))))

    events = [("received", "已致歉" if at_fault else "", channel, clerk, created)]
    status, department_set, due_at, recall_on, resolution, satisfaction = (
        "open",
        "",
        None,
        None,
        "",
        "",
    )
    when = created
    for kind, content, ev_channel, by, delay in steps:
        at = _office_hours(rng, when + delay)
        if at > limit:
            break
        when = at
        if kind == "forwarded":
            status, department_set = "forwarded", content
            due_at = when + timedelta(hours=pick(rng, (24, 48, 72)))
        elif kind == "resolved":
            status, resolution, recall_on = "resolved", content, None
        elif kind == "reply":
            status = "replied"
        elif kind == "closed":
            satisfaction = pick(rng, _SATISFACTION)
            status, recall_on, content = "closed", None, satisfaction
        elif kind == "follow_up" and status == "open":
            recall_on = when.astimezone(CST).date() + timedelta(days=between(rng, 3, 14))
        events.append((kind, content, ev_channel, by, when))
    if status == "open" and recall_on is None:
        recall_on = window.as_of + timedelta(days=3)
    out["complaints"].append(
        # contact_masked "": the table's trigger writes it (migration 0025)
        (
            complaint_id,
            ticket,
            account_id,
            who,
            normalize_phone(contact),
            "",
            channel,
            category,
            pick(rng, descriptions),
            at_fault,
            at_fault,
            status,
            department_set,
            due_at,
            recall_on,
            resolution,
            satisfaction,
            clerk,
            len(events),
            created,
            when,
        )
    )
    events_out = out["complaint_events"]
    for kind, content, ev_channel, by, at in events:
        events_out.append(
            (ctx.ids.take("complaint_events"), complaint_id, kind, content, ev_channel, by, at)
        )
