"""Every refusal the services and the domain raise on purpose shares one base
(domain/errors.py): a code, a field and a kind the UI can explain."""

from __future__ import annotations

import importlib
import inspect
import pkgutil

import pytest

import counter_app.domain
import counter_app.services
from counter_app.domain.errors import CounterError
from counter_app.domain.money import ZERO
from counter_app.domain.tenders import Tender


def _modules():
    for package in (counter_app.domain, counter_app.services):
        for info in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
            yield importlib.import_module(info.name)


def _error_classes():
    for module in _modules():
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if issubclass(cls, BaseException) and cls.__module__ == module.__name__:
                yield cls


def test_the_walk_finds_the_errors():
    names = {cls.__name__ for cls in _error_classes()}
    assert {"ActionError", "PaymentError", "ReliefError", "MoneyError", "LoginError"} <= names


@pytest.mark.parametrize(
    "cls", sorted(set(_error_classes()), key=lambda c: c.__qualname__), ids=lambda c: c.__qualname__
)
def test_every_error_class_is_a_counter_error(cls):
    assert issubclass(cls, CounterError), f"{cls.__module__}.{cls.__qualname__}"


def test_one_definition_of_the_shared_words():
    from counter_app.services.accounts import ledger
    from counter_app.services.payments import service, shifts

    assert ledger.ZERO is ZERO and shifts.ZERO is ZERO
    assert service.Tender is Tender
    assert shifts.TENDERS == tuple(t.value for t in Tender)
