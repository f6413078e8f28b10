"""The desks of benchmarks/roundtrips_bench.py: a clerk and a supervisor signed in
with their own PostgreSQL login roles (as the app does), and the services the
UI builds for them (counter_app/ui/context.py, the pages that make their own)."""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass

import psycopg

from counter_app.db.engine import Database
from counter_app.services.accounts.search import SearchService
from counter_app.services.accounts.service import AccountService
from counter_app.services.audit import Actor
from counter_app.services.auth import Authenticator, ClerkIdentity
from counter_app.services.complaints.corrections import CorrectionService
from counter_app.services.complaints.outages import OutageService
from counter_app.services.complaints.service import ComplaintService
from counter_app.services.installation.clerks import create_clerk
from counter_app.services.payments.service import PaymentService
from counter_app.services.payments.shifts import ShiftService
from counter_app.services.relief.service import ReliefService


@dataclass
class Desk:
    """A clerk and a supervisor signed in at one workstation (direct or proxied)."""

    name: str
    db: Database
    sup_db: Database
    clerk: ClerkIdentity
    sup: ClerkIdentity
    password: str
    authenticator: Authenticator
    raw: psycopg.Connection
    accounts_free: list[int]
    households_free: list[int]
    name_query: str
    account_no: str
    area: str
    _serial: int = 0

    def __post_init__(self) -> None:
        self.actor = Actor(self.clerk.username, f"RT-{self.name}", self.clerk.id)
        self.sup_actor = Actor(self.sup.username, f"RT-{self.name}", self.sup.id)
        self.search = SearchService(self.db)
        self.accounts = AccountService(self.db)
        self.payments = PaymentService(self.db, hall_code=self.clerk.hall_code)
        self.shifts = ShiftService(self.db)
        self.relief = ReliefService(self.db)
        self.relief_sup = ReliefService(self.sup_db)
        self.complaints = ComplaintService(self.db)
        self.corrections = CorrectionService(self.db)
        self.corrections_sup = CorrectionService(self.sup_db)
        self.outages_sup = OutageService(self.sup_db)

    def account(self) -> int:
        return self.accounts_free.pop()

    def household(self) -> int:
        return self.households_free.pop()

    def serial(self) -> int:
        self._serial += 1
        return self._serial

    def close(self) -> None:
        self.raw.close()
        self.db.dispose()
        self.sup_db.dispose()


def sign_in(url, username: str, password: str):
    return Authenticator(url.set(username=None, password=None)).login(username, password)


def make_desk(
    name: str, url, admin: Database, accounts: list[int], households: list[int], facts: dict
) -> Desk:
    password = secrets.token_urlsafe(12)
    logins = []
    for role in ("clerk", "supervisor"):
        username = f"rt{os.getpid()}_{name}_{role[:3]}"
        create_clerk(
            admin,
            username=username,
            display_name=f"压测{role}",
            role=role,
            hall_code="JX01",
            password=password,
        )
        logins.append(sign_in(url, username, password))
    raw_url = url.set(drivername="postgresql", username=logins[0].clerk.username, password=password)
    raw = psycopg.connect(raw_url.render_as_string(hide_password=False), autocommit=True)
    return Desk(
        name,
        logins[0].database,
        logins[1].database,
        logins[0].clerk,
        logins[1].clerk,
        password,
        Authenticator(url.set(username=None, password=None)),
        raw,
        accounts,
        households,
        **facts,
    )
