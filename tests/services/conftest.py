"""Fixtures shared by the services tests."""

from tests.support.relief import town  # noqa: F401 - the relief fixture (a module may define its own)
