"""The "Begrijpelijke taal" section of the site report, and plain-language advice kept out of the WCAG lists."""

import json

import pytest
from click.testing import CliRunner

from a11y_audit.checks import check_page, check_site
from a11y_audit.config import Site
from a11y_audit.plainlang.command import parse_text, text
from a11y_audit.report.html import write_reports
from a11y_audit.report.model import site_report
from a11y_audit.store.sqlite import Store

from snapshots import block, page

HEAVY = (
    "Teneinde een vlotte ophaling te garanderen, wordt de burger verzocht het afval uiterlijk om 6 uur 's "
    "morgens op de daartoe voorziene plaats buiten te plaatsen, waarbij de recipiënten op een zodanige wijze "
    "dienen te worden geplaatst dat het verkeer niet gehinderd wordt."
)
PLAIN = "Wij halen uw afval op maandag op. Zet de container voor zeven uur buiten. Zo kunnen we hem zeker meenemen."


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "store.sqlite") as store:
        run_id = store.start_run({"wcag_version": "2.2", "wcag_level": "AA"}, "targets.yaml", "0.1.0", {})
        store.set_engine(run_id, "4.12.1", "/axe.min.js", "156.0")
        store.add_sites(run_id, [Site(id="a", name="Gemeente A", url="https://a.be/")])
        pages = [
            page("https://a.be/", title="Home", text_blocks=[block("h1", "Welkom"), block("p", PLAIN)]),
            page("https://a.be/afval", title="Afval", text_blocks=[block("h1", "Afval"), block("p", HEAVY, selector="#afval")]),
        ]
        for depth, snapshot in enumerate(pages):
            store.save_page(run_id, "a", depth, snapshot, check_page(snapshot))
        store.save_site_findings(run_id, "a", check_site(pages))
        store.set_site_status(run_id, "a", "audited")
        store.finish_run(run_id)
        yield store, run_id


def test_site_report_has_plain_language_data_and_keeps_it_out_of_the_wcag_lists(store):
    store, run_id = store
    report = site_report(store, run_id, store.sites(run_id)[0])
    plain = report.plain
    assert plain is not None and plain.pages_read == 2 and plain.findings > 0
    assert [p.title for p in plain.pages] == ["Afval", "Home"]  # hardest first
    assert plain.pages[0].indicators.score < plain.site.score < plain.pages[1].indicators.score
    assert plain.rules[0].impact == "moderate" and plain.rules[0].examples[0].snippet == HEAVY
    listed = {r.rule_id for g in report.failed + report.review for r in g.rules}
    assert not [rule for rule in listed if rule.startswith("plainlang-")]
    assert all(g.number != "3.1.5" for g in report.failed + report.review)


def test_the_section_comes_after_the_outcomes_in_dutch_and_english(store, tmp_path):
    store, run_id = store
    write_reports(store, run_id, tmp_path / "nl")
    html = (tmp_path / "nl" / "sites" / "a.html").read_text(encoding="utf-8")
    assert html.index('id="uitkomsten"') < html.index('id="taal">Begrijpelijke taal') < html.index('id="problemen"')
    section = html[html.index('id="taal"'):html.index('id="problemen"')]
    assert "Hele website" in section and "Lange zinnen" in section and "Flesch-Douma" in section
    assert "heel moeilijk" in section or "moeilijk" in section
    assert "Schrijf &#39;om&#39; in plaats van &#39;teneinde&#39;" in section  # escaped page content and advice
    problems = html[html.index('id="problemen"'):]
    assert "Lange zinnen" not in problems and "Ambtelijke taal" not in problems
    write_reports(store, run_id, tmp_path / "en", lang="en")
    english = (tmp_path / "en" / "sites" / "a.html").read_text(encoding="utf-8")
    assert 'id="taal">Plain language' in english and "Whole website" in english and '<blockquote lang="nl">' in english


# -- a11y-audit text -----------------------------------------------------------


SAMPLE = f"""# Afvalophaling

{HEAVY}

Je kan je PMD ook naar het recyclagepark brengen. Indien u vragen heeft, kan u ons bellen.

- Restafval: elke maandag
- GFT: om de twee weken

The waste is collected every Monday. Please put your bins outside before six in the morning, so that the
collectors can find them easily and nobody trips over them on the pavement.
"""


def test_plain_text_becomes_headings_items_and_paragraphs():
    blocks = parse_text(SAMPLE)
    assert [b.kind for b in blocks] == ["heading", "text", "text", "item", "item", "text"]
    assert blocks[0].text == "Afvalophaling" and blocks[3].text == "Restafval: elke maandag"
    assert [b.language for b in blocks][-1] == "en"


def test_text_command_prints_indicators_and_advice_in_dutch():
    result = CliRunner().invoke(text, input=SAMPLE)
    assert result.exit_code == 0, result.output
    out = result.output
    assert "Leesbaarheid:" in out and "(heel moeilijk)" in out and "Woorden per zin" in out
    assert "Alinea 6 is niet in het Nederlands (Engels)" in out
    assert HEAVY in out and "Advies: Schrijf 'om' in plaats van 'teneinde'." in out
    assert "'U' en 'je' door elkaar" in out and "Afkortingen zonder uitleg \"PMD\"" in out


def test_text_command_in_english_and_json(tmp_path):
    source = tmp_path / "tekst.txt"
    source.write_text(SAMPLE, encoding="utf-8")
    english = CliRunner().invoke(text, [str(source), "--lang", "en"])
    assert english.exit_code == 0 and "Readability:" in english.output and "(very difficult)" in english.output
    assert "Long sentences" in english.output and "Paragraph 6 is not in Dutch (English)" in english.output
    result = CliRunner().invoke(text, [str(source), "--json"])
    assert result.exit_code == 0
    data = json.loads(result.output)
    assert data["label"] == "heel moeilijk" and data["indicators"]["sentences"] >= 3
    assert data["blocks"][5]["assessed"] is False
    first = data["findings"][0]
    assert first["rule_id"] == "plainlang-long-sentence" and first["sentence"] == HEAVY and first["block"] == 2
    assert {"title", "explanation", "suggestion", "text", "start", "end"} <= set(first)


def test_text_command_with_nothing_to_read_exits_zero():
    result = CliRunner().invoke(text, input="\n\n")
    assert result.exit_code == 0 and "Geen Nederlandse tekst" in result.output
