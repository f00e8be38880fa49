"""Checking indicators against pairs of complex and simplified sentences.

Used by the tests and ``bench/plainlang_accuracy.py`` with the Amsterdam
complex/simple pairs (not shipped with the project).  Accuracy is the share
of pairs in which the simple side is rated easier, ties counting half.
"""

from __future__ import annotations

import csv
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Pair:
    document: str
    complex: str
    simple: str


@dataclass(frozen=True)
class PairAccuracy:
    right: int
    wrong: int
    ties: int

    @property
    def total(self) -> int:
        return self.right + self.wrong + self.ties

    @property
    def accuracy(self) -> float:
        """(right + ties / 2) / all pairs."""
        return (self.right + self.ties / 2) / self.total if self.total else 0.0

    @property
    def untied(self) -> float:
        """right / (right + wrong)."""
        decided = self.right + self.wrong
        return self.right / decided if decided else 0.0


def load_pairs(path: Path) -> list[Pair]:
    """Read a ``Document ID,Complex,Simple`` CSV file."""
    with path.open(encoding="utf-8", newline="") as handle:
        return [
            Pair(row["Document ID"], row["Complex"], row["Simple"])
            for row in csv.DictReader(handle)
        ]


def pair_accuracy(
    values: Sequence[tuple[float, float]], higher_is_easier: bool = True
) -> PairAccuracy:
    """Accuracy of (complex value, simple value) pairs of one measure."""
    right = wrong = ties = 0
    for complex_value, simple_value in values:
        if math.isclose(complex_value, simple_value, rel_tol=0.0, abs_tol=1e-12):
            ties += 1
        elif (simple_value > complex_value) == higher_is_easier:
            right += 1
        else:
            wrong += 1
    return PairAccuracy(right, wrong, ties)


def measure_pairs(
    pairs: Sequence[Pair], measure: Callable[[str], float], higher_is_easier: bool = True
) -> PairAccuracy:
    """Apply ``measure`` to both sides of every pair and score the ranking."""
    return pair_accuracy([(measure(p.complex), measure(p.simple)) for p in pairs],
                         higher_is_easier)
