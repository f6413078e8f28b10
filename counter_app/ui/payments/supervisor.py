"""A supervisor approves at this workstation (a reversal, a late-fee waiver): one action on
their own one connection (the server checks the password and ``session_user``), closed.
Design: docs/architecture.md ("Calling an action")"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QCoreApplication

from counter_app.domain.errors import CounterError
from counter_app.services.auth import LoginError, LoginFailure
from counter_app.ui.context import Services, Workplace

R = TypeVar("R")

# the action's refusals of a login that is a clerk but no supervisor: the
# caller check (counter_caller('supervisor'): ``role``) or no EXECUTE (``privilege``)
NOT_A_SUPERVISOR_CODES = ("role", "privilege", "supervisor")


def as_supervisor(
    workplace: Workplace,
    username: str,
    password: str,
    refusal: Callable[..., Exception],
    action: Callable[[Services], R],
) -> R:
    """Worker: ``action`` with the services on the supervisor's own one
    connection (actions only), which is then closed. A wrong password, an
    unreachable server or a login that is no clerk here: :class:`LoginError`
    (:func:`sign_in_text`). ``refusal(code, message, field=…)`` builds the
    caller's error for no sign-in here (``no_authenticator``) and for a login
    that the action refused as no supervisor (``supervisor``)."""
    authenticator = workplace.authenticator
    if authenticator is None:
        raise refusal("no_authenticator", "supervisors cannot sign in here", field="supervisor")
    try:
        return authenticator.act_as(
            username, password, lambda database: action(workplace.services_of(database))
        )
    except CounterError as refused:
        if isinstance(refused, LoginError) or refused.code not in NOT_A_SUPERVISOR_CODES:
            raise
        raise refusal("supervisor", "a supervisor must approve", field="supervisor") from None


def sign_in_text(error: LoginError) -> str:
    """Why the supervisor's sign-in was refused, for the dialog's status line."""
    if error.failure is LoginFailure.UNREACHABLE:
        return QCoreApplication.translate(
            "SupervisorSignIn", "The database does not answer; try again."
        )
    return QCoreApplication.translate("SupervisorSignIn", "Supervisor: wrong username or password.")
