"""Rolling 0029 back keeps the bank account numbers closed: its downgrade
used to write back 0028's counter_withholding_due, which lists every full
number to the batch login without an audit row. Now the masked list stays
at 0028 (the rolled-back client's export fails for lack of numbers rather
than leaking them); up again, the audited export works as before."""

from __future__ import annotations

import json
from datetime import date

from sqlalchemy import text

from counter_app.db.migrate import MIGRATIONS_DIR, frozen_function, migrate
from counter_app.services.actions import call
from counter_app.services.channels.withholding_files import export_withholding
from tests.support import withholding as withholding_fixtures
from tests.support.database import downgrade
from tests.support.payments import books
from tests.support.withholding import NUMBERS, _sign_all, numbers_audits

hall = withholding_fixtures.hall  # the fixture


def _due(h) -> str:
    return json.dumps(call(h.batch, "withholding_due", "ABC", "2026-11"), default=str)


def test_down_to_0028_the_batch_gets_no_full_number(hall, tmp_path):
    _sign_all(hall)
    downgrade(hall.db, "0028_whoami")
    with hall.db.read() as s:
        body = s.execute(
            text(
                "SELECT prosrc FROM pg_proc "
                "WHERE oid = 'counter_withholding_due(text, text)'::regprocedure"
            )
        ).scalar_one()
    masked = frozen_function(
        MIGRATIONS_DIR / "versions" / "0029_leftovers.sql", "counter_withholding_due"
    )
    assert body == masked[masked.index("AS $$") + 5 : masked.rindex("$$;")]
    assert not any(n in _due(hall) for n in NUMBERS.values())
    items = call(hall.batch, "withholding_due", "ABC", "2026-11")["items"]
    assert {i["bank_account_masked"] for i in items} >= {"6228***********8901"}
    assert not any("bank_account" in i for i in items)

    migrate(hall.db.engine)  # up again: the audited export as before
    assert not any(n in _due(hall) for n in NUMBERS.values())
    report = export_withholding(
        hall.batch, "ABC", "2026-11", tmp_path / "abc.txt", today=date(2026, 12, 4)
    )
    assert report.count == 3
    assert [a["count"] for a in numbers_audits(hall.db)] == [3]
    assert books(hall.db) == []
