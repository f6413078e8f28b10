"""The dunning list (催缴名单) as Excel, from the service and from
``counter-admin dunning``, on a real database."""

from __future__ import annotations

import json
from decimal import Decimal

from openpyxl import load_workbook

from counter_app.cli import main
from counter_app.export.dunning import HEADERS, write_dunning_xlsx
from counter_app.services.payments.late_fees import LateFeeService
from tests.support.late_fees import build_overdue, set_rule

D = Decimal
BILLS = ((("100.00", 100), ("50.00", 10)), (("30.00", 20),), (("80.00", 5),))


def test_the_xlsx_has_the_rows_masked_phones_and_a_total(db, login_as, tmp_path):
    build_overdue(db, login_as, BILLS, extra={1: {"book_no": "B07"}})
    set_rule(login_as, suspend_days=60)
    boss_db, _ = login_as("supervisor")
    path = write_dunning_xlsx(
        tmp_path / "催缴.xlsx", LateFeeService(boss_db).dunning_list(days=15, area="A01")
    )
    ws = load_workbook(path).active
    rows = [[c.value for c in row] for row in ws.iter_rows()]
    assert "逾期超过 15 天" in rows[0][0] and "片区 A01" in rows[0][0]
    assert tuple(rows[1]) == HEADERS
    body = rows[2:-1]
    assert [(r[3], r[2] or "", r[6], D(str(r[8])), r[11], r[12] or "") for r in body] == [
        ("02000000", "", "138****5678", D("150.00"), 100, "是"),
        ("02000001", "B07", "138****5678", D("30.00"), 20, ""),
    ]
    assert rows[-1][0] == "合计" and D(str(rows[-1][8])) == D("180.00")
    assert all("13812345678" not in str(v) for r in rows for v in r)


def test_counter_admin_dunning_writes_the_file(db, db_url, login_as, tmp_path, capsys):
    build_overdue(db, login_as, BILLS)
    out = tmp_path / "list.xlsx"
    code = main(
        [
            "--database-url",
            db_url,
            "--json",
            "dunning",
            "--days",
            "15",
            "--area",
            "A01",
            "--out",
            str(out),
        ]
    )
    result = json.loads(capsys.readouterr().out)
    assert code == 0 and result["accounts"] == 2 and D(str(result["total"])) == D("180.00")
    assert load_workbook(out).active.max_row == 5  # title, headers, 2 accounts, total
    # bad arguments name the option and write nothing
    bad = tmp_path / "bad.xlsx"
    for args in (["--days", "x"], ["--days", "-1"], ["--days", "5", "--area", "ZZ"]):
        try:
            code = main(["--database-url", db_url, "dunning", *args, "--out", str(bad)])
        except SystemExit as exit_:
            code = exit_.code
        err = capsys.readouterr().err
        assert code != 0 and ("--days" in err or "area" in err) and not bad.exists()


def test_counter_admin_set_late_fee_rule_as_an_admin_login(db, login_as, capsys):
    from counter_app.db.engine import with_credentials
    from tests.support.logins import LOGIN_PASSWORD

    build_overdue(db, login_as, ((("100.00", 10),),))
    _, admin = login_as("admin")
    url = with_credentials(db.engine.url, admin.username, LOGIN_PASSWORD).render_as_string(
        hide_password=False
    )
    code = main(
        [
            "--database-url",
            url,
            "--json",
            "set-late-fee-rule",
            "--rate",
            "0.001",
            "--cap",
            "1",
            "--reason",
            "价格文件",
        ]
    )
    assert code == 0 and json.loads(capsys.readouterr().out)["rate_per_day"] == "0.001"
    _, clerk = login_as("clerk")
    url = with_credentials(db.engine.url, clerk.username, LOGIN_PASSWORD).render_as_string(
        hide_password=False
    )
    code = main(
        [
            "--database-url",
            url,
            "set-late-fee-rule",
            "--rate",
            "0.002",
            "--reason",
            "x",
            "--from",
            "2099-01-01",
        ]
    )
    assert code == 1 and "permission denied" in capsys.readouterr().err
