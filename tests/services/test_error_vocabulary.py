"""Every refusal the app raises on purpose (domain, services, documents, export,
settings, the CLI) shares one base (domain/errors.py): a code, a field and a kind."""

from __future__ import annotations

import importlib
import inspect
import pkgutil

import pytest

import counter_app
import counter_app.documents
import counter_app.domain
import counter_app.export
import counter_app.services
from counter_app.domain.errors import CounterError
from counter_app.domain.money import ZERO
from counter_app.domain.tenders import Tender


def _modules():
    packages = (counter_app.domain, counter_app.services, counter_app.documents, counter_app.export)
    for package in packages:
        for info in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
            yield importlib.import_module(info.name)
    for info in pkgutil.iter_modules(counter_app.__path__, "counter_app."):
        if info.name == "counter_app.settings" or info.name.startswith("counter_app.cli"):
            yield importlib.import_module(info.name)


def _error_classes():
    for module in _modules():
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if issubclass(cls, BaseException) and cls.__module__ == module.__name__:
                yield cls


def test_the_walk_finds_the_errors():
    names = {cls.__name__ for cls in _error_classes()}
    assert {"ActionError", "PaymentError", "ReliefError", "MoneyError", "LoginError"} <= names
    assert {"PrintError", "SettingsError", "CliError"} <= names


@pytest.mark.parametrize(
    "cls", sorted(set(_error_classes()), key=lambda c: c.__qualname__), ids=lambda c: c.__qualname__
)
def test_every_error_class_is_a_counter_error(cls):
    assert issubclass(cls, CounterError), f"{cls.__module__}.{cls.__qualname__}"


def test_one_definition_of_the_shared_words():
    from counter_app.documents.layouts import forms
    from counter_app.services.accounts import ledger
    from counter_app.services.payments import service, shifts

    assert ledger.ZERO is ZERO and shifts.ZERO is ZERO and forms.ZERO is ZERO
    assert service.Tender is Tender
    assert shifts.TENDERS == tuple(t.value for t in Tender)


def test_the_leftovers_keep_their_bases_and_their_text():
    from counter_app.cli import CliError
    from counter_app.documents import PrintError
    from counter_app.services.payments.late_fees import LateFeeError
    from counter_app.settings import SettingsError

    offline = PrintError("offline", "no answer", printer="tcp://10.0.0.9")
    assert (offline.code, offline.kind, offline.message) == ("offline", "invalid", "no answer")
    assert str(offline) == "offline: no answer (tcp://10.0.0.9)"
    assert str(PrintError("config", "")) == "config: " and PrintError("not_found", "x").kind == (
        "not_found"
    )
    with pytest.raises(ValueError, match="on_fire"):
        PrintError("on_fire", "no")

    bad = SettingsError("paper_width_mm", "must be 58 or 80")
    assert isinstance(bad, ValueError) and bad.field == "paper_width_mm"
    assert str(bad) == "paper_width_mm: must be 58 or 80"

    plain = CliError("file: x.csv does not exist")
    assert (str(plain), plain.code, plain.field, plain.kind) == (
        "file: x.csv does not exist",
        "invalid",
        None,
        "invalid",
    )
    refused = LateFeeError("too_large", "too many", field="days", kind="conflict")
    passed_on = CliError(f"days: {refused}", of=refused)
    assert str(passed_on) == f"days: {refused}"
    assert (passed_on.code, passed_on.field, passed_on.kind) == ("too_large", "days", "conflict")
