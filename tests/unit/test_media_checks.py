"""Audio, video and changing text (checks/media.py) on hand-made snapshots; the browser side is in
tests/integration/test_media_browser.py."""

import math
from dataclasses import replace

import pytest

from a11y_audit.checks import CANT_TELL, FAILED, check_page
from a11y_audit.checks.media import fragment_times, remaining, updating
from a11y_audit.snapshot import ChangingText, Media, MediaTrack, PageControl, PageSnapshot

URL = "https://gemeente.be/"
SPEECH = Media("#speech", "audio", playing=True, duration=27.0, current_time=1.5, audio_bytes=40000, audible=True)
HERO = Media("#hero", "video", shown=True, playing=True, muted=True, loop=True, duration=12.0, audio_bytes=0, video_bytes=9000)
TICKER = ChangingText("#koers", "303", updates=(1003, 2001, 3001), visible=True, other_text=150, quiet_ms=551)


def page(**facts) -> PageSnapshot:
    return PageSnapshot(requested_url=URL, final_url=URL, **facts)


def found(snapshot: PageSnapshot, rule: str):
    return [(f.outcome, f.selector) for f in check_page(snapshot) if f.rule_id == rule]


@pytest.mark.parametrize(
    "fragment, times",
    [("t=8,10", (8, 10)), ("t=25", (25, None)), ("t=,20", (None, 20)), ("t=npt:1:20,0:01:30.5", (80, 90.5)),
     ("xywh=0,0,10,10&t=5", (5, None)), ("", (None, None)), ("t=abc", (None, None)), ("track=audio", (None, None))],
)
def test_temporal_media_fragments(fragment, times):
    assert fragment_times(fragment) == times


def test_what_remains_to_be_played():
    assert remaining(Media("a", "audio", duration=27.0, current_time=1.5, fragment="t=25")) == pytest.approx(2.0)
    assert remaining(Media("a", "audio", duration=27.0, current_time=1.5, fragment="t=8,10")) == pytest.approx(2.0)
    assert remaining(Media("a", "audio", duration=27.0, current_time=1.5)) == pytest.approx(25.5)
    assert remaining(Media("a", "audio", duration=27.0, current_time=9.0, fragment="t=8,10")) == pytest.approx(1.0)
    assert math.isinf(remaining(Media("a", "video", duration=4.0, loop=True)))
    assert math.isinf(remaining(Media("a", "video", stream=True)))
    assert remaining(Media("a", "video")) is None


def test_autoplaying_sound_fails_only_when_heard_and_nothing_on_the_page_can_stop_it():
    assert found(page(media=(SPEECH,)), "autoplay-audio") == [(FAILED, "#speech")]
    # a page with controls whose names say nothing about pausing: a person has to look
    menu = (PageControl("Menu", "button"), PageControl("Zoeken", "a"))
    assert found(page(media=(SPEECH,), page_controls=menu), "autoplay-audio") == [(CANT_TELL, "#speech")]
    # not heard (silent at that moment, or other-origin media): review
    assert found(page(media=(Media("#s", "audio", playing=True, duration=27.0),)), "autoplay-audio") == [(CANT_TELL, "#s")]
    # controls could not be read: review
    assert found(page(media=(SPEECH,), media_errors=("page_controls: x",)), "autoplay-audio") == [(CANT_TELL, "#speech")]


@pytest.mark.parametrize(
    "media, controls",
    [
        (Media("#a", "audio", playing=True, duration=27.0, controls=True, audible=True), ()),  # the browser's controls
        (Media("#a", "audio", playing=True, duration=27.0, muted=True), ()),
        (Media("#a", "audio", playing=True, duration=27.0, current_time=1.5, fragment="t=25", audible=True), ()),  # 2 s left
        (Media("#a", "audio", autoplay=True, duration=27.0), ()),  # did not play (blocked, or not loaded)
        (Media("#v", "video", playing=True, duration=60.0, audio_bytes=0, video_bytes=500), ()),  # no sound track
        (SPEECH, (PageControl("Geluid uit", "button"),)),
        (SPEECH, (PageControl("Pauzeer de video", "button"),)),
        (SPEECH, (PageControl("Play", "button"), PageControl("Mute", "button"))),
    ],
)
def test_sound_that_is_short_silent_or_can_be_stopped_passes(media, controls):
    assert found(page(media=(media,), page_controls=controls), "autoplay-audio") == []


def test_words_match_whole_words_only():
    # "stopcontact" (a socket) and "tonen" (to show) are not "stop" and "ton"
    controls = (PageControl("Stopcontacten tonen", "button"),)
    assert found(page(media=(SPEECH,), page_controls=controls), "autoplay-audio") == [(CANT_TELL, "#speech")]


