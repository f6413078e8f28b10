"""The recording printer transport: what a receipt printer would have been sent (a fake only for
the USB or network printer that cannot exist here)."""

from __future__ import annotations

from counter_app.documents import PrintError


class RecordingTransport:
    """The test double: keeps every job it is sent (``jobs``), or raises
    ``error`` instead when one is given (a printer that is offline)."""

    def __init__(self, error: PrintError | None = None, description: str = "recording"):
        self.jobs: list[bytes] = []
        self.error = error
        self.description = description

    def send(self, data: bytes) -> None:
        if self.error is not None:
            raise self.error
        self.jobs.append(bytes(data))

    @property
    def data(self) -> bytes:
        return b"".join(self.jobs)
