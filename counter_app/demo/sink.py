"""Bulk writer of the demo: COPY (text format) on the session's connection, one transaction.
Design: docs/demo.md
"""

from __future__ import annotations

import queue
import threading
import time
from collections.abc import Iterable, Sequence

from sqlalchemy import text
from sqlalchemy.orm import Session

from counter_app.demo.columns import CHUNK_TABLES, COLUMNS, STAGED
from counter_app.demo.copytext import to_copy_text

__all__ = ["CHUNK_TABLES", "COLUMNS", "STAGED", "Pipeline", "Sink"]

_STAGE_PREFIX = "_demo_stage_"


class Sink:
    """Writes row batches into the open transaction of ``session``."""

    def __init__(self, session: Session):
        self.session = session
        self.conn = session.connection()
        self.counts: dict[str, int] = {}
        self.seconds: dict[str, float] = {}  # time spent writing, per table
        self._suspended_indexes: list[str] = []
        self._suspended_triggers: list[str] = []
        self._suspended_fks: list[str] = []
        self._raw = self.conn.connection.driver_connection

    # ----------------------------------------------------------- plain tables

    def write(
        self, table: str, rows: Sequence[tuple] | tuple[str, int], *, target: str | None = None
    ) -> None:
        """Insert ``rows`` (tuples, or ``(copy_text, row_count)``)."""
        if not rows:
            return
        started = time.perf_counter()
        columns = COLUMNS[table]
        name = target or table
        if isinstance(rows, tuple):  # already COPY text
            text_rows, count = rows
        else:
            text_rows, count = to_copy_text(table, rows), len(rows)
        if count:
            with self._raw.cursor() as cur:
                with cur.copy(f"COPY {name} ({', '.join(columns)}) FROM STDIN") as copy:
                    copy.write(text_rows)
        if target is None:
            self.counts[table] = self.counts.get(table, 0) + count
        self.seconds[table] = self.seconds.get(table, 0.0) + time.perf_counter() - started

    # ----------------------------------------------------------- staging

    def start_staging(self) -> None:
        for table in STAGED:
            stage = _STAGE_PREFIX + table
            self.conn.execute(text(f"CREATE TEMP TABLE {stage} (LIKE {table}) ON COMMIT DROP"))

    def stage(self, table: str, rows: Sequence[tuple] | tuple[str, int]) -> None:
        self.write(table, rows, target=_STAGE_PREFIX + table)
        count = rows[1] if isinstance(rows, tuple) else len(rows)
        self.counts[table] = self.counts.get(table, 0) + count

    def finish_payments(self) -> dict[str, int]:
        """Move staged rows into the real tables; returns each series' next_no."""
        started = time.perf_counter()
        cols = [c for c in COLUMNS["payments"] if c != "receipt_no"]
        plain = ", ".join(cols)
        selected = ", ".join(f"p.{c}" for c in cols)
        stage = _STAGE_PREFIX + "payments"
        self.conn.execute(
            text(
                f"INSERT INTO payments ({plain}, receipt_no) "
                f"SELECT {selected}, s.next_no - 1 + row_number() OVER "
                f"(PARTITION BY p.series_code ORDER BY p.created_at, p.id) "
                f"FROM {stage} p JOIN receipt_series s ON s.code = p.series_code"
            )
        )
        for table, order in (
            ("payment_tenders", "payment_id, line_no"),
            ("allocations", "payment_id, bill_id"),
            ("prepayment_ledger", "id"),
        ):
            columns = ", ".join(COLUMNS[table])
            self.conn.execute(
                text(
                    f"INSERT INTO {table} ({columns}) SELECT {columns} "
                    f"FROM {_STAGE_PREFIX}{table} ORDER BY {order}"
                )
            )
        self.conn.execute(
            text(
                "UPDATE receipt_series SET next_no = ("
                "SELECT max(p.receipt_no) + 1 FROM payments p "
                "WHERE p.series_code = receipt_series.code) "
                "WHERE EXISTS (SELECT 1 FROM payments p WHERE p.series_code = receipt_series.code)"
            )
        )
        rows = self.conn.execute(text("SELECT code, next_no FROM receipt_series")).all()
        self.seconds["finish_payments"] = time.perf_counter() - started
        return {code: int(n) for code, n in rows}

    # ----------------------------------------------------------- indexes

    def suspend_checks(self, tables: Iterable[str], keep_indexes: Iterable[str] = ()) -> None:
        """Drop the foreign keys of ``tables`` and the plain
        secondary indexes of those not in ``keep_indexes`` for the load,
        remembering their definitions; :meth:`restore_checks` puts them back
        in the same transaction.

        This is what pg_restore does: re-adding a foreign key validates it
        with one join instead of one lookup per row, and building an index
        once is cheaper than maintaining it row by row. Primary keys and
        unique constraints stay. Only done when the connected role owns every
        table (the owner role, or a superuser); otherwise every check stays
        live and the load is merely slower.
        """
        names = list(tables)
        owns_all = self.conn.execute(
            text(
                "SELECT bool_and(pg_has_role(current_user, c.relowner, 'USAGE')) "
                "FROM pg_class c WHERE c.oid = ANY(CAST(:tables AS regclass[]))"
            ),
            {"tables": names},
        ).scalar_one()
        if not owns_all:
            return
        indexed = [t for t in names if t not in set(keep_indexes)]
        fks = self.conn.execute(
            text(
                "SELECT c.conrelid::regclass::text, c.conname, pg_get_constraintdef(c.oid) "
                "FROM pg_constraint c WHERE c.contype = 'f' "
                "AND c.conrelid = ANY(CAST(:tables AS regclass[])) ORDER BY 1, 2"
            ),
            {"tables": names},
        ).all()
        indexes = self.conn.execute(
            text(
                "SELECT c.relname, pg_get_indexdef(i.indexrelid) "
                "FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid "
                "WHERE i.indrelid = ANY(CAST(:tables AS regclass[])) "
                "AND NOT i.indisprimary AND NOT i.indisunique "
                "AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid) "
                "ORDER BY c.relname"
            ),
            {"tables": indexed},
        ).all()
        for table, name, definition in fks:
            self.conn.exec_driver_sql(f'ALTER TABLE {table} DROP CONSTRAINT "{name}"')
            self._suspended_fks.append(f'ALTER TABLE {table} ADD CONSTRAINT "{name}" {definition}')
        for name, ddl in indexes:
            self.conn.exec_driver_sql(f'DROP INDEX "{name}"')
            self._suspended_indexes.append(ddl)
        # the books' deferred constraint triggers (migration 0012) check row by
        # row at COMMIT; a load checks the books once, set-wise, instead
        books = self.conn.execute(
            text(
                "SELECT t.tgrelid::regclass::text, t.tgname FROM pg_trigger t "
                "WHERE t.tgrelid = ANY(CAST(:tables AS regclass[])) AND NOT t.tgisinternal "
                "AND t.tgconstraint <> 0 ORDER BY 1, 2"
            ),
            {"tables": names},
        ).all()
        for table, name in books:
            self.conn.exec_driver_sql(f'ALTER TABLE {table} DISABLE TRIGGER "{name}"')
            self._suspended_triggers.append(f'ALTER TABLE {table} ENABLE TRIGGER "{name}"')

    def restore_checks(self) -> None:
        started = time.perf_counter()
        if self._suspended_indexes or self._suspended_fks:
            self.conn.exec_driver_sql("SET LOCAL maintenance_work_mem = '256MB'")
        while self._suspended_indexes:
            self.conn.exec_driver_sql(self._suspended_indexes.pop(0))
        self.seconds["restore_indexes"] = time.perf_counter() - started
        started = time.perf_counter()
        while self._suspended_fks:
            self.conn.exec_driver_sql(self._suspended_fks.pop(0))
        self.seconds["restore_foreign_keys"] = time.perf_counter() - started
        if self._suspended_triggers:
            started = time.perf_counter()
            while self._suspended_triggers:
                self.conn.exec_driver_sql(self._suspended_triggers.pop(0))
            broken = self.conn.exec_driver_sql("SELECT * FROM counter_books_check()").all()
            if broken:
                raise RuntimeError(f"the loaded books do not hold: {broken[:5]}")
            self.seconds["check_books"] = time.perf_counter() - started

    # ----------------------------------------------------------- sequences

    def set_sequences(self, tables: Iterable[str]) -> None:
        """Move each id sequence past the ids assigned here: ``setval``
        (needs UPDATE on the sequence, which owners and superusers have), else
        as many ``nextval`` as it takes (USAGE, which every Counter role has)."""
        for table in tables:
            seq, top, can_set = self.conn.execute(
                text(
                    f"SELECT s.seq, (SELECT max(id) FROM {table}), "
                    "has_sequence_privilege(s.seq, 'UPDATE') "
                    f"FROM (SELECT pg_get_serial_sequence('{table}', 'id') AS seq) s"
                )
            ).one()
            if top is None:
                continue
            if can_set:
                self.conn.execute(text("SELECT setval(:seq, :top)"), {"seq": seq, "top": top})
            else:
                current = self.conn.execute(text("SELECT nextval(:seq)"), {"seq": seq})
                missing = top - current.scalar_one()
                if missing > 0:
                    self.conn.execute(
                        text("SELECT max(nextval(:seq)) FROM generate_series(1, :n)"),
                        {"seq": seq, "n": missing},
                    )