def test_video_that_plays_by_itself_needs_a_way_to_pause():
    assert found(page(media=(HERO,)), "autoplay-video-motion") == [(FAILED, "#hero")]
    assert found(page(media=(HERO,), page_controls=(PageControl("Menu"),)), "autoplay-video-motion") == [(CANT_TELL, "#hero")]
    assert found(page(media=(HERO,), page_controls=(PageControl("Video pauzeren"),)), "autoplay-video-motion") == []
    short = Media("#kort", "video", shown=True, playing=True, muted=True, duration=6.0, current_time=1.5)
    with_controls = Media("#c", "video", shown=True, playing=True, loop=True, controls=True)
    hidden = Media("#h", "video", playing=True, loop=True)
    assert found(page(media=(short, with_controls, hidden)), "autoplay-video-motion") == []


def test_text_that_keeps_changing():
    assert updating(TICKER)
    assert not updating(replace(TICKER, quiet_ms=6000))  # stopped changing long before the watch ended
    assert not updating(replace(TICKER, updates=(1003, 2001)))
    assert not updating(replace(TICKER, other_text=0))  # nothing else on the page
    assert not updating(replace(TICKER, text="", visible=False))
    # a page that loads in steps: three changes right after load, then none
    assert not updating(ChangingText("#feed", "x", updates=(40, 400, 900), visible=True, other_text=150, quiet_ms=1300))


def test_changing_text_fails_without_any_control_and_asks_review_with_unknown_ones():
    assert found(page(changing_text=(TICKER,)), "auto-updating-text") == [(FAILED, "#koers")]
    review = page(changing_text=(TICKER,), page_controls=(PageControl("Control changes", "input"),))
    assert found(review, "auto-updating-text") == [(CANT_TELL, "#koers")]
    for name in ("Stop changes", "Pause changes", "Hide changing content", "Change frequency", "Verbergen"):
        ok = page(changing_text=(TICKER,), page_controls=(PageControl(name, "input"),))
        assert found(ok, "auto-updating-text") == [], name


def test_media_alternatives_are_for_review_and_name_the_criteria_that_apply():
    def criteria(media):
        return [(f.outcome, f.criteria) for f in check_page(page(media=(media,))) if f.rule_id == "video-alternative"]

    assert criteria(Media("#v", "video", shown=True, audio_bytes=5000, video_bytes=250)) == [(CANT_TELL, ("1.2.3", "1.2.5"))]
    assert criteria(Media("#v", "video", shown=True, audio_bytes=0, video_bytes=250)) == [(CANT_TELL, ("1.2.1",))]
    assert criteria(HERO) == [(CANT_TELL, ("1.2.1",))]  # muted, without controls: nobody hears it
    assert criteria(Media("#v", "video", shown=True)) == [(CANT_TELL, ("1.2.1", "1.2.3", "1.2.5"))]
    broken = Media("#v", "video", shown=True, audio_bytes=5000, tracks=(MediaTrack("captions", "/nl.vtt", state=3),))
    assert criteria(broken) == [(CANT_TELL, ("1.2.2", "1.2.3", "1.2.5"))]
    empty = Media("#v", "video", shown=True, tracks=(MediaTrack("subtitles", "/nl.vtt", state=2, cues=0),))
    assert criteria(empty) == [(CANT_TELL, ("1.2.1", "1.2.2", "1.2.3", "1.2.5"))]
    loaded = Media("#v", "video", shown=True, audio_bytes=5000, tracks=(MediaTrack("captions", "/nl.vtt", state=2, cues=4),))
    assert criteria(loaded) == [(CANT_TELL, ("1.2.3", "1.2.5"))]
    assert criteria(Media("#v", "video")) == []  # not shown


def test_audio_one_can_see_or_hear_asks_for_a_transcript():
    shown = Media("#a", "audio", shown=True, controls=True)
    silent_hidden = Media("#b", "audio")  # no controls, not playing: nobody perceives it
    assert found(page(media=(shown, silent_hidden, SPEECH)), "audio-alternative") == [(CANT_TELL, "#a"), (CANT_TELL, "#speech")]


def test_snapshot_with_media_facts_survives_serialisation():
    snapshot = page(media=(Media("#v", "video", shown=True, tracks=(MediaTrack("captions", "/nl.vtt", state=2, cues=4),)),),
                    changing_text=(TICKER,), page_controls=(PageControl("Menu", "button"),))
    assert PageSnapshot.from_dict(snapshot.to_dict()) == snapshot
