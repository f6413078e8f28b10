"""Fast, deterministic draws from a ``random.Random``.
Design: docs/demo.md
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from typing import TypeVar

__all__ = ["below", "between", "pick", "span", "uuid4"]

T = TypeVar("T")


def below(rng: random.Random, n: int) -> int:
    """0 <= result < n."""
    return int(rng.random() * n)


def span(rng: random.Random, a: int, b: int) -> int:
    """a <= result < b."""
    return a + int(rng.random() * (b - a))


def between(rng: random.Random, a: int, b: int) -> int:
    """a <= result <= b."""
    return a + int(rng.random() * (b - a + 1))


def pick(rng: random.Random, seq: Sequence[T]) -> T:
    return seq[int(rng.random() * len(seq))]


_VERSION_4 = (0x4000 << 64) | (0x8000 << 48)
_VERSION_MASK = ~(0xF000 << 64) & ~(0xC000 << 48)


def uuid4(rng: random.Random) -> str:
    """``str(uuid.UUID(int=rng.getrandbits(128), version=4))``, three times faster."""
    x = (rng.getrandbits(128) & _VERSION_MASK) | _VERSION_4
    h = f"{x:032x}"
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"
