"""Where demo chunks come from: this process, or a spawned generator process.
Design: docs/demo.md
"""

from __future__ import annotations

import multiprocessing
import queue
import traceback
from collections.abc import Iterator
from dataclasses import dataclass, replace

from counter_app.demo.chunk import CHUNK_SIZE, generate_chunk
from counter_app.demo.context import Context, IdCounters
from counter_app.demo.copytext import to_copy_text
from counter_app.demo.reference import Reference
from counter_app.demo.timeline import ShiftPlan, Window
from counter_app.domain.tariffs import Tariff

__all__ = ["InlineSource", "ProcessSource", "Setup", "SourceState"]

Payload = dict[str, tuple[str, int]]  # table -> (copy text, row count)


@dataclass(frozen=True)
class Setup:
    window: Window
    seed: int
    accounts: int
    reference: Reference
    plan: ShiftPlan
    first_ids: dict[str, int]


@dataclass(frozen=True)
class SourceState:
    """What the parent needs after the last chunk."""

    next_ids: dict[str, int]
    shift_totals: dict[int, dict[str, int]]


def _payload(rows: dict[str, list]) -> Payload:
    return {t: (to_copy_text(t, r), len(r)) for t, r in rows.items()}


def _chunks(setup: Setup) -> Iterator[tuple[int, Payload] | SourceState]:
    ctx = Context(setup.window, setup.reference, setup.plan, IdCounters(dict(setup.first_ids)))
    done = chunk_no = 0
    while done < setup.accounts:
        count = min(CHUNK_SIZE, setup.accounts - done)
        rows = generate_chunk(ctx, setup.seed, chunk_no, count)
        done += count
        chunk_no += 1
        yield count, _payload(rows)
    yield SourceState(dict(ctx.ids.next), {k: dict(v) for k, v in ctx.shift_totals.items()})


class InlineSource:
    """Generate in this process (small loads)."""

    def __init__(self, setup: Setup):
        self._it = _chunks(setup)
        self.state: SourceState | None = None

    def __iter__(self) -> Iterator[tuple[int, Payload]]:
        for item in self._it:
            if isinstance(item, SourceState):
                self.state = item
                return
            yield item

    def close(self) -> None:
        self._it.close()


# ------------------------------------------------------------ process source


def _tariff_spec(t: Tariff) -> tuple:
    return (
        t.code,
        t.name,
        t.category,
        t.effective_from,
        t.effective_to,
        t.tier_uppers,
        dict(t.prices),
    )


def _picklable(setup: Setup) -> tuple:
    ref = setup.reference
    return (
        replace(setup, reference=replace(ref, tariffs=())),
        [_tariff_spec(t) for t in ref.tariffs],
    )


def _worker(packed: tuple, out: multiprocessing.Queue) -> None:
    setup, specs = packed
    tariffs = tuple(Tariff(*spec) for spec in specs)
    setup = replace(setup, reference=replace(setup.reference, tariffs=tariffs))
    try:
        for item in _chunks(setup):
            if isinstance(item, SourceState):
                out.put(("done", item))
            else:
                out.put(("chunk", item))
    except BaseException:  # noqa: BLE001 - reported to the parent, which raises
        out.put(("error", traceback.format_exc()))


class ProcessSource:
    """Generate and format in a spawned process (large PostgreSQL loads)."""

    def __init__(self, setup: Setup, depth: int = 2):
        context = multiprocessing.get_context("spawn")
        self._queue = context.Queue(maxsize=depth)
        self._process = context.Process(
            target=_worker,
            args=(_picklable(setup), self._queue),
            name="seed-demo-generator",
            daemon=True,
        )
        self._process.start()
        self.state: SourceState | None = None

    def _get(self):
        while True:
            try:
                return self._queue.get(timeout=2)
            except queue.Empty:
                if not self._process.is_alive():
                    raise RuntimeError(
                        f"the demo generator process died (exit code {self._process.exitcode}); "
                        "it is spawned, so the calling script must guard its main code with "
                        "if __name__ == '__main__':"
                    ) from None

    def __iter__(self) -> Iterator[tuple[int, Payload]]:
        while True:
            kind, item = self._get()
            if kind == "chunk":
                yield item
            elif kind == "done":
                self.state = item
                return
            else:
                raise RuntimeError(f"the demo generator process failed:\n{item}")

    def close(self) -> None:
        if self._process.is_alive():
            self._process.terminate()
        self._process.join(timeout=10)
        self._queue.close()
