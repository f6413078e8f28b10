"""``counter-app --self-check``: proves an installed build works end to end.
In a temporary directory: demo database, sign-in, main window, a PDF receipt, Qt's translation.
Exit 0 when every check passed, else 1 naming the failing one.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any, TextIO

SELF_CHECK_ACCOUNTS = 30
SELF_CHECK_MONTHS = 2
PDF_FONT_NAMES = (b"WenQuanYi", b"DroidSans")


class CheckFailed(Exception):
    """A check found something wrong; the message says what."""


class SelfCheck:
    """Runs the checks in order; a failure stops the run (later checks need it)."""

    def __init__(self, out: TextIO):
        self.out = out
        self.failed: str | None = None

    def run(self, name: str, check: Callable[[], Any]) -> Any:
        if self.failed is not None:
            return None
        started = time.perf_counter()
        try:
            result = check()
        except Exception as exc:  # report every kind of failure by check name
            self.failed = name
            detail = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            print(f"FAIL {name}: {detail}", file=self.out, flush=True)
            return None
        ms = (time.perf_counter() - started) * 1000
        note = f" ({result})" if isinstance(result, str) and result else ""
        print(f"ok   {name}{note} [{ms:.0f} ms]", file=self.out, flush=True)
        return result


def sample_receipt():
    from counter_app.documents import BillLine, ReceiptData, TenderLine, Utility

    return ReceiptData(
        utility=Utility("自检自来水公司", "自检营业厅", hotline="0000-0000000"),
        receipt_no="SELF-0000001",
        paid_at=datetime(2026, 1, 5, 2, 30, tzinfo=UTC),
        clerk="自检",
        account_no="00-0000-0001",
        customer_name="张伟明",
        address="城关镇解放路123号",
        bills=(BillLine("2025-12", Decimal("12"), Decimal("38.40")),),
        tenders=(TenderLine("cash", Decimal("50.00")),),
        change=Decimal("11.60"),
    )


def check_receipt_pdf(target: Path) -> str:
    from counter_app.documents import receipt_document, render_pdf

    pdf = render_pdf(receipt_document(sample_receipt()))
    if not pdf.startswith(b"%PDF") or len(pdf) < 1000:
        raise CheckFailed(f"not a PDF ({len(pdf)} bytes)")
    if not any(name in pdf for name in PDF_FONT_NAMES):
        raise CheckFailed("the bundled CJK font is not embedded")
    target.write_bytes(pdf)
    return f"{len(pdf)} bytes"


def check_payment(login, target: Path) -> str:
    """As the demo clerk: open a shift, take cash for the oldest open bill of
    an account, and print that payment's receipt to a PDF."""
    import uuid

    from counter_app.documents import receipt_document, render_pdf
    from counter_app.services.audit import Actor
    from counter_app.services.payments.service import PaymentRequest, Tender, TenderInput
    from counter_app.ui.context import build_services
    from counter_app.ui.payments.printing import receipt_data

    clerk, services = login.clerk, build_services(login.database, login.clerk)
    actor = Actor(clerk.username, "SELF-CHECK", clerk.id)
    shift_id = services.shifts.current(clerk.id) or services.shifts.open(
        actor, clerk.hall_code, Decimal("100.00")
    )
    payments = services.payments
    account = next(
        (
            a
            for a in (
                payments.account_for_payment(account_id=i) for i in services.accounts.account_ids()
            )
            if a.bills
        ),
        None,
    )
    if account is None:
        raise CheckFailed("the demo database has no open bill")
    bill = account.bills[0]
    paid = payments.post(
        PaymentRequest(
            client_uuid=str(uuid.uuid4()),
            account_id=account.account_id,
            shift_id=shift_id,
            tenders=(TenderInput(Tender.CASH, bill.outstanding, bill.outstanding + 10),),
            to_bills=bill.outstanding,
            bill_ids=(bill.bill_id,),
            expected_owed=bill.outstanding,
        ),
        actor,
    )
    facts = payments.receipt_facts(paid.payment_id)
    pdf = render_pdf(receipt_document(receipt_data(facts)))
    if not pdf.startswith(b"%PDF") or not any(name in pdf for name in PDF_FONT_NAMES):
        raise CheckFailed("the receipt is not a PDF with the bundled CJK font")
    target.write_bytes(pdf)
    return f"receipt {facts.receipt_no}, {bill.outstanding} yuan, {len(pdf)} bytes"


def check_translations(app, language: str) -> str:
    from counter_app.ui.i18n import install_translators

    loaded = [t.objectName() for t in install_translators(app, language)]
    for wanted in (f"counter_{language}.qm", f"qtbase_{language}.qm"):
        if wanted not in loaded:
            raise CheckFailed(f"{wanted} not found")
    return ", ".join(loaded)


def run_self_check(
    qt_args: list[str], *, language: str = "zh_CN", out: TextIO | None = None
) -> int:
    """The checks, in a throw-away directory; the process exit code."""
    out = out or sys.stdout
    if "-platform" not in qt_args:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory(prefix="counter-selfcheck-") as tmp:
        return _checks(Path(tmp), qt_args, language, out)


def _checks(tmp: Path, qt_args: list[str], language: str, out: TextIO) -> int:
    from PySide6.QtCore import QSettings

    from counter_app.services.auth import Authenticator
    from counter_app.services.installation.embedded import prepare_embedded_database, release_server
    from counter_app.settings import Settings, SettingsStore
    from counter_app.ui.app import qt_application
    from counter_app.ui.context import build_workplace
    from counter_app.ui.fonts import install_app_font
    from counter_app.ui.main_window import MainWindow
    from counter_app.ui.tasks import TaskRunner

    checks = SelfCheck(out)
    app = qt_application(qt_args)
    checks.run("font", lambda: install_app_font(app))
    checks.run("translations", lambda: check_translations(app, language))
    info = checks.run(
        "database",
        lambda: prepare_embedded_database(
            tmp / "postgres", accounts=SELF_CHECK_ACCOUNTS, months=SELF_CHECK_MONTHS
        ),
    )

    def login():
        if info is None or not info.demo_logins:
            raise CheckFailed("the demo database has no demo login")
        demo = info.demo_logins[0]
        return Authenticator(info.url).login(demo.username, demo.password)

    result = checks.run("login", login)
    runner = TaskRunner(app)
    try:

        def main_window() -> str:
            settings = Settings(workstation="SELF-CHECK", language=language)
            workplace = build_workplace(result.clerk, result.database, settings, runner)
            ui_state = QSettings(str(tmp / "window.ini"), QSettings.Format.IniFormat)
            window = MainWindow(workplace, SettingsStore(tmp / "settings.json"), ui_state=ui_state)
            try:
                window.show()
                deadline = time.monotonic() + 5
                while not window.isVisible() and time.monotonic() < deadline:
                    app.processEvents()
                app.processEvents()
                if not window.isVisible():
                    raise CheckFailed("the main window did not show")
                return window.windowTitle()
            finally:
                window.monitor.stop()
                window.close()
                window.deleteLater()
                runner.wait_idle(10_000)

        checks.run("main window", main_window)
        checks.run("receipt pdf", lambda: check_receipt_pdf(tmp / "receipt.pdf"))
        checks.run("payment", lambda: check_payment(result, tmp / "payment.pdf"))
    finally:
        runner.shutdown(5000)
        if result is not None:
            result.database.dispose()
        if info is not None:
            release_server(info.server)
    if checks.failed:
        print(f"self-check FAILED: {checks.failed}", file=out, flush=True)
        return 1
    print("self-check passed", file=out, flush=True)
    return 0
