"""A TCP proxy on 127.0.0.1 that delays every chunk, to play a VPN's round trip.

    proxy = DelayProxy(("127.0.0.1", 5432), rtt_ms=20, max_seconds=600)
    port = proxy.start()          # a daemon thread runs the asyncio loop
    ...connect to 127.0.0.1:port...
    proxy.turns                   # client waits seen so far (see below)
    proxy.stop()

Each chunk read from one side is written to the other ``rtt_ms / 2`` after it
was read, in order; reading goes on meanwhile, so what the client sends
without waiting (psycopg's pipeline mode) stays pipelined. The proxy stops by
itself after ``max_seconds`` (its connections are closed), so a benchmark
that dies cannot leave it running.

``turns`` counts the client's round trips as the proxy sees them: a chunk
from the client that follows data from the server (or opens the connection)
starts a new turn. A statement sent alone and waited for is one turn; a
pipeline of several is one turn too. Set ``trace`` to a list to have each
turn's messages summarised in it (``Q``/``P`` with the SQL, other message
types by their letter).

Run alone (``python benchmarks/_proxy.py --target 127.0.0.1:5432``) it prints
the port and serves until ``--max-seconds``.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import threading
import time

CHUNK = 65536


class DelayProxy:
    def __init__(
        self,
        target: tuple[str, int],
        *,
        rtt_ms: float = 20.0,
        max_seconds: float = 900.0,
        host: str = "127.0.0.1",
        port: int = 0,
    ):
        self.target = target
        self.delay = rtt_ms / 2000.0  # seconds, each direction
        self.max_seconds = max_seconds
        self.host, self.port = host, port
        self.turns = 0
        self.connections = 0
        self.trace: list[str] | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._stopped: asyncio.Event | None = None
        self._thread: threading.Thread | None = None
        self._ready = threading.Event()
        self._error: BaseException | None = None

    # -- life cycle (from another thread) ---------------------------------------------

    def start(self) -> int:
        """Serve in a daemon thread; return the port once it listens."""
        self._thread = threading.Thread(target=self._run, name="delay-proxy", daemon=True)
        self._thread.start()
        self._ready.wait(10)
        if self._error is not None:
            raise self._error
        return self.port

    def stop(self) -> None:
        if self._loop is not None and self._stopped is not None and not self._loop.is_closed():
            with contextlib.suppress(RuntimeError):  # the loop ended by itself
                self._loop.call_soon_threadsafe(self._stopped.set)
        if self._thread is not None:
            self._thread.join(10)

    def _run(self) -> None:
        try:
            asyncio.run(self.serve())
        except BaseException as exc:  # noqa: BLE001 - reported to start()
            self._error = exc
            self._ready.set()

    # -- the loop -----------------------------------------------------------------------

    async def serve(self, on_listening=None) -> None:
        self._loop = asyncio.get_running_loop()
        self._stopped = asyncio.Event()
        tasks: set[asyncio.Task] = set()

        async def accepted(reader, writer) -> None:
            task = asyncio.current_task()
            tasks.add(task)
            try:
                await self._connection(reader, writer)
            except asyncio.CancelledError:
                pass  # stopping
            finally:
                tasks.discard(task)

        server = await asyncio.start_server(accepted, self.host, self.port)
        self.port = server.sockets[0].getsockname()[1]
        self._ready.set()
        if on_listening is not None:
            on_listening(self.port)
        try:
            await asyncio.wait_for(self._stopped.wait(), self.max_seconds)
        except TimeoutError:
            pass
        server.close()
        for task in list(tasks):
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        await server.wait_closed()

    async def _connection(self, client_r, client_w) -> None:
        self.connections += 1
        try:
            server_r, server_w = await asyncio.open_connection(*self.target)
        except OSError:
            client_w.close()
            return
        state = {"server_spoke": True}  # the first chunk of the client opens a turn
        up = asyncio.create_task(self._pump(client_r, server_w, state, from_client=True))
        down = asyncio.create_task(self._pump(server_r, client_w, state, from_client=False))
        try:
            await asyncio.wait({up, down}, return_when=asyncio.FIRST_COMPLETED)
        finally:
            for task in (up, down):
                task.cancel()
            await asyncio.gather(up, down, return_exceptions=True)
            for w in (client_w, server_w):
                w.close()

    async def _pump(self, reader, writer, state: dict, *, from_client: bool) -> None:
        queue: asyncio.Queue = asyncio.Queue()

        async def deliver() -> None:
            while True:
                due, data = await queue.get()
                if data is None:
                    return
                wait = due - time.monotonic()
                if wait > 0:
                    await asyncio.sleep(wait)
                writer.write(data)
                await writer.drain()

        sender = asyncio.create_task(deliver())
        try:
            while True:
                data = await reader.read(CHUNK)
                if from_client and state["server_spoke"]:
                    self.turns += 1
                    if self.trace is not None and data:
                        self.trace.append(summary(data))
                state["server_spoke"] = not from_client
                if not data:
                    break
                await queue.put((time.monotonic() + self.delay, data))
            await queue.put((0.0, None))
            await sender  # deliver what was read, then end this direction
            if writer.can_write_eof():
                writer.write_eof()
        finally:
            sender.cancel()


def summary(data: bytes) -> str:
    """The frontend messages of a chunk: ``Q``/``P`` with their SQL, others by letter."""
    out: list[str] = []
    i = 0
    while i + 5 <= len(data):
        kind, size = chr(data[i]), int.from_bytes(data[i + 1 : i + 5], "big")
        body = data[i + 5 : i + 1 + size]
        if kind == "Q":
            out.append("Q " + body.split(b"\0", 1)[0].decode(errors="replace")[:90])
        elif kind == "P":
            query = body.split(b"\0", 2)[1] if body.count(b"\0") >= 2 else b""
            out.append("P " + query.decode(errors="replace")[:90])
        elif not out or out[-1] != kind:
            out.append(kind)
        if size < 4:
            break
        i += 1 + size
    return " ".join(" ".join(out).split()) or f"({len(data)} bytes)"


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--target", default="127.0.0.1:5432", help="host:port to forward to")
    ap.add_argument("--port", type=int, default=0, help="port to listen on (0: any)")
    ap.add_argument("--rtt-ms", type=float, default=20.0)
    ap.add_argument("--max-seconds", type=float, default=600.0)
    args = ap.parse_args()
    host, _, port = args.target.rpartition(":")
    proxy = DelayProxy(
        (host, int(port)), rtt_ms=args.rtt_ms, max_seconds=args.max_seconds, port=args.port
    )
    asyncio.run(proxy.serve(on_listening=lambda p: print(p, flush=True)))


if __name__ == "__main__":
    main()
