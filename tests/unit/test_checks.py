from a11y_audit.checks import CANT_TELL, FAILED, check_page
from a11y_audit.checks.base import Finding, fingerprint
from a11y_audit.snapshot import PageSnapshot, failed_page

from snapshots import axe_rule, link, page

IMAGE_ALT = axe_rule("image-alt", "critical", ("cat.text-alternatives", "wcag2a", "wcag111", "EN-9.1.1.1"), "img.logo", "main > img")
CONTRAST = axe_rule("color-contrast", "serious", ("wcag2aa", "wcag143"), "p.licht", html="<p class='licht'>tekst</p>")


def test_axe_results_become_one_finding_per_element_with_criteria():
    snapshot = page("https://gemeente.be/", violations=[IMAGE_ALT], incomplete=[CONTRAST])
    findings = check_page(snapshot)
    assert [(f.rule_id, f.outcome, f.selector, f.criteria, f.impact) for f in findings] == [
        ("image-alt", FAILED, "img.logo", ("1.1.1",), "critical"),
        ("image-alt", FAILED, "main > img", ("1.1.1",), "critical"),
        ("color-contrast", CANT_TELL, "p.licht", ("1.4.3",), "serious"),
    ]
    assert all(f.engine == "axe" and f.fingerprint for f in findings)
    assert findings[0].help_url.endswith("/image-alt")


def test_failed_pages_have_no_findings():
    assert check_page(failed_page("https://gemeente.be/x", "timeout: 30")) == []


def test_vague_dutch_link_texts_are_flagged_for_review_not_as_failures():
    links = [
        link("https://gemeente.be/nieuws/1", "Lees meer", "a.more"),
        link("https://gemeente.be/nieuws/2", "Klik hier!", "a.click"),
        link("https://gemeente.be/afval", "https://gemeente.be/afval", "a.url"),
        link("https://gemeente.be/afval", "Ophaalkalender voor afval", "a.good"),
        link("mailto:info@gemeente.be", "hier", "a.mail"),
        link("https://gemeente.be/fr", "En savoir plus", "a.fr"),
    ]
    findings = [f for f in check_page(page("https://gemeente.be/", links=links)) if f.rule_id == "link-text-vague"]
    assert [f.selector for f in findings] == ["a.more", "a.click", "a.url", "a.fr"]
    assert {f.outcome for f in findings} == {CANT_TELL}
    assert findings[0].criteria == ("2.4.4",)


def test_fingerprint_ignores_positions_and_host_but_not_rule_or_page():
    base = Finding("image-alt", "axe", ("1.1.1",), "critical", FAILED, "https://a.be/x", "main > div:nth-of-type(3) > img", "<img src=a>")
    moved = Finding("image-alt", "axe", ("1.1.1",), "critical", FAILED, "https://www.a.be/x", "main > div:nth-of-type(4) > img", "<img src=b>")
    other_page = Finding("image-alt", "axe", ("1.1.1",), "critical", FAILED, "https://a.be/y", base.selector, base.snippet)
    other_rule = Finding("role-img-alt", "axe", ("1.1.1",), "critical", FAILED, base.page_url, base.selector, base.snippet)
    assert fingerprint(base) == fingerprint(moved)
    assert fingerprint(base) != fingerprint(other_page)
    assert fingerprint(base) != fingerprint(other_rule)


def test_snapshot_round_trips_through_a_dict():
    snapshot = page("https://gemeente.be/", violations=[IMAGE_ALT], links=[link("https://gemeente.be/a", "A")])
    again = PageSnapshot.from_dict(snapshot.to_dict())
    assert again == snapshot
