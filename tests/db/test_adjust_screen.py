"""The bill list shows corrections (migration 0032): each row says what it
corrects, why and who approved it; a credit counts on the bill it corrects
in what is owed, as the ledger and the payment form count it. Read by a
clerk's own login; the downgrade gives 0015's list back."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import text

from counter_app.services.accounts.ledger import arrears, open_bills
from counter_app.services.accounts.service import AccountService
from counter_app.services.tariffs.billing import adjust_bill
from tests.support.account_history import populate

D = Decimal


def _downgrade(db, revision: str) -> None:
    from alembic import command

    from counter_app.db.migrate import _config

    with db.engine.begin() as conn:
        conn.execute(text("SET LOCAL ROLE counter_owner"))
        command.downgrade(_config(conn), revision)


def test_corrections_in_the_bill_list_count_as_the_ledger_does(db, login_as):
    ids = populate(db)  # 2026-10 ¥45.30 unpaid, 2026-06 ¥100.00 paid
    clerk_db, _ = login_as("clerk")
    boss_db, boss = login_as("supervisor")
    credit = adjust_bill(boss_db, ids["oct"], D("-10.00"), "抄表错误", workstation="WS")
    debit = adjust_bill(boss_db, ids["oct"], D("2.50"), "漏计", workstation="WS")
    refund = adjust_bill(boss_db, ids["june"], D("-30.00"), "多计", workstation="WS")
    screen = AccountService(clerk_db).screen(ids["account"])
    rows = [
        (b.bill_id, b.adjusts_bill_id, b.amount, b.outstanding, b.adjusted, b.reason, b.approved_by)
        for b in screen.bills
    ]
    assert rows == [
        (ids["oct"], None, D("45.30"), D("35.30"), D("-7.50"), "", ""),
        (credit.bill_id, ids["oct"], D("-10.00"), D("0"), D("0"), "抄表错误", "测试"),
        (debit.bill_id, ids["oct"], D("2.50"), D("2.50"), D("0"), "漏计", "测试"),
        (ids["aug"], None, D("60.00"), D("0"), D("0"), "", ""),
        # paid in full, then credited: nothing owed (what is left over is the customer's)
        (ids["june"], None, D("100.00"), D("0"), D("-30.00"), "", ""),
        (refund.bill_id, ids["june"], D("-30.00"), D("0"), D("0"), "多计", "测试"),
    ]
    assert screen.bills[0].net == D("37.80") and boss.display_name == "测试"
    # the current bill of the view and the filtered history read the same list
    assert screen.view.current_bill is not None
    assert screen.view.current_bill.bill.outstanding == D("35.30")
    page = AccountService(clerk_db).history(ids["account"], from_period="2026-10")
    assert [b.bill_id for b in page.bills] == [ids["oct"], credit.bill_id, debit.bill_id]
    # what the list owes is what the payment form's open bills owe, and the
    # view's arrears what the ledger sums: the credit left over on the paid
    # June bill does not lower what the October bill asks
    with db.read() as s:
        owed = {b.bill_id: b.outstanding for b in open_bills(s, ids["account"])}
        assert arrears(s, [ids["account"]]) == {ids["account"]: D("37.80")}
    assert owed == {b.bill_id: b.outstanding for b in screen.bills if b.outstanding}
    assert screen.view.arrears == D("37.80")


def test_down_to_0029_the_list_is_0015s_again(db, login_as):
    ids = populate(db)
    clerk_db, _ = login_as("clerk")
    boss_db, _ = login_as("supervisor")
    adjust_bill(boss_db, ids["oct"], D("-10.00"), "抄表错误", workstation="WS")
    _downgrade(db, "0031_tier_check")
    bills = AccountService(clerk_db).screen(ids["account"]).bills
    assert [(b.amount, b.outstanding, b.adjusts_bill_id) for b in bills[:2]] == [
        (D("45.30"), D("45.30"), None),
        (D("-10.00"), D("-10.00"), None),
    ]
    adjust_bill(boss_db, ids["june"], D("-30.00"), "多计", workstation="WS")
    assert AccountService(clerk_db).screen(ids["account"]).view.arrears == D("5.30")  # 0015's
    from counter_app.db.migrate import migrate

    migrate(db.engine)
    bills = AccountService(clerk_db).screen(ids["account"]).bills
    assert [(b.outstanding, b.adjusts_bill_id) for b in bills[:2]] == [
        (D("35.30"), None),
        (D("0"), ids["oct"]),
    ]
    assert AccountService(clerk_db).screen(ids["account"]).view.arrears == D("35.30")
