"""Precision and recall of the officialese finding ("ambtelijke taal").

Recall and precision on the lexical simplification set
(``../shared/plainlang-eval/lexical-simplification-hobo-2022.tsv``, not part of the project): about
95 sentences from municipal documents, each with one word that annotators marked as difficult.

- recall: the share of marked words that an officialese finding covers in its sentence;
- precision: the share of officialese findings on those sentences that cover a marked word. Only
  one word per sentence is marked, so a finding on another stiff word counts as wrong here: a
  lower bound.

And two checks on plain text, where every finding is likely a false alarm: the simple side of
the Amsterdam pairs (``amsterdam-complex-simple-dev.csv``, professional rewrites into plain Dutch;
the complex side is shown next to it) and the demo municipality Beekveld, written to be clear.
``--list`` prints the missed words and every finding.

Run: ``python bench/plainlang_officialese.py [--list]``
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from a11y_audit.plainlang import TextFinding, find_problems  # noqa: E402
from a11y_audit.plainlang.evaluation import load_pairs  # noqa: E402
from a11y_audit.plainlang.findings import OFFICIALESE  # noqa: E402
from a11y_audit.plainlang.htmltext import html_main_text  # noqa: E402
from a11y_audit.plainlang.sentences import words  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT.parent / "shared" / "plainlang-eval"
LEXICAL = EVAL / "lexical-simplification-hobo-2022.tsv"
PAIRS = EVAL / "amsterdam-complex-simple-dev.csv"
BEEKVELD = ROOT / "a11y_audit" / "demo" / "sites" / "beekveld"


@dataclass(frozen=True)
class Marked:
    sentence: str
    word: str
    start: int  # offset of the marked word in the sentence (-1: not found as a whole word)
    end: int


def load_lexical(path: Path = LEXICAL) -> list[Marked]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        cells = line.split("\t")
        if len(cells) < 2 or not cells[1].strip():
            continue
        sentence, word = cells[0], cells[1].strip()
        match = re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", sentence, re.IGNORECASE)
        rows.append(Marked(sentence, word, match.start() if match else -1, match.end() if match else -1))
    return rows


def officialese(blocks: Sequence[tuple[str, str]]) -> list[TextFinding]:
    return [f for f in find_problems(blocks) if f.rule_id == OFFICIALESE]


def covers(finding: TextFinding, row: Marked) -> bool:
    return finding.start is not None and finding.start < row.end and row.start < finding.end


def lexical_table(rows: Sequence[Marked], listing: bool) -> None:
    found = hit = flagged = 0
    missed: list[str] = []
    wrong: list[str] = []
    for row in rows:
        findings = officialese([("p", row.sentence)])
        flagged += len(findings)
        right = [f for f in findings if covers(f, row)]
        hit += len(right)
        found += bool(right)
        if not right:
            missed.append(row.word)
        wrong += [f.text for f in findings if not covers(f, row)]
    print(f"lexical set: {len(rows)} sentences with one marked word")
    print(f"  recall    {found / len(rows):.3f}  ({found} of {len(rows)} marked words flagged)")
    precision = f"{hit / flagged:.3f}" if flagged else "  -"
    print(f"  precision {precision}  ({hit} of {flagged} findings on a marked word)")
    if listing:
        print(f"  missed: {', '.join(missed)}")
        print(f"  findings on another word: {', '.join(wrong) or '-'}")


def plain_table(listing: bool) -> None:
    if PAIRS.is_file():
        pairs = load_pairs(PAIRS)
        for side in ("complex", "simple"):
            texts = [getattr(p, side) for p in pairs]
            terms = Counter(f.text.lower() for t in texts for f in officialese([("p", t)]))
            fired = sum(1 for t in texts if officialese([("p", t)]))
            count = sum(len(words(t)) for t in texts)
            print(f"Amsterdam {side:7s}: {sum(terms.values()):3d} findings in {fired} of {len(texts)} sentences "
                  f"({1000 * sum(terms.values()) / count:.1f} per 1000 words)")
            if listing:
                print("  " + ", ".join(f"{t} {n}" for t, n in terms.most_common()))
    blocks = []
    for path in sorted(BEEKVELD.glob("*.html")):
        page = html_main_text(path.read_text(encoding="utf-8"))
        blocks += [(b.tag, b.text) for b in page.dutch_blocks]
    findings = officialese(blocks)
    count = sum(len(words(t)) for _, t in blocks)
    print(f"Beekveld (demo, plain): {len(findings)} findings in {count} words"
          + (f": {', '.join(f.text for f in findings)}" if listing and findings else ""))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--list", action="store_true", help="print the missed words and the findings")
    args = parser.parse_args(argv)
    if LEXICAL.is_file():
        lexical_table(load_lexical(), args.list)
    else:
        print(f"evaluation data not found: {LEXICAL} (skipped)")
    plain_table(args.list)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