class Pipeline:
    """Write chunks on a background thread while the next one is generated.

    PostgreSQL works on the rows of chunk *n* (COPY, on its own CPU) while
    Python generates chunk *n + 1*; psycopg releases the GIL while it waits
    for the server. The connection is used by the writer thread only, until
    :meth:`close` has joined it. At most ``depth`` chunks wait in the queue,
    so memory stays flat. With ``threaded=False`` chunks are written on the
    calling thread.
    """

    def __init__(self, sink: Sink, *, threaded: bool, depth: int = 1):
        self.sink = sink
        self._error: BaseException | None = None
        self._queue: queue.Queue | None = None
        self._thread: threading.Thread | None = None
        if threaded:
            self._queue = queue.Queue(maxsize=depth)
            self._thread = threading.Thread(target=self._run, name="seed-demo-writer", daemon=True)
            self._thread.start()

    def _write(self, rows: dict[str, list]) -> None:
        for table in CHUNK_TABLES:
            self.sink.write(table, rows[table])
        for table in STAGED:
            self.sink.stage(table, rows[table])

    def _run(self) -> None:
        assert self._queue is not None
        while True:
            rows = self._queue.get()
            if rows is None:
                return
            if self._error is None:
                try:
                    self._write(rows)
                except BaseException as exc:  # noqa: BLE001 - re-raised on the caller's thread
                    self._error = exc

    def _check(self) -> None:
        if self._error is not None:
            raise self._error

    def put(self, rows: dict[str, list]) -> None:
        if self._queue is None:
            self._write(rows)
            return
        self._check()
        self._queue.put(rows)

    def close(self) -> None:
        """Wait for the queued chunks; raise the writer's error, if any."""
        if self._queue is not None and self._thread is not None:
            self._queue.put(None)
            self._thread.join()
            self._queue = None
        self._check()
