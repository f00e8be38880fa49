"""The accessibility statement: finding it, reading it, and its findings (pure, hand-made snapshots)."""

from datetime import date

import pytest

from a11y_audit.checks import check_site
from a11y_audit.checks.statement_analysis import analyse_statement, is_statement_link, parse_dates
from a11y_audit.snapshot import Heading, Landmark, LooseText, TextBlock

from snapshots import link, page

SITE = "https://www.gemeente.be/"
STATEMENT = SITE + "toegankelijkheid"
TODAY = date(2026, 11, 29)


def statement_findings(pages, today):
    return [f for f in check_site(pages, today) if f.rule_id.startswith("statement")]


def blocks(*items: tuple[str, str], region: str = "main") -> list[TextBlock]:
    return [TextBlock(tag=tag, text=text, region=region) for tag, text in items]


COMPLETE = blocks(
    ("h1", "Toegankelijkheidsverklaring"),
    ("p", "Gemeente Gemeente wil dat iedereen deze website kan gebruiken."),
    ("h2", "Nalevingsstatus"),
    ("p", "Deze website is gedeeltelijk conform met WCAG 2.1 niveau AA. Hieronder leest u welke delen niet conform zijn."),
    ("h2", "Niet-toegankelijke inhoud"),
    ("h3", "Niet conform met de toegankelijkheidsregels"),
    ("li", "De afvalkalender (PDF) heeft geen tags."),
    ("h2", "Opstelling van deze verklaring"),
    ("p", "Deze verklaring is opgesteld op 15 september 2026 en laatst herzien op 20/11/2026."),
    ("h2", "Feedback en contactgegevens"),
    ("p", "Loopt u tegen een probleem aan? Laat het ons weten:"),
    ("li", "E-mail: toegankelijkheid@gemeente.be"),
    ("h2", "Handhavingsprocedure"),
    ("p", "Bent u niet tevreden? Dien een klacht in bij de Vlaamse Ombudsdienst."),
)

FOOTER = [link(STATEMENT, "Toegankelijkheid", "footer a", region="contentinfo")]


def site(statement_blocks, *, footer=FOOTER, title="Toegankelijkheidsverklaring - Gemeente", **statement_facts):
    return [
        page(SITE, title="Gemeente - Home", links=[link(SITE + "afval", "Afval"), *footer]),
        page(SITE + "afval", title="Afval - Gemeente", links=footer),
        page(STATEMENT, title=title, links=footer, text_blocks=statement_blocks,
             headings=(Heading(1, "Toegankelijkheidsverklaring"),), **statement_facts),
    ]


def test_a_complete_statement_is_read_in_full():
    result = analyse_statement(site(COMPLETE), TODAY)
    assert result.found and result.analysed and result.url == STATEMENT
    assert result.linked_from_home and result.linked_from_all_pages
    assert (result.status, result.wcag_version) == ("gedeeltelijk", "2.1")
    assert (result.date_drawn_up, result.date_reviewed) == (date(2026, 9, 15), date(2026, 11, 20))
    assert result.outdated is False
    assert result.has_feedback and result.has_contact and result.has_enforcement and result.has_non_accessible_list
    assert statement_findings(site(COMPLETE), TODAY) == []


def test_a_vague_statement_misses_every_element():
    vague = blocks(
        ("h1", "Toegankelijkheid"),
        ("p", "Het gemeentebestuur streeft ernaar de website toegankelijk te maken voor eenieder."),
    )
    result = analyse_statement(site(vague), TODAY)
    assert result.found and result.analysed
    assert result.status is None and result.wcag_version is None
    assert result.date_drawn_up is None and result.date_reviewed is None and result.outdated is None
    assert not (result.has_feedback or result.has_contact or result.has_enforcement or result.has_non_accessible_list)
    findings = statement_findings(site(vague), TODAY)
    assert sorted(f.rule_id for f in findings) == [
        "statement-no-date", "statement-no-enforcement", "statement-no-feedback", "statement-no-non-accessible",
        "statement-no-status",
    ]
    assert all(f.criteria == () and f.engine == "a11y-audit" and f.page_url == STATEMENT for f in findings)


def test_a_missing_statement_is_a_legal_finding_on_the_home_page():
    pages = [page(SITE, title="Home", links=[link(SITE + "afval", "Afval")]), page(SITE + "afval", title="Afval")]
    assert analyse_statement(pages, TODAY).found is False
    (finding,) = statement_findings(pages, TODAY)
    assert (finding.rule_id, finding.criteria, finding.page_url) == ("statement-missing", (), SITE)
    assert "toegankelijkheidsverklaring" in finding.message


def test_linked_from_some_pages_only_is_not_enough():
    pages = site(COMPLETE)
    pages[0] = page(SITE, title="Gemeente - Home", links=[link(SITE + "afval", "Afval")])  # home without the link
    pages[1] = page(SITE + "afval", title="Afval - Gemeente", links=FOOTER)
    pages.append(page(SITE + "nieuws", title="Nieuws - Gemeente"))
    result = analyse_statement(pages, TODAY)
    assert not result.linked_from_home and not result.linked_from_all_pages
    assert result.pages_without_link == (SITE, SITE + "nieuws")
    assert [f.rule_id for f in statement_findings(pages, TODAY)] == ["statement-not-linked"]


def test_linked_from_the_home_page_alone_is_enough():
    pages = site(COMPLETE)
    pages[1] = page(SITE + "afval", title="Afval - Gemeente")
    result = analyse_statement(pages, TODAY)
    assert result.linked_from_home and not result.linked_from_all_pages and result.linked


