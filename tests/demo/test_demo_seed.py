"""seed_demo as a whole: determinism, refusals, the bulk-load path."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest
from sqlalchemy import func, select, text

from counter_app.db import models as m
from counter_app.demo import seed, seed_demo
from counter_app.demo.sink import COLUMNS, Sink
from counter_app.domain.periods import Period

END = Period(2025, 6)


def snapshot(db) -> dict[str, list[tuple]]:
    """Sorted content of the business tables (ids included)."""
    wanted = {
        "accounts": COLUMNS["accounts"],
        "meters": COLUMNS["meters"],
        "readings": COLUMNS["readings"],
        "bills": COLUMNS["bills"],
        "bill_lines": COLUMNS["bill_lines"],
        "payments": COLUMNS["payments"],
        "payment_tenders": COLUMNS["payment_tenders"],
        "allocations": COLUMNS["allocations"],
        "prepayment_ledger": COLUMNS["prepayment_ledger"],
        "relief_applications": COLUMNS["relief_applications"],
        "complaints": COLUMNS["complaints"],
        "shift_closes": COLUMNS["shift_closes"],
    }
    out = {}
    with db.read() as s:
        for table, cols in wanted.items():
            t = m.Base.metadata.tables[table]
            out[table] = sorted(s.execute(select(*(t.c[c] for c in cols))).all())
    return out


def test_columns_cover_every_model_column():
    for table, columns in COLUMNS.items():
        model = m.Base.metadata.tables[table]
        assert sorted(columns) == sorted(c.name for c in model.columns), table
        assert len(set(columns)) == len(columns)


def test_same_seed_same_data_other_seed_other_data(db, fresh_db):
    seed_demo(db, accounts=100, months=2, seed=5, end_period=END)
    twin = fresh_db()
    seed_demo(twin, accounts=100, months=2, seed=5, end_period=END)
    first = snapshot(db)
    assert first == snapshot(twin)
    assert all(first[t] for t in ("accounts", "bills", "payments", "bill_lines"))
    other = fresh_db()
    seed_demo(other, accounts=100, months=2, seed=6, end_period=END)
    different = snapshot(other)
    for table in ("accounts", "bills", "payments"):
        assert different[table] != first[table]


BAD_ARGUMENTS = [
    (dict(accounts=0, months=2), "accounts must be at least 1"),
    (dict(accounts=10, months=0), "months must be between 1 and 60"),
    (dict(accounts=10, months=61), "months must be between 1 and 60"),
    (dict(accounts=True, months=2), "accounts must be a whole number"),
    (dict(accounts=10, months=2, end_period=Period(9000, 1)), "has not ended yet"),
    (dict(accounts=10, months=2, end_period=Period.from_date(date.today())), "has not ended"),
    (dict(accounts=10, months=60, end_period=Period(2004, 1)), "before 2000-02"),
]


def test_refusals_failure_default_end_period_and_progress(db, monkeypatch):
    for kwargs, message in BAD_ARGUMENTS:
        with pytest.raises(ValueError, match=message):
            seed_demo(db, seed=1, **({"end_period": END} | kwargs))

    original = Sink.write

    def failing(self, table, rows, **kw):
        if table == "bills":
            raise RuntimeError("disk full")
        return original(self, table, rows, **kw)

    with monkeypatch.context() as patch:  # a failure leaves the database untouched
        patch.setattr(Sink, "write", failing)
        with pytest.raises(RuntimeError, match="disk full"):
            seed_demo(db, accounts=30, months=2, seed=1, end_period=END)
    with db.read() as s:
        for model in (m.Account, m.Hall, m.Clerk):
            assert s.execute(select(func.count()).select_from(model)).scalar_one() == 0

    calls = []
    report = seed_demo(
        db,
        accounts=15,
        months=1,
        seed=3,
        progress=lambda stage, done, total: calls.append((stage, done, total)),
    )
    assert report.end_period == Period.from_date(date.today()).prev()
    assert ("accounts", 15, 15) in calls and calls[0][0] == "reference"
    assert report.total_rows == sum(report.counts.values())
    assert dataclasses.asdict(report)["counts"]["accounts"] == 15  # what the CLI prints

    with pytest.raises(ValueError, match="already has accounts"):
        seed_demo(db, accounts=20, months=1, seed=2, end_period=END)
    with db.read() as s:
        assert s.execute(select(func.count()).select_from(m.Account)).scalar_one() == 15


def _schema_objects(db):
    with db.read() as s:
        indexes = s.execute(
            text(
                "SELECT tablename, indexname, indexdef FROM pg_indexes "
                "WHERE schemaname = 'public' ORDER BY 1, 2"
            )
        ).all()
        fks = s.execute(
            text(
                "SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid), convalidated "
                "FROM pg_constraint WHERE contype = 'f' ORDER BY 1, 2"
            )
        ).all()
    return indexes, fks


def test_bulk_and_plain_paths_write_the_same_data(db, fresh_db, monkeypatch):
    """Inline generation with all checks live, and generation in a second
    process with foreign keys and indexes suspended: the same rows."""
    bulk_db = fresh_db()
    plain = seed_demo(db, accounts=100, months=2, seed=4, end_period=END)
    assert "generate" in plain.phase_seconds
    before = _schema_objects(bulk_db)
    monkeypatch.setattr(seed, "SUSPEND_CHECKS_FROM", 1)
    monkeypatch.setattr(seed, "PROCESS_FROM", 1)
    bulk = seed_demo(bulk_db, accounts=100, months=2, seed=4, end_period=END)
    assert "wait_for_generator" in bulk.phase_seconds and "restore_indexes" in bulk.phase_seconds
    assert _schema_objects(bulk_db) == before  # indexes and foreign keys are back
    assert snapshot(db) == snapshot(bulk_db)
    assert plain.counts == bulk.counts
    with bulk_db.read() as s:  # sequences continue after the assigned ids
        for table in ("accounts", "bills", "payments", "prepayment_ledger", "shifts"):
            nxt = s.execute(text(f"SELECT nextval(pg_get_serial_sequence('{table}', 'id'))"))
            top = s.execute(text(f"SELECT max(id) FROM {table}")).scalar_one()
            assert nxt.scalar_one() > top
