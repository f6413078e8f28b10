"""counter-admin online import / suspense, end to end on a real database:
the summary reconciles to the cent with the file's total; a bad file names
its lines and posts nothing."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from counter_app.services.tariffs.billing import bill_period
from tests.support.cli import run


def _url(database) -> str:
    return database.engine.url.render_as_string(hide_password=False)


def test_online_import_prints_a_summary_that_reconciles(
    utility,
    capsys,
    tmp_path,  # noqa: F811
    login_as,
):
    assert bill_period(utility.batch, "2026-02").billed == 1
    when = (datetime.now(ZoneInfo("Asia/Shanghai")) + timedelta(minutes=1)).strftime(
        "%Y-%m-%d %H:%M:%S"
    )
    path = tmp_path / "alipay.csv"
    path.write_text(
        "支付宝交易号,付款时间,户号,订单金额（元）\n"
        f"A1,{when},01000001,41.40\nA2,{when},77777777,8.00\n合计,2,49.40\n",
        encoding="gb18030",
    )
    code, out, err = run(
        capsys,
        "--database-url",
        _url(utility.batch),
        "online",
        "import",
        str(path),
        "--platform",
        "alipay",
    )
    assert code == 0, err
    assert "2 orders, 49.40" in out and "reconciled to the cent" in out
    assert "posted         1         41.40" in out and "suspense       1          8.00" in out
    code, out, err = run(
        capsys,
        "--database-url",
        _url(utility.batch),
        "online",
        "import",
        str(path),
        "--platform",
        "alipay",
    )
    assert code == 0 and "imported before" in out
    supervisor, _ = login_as("supervisor")
    code, out, err = run(
        capsys, "--database-url", _url(supervisor), "channel-report", "--day", when[:10]
    )
    assert code == 0, err
    assert "online      alipay          1         41.40" in out and "open 1, 8.00" in out
    code, out, err = run(
        capsys,
        "--database-url",
        _url(supervisor),
        "account-deduction",
        "off",
        "--account-no",
        "01000001",
        "--reason",
        "pays by bank",
    )
    assert code == 0 and "prepayment deduction off" in out, err
    code, out, err = run(
        capsys,
        "--database-url",
        _url(supervisor),
        "account-deduction",
        "off",
        "--account-no",
        "404",
        "--reason",
        "x",
    )
    assert code == 1 and "no account 404" in err

    bad = tmp_path / "bad.csv"
    bad.write_text(
        f"支付宝交易号,付款时间,户号,订单金额（元）\nA3,{when},01000001,1.234\n", encoding="utf-8"
    )
    code, out, err = run(
        capsys,
        "--database-url",
        _url(utility.batch),
        "online",
        "import",
        str(bad),
        "--platform",
        "alipay",
    )
    assert code == 1
    assert "line 2 amount" in err and "line 3 total" in err and "nothing posted" in err
