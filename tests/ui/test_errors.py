"""ui/errors.explain: one sentence for the clerk per kind of failure."""

from __future__ import annotations

from decimal import Decimal

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.exc import OperationalError

from counter_app.domain.errors import CounterError
from counter_app.domain.money import MoneyError
from counter_app.services.accounts.archive import ArchiveError
from counter_app.services.actions import ActionError
from counter_app.services.complaints.types import ComplaintError
from counter_app.services.identity import LoginError, LoginFailure
from counter_app.services.payments.receipt_facts import AccountNotFoundError
from counter_app.services.payments.service import PaymentError, StaleBillsError
from counter_app.services.payments.shifts import ShiftError
from counter_app.services.relief.checks import ReliefError
from counter_app.services.tariffs.admin import TariffError
from counter_app.ui.errors import connection_lost, explain, statement_timeout


def _raised(fn) -> BaseException:
    with pytest.raises(Exception) as info:
        fn()
    return info.value


def test_a_statement_timeout_from_the_server_is_explained_as_such(db):
    def slow():
        with db.engine.connect() as conn:
            conn.execute(text("SET statement_timeout = 50"))
            conn.execute(text("SELECT pg_sleep(2)"))

    error = _raised(slow)
    assert isinstance(error, OperationalError)
    assert statement_timeout(error)
    assert explain(error) == "数据库响应超时。请稍后重试；如果反复出现，请缩小查询范围。"


def test_an_unreachable_database_is_a_lost_connection():
    engine = create_engine(
        "postgresql+psycopg://nobody:secret-pw@127.0.0.1:1/counter",
        connect_args={"connect_timeout": 2},
    )
    error = _raised(engine.connect)
    engine.dispose()
    assert connection_lost(error) and not statement_timeout(error)
    text_ = explain(error)
    assert text_.startswith("与数据库的连接已断开")
    assert "secret-pw" not in text_ and "127.0.0.1" not in text_
    assert explain(LoginError(LoginFailure.UNREACHABLE)) == text_
    assert explain(LoginError(LoginFailure.BAD_CREDENTIALS, "nobody")) == (
        "请求被拒绝（bad_credentials）。请检查输入后重试。"
    )


@pytest.mark.parametrize(
    ("error", "start"),
    [
        (ActionError("CT409", "stale", "", "the figure changed"), "数据在此期间已被更改"),
        (ActionError("CT403", "role", "", "not allowed"), "您无权进行此操作"),
        (PermissionError("reveal"), "您无权进行此操作"),
        (ActionError("CT429", "rate", "", "too many"), "短时间内查询次数过多"),
        (ActionError("CT404", "account", "", "no such account"), "未找到"),
        (LookupError("no such bill"), "未找到"),
        (ActionError("CT423", "locked", "", "busy"), "该记录正在别处被修改"),
    ],
)
def test_refusals_get_their_own_sentence(error, start):
    assert explain(error).startswith(start)


@pytest.mark.parametrize(
    ("error", "sentence"),
    [
        (
            PaymentError("decimals", "12.345 has three decimals", field="amount"),
            "金额：最多两位小数（到分）。",
        ),
        (
            ArchiveError("too_long", "cabinet_no", "at most 20 characters"),
            "档案柜号：太长，请缩短。",
        ),
        (ComplaintError("required", "contact"), "联系电话：必填，请填写。"),
        (MoneyError("negative", "-5"), "请求被拒绝：不能为负数。"),
        (TariffError("tiers[2]", "not above the one before"), "tiers[2]：不被接受，请检查。"),
        (
            ReliefError("valid_to", "expired", "expired 2020-01-01"),
            "valid_to：被拒绝（expired），请检查输入。",
        ),
        (
            ActionError("CT400", "ref_conflict", "", "SELECT secret"),
            "请求被拒绝（ref_conflict）。请检查输入后重试。",
        ),
    ],
)
def test_a_refusal_of_any_service_is_told_by_its_code_and_field(error, sentence):
    assert isinstance(error, CounterError)
    assert explain(error) == sentence


@pytest.mark.parametrize(
    ("error", "start"),
    [
        (StaleBillsError(Decimal("12.00"), []), "数据在此期间已被更改"),
        (ShiftError("stale", "changed", field="shift", kind="conflict"), "数据在此期间已被更改"),
        (AccountNotFoundError("0001234"), "未找到"),
        (ReliefError("supervisor", "role", "no", kind="forbidden"), "您无权进行此操作"),
    ],
)
def test_a_service_refusal_keeps_the_kind_of_the_server(error, start):
    assert explain(error).startswith(start)


def test_a_service_maps_the_servers_refusal_with_its_kind_code_and_field():
    from counter_app.services.relief.service import refusal

    refused = refusal("file_relief", ActionError("CT409", "duplicate", "certificate_no", "x"))
    assert (refused.kind, refused.code, refused.field) == (
        "conflict",
        "duplicate",
        "certificate_no",
    )


def test_anything_else_names_the_error_class_only():
    error = RuntimeError("SELECT secret FROM clerks WHERE password = 'hunter2'")
    assert explain(error) == "请求失败：RuntimeError"


def test_one_printer_error_map_serves_receipts_and_statements():
    from counter_app.documents import PrintError
    from counter_app.ui.payments.messages import print_message
    from counter_app.ui.settings.print_errors import print_error_text

    offline = PrintError("offline", "connection refused", printer="tcp://10.0.0.9:9100")
    assert print_error_text(offline).startswith("打印机 tcp://10.0.0.9:9100：打印机没有响应。")
    assert print_message(offline) == "打印失败：" + print_error_text(offline)
    # anything else than a printer error: explained without its text
    assert print_message(RuntimeError("password=hunter2")) == "打印失败：请求失败：RuntimeError"
