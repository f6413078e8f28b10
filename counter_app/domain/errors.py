"""The one base of every refusal the app raises on purpose: a code, a field and a kind.
Design: docs/architecture.md ("Shared vocabulary")
"""

from __future__ import annotations

from typing import Final

__all__ = ["ERROR_KINDS", "CounterError", "FieldError"]

# What kind of refusal: the action's SQLSTATE says it for the database's
# refusals (services/actions.py); a service's own checks are "invalid".
ERROR_KINDS: Final = frozenset(
    {"invalid", "forbidden", "not_found", "conflict", "locked", "rate_limited"}
)


class CounterError(Exception):
    """A refusal: ``code`` why (e.g. ``"amount_invalid"``, ``"stale"``),
    ``field`` the form field or import column at fault (``None``, or ``""``
    in the errors that always had a text field, when it concerns none),
    ``message`` the English detail for logs and the CLI, ``kind`` one of
    :data:`ERROR_KINDS`.

    ``str()`` is the message; a subclass may say more (the field first).
    """

    code: str
    field: str | None
    message: str
    kind: str = "invalid"

    def __init__(
        self,
        code: str,
        message: str = "",
        *,
        field: str | None = None,
        kind: str | None = None,
    ) -> None:
        super().__init__(message or code)
        self.code = code
        self.field = field
        self.message = message or code
        if kind is not None:
            if kind not in ERROR_KINDS:
                raise ValueError(f"unknown error kind {kind!r}")
            self.kind = kind


class FieldError(CounterError, ValueError):
    """Refused input whose ``field`` (the argument or column at fault) comes first, also in
    ``str()``: ``"prefix: at most 8 letters or digits"``."""

    field: str

    def __init__(
        self, field: str, message: str, code: str = "invalid", *, kind: str | None = None
    ) -> None:
        super().__init__(code, message, field=field, kind=kind)

    def __str__(self) -> str:
        return f"{self.field}: {self.message}"
