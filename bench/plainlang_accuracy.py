"""How well the plain-language indicators and rules rank real rewrites.

Reads the Amsterdam complex/simple sentence pairs from
``../shared/plainlang-eval/`` (not part of the project) and prints:

- per single indicator and for the combined score: accuracy (pairs ranked
  right + half of the ties, over all pairs), accuracy on untied pairs, ties;
- per rule: on how many pairs it fires on the complex and on the simple side,
  and how often it is right when the two sides differ.

``--fit`` also re-fits the combined-score weights (pairwise logistic
regression, leave-one-document-out cross-validation) and prints them in the
units of ``rules/plainlang/score.yaml``, to help re-tune that file.

Run: ``python bench/plainlang_accuracy.py [--data FILE] [--fit]``
"""

from __future__ import annotations

import argparse
import math
import statistics
import sys
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from a11y_audit.plainlang import RULE_IDS, Indicators, analyse, find_problems  # noqa: E402
from a11y_audit.plainlang.evaluation import Pair, load_pairs, pair_accuracy  # noqa: E402
from a11y_audit.plainlang.indicators import TERMS, difficulty, score_model  # noqa: E402

DATA = (
    Path(__file__).resolve().parents[2]
    / "shared" / "plainlang-eval" / "amsterdam-complex-simple-dev.csv"
)

# name, value, higher is easier
MEASURES: list[tuple[str, Callable[[Indicators], float], bool]] = [
    ("average sentence length", lambda i: i.average_sentence_length, False),
    ("long sentence share", lambda i: i.long_sentence_share, False),
    ("syllables per word", lambda i: i.syllables_per_word, False),
    ("Flesch-Douma", lambda i: i.flesch_douma, True),
    ("Brouwer", lambda i: i.brouwer, True),
    ("infrequent word share", lambda i: i.infrequent_word_share, False),
    ("style hits", lambda i: i.style_hits, False),
    ("COMBINED SCORE", lambda i: i.score, True),
]

def features(ind: Indicators) -> list[float]:
    """The terms of the difficulty formula, in TERMS order."""
    return [ind.terms[name] for name in TERMS]


def indicator_table(results: Sequence[tuple[Indicators, Indicators]]) -> None:
    print(f"{'measure':26s} {'accuracy':>8s} {'untied':>7s} {'ties':>5s}")
    for name, value, higher in MEASURES:
        acc = pair_accuracy([(value(c), value(s)) for c, s in results], higher)
        print(f"{name:26s} {acc.accuracy:8.3f} {acc.untied:7.3f} {acc.ties:5d}")
    scores_c = [c.score for c, _ in results]
    scores_s = [s.score for _, s in results]
    print(f"\nmedian combined score: complex {statistics.median(scores_c):.1f}, "
          f"simple {statistics.median(scores_s):.1f}")
    labels_c = Counter(c.label for c, _ in results)
    labels_s = Counter(s.label for _, s in results)
    for label in ("heel eenvoudig", "eenvoudig", "redelijk", "moeilijk", "heel moeilijk"):
        print(f"  {label:15s} complex {labels_c[label]:4d}  simple {labels_s[label]:4d}")


def rule_table(pairs: Sequence[Pair]) -> None:
    print(f"\n{'rule':36s} {'complex':>7s} {'simple':>7s} {'differ':>7s} {'right':>6s}")
    fired_c: Counter[str] = Counter()
    fired_s: Counter[str] = Counter()
    differ: Counter[str] = Counter()
    right: Counter[str] = Counter()
    for pair in pairs:
        count_c = Counter(f.rule_id for f in find_problems([("p", pair.complex)]))
        count_s = Counter(f.rule_id for f in find_problems([("p", pair.simple)]))
        for rule in RULE_IDS:
            fired_c[rule] += count_c[rule] > 0
            fired_s[rule] += count_s[rule] > 0
            if count_c[rule] != count_s[rule]:
                differ[rule] += 1
                right[rule] += count_c[rule] > count_s[rule]
    for rule in RULE_IDS:
        share = f"{right[rule] / differ[rule]:.3f}" if differ[rule] else "  -"
        print(f"{rule:36s} {fired_c[rule]:7d} {fired_s[rule]:7d} {differ[rule]:7d} {share:>6s}")
    print(f"(pairs: {len(pairs)}; complex/simple = pairs where the rule fires on that side;"
          " right = share of differing pairs with more hits on the complex side)")


