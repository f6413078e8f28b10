"""A supervisor approves at this workstation (a reversal, a late-fee waiver):
signed in with their own login for one action, which runs on their connection
(the database checks ``session_user``), then let go."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QCoreApplication

from counter_app.services.auth import ClerkIdentity, LoginError, LoginFailure
from counter_app.ui.context import Services, Workplace

R = TypeVar("R")


def as_supervisor(workplace: Workplace, username: str, password: str,
                  refusal: Callable[..., Exception],
                  action: Callable[[Services, ClerkIdentity], R]) -> R:
    """Worker: sign the supervisor in, run ``action`` with their services,
    dispose of the connection. ``refusal(code, message, field=…)`` builds the
    caller's error for no sign-in here and for a login that is no supervisor."""
    authenticator = workplace.authenticator
    if authenticator is None:
        raise refusal("no_authenticator", "supervisors cannot sign in here", field="supervisor")
    login = authenticator.login(username, password)
    try:
        if not login.clerk.has_role("supervisor"):
            raise refusal("supervisor", "a supervisor must approve", field="supervisor")
        return action(workplace.services_of(login), login.clerk)
    finally:
        login.database.dispose()


def sign_in_text(error: LoginError) -> str:
    """Why the supervisor's sign-in was refused, for the dialog's status line."""
    if error.failure is LoginFailure.UNREACHABLE:
        return QCoreApplication.translate("SupervisorSignIn",
                                          "The database does not answer; try again.")
    return QCoreApplication.translate("SupervisorSignIn",
                                      "Supervisor: wrong username or password.")
