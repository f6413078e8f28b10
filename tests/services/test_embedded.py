from __future__ import annotations

import pytest
from sqlalchemy import func, select

from counter_app.db.engine import Database
from counter_app.db.models import Account, Clerk
from counter_app.services.auth import Authenticator, hash_password
from counter_app.services.embedded import prepare_embedded_database


def test_first_start_creates_and_fills_then_only_migrates(tmp_path):
    url = f"sqlite:///{tmp_path / 'data' / 'counter.sqlite3'}"
    first = prepare_embedded_database(url, accounts=40, months=3)
    assert first.created
    assert {(d.username, d.role) for d in first.demo_logins} >= {("clerk01", "clerk"), ("super01", "supervisor")}
    second = prepare_embedded_database(url, accounts=40, months=3)
    assert not second.created
    db = Database.from_url(url)
    with db.read() as s:
        assert s.execute(select(func.count()).select_from(Account)).scalar_one() == 40
    db.dispose()
    # the hint on the login screen is true: the demo login works
    login = first.demo_logins[0]
    result = Authenticator(url).login(login.username, login.password)
    assert result.clerk.username == login.username


def test_changed_demo_password_is_no_longer_advertised(tmp_path):
    url = f"sqlite:///{tmp_path / 'counter.sqlite3'}"
    prepare_embedded_database(url, accounts=20, months=2)
    db = Database.from_url(url)
    with db.write() as s:
        clerk = s.execute(select(Clerk).where(Clerk.username == "clerk01")).scalar_one()
        clerk.password_hash = hash_password("a real secret")
    db.dispose()
    info = prepare_embedded_database(url)
    assert "clerk01" not in {d.username for d in info.demo_logins}


def test_postgres_is_never_prepared_automatically():
    with pytest.raises(ValueError, match="embedded"):
        prepare_embedded_database("postgresql://nobody@127.0.0.1:1/counter")
