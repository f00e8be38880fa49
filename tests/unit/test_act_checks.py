"""Own checks that implement ACT rules, on hand-made snapshots (the browser side is tested in tests/integration)."""

import pytest

from a11y_audit.checks import FAILED, CANT_TELL, check_page
from a11y_audit.checks.contrast import below_enhanced_only
from a11y_audit.checks.meta_refresh import refresh_delay
from a11y_audit.checks.orientation import quarter_turn
from a11y_audit.checks.text_spacing import too_narrow
from a11y_audit.snapshot import (
    ExposedDecorative,
    FrameOutOfTabOrder,
    MetaRefresh,
    OrientationTransform,
    PageSnapshot,
    TextContrast,
    TextSpacing,
    UnchangedFocus,
)

URL = "https://gemeente.be/"


def found(snapshot: PageSnapshot, rule: str):
    return [(f.outcome, f.selector) for f in check_page(snapshot) if f.rule_id == rule]


@pytest.mark.parametrize(
    "content, delay",
    [
        ("30", 30), ("0; URL='https://w3.org'", 0), ("5; https://w3.org", 5), ("72001; https://w3.org", 72001),
        ("  3.5, url", 3), (".5", 0), ("0: https://w3.org", None), ("-00.12 foo", None), ("; 30", None),
        ("", None), ("+5; https://w3.org", None), ("foo; URL='https://w3.org'", None),
    ],
)
def test_refresh_content_is_parsed_as_browsers_do(content, delay):
    assert refresh_delay(content) == delay


def page(**facts) -> PageSnapshot:
    return PageSnapshot(requested_url=URL, final_url=URL, **facts)


def test_only_the_first_valid_meta_refresh_counts():
    redirect_first = page(meta_refresh=(MetaRefresh("0: https://w3.org", "m1"), MetaRefresh("0; https://w3.org", "m2"),
                                        MetaRefresh("5; https://w3.org", "m3")))
    assert found(redirect_first, "meta-refresh-delay") == [] and found(redirect_first, "meta-refresh-any-delay") == []
    timed = page(meta_refresh=(MetaRefresh("foo", "m1"), MetaRefresh("30", "m2")))
    assert found(timed, "meta-refresh-delay") == [(FAILED, "m2")]
    day = page(meta_refresh=(MetaRefresh("72001; https://w3.org", "m"),))
    assert found(day, "meta-refresh-delay") == [] and found(day, "meta-refresh-any-delay") == [(FAILED, "m")]
    exactly_20_hours = page(meta_refresh=(MetaRefresh("72000", "m"),))
    assert found(exactly_20_hours, "meta-refresh-delay") == [(FAILED, "m")]


@pytest.mark.parametrize(
    "prop, px, font, lines, narrow",
    [
        ("letter-spacing", 1.6, 16, 1, True), ("letter-spacing", 3.0, 25, 1, False), ("letter-spacing", 0, 16, 1, True),
        ("word-spacing", 2.0, 20, 1, True), ("word-spacing", 4.0, 25, 1, False),
        ("line-height", 20, 20, 3, True), ("line-height", 30, 20, 3, False), ("line-height", None, 16, 3, True),
        ("line-height", 16, 16, 1, False),  # one line: line height changes nothing
    ],
)
def test_text_spacing_minimums(prop, px, font, lines, narrow):
    assert too_narrow(TextSpacing("p", prop, "x !important", px, font, lines)) is narrow


def test_text_spacing_findings_are_per_property():
    snapshot = page(text_spacing=(TextSpacing("p.a", "letter-spacing", "0.1em", 1.6, 16, 1),
                                  TextSpacing("p.b", "word-spacing", "0.2em", 3.2, 16, 1)))
    assert found(snapshot, "inline-letter-spacing") == [(FAILED, "p.a")]
    assert found(snapshot, "inline-word-spacing") == []


def test_iframes_out_of_the_tab_order():
    snapshot = page(frames_out_of_tab_order=(FrameOutOfTabOrder("#a", 2), FrameOutOfTabOrder("#b", 0),
                                             FrameOutOfTabOrder("#c", None)))
    assert found(snapshot, "iframe-tab-order") == [(FAILED, "#a"), (CANT_TELL, "#c")]


def test_decoration_exposed_and_focus_without_indication_are_failures():
    snapshot = page(decorative_exposed=(ExposedDecorative("nav", "navigation", "nav", ("aria-label",)),),
                    focus_probed=3, focus_unchanged=(UnchangedFocus("a.plain", "ACT rules"),))
    assert found(snapshot, "decorative-exposed") == [(FAILED, "nav")]
    assert found(snapshot, "focus-visible") == [(FAILED, "a.plain")]


@pytest.mark.parametrize("angle, locked", [(90, True), (-90, True), (270.0002, True), (90.5, True), (0, False),
                                           (360, False), (2.5, False), (45, False), (180, False)])
def test_quarter_turns_between_orientations_lock_the_page(angle, locked):
    assert quarter_turn(angle) is locked
    assert bool(found(page(orientation_transforms=(OrientationTransform("html", angle),)), "orientation-lock")) is locked


@pytest.mark.parametrize(
    "ratio, large, uncertain, reported",
    [
        (5.74, False, "", True),  # meets 4.5:1, not 7:1
        (3.66, False, "", False),  # below 4.5:1: axe-core's color-contrast reports it
        (7.0, False, "", False),
        (3.5, True, "", True),  # large text: 3:1 met, 4.5:1 not
        (4.5, True, "", False),
        (5.0, False, "text-shadow", False),  # a shadow may help: not judged
    ],
)
def test_enhanced_contrast_reports_only_what_color_contrast_does_not(ratio, large, uncertain, reported):
    text = TextContrast("p", "Tekst", ratio, large, uncertain)
    assert below_enhanced_only(text) is reported
    assert bool(found(page(text_contrast=(text,)), "text-contrast-enhanced")) is reported


def test_snapshot_with_act_facts_survives_serialisation():
    snapshot = page(
        meta_refresh=(MetaRefresh("5", "meta"),),
        text_spacing=(TextSpacing("p", "line-height", "1em", None, 16, 2),),
        decorative_exposed=(ExposedDecorative("img", "img", "img", ("aria-labelledby",), False),),
        text_contrast=(TextContrast("p", "x", 5.1, False, "", "#666666", "#ffffff", 16, False),),
        focus_unchanged=(UnchangedFocus("a", "x"),),
        act_errors=("focus: boom",),
    )
    assert PageSnapshot.from_dict(snapshot.to_dict()) == snapshot
