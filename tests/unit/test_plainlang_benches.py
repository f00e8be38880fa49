"""The plain-language benchmark scripts run, on a small sample of their own (the real data is not needed)."""

import importlib.util
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parents[2] / "bench"


def load(name: str):
    spec = importlib.util.spec_from_file_location(name, BENCH / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # its dataclasses look themselves up there
    spec.loader.exec_module(module)
    return module


def test_speed_bench_reads_a_sample(tmp_path):
    speed = load("plainlang_speed")
    csv = tmp_path / "pairs.csv"
    csv.write_text(
        "Document ID,Complex,Simple\n"
        '1,"Teneinde de aanvraag te behandelen, dient u het formulier in te vullen.","Vul het formulier in."\n'
        '1,"De aanvraag wordt door de dienst behandeld.","De dienst behandelt uw aanvraag."\n',
        encoding="utf-8",
    )
    texts = speed.amsterdam("complex", csv)
    assert texts == [([texts[0][0][0]], [("p", texts[0][0][0])])] and texts[0][0][0].startswith("Teneinde")
    assert speed.timed(texts, passes=1, cold=True) > 0
    assert speed.pages([BENCH.parent / "a11y_audit" / "demo" / "sites" / "beekveld"])


def test_officialese_bench_counts_recall_and_precision(tmp_path, capsys):
    bench = load("plainlang_officialese")
    tsv = tmp_path / "lexical.tsv"
    tsv.write_text(
        "Wij betalen middels een overschrijving.\tmiddels\tmet\tvia\n"
        "Indien u wilt, kan de fiets mee.\tfiets\tvelo\n"
        "De gemeente zoekt een nieuwe naam.\tgemeente\tstad\n",
        encoding="utf-8",
    )
    rows = bench.load_lexical(tsv)
    assert [(r.word, r.start) for r in rows] == [("middels", 12), ("fiets", 22), ("gemeente", 3)]
    bench.lexical_table(rows, listing=True)
    out = capsys.readouterr().out
    assert "recall    0.333  (1 of 3" in out and "precision 0.500  (1 of 2" in out
    assert "missed: fiets, gemeente" in out and "another word: Indien" in out
