"""A supervisor sees every shift of the day in the hall; a plain clerk does
not."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt
from sqlalchemy import update

from counter_app.db import models as m
from counter_app.services.audit import Actor
from counter_app.services.payments.shifts import ShiftService
from counter_app.ui.dayclose.models import RECORD_ROLE, ShiftsOfDayModel
from counter_app.ui.dayclose.page import SHIFT_PAGE
from tests.support.dayclose_till import make_till

D = Decimal
C = ShiftsOfDayModel.Columns


def _other_clerks_shifts(db, login_as) -> tuple[int, int]:
    """王五 (closed, 10.00 over) and 赵六 (open), each on their own login."""
    (wang_db, wang), (zhao_db, zhao) = login_as("clerk"), login_as("clerk")
    with db.write() as s:
        for clerk, name in ((wang, "王五"), (zhao, "赵六")):
            s.execute(update(m.Clerk).where(m.Clerk.id == clerk.id).values(display_name=name))
    wang_actor, zhao_actor = (
        Actor(wang.username, "WS-02", wang.id),
        Actor(zhao.username, "WS-03", zhao.id),
    )
    closed = ShiftService(wang_db).open(wang_actor, "HQ", D("100.00"))
    ShiftService(wang_db).close(
        closed, wang_actor, cash_counts={D("50"): 2, D("10"): 1}, reason="多收十元未找"
    )
    still_open = ShiftService(zhao_db).open(zhao_actor, "HQ", D("50.00"))
    return closed, still_open


def test_supervisor_sees_the_halls_shifts_of_the_day(db, login_as, qtbot, runner):
    till = make_till(db, login_as, qtbot, runner, role="supervisor")
    page = till.page
    assert page.ui.hallGroup.isVisible()
    assert till.workplace.runner.wait_idle(15_000)
    closed, still_open = _other_clerks_shifts(db, login_as)
    model = page.shifts_model
    assert model.rowCount() == 0
    qtbot.keyClick(page.ui.floatEdit, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: model.rowCount() == 2, timeout=15_000)
    rows = {model.index(r, C.CLERK).data(): r for r in range(model.rowCount())}
    wang, zhao = rows["王五"], rows["赵六"]
    assert model.index(wang, C.CLERK).data(RECORD_ROLE).totals.shift_id == closed
    assert model.index(wang, C.STATE).data().endswith("已结账")
    assert model.index(wang, C.COUNTED).data() == "110.00"
    assert model.index(wang, C.VARIANCE).data() == "10.00"
    assert model.index(wang, C.VARIANCE).data(Qt.ItemDataRole.ForegroundRole) is not None
    assert model.index(wang, C.CLERK).data(Qt.ItemDataRole.ToolTipRole) == "多收十元未找"
    assert model.index(zhao, C.STATE).data() == "未结账"
    assert model.index(zhao, C.EXPECTED).data() == "50.00"
    assert model.index(zhao, C.VARIANCE).data() == ""
    assert model.index(zhao, C.WORKSTATION).data() == "WS-03"
    assert model.index(zhao, C.CLERK).data(RECORD_ROLE).totals.shift_id == still_open
    assert model.headerData(C.WECHAT, Qt.Orientation.Horizontal) == "微信"

    # the supervisor opens a shift too: the list follows (F5 is not even needed)
    qtbot.keyClicks(page.ui.floatEdit, "80")
    qtbot.keyClick(page.ui.floatEdit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.ui.stack.currentIndex() == SHIFT_PAGE, timeout=15_000)
    qtbot.waitUntil(lambda: model.rowCount() == 3, timeout=15_000)


def test_a_clerk_does_not_see_the_halls_shifts(db, login_as, qtbot, runner):
    till = make_till(db, login_as, qtbot, runner)
    _other_clerks_shifts(db, login_as)
    assert not till.page.ui.hallGroup.isVisible()
    qtbot.keyClick(till.page.ui.floatEdit, Qt.Key.Key_F5)
    assert till.workplace.runner.wait_idle(15_000)
    assert till.page.shifts_model.rowCount() == 0
