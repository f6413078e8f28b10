"""Fixtures shared by the payment screen tests."""

from tests.support.payment_counter import supervisor  # noqa: F401 - fixture
from tests.support.payment_faults import no_auto_retry, state  # noqa: F401 - fixtures
