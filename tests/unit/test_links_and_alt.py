"""Same link name for different targets (2.4.4) and meaningless text alternatives (1.1.1)."""

import pytest

from a11y_audit.checks import CANT_TELL, FAILED, check_page
from a11y_audit.snapshot import Image, Link

from snapshots import link, page

URL = "https://www.gemeente.be/"


def own(snapshot, rule_id):
    return [f for f in check_page(snapshot) if f.rule_id == rule_id]


def test_same_name_for_different_targets_is_flagged_for_review():
    links = [
        link(URL + "eid", "Aanvragen", "a.eid"),
        link(URL + "rijbewijs", "Aanvragen", "a.rijbewijs"),
        link(URL + "afval", "Afvalkalender", "a.afval"),
        link("https://gemeente.be/afval#december", "Afvalkalender", "a.afval2"),  # same page: www., fragment
        link(URL + "nieuws/1", "Lees meer", "a.more1"),  # vague: left to link-text-vague
        link(URL + "nieuws/2", "Lees meer", "a.more2"),
    ]
    (finding,) = own(page(URL, links=links), "link-name-ambiguous")
    assert (finding.selector, finding.outcome, finding.criteria) == ("a.rijbewijs", CANT_TELL, ("2.4.4",))
    assert "2 verschillende pagina's" in finding.message


def test_same_name_for_different_targets_in_one_menu_is_a_failure():
    links = [
        link(URL + "nieuws", "Nieuws", "nav a.1", region="navigation", landmark="body > nav"),
        link(URL + "actueel/nieuws", "Nieuws", "nav a.2", region="navigation", landmark="body > nav"),
    ]
    (finding,) = own(page(URL, links=links), "link-name-ambiguous")
    assert finding.outcome == FAILED and "hetzelfde menu" in finding.message


def test_index_pages_and_trailing_slashes_are_the_same_target():
    links = [link(URL, "Home", "a.1"), link(URL + "index.html", "Home", "a.2"), link("http://www.gemeente.be", "Home", "a.3")]
    assert own(page(URL, links=links), "link-name-ambiguous") == []


def test_a_sitemap_repeats_names_under_different_headings():
    links = [link(URL + "welzijn/senioren", "Senioren"), link(URL + "vrije-tijd/senioren", "Senioren")]
    assert own(page(URL + "sitemap", title="Sitemap - Gemeente", links=links), "link-name-ambiguous") == []


@pytest.mark.parametrize(
    "alt, rule",
    [
        ("IMG_1234.jpg", "alt-text-meaningless"),
        ("logo.png", "alt-text-meaningless"),
        ("DSC00012", "alt-text-meaningless"),
        ("274741-DSC_5150-e5aa7c-original-1520937255.JPG", "alt-text-meaningless"),
        ("afbeelding", "alt-text-meaningless"),
        ("Foto", "alt-text-meaningless"),
        ("picture", "alt-text-meaningless"),
        ("spacer", "alt-text-meaningless"),
        ("*", "alt-text-meaningless"),
        ("Afbeelding van het nieuwe speelplein", "alt-text-redundant-prefix"),
        ("foto van de burgemeester", "alt-text-redundant-prefix"),
        ("Image of the town hall", "alt-text-redundant-prefix"),
        ("Gemeente Beekveld, naar de startpagina", None),
        ("Logo gemeente Dorpsveen", None),
        ("Fotograaf aan het werk op de markt", None),
        ("Kaart van Vlaanderen 2024", None),
        ("Versie 2.1 van het plan", None),
    ],
)
def test_alt_texts(alt, rule):
    snapshot = page(URL, images=[Image(src=URL + "x.png", alt=alt, selector="img.x")])
    found = [f for f in check_page(snapshot) if f.rule_id.startswith("alt-text")]
    assert [f.rule_id for f in found] == ([rule] if rule else [])
    if rule == "alt-text-meaningless":
        assert found[0].outcome == FAILED and found[0].impact == "serious" and found[0].criteria == ("1.1.1",)
    if rule == "alt-text-redundant-prefix":
        assert found[0].outcome == CANT_TELL and found[0].impact == "minor"


def test_decorative_and_missing_alt_are_left_to_axe():
    images = [
        Image(src="a.png", alt=None),  # axe: image-alt
        Image(src="b.png", alt=""),
        Image(src="c.png", alt="spacer", role="presentation"),
    ]
    assert [f for f in check_page(page(URL, images=images)) if f.rule_id.startswith("alt-text")] == []


def test_a_vague_link_with_nothing_around_it_fails_and_one_with_context_is_reviewed():
    def vague(name, href=URL + "x", **context):
        found = own(page(URL, links=[Link(href=href, name=name, text=name, selector="a", **context)]), "link-text-vague")
        return [f.outcome for f in found]

    # nothing in its sentence or paragraph, no description, no heading before it
    assert vague("Lees meer", context="Lees meer", heading_before=False) == [FAILED]
    assert vague("Go", context="Go", heading_before=False) == [FAILED]
    # a heading before it, text around it, or context not gathered (older snapshots): a person reviews it
    assert vague("Lees meer", context="Lees meer", heading_before=True) == [CANT_TELL]
    assert vague("Lees meer", context="Lees meer over de afvalkalender", heading_before=False) == [CANT_TELL]
    assert vague("Download", context="Reglement Download 1,6 MB Reglementen", heading_before=False) == [CANT_TELL]
    assert vague("Lees meer") == [CANT_TELL]
    # a link to a bare "#" mostly opens a menu by script
    assert vague("Meer", href=URL + "#", context="Meer", heading_before=False) == [CANT_TELL]
    assert vague("Afvalkalender", context="Afvalkalender", heading_before=False) == []