def test_an_old_statement_is_flagged_against_the_reference_date_passed_in():
    old = [b if "opgesteld" not in b.text else TextBlock("p", "De verklaring werd opgesteld op 3 maart 2024.", region="main") for b in COMPLETE]
    assert analyse_statement(site(old), date(2025, 3, 1)).outdated is False
    assert analyse_statement(site(old), TODAY).outdated is True
    assert analyse_statement(site(old), None).outdated is None  # no reference date: no judgement
    findings = [f for f in statement_findings(site(old), TODAY) if f.rule_id == "statement-outdated"]
    assert [f.snippet for f in findings] == ["2024-03-03"]
    assert statement_findings(site(old), None) == []


def test_statement_linked_but_not_visited_cannot_be_read():
    pages = site(COMPLETE)[:2]
    result = analyse_statement(pages, TODAY)
    assert result.found and not result.analysed and result.url == STATEMENT
    (finding,) = statement_findings(pages, TODAY)
    assert (finding.rule_id, finding.outcome) == ("statement-unchecked", "cantTell")


def test_bare_text_outside_paragraphs_is_read_in_document_order():
    # as on data.vlaanderen.be: the text is not wrapped in <p>
    text_blocks = blocks(("h1", "Toegankelijkheidsverklaring"), ("h2", "Handhavingsprocedure"))
    loose = (
        LooseText("Deze website is volledig conform met WCAG 2.1 niveau AA.", tag="div", region="main", before=1),
        LooseText("Niet tevreden? Klacht bij de Vlaamse Ombudsdienst.", tag="div", region="main", before=2),
    )
    result = analyse_statement(site(text_blocks, loose_text=loose), TODAY)
    assert result.status == "volledig" and result.has_enforcement
    assert not result.has_non_accessible_list  # and not needed: fully conformant
    assert "statement-no-non-accessible" not in {f.rule_id for f in statement_findings(site(text_blocks, loose_text=loose), TODAY)}


def test_contact_details_in_the_footer_do_not_count_as_the_statement_s_feedback():
    vague = blocks(("h1", "Toegankelijkheid"), ("p", "Wij streven naar een toegankelijke website."))
    footer_text = blocks(("p", "Gemeentehuis, info@gemeente.be, tel. 09 000 00 00"), region="contentinfo")
    result = analyse_statement(site(vague + footer_text), TODAY)
    assert not result.has_contact and not result.has_feedback


@pytest.mark.parametrize(
    "text, status, version",
    [
        ("Deze website is volledig conform met WCAG 2.1 AA.", "volledig", "2.1"),
        ("De website is niet volledig conform met de WCAG 2.2.", "gedeeltelijk", "2.2"),
        ("Cette application est partiellement conforme au RGAA et WCAG 2.1.", "gedeeltelijk", "2.1"),
        ("This website is not compliant with WCAG 2.1 AA.", "niet", "2.1"),
    ],
)
def test_compliance_status_in_three_languages(text, status, version):
    statement = blocks(("h1", "Toegankelijkheidsverklaring"), ("p", text))
    result = analyse_statement(site(statement), TODAY)
    assert (result.status, result.wcag_version) == (status, version)


def test_headings_about_non_conformant_content_are_not_the_status():
    statement = blocks(("h1", "Toegankelijkheidsverklaring"), ("h2", "Niet-toegankelijke inhoud"), ("h3", "Niet conform met de regels van de website"))
    assert analyse_statement(site(statement), TODAY).status is None


@pytest.mark.parametrize(
    "text, expected",
    [
        ("opgesteld op 15 september 2026", date(2026, 9, 15)),
        ("op 1er février 2025", date(2025, 2, 1)),
        ("on September 5, 2024", date(2024, 9, 5)),
        ("op 05/03/2026", date(2026, 3, 5)),  # day first, as in Belgium
        ("op 5-3-2026", date(2026, 3, 5)),
        ("on 2026-03-05", date(2026, 3, 5)),
        ("in sept. 2025", date(2025, 9, 1)),
    ],
)
def test_dates_in_dutch_french_english_and_numbers(text, expected):
    assert [d for _, _, d in parse_dates(text)] == [expected]


def test_impossible_dates_are_ignored():
    assert parse_dates("op 31/02/2026 en 45 maart 2026") == []


@pytest.mark.parametrize(
    "href, name, expected",
    [
        (SITE + "toegankelijkheid", "Toegankelijkheid", True),
        (SITE + "over-ons/verklaring", "Toegankelijkheidsverklaring", True),
        (SITE + "fr/accessibilite", "Accessibilité", True),
        (SITE + "en/accessibility-statement", "Accessibility statement", True),
        (SITE + "page/123", "Déclaration d’accessibilité", True),
        (SITE + "toegankelijkheidsverklaring.html", "Meer info", True),  # URL pattern
        (SITE + "toegankelijkheid-gebouwen", "Toegankelijkheid van onze gebouwen", False),
        ("mailto:toegankelijkheid@gemeente.be", "Toegankelijkheid", False),
    ],
)
def test_statement_links_by_text_and_url(href, name, expected):
    assert is_statement_link(link(href, name)) is expected


def test_the_statement_page_is_found_by_its_title_when_nothing_links_to_it():
    statement = page(SITE + "cms/verklaring", title="Toegankelijkheidsverklaring Data.vlaanderen.be",
                     text_blocks=blocks(("h1", "Toegankelijkheidsverklaring")), landmarks=(Landmark("main"),))
    result = analyse_statement([page(SITE, title="Over"), statement], TODAY)
    assert result.found and result.analysed and result.url == SITE + "cms/verklaring"
    assert not result.linked
