"""How fast the plain-Dutch analysis reads text: MB of text per second on one core.

Reads realistic Dutch text and times ``analyse`` (the indicators and the combined score) plus
``find_problems`` (the findings) over it, in one process:

- the Amsterdam complex sentences and, separately, their simple rewrites
  (``../shared/plainlang-eval/amsterdam-complex-simple-dev.csv``, not part of the project), five
  sentences to a paragraph, one text per document;
- the main text of the real Flemish pages (``../shared/real-pages/``) and of the demo sites,
  read from their HTML with ``plainlang.htmltext`` (the reading of the HTML is not timed).

MB counts the UTF-8 bytes of the text handed to the analysis; seconds are the CPU time of this
process (``time.process_time``), so that other work on the machine does not count. Every pass
reads the texts as new (the per-text caches are emptied); "cold": the word caches (syllables,
wordfreq) are emptied too, as at the start of an audit; "warm": the words are known from the
pass before, as in a long audit. The goal is at least 1 MB/s. ``--profile FILE`` writes a
cProfile of the cold passes (read it with ``python -m pstats FILE``).

Run: ``python bench/plainlang_speed.py [--passes 5] [--profile out.prof]``
"""

from __future__ import annotations

import argparse
import cProfile
import statistics
import sys
import time
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import wordfreq  # noqa: E402

from a11y_audit.plainlang import analyse, find_problems  # noqa: E402
from a11y_audit.plainlang.evaluation import load_pairs  # noqa: E402
from a11y_audit.plainlang.htmltext import html_main_text  # noqa: E402
from a11y_audit.plainlang.reading import sentence_texts  # noqa: E402
from a11y_audit.plainlang.indicators import _word_cost, _word_facts, _zipf  # noqa: E402
from a11y_audit.plainlang.passive import _passives_in  # noqa: E402
from a11y_audit.plainlang.sentences import _sentence_spans, word_count  # noqa: E402
from a11y_audit.plainlang.syllables import _count_part, _nuclei, syllables  # noqa: E402
from a11y_audit.plainlang.wording import _nominal_in, _officialese_in  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
AMSTERDAM = SHARED / "plainlang-eval" / "amsterdam-complex-simple-dev.csv"
PAGES = [SHARED / "real-pages", ROOT / "a11y_audit" / "demo" / "sites"]

Blocks = list[tuple[str, str]]  # (tag, text), as find_problems takes them
Text = tuple[list[str], Blocks]  # what analyse reads (the running text) and what find_problems reads


def amsterdam(side: str, path: Path = AMSTERDAM) -> list[Text]:
    """One text per document: its sentences of one side, five to a paragraph."""
    if not path.is_file():
        return []
    documents: dict[str, list[str]] = {}
    for pair in load_pairs(path):
        documents.setdefault(pair.document, []).append(getattr(pair, side))
    texts = []
    for sentences in documents.values():
        paragraphs = [" ".join(sentences[i:i + 5]) for i in range(0, len(sentences), 5)]
        texts.append((paragraphs, [("p", p) for p in paragraphs]))
    return texts


def pages(folders: Sequence[Path] = PAGES) -> list[Text]:
    """The Dutch main text of every HTML page in the folders."""
    texts = []
    for folder in folders:
        for path in sorted(folder.rglob("*.htm*")):
            page = html_main_text(path.read_text(encoding="utf-8", errors="replace"))
            if page.is_dutch and page.dutch_blocks:
                texts.append((sentence_texts(page.dutch_blocks), [(b.tag, b.text) for b in page.dutch_blocks]))
    return texts


def read(texts: Sequence[Text]) -> None:
    """What a page audit does with the text: indicators and findings."""
    for running, blocks in texts:
        analyse(running)
        find_problems(blocks)


def empty_caches(words: bool) -> None:
    """Forget every text seen (the per-text caches of the rules) and, with ``words``, every word
    (the caches of syllables and wordfreq)."""
    for cached in (_sentence_spans, word_count, _passives_in, _officialese_in, _nominal_in):
        cached.cache_clear()
    if words:
        syllables.cache_clear()
        _count_part.cache_clear()
        _nuclei.cache_clear()
        getattr(wordfreq, "_wf_cache", {}).clear()  # wordfreq's own cache of word frequencies
        for cached in (_zipf, _word_cost, _word_facts):  # the indicators' word caches
            cached.cache_clear()


def timed(texts: Sequence[Text], passes: int, cold: bool, profile: cProfile.Profile | None = None) -> float:
    """The median CPU seconds of one pass."""
    seconds = []
    for _ in range(passes):
        empty_caches(words=cold)
        if profile:
            profile.enable()
        start = time.process_time()
        read(texts)
        seconds.append(time.process_time() - start)
        if profile:
            profile.disable()
    return statistics.median(seconds)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--passes", type=int, default=5, help="passes per measurement (the median counts)")
    parser.add_argument("--profile", type=Path, help="write a cProfile of the cold passes to this file")
    args = parser.parse_args(argv)
    corpora = {
        "Amsterdam complex": amsterdam("complex"),
        "Amsterdam simple": amsterdam("simple"),
        "real and demo pages": pages([f for f in PAGES if f.is_dir()]),
    }
    corpora = {name: texts for name, texts in corpora.items() if texts}
    warm_up = "Wij laden eerst de woordenlijsten, de regels en de taalherkenning."
    read([([warm_up], [("p", warm_up)])])  # one-time loading of the lists and rules
    profile = cProfile.Profile() if args.profile else None
    print(f"{'text':22s} {'KB':>7s} {'cold MB/s':>10s} {'warm MB/s':>10s}")
    total_bytes = total_cold = total_warm = 0.0
    for name, texts in corpora.items():
        size = sum(len(text.encode("utf-8")) for _, blocks in texts for _, text in blocks)
        cold = timed(texts, args.passes, True, profile)
        warm = timed(texts, args.passes, False)
        total_bytes, total_cold, total_warm = total_bytes + size, total_cold + cold, total_warm + warm
        print(f"{name:22s} {size / 1e3:7.1f} {size / 1e6 / cold:10.2f} {size / 1e6 / warm:10.2f}")
    if total_bytes:
        print(f"{'all':22s} {total_bytes / 1e3:7.1f} {total_bytes / 1e6 / total_cold:10.2f} "
              f"{total_bytes / 1e6 / total_warm:10.2f}")
    if profile:
        profile.dump_stats(args.profile)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
