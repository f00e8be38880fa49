from a11y_audit.checks import check_page
from a11y_audit.snapshot import AxeResults, AxeRule, PageSnapshot
from a11y_audit.trends import diff_findings
from a11y_audit.wcag.scoring import O_CANT_TELL, O_FAILED, O_INAPPLICABLE, O_PASSED, O_UNTESTED, rule_criteria, score_site

from snapshots import axe_rule

IMAGE_TAGS = ("wcag2a", "wcag111")
CONTRAST_TAGS = ("wcag2aa", "wcag143")


def passed(rule_id: str, tags: tuple[str, ...], count: int) -> AxeRule:
    return AxeRule(id=rule_id, impact=None, tags=tags, help="", help_url="", node_count=count)


def site_page(n: int, *, bad_images: int = 0, good_images: int = 10, low_contrast: int = 0, review: bool = False) -> PageSnapshot:
    url = f"https://gemeente.be/p{n}"
    violations, passes = [], [passed("image-alt", IMAGE_TAGS, good_images), passed("color-contrast", CONTRAST_TAGS, 40)]
    if bad_images:
        violations.append(axe_rule("image-alt", "critical", IMAGE_TAGS, *[f"img:nth-of-type({i})" for i in range(bad_images)]))
    if low_contrast:
        violations.append(axe_rule("color-contrast", "serious", CONTRAST_TAGS, *[f"p:nth-of-type({i})" for i in range(low_contrast)]))
    incomplete = [axe_rule("video-caption", "critical", ("wcag2a", "wcag122"), "video")] if review else []
    return PageSnapshot(requested_url=url, final_url=url, http_status=200, title=f"Pagina {n}",
                        axe=AxeResults(version="4.12.1", violations=tuple(violations), incomplete=tuple(incomplete),
                                       passes=tuple(passes), inapplicable=("table-duplicate-name",)))


def score(pages):
    findings = [f for p in pages for f in check_page(p)]
    return score_site(pages, findings)


def test_a_clean_site_scores_100_with_outcomes_per_criterion():
    result = score([site_page(i) for i in range(10)])
    assert (result.score, result.score_a, result.score_aa) == (100.0, 100.0, 100.0)
    outcome = {c.criterion.number: c.outcome for c in result.criteria}
    assert outcome["1.1.1"] == O_PASSED and outcome["1.4.3"] == O_PASSED
    assert outcome["1.3.1"] == O_INAPPLICABLE  # table-duplicate-name was inapplicable
    assert outcome["1.2.4"] == O_UNTESTED  # live captions: no automated rule
    assert result.confidence == "high"


def test_failures_lower_the_score_of_their_level_and_more_reach_lowers_it_more():
    clean = score([site_page(i) for i in range(10)])
    one_page = score([site_page(0, bad_images=2)] + [site_page(i) for i in range(1, 10)])
    all_pages = score([site_page(i, bad_images=2) for i in range(10)])
    assert one_page.score_a < clean.score_a and all_pages.score_a < one_page.score_a
    assert one_page.score_aa == clean.score_aa == 100.0  # image-alt is level A
    assert {c.criterion.number for c in all_pages.failed} == {"1.1.1"}
    # a failed criterion counts at most half of a passed one
    image = next(c for c in one_page.criteria if c.criterion.number == "1.1.1")
    assert image.outcome == O_FAILED and image.compliance <= 0.5


def test_scores_are_comparable_between_small_and_large_sites():
    small = score([site_page(0, bad_images=1, low_contrast=4), site_page(1)])
    large = score([site_page(i, bad_images=1, low_contrast=4) if i % 2 == 0 else site_page(i) for i in range(12)])
    assert small.score == large.score and small.score_a == large.score_a and small.score_aa == large.score_aa


def test_element_density_counts_within_a_page():
    few = score([site_page(i, bad_images=1, good_images=19) for i in range(4)])
    most = score([site_page(i, bad_images=19, good_images=1) for i in range(4)])
    assert most.score_a < few.score_a


def test_same_input_same_score():
    pages = [site_page(i, bad_images=i % 3, low_contrast=i % 2) for i in range(7)]
    assert score(pages) == score(list(pages))


def test_cannot_tell_lowers_confidence_not_the_score():
    sure = score([site_page(i) for i in range(3)])
    unsure = score([site_page(i, review=True) for i in range(3)])
    assert unsure.score == sure.score
    assert next(c for c in unsure.criteria if c.criterion.number == "1.2.2").outcome == O_CANT_TELL
    assert sure.confidence == "medium" and unsure.cant_tell_share > 0
    assert score([site_page(0)]).confidence == "low"


def test_every_rule_maps_to_known_criteria():
    """axe-core's rules are checked against its tags in test_axe_texts; here: our own checks."""
    from a11y_audit.checks import REGISTRY
    from a11y_audit.wcag import load_catalogue

    catalogue = load_catalogue()
    unknown = {rule: c for rule, criteria in rule_criteria().items() for c in criteria if c not in catalogue}
    assert unknown == {}
    # an own check without a WCAG criterion must be a legal requirement: the accessibility statement,
    # or Dutch as the language of public communication in Flanders (taalwetgeving bestuurszaken: the
    # gecoördineerde wetten op het gebruik van de talen in bestuurszaken of 18 July 1966)
    # Or a WAI-ARIA requirement that W3C's ACT rules test without a WCAG criterion (ACT rule 46ca7f,
    # like axe-core's best-practice presentation-role-conflict): never scored.
    unmapped = sorted(check.id for check in REGISTRY if not check.criteria)
    legal = ("statement", "language-not-dutch")
    aria = ("decorative-exposed",)
    assert [rule for rule in unmapped if not rule.startswith(legal) and rule not in aria] == []


def test_unchanged_runs_have_no_new_or_fixed_findings():
    pages = [site_page(i, bad_images=2, low_contrast=1) for i in range(3)]
    before = [f for p in pages for f in check_page(p)]
    moved = [PageSnapshot(**{**p.__dict__, "requested_url": p.requested_url.replace("gemeente.be", "www.gemeente.be"),
                             "final_url": p.final_url.replace("gemeente.be", "www.gemeente.be")}) for p in pages]
    after = [f for p in moved for f in check_page(p)]
    changes = diff_findings(before, after)
    assert (len(changes.new), len(changes.fixed), len(changes.persisting)) == (0, 0, len(before))
    fixed_one = diff_findings(before, after[1:])
    assert len(fixed_one.fixed) == 1 and not fixed_one.new
