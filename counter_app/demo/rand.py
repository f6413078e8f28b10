"""Fast draws from a ``random.Random``.

``Random.randrange``, ``randint`` and ``choice`` cost about a microsecond
each (argument checks, rejection sampling); a million accounts draw tens of
millions of numbers. These helpers scale ``random()`` instead: the bias is
below 2**-40 for the ranges used here, and they stay deterministic per seed.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from typing import TypeVar

__all__ = ["below", "between", "pick", "span"]

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
