"""The online statements of tests/db/test_actions_channels_*.py: a WeChat
statement file, its times, the bill they pay, a scalar read."""

from __future__ import annotations

from datetime import datetime, timedelta
from decimal import Decimal
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlalchemy import text

from counter_app.services.tariffs.billing import bill_period

D = Decimal
TZ = ZoneInfo("Asia/Shanghai")
HEADER = "交易时间,微信订单号,户号,订单金额\n"


def when(seconds: int = 0) -> str:
    """Now (plus ``seconds``) in Shanghai, as the statements write it."""
    return (datetime.now(TZ) + timedelta(seconds=seconds)).strftime("%Y-%m-%d %H:%M:%S")


def statement_file(
    tmp_path: Path,
    rows: list[tuple[str, str, str, str]],
    name: str = "wx.csv",
    total: tuple[int, str] | None = None,
) -> Path:
    """A WeChat statement: (time, order id, account, amount) rows and its total line."""
    body = HEADER + "".join(",".join(r) + "\n" for r in rows)
    count, amount = total or (len(rows), str(sum((D(r[3]) for r in rows), D("0.00"))))
    path = tmp_path / name
    path.write_text(body + f"合计,{count},{amount}\n", encoding="utf-8")
    return path


def scalar(db, sql: str, **params):
    with db.engine.connect() as conn:
        return conn.execute(text(sql), params).scalar_one()


def bill_february(utility) -> None:
    """Bill 2026-02 for the utility's account (41.40 owed by 01000001)."""
    assert bill_period(utility.batch, "2026-02").billed == 1