def _solve(matrix: list[list[float]], vector: list[float]) -> list[float]:
    """Solve matrix . x = vector (Gaussian elimination with partial pivoting)."""
    n = len(vector)
    rows = [list(r) + [v] for r, v in zip(matrix, vector, strict=True)]
    for col in range(n):
        pivot = max(range(col, n), key=lambda r: abs(rows[r][col]))
        rows[col], rows[pivot] = rows[pivot], rows[col]
        for r in range(col + 1, n):
            factor = rows[r][col] / rows[col][col]
            rows[r] = [a - factor * b for a, b in zip(rows[r], rows[col], strict=True)]
    x = [0.0] * n
    for r in reversed(range(n)):
        x[r] = (rows[r][n] - sum(rows[r][c] * x[c] for c in range(r + 1, n))) / rows[r][r]
    return x


def _fit(diffs: Sequence[Sequence[float]], l2: float = 1e-2, rounds: int = 25) -> list[float]:
    """Pairwise logistic regression (Newton's method): weights w with w.(complex - simple) > 0."""
    n = len(TERMS)
    scale = [math.sqrt(sum(d[i] ** 2 for d in diffs) / len(diffs)) or 1.0 for i in range(n)]
    rows = [[d[i] / scale[i] for i in range(n)] for d in diffs]
    weights = [0.0] * n
    for _ in range(rounds):
        grad = [l2 * w for w in weights]
        hessian = [[l2 if i == j else 0.0 for j in range(n)] for i in range(n)]
        for row in rows:
            margin = sum(w * x for w, x in zip(weights, row, strict=True))
            p = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, margin))))
            for i in range(n):
                grad[i] -= (1.0 - p) * row[i] / len(rows)
                for j in range(n):
                    hessian[i][j] += p * (1.0 - p) * row[i] * row[j] / len(rows)
        step = _solve(hessian, grad)
        weights = [w - s for w, s in zip(weights, step, strict=True)]
    return [w / s for w, s in zip(weights, scale, strict=True)]


def _ranked(weights: Sequence[float], diffs: Sequence[Sequence[float]]) -> float:
    """Pairs ranked right by the weights, ties counting half."""
    margins = [sum(w * x for w, x in zip(weights, d, strict=True)) for d in diffs]
    return sum(1.0 if m > 1e-12 else 0.5 if m >= -1e-12 else 0.0 for m in margins)


def fit_table(pairs: Sequence[Pair], results: Sequence[tuple[Indicators, Indicators]]) -> None:
    # difficulty rises with the features, so fit on complex - simple
    diffs = [[a - b for a, b in zip(features(c), features(s), strict=True)] for c, s in results]
    weights = _fit(diffs)
    unit = weights[0] or 1.0
    print("\nfitted weights (word_load = 1):")
    for name, weight in zip(TERMS, weights, strict=True):
        print(f"  {name:26s} {weight / unit:8.3f}")
    print(f"in-sample accuracy of the fit: {_ranked(weights, diffs) / len(diffs):.3f}")
    documents = sorted({p.document for p in pairs})
    ranked = 0.0
    for document in documents:
        train = [d for p, d in zip(pairs, diffs, strict=True) if p.document != document]
        test = [d for p, d in zip(pairs, diffs, strict=True) if p.document == document]
        ranked += _ranked(_fit(train), test)
    print(f"leave-one-document-out accuracy ({len(documents)} documents): "
          f"{ranked / len(diffs):.3f}")
    model = score_model()
    loads = [difficulty(i.terms, model) for pair in results for i in pair]
    print(f"difficulty with the current weights: median {statistics.median(loads):.1f}, "
          f"quartiles {statistics.quantiles(loads, n=4)[0]:.1f} / "
          f"{statistics.quantiles(loads, n=4)[2]:.1f}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA, help="complex/simple CSV file")
    parser.add_argument("--fit", action="store_true", help="re-fit the score weights")
    args = parser.parse_args(argv)
    if not args.data.is_file():
        print(f"evaluation data not found: {args.data} (skipped)")
        return 0
    pairs = load_pairs(args.data)
    results = [(analyse([p.complex]), analyse([p.simple])) for p in pairs]
    print(f"Amsterdam complex/simple pairs: {len(pairs)} ({args.data.name})\n")
    indicator_table(results)
    rule_table(pairs)
    if args.fit:
        fit_table(pairs, results)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
