"""Migration 0033, read by real logins: no group role reads more of the ID
than the mask shows (``accounts.id_tail`` holds 6 characters, the mask 4),
the search by the ID's last 4 still finds the account; and the search's hit
list counts a correction as the account screen does (0032's
``counter_arrears``). The downgrade gives 0024's search back and never the
column."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import text

from counter_app.db.migrate import migrate
from counter_app.services.accounts.search import SearchService
from counter_app.services.accounts.service import AccountService
from counter_app.services.tariffs.billing import adjust_bill
from tests.support.account_history import populate
from tests.support.database import downgrade, refused_state
from tests.support.logins import GROUP_ROLES

D = Decimal
ID_NUMBER = "370829199001011234"  # tests/support/builders.py: id_tail 011234, mask …1234


def _tail_readers(db) -> list[str]:
    with db.read() as s:
        return [
            g
            for g in GROUP_ROLES
            if s.execute(
                text("SELECT has_column_privilege(:g, 'accounts', 'id_tail', 'SELECT')"),
                {"g": g},
            ).scalar_one()
        ]


def test_no_login_reads_the_id_tail_and_the_search_still_finds_it(db, login_as):
    ids = populate(db)
    assert _tail_readers(db) == []
    logins = [login_as(role)[0] for role in ("clerk", "supervisor", "admin")]
    for login in logins:
        assert refused_state(login, "SELECT id_tail FROM accounts") == "42501"
        assert refused_state(login, "SELECT id FROM accounts WHERE id_tail LIKE '01%'") == "42501"
    clerk = logins[0]
    found = SearchService(clerk).search("1234")
    hits = [(h.account_id, h.matched, h.id_masked) for h in found.hits]
    assert (ids["account"], "id_tail", "370829********1234") in hits
    # the definer's piece takes the mask's 4 characters only: 5 or 6 would
    # tell the clerk the digits the mask hides
    for tail in ("01234", "011234", "12"):
        state = refused_state(clerk, "SELECT counter_id_tail_accounts(:t, 10)", {"t": tail})
        assert state == "CT400"
    with clerk.engine.begin() as conn:
        assert conn.execute(text("SELECT counter_id_tail_accounts('1234', 10)")).scalar_one() == [
            ids["account"]
        ]
    # nothing the clerk is shown holds more of the ID than the mask's 4
    screen = AccountService(clerk).screen(ids["account"])
    shown = repr(screen) + repr(found)
    assert "1234" in shown and ID_NUMBER[-5:] not in shown and ID_NUMBER[:6] + "1" not in shown


def test_the_hit_list_counts_a_credit_as_the_account_screen(db, login_as):
    ids = populate(db)  # 2026-10 ¥45.30 unpaid, 2026-06 ¥100.00 paid
    clerk, _ = login_as("clerk")
    boss, _ = login_as("supervisor")
    adjust_bill(boss, ids["june"], D("-30.00"), "多计", workstation="WS")  # on the paid bill
    view = AccountService(clerk).screen(ids["account"]).view
    (hit,) = [h for h in SearchService(clerk).search("01000001").hits]
    assert view.arrears == D("45.30")  # the credit left over is the customer's
    assert (hit.arrears, hit.overdue, hit.current_due, hit.days_overdue) == (
        view.arrears,
        view.overdue,
        view.current_due,
        view.days_overdue,
    )
    # a credit on the unpaid bill lowers what it asks, in both
    adjust_bill(boss, ids["oct"], D("-10.00"), "抄表错误", workstation="WS")
    view = AccountService(clerk).screen(ids["account"]).view
    (hit,) = SearchService(clerk).search("01000001").hits
    assert view.arrears == D("35.30") and hit.arrears == view.arrears
    assert (hit.overdue, hit.current_due) == (view.overdue, view.current_due)


def test_down_to_0032_the_search_is_0024s_and_the_tail_stays_closed(db, login_as):
    ids = populate(db)
    clerk, _ = login_as("clerk")
    boss, _ = login_as("supervisor")
    adjust_bill(boss, ids["june"], D("-30.00"), "多计", workstation="WS")
    downgrade(db, "0032_adjust_screen")
    (hit,) = SearchService(clerk).search("01000001").hits
    assert hit.arrears == D("15.30")  # 0024's: the credit nets against the other bills
    assert _tail_readers(db) == []
    assert refused_state(clerk, "SELECT id_tail FROM accounts") == "42501"
    assert ids["account"] in [h.account_id for h in SearchService(clerk).search("1234").hits]
    migrate(db.engine)  # and up again
    (hit,) = SearchService(clerk).search("01000001").hits
    assert hit.arrears == D("45.30")
