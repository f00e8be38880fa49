"""The browser side of checks/media.py (gather/media.js, watch.js) on pages with a barrier and their
accessible twins (tests/fixtures/media). The sound files are written here (a tone, as WAV) and the
video files recorded in the browser (MediaRecorder), so the repository holds no media."""

import asyncio
import base64
import math
import shutil
import struct
from pathlib import Path

import pytest
from playwright.async_api import async_playwright

from a11y_audit.act.runner import act_settings
from a11y_audit.act.visit import ActGatherer, serve
from a11y_audit.checks import CANT_TELL, FAILED, check_page
from a11y_audit.gather.browser import launch

pytestmark = pytest.mark.browser

PAGES = Path(__file__).resolve().parents[1] / "fixtures" / "media"
MEDIA_RULES = {"autoplay-audio", "autoplay-video-motion", "auto-updating-text", "audio-alternative", "video-alternative"}

RECORD = """async (withSound) => {
  const canvas = document.createElement("canvas");
  canvas.width = 64; canvas.height = 48;
  const g = canvas.getContext("2d");
  let i = 0;
  const paint = setInterval(() => { g.fillStyle = `hsl(${(i++ * 40) % 360}, 80%, 50%)`; g.fillRect(0, 0, 64, 48); }, 40);
  const stream = canvas.captureStream(25);
  if (withSound) {
    const audio = new AudioContext();
    const tone = audio.createOscillator();
    const out = audio.createMediaStreamDestination();
    tone.connect(out);
    tone.start();
    stream.addTrack(out.stream.getAudioTracks()[0]);
  }
  const recorder = new MediaRecorder(stream, { mimeType: withSound ? "video/webm;codecs=vp8,opus" : "video/webm;codecs=vp8" });
  const parts = [];
  recorder.ondataavailable = (e) => parts.push(e.data);
  const stopped = new Promise((resolve) => { recorder.onstop = resolve; });
  recorder.start();
  await new Promise((resolve) => setTimeout(resolve, 1000));
  recorder.stop();
  await stopped;
  clearInterval(paint);
  const bytes = new Uint8Array(await new Blob(parts).arrayBuffer());
  let text = "";
  for (const b of bytes) text += String.fromCharCode(b);
  return btoa(text);
}"""


def _tone(path: Path, seconds: float, rate: int = 8000) -> None:
    samples = bytes(int(128 + 100 * math.sin(2 * math.pi * 440 * i / rate)) for i in range(int(rate * seconds)))
    header = b"RIFF" + struct.pack("<I", 36 + len(samples)) + b"WAVEfmt " + struct.pack("<IHHIIHH", 16, 1, 1, rate, rate, 1, 8)
    path.write_bytes(header + b"data" + struct.pack("<I", len(samples)) + samples)


async def _record(folder: Path) -> None:
    async with async_playwright() as p:
        browser = await launch(p)
        page = await browser.new_page()
        await page.goto("about:blank")
        for name, sound in (("geluid.webm", True), ("stil.webm", False)):
            (folder / name).write_bytes(base64.b64decode(await page.evaluate(RECORD, sound)))
        await browser.close()


@pytest.fixture(scope="module")
def snapshots(tmp_path_factory):
    folder = tmp_path_factory.mktemp("media")
    for page in PAGES.iterdir():
        shutil.copy(page, folder / page.name)
    _tone(folder / "toon-5s.wav", 5)
    _tone(folder / "toon-2s.wav", 2)

    async def visit_all():
        await _record(folder)
        with serve(folder) as base:
            async with ActGatherer(act_settings(page_timeout=60, interaction=True)) as gatherer:
                return {page.name: await gatherer.visit(base + page.name) for page in sorted(PAGES.glob("*.html"))}

    return asyncio.run(visit_all())


def media_findings(snapshot):
    assert snapshot.audited and not snapshot.media_errors
    return sorted((f.rule_id, f.outcome, f.selector, f.criteria) for f in check_page(snapshot) if f.rule_id in MEDIA_RULES)


def test_sound_that_plays_by_itself_without_a_way_to_stop_it(snapshots):
    welcome = snapshots["sound.html"].media[0]
    assert welcome.playing and welcome.audible and welcome.duration == pytest.approx(5, abs=0.1)
    assert media_findings(snapshots["sound.html"]) == [
        ("audio-alternative", CANT_TELL, "#welkom", ("1.2.1",)),
        ("autoplay-audio", FAILED, "#welkom", ("1.4.2",)),
    ]
    # with the browser's controls, only 2 seconds long, or with a button to stop it: only the review of a transcript
    assert [f[0] for f in media_findings(snapshots["sound-ok.html"])] == ["audio-alternative"] * 3


def test_text_that_keeps_changing(snapshots):
    ticker = snapshots["ticker.html"]
    assert [c.selector for c in ticker.changing_text] == ["#beurt"]
    beurt = ticker.changing_text[0]
    # the text never stops changing; the watch stops at its cap, 3.5 s after the load event by the page's clock
    assert len(beurt.updates) >= 3 and beurt.updates[-1] + beurt.quiet_ms < 6000
    # the page has a link, which is no way to pause: a person has to look
    assert media_findings(ticker) == [("auto-updating-text", CANT_TELL, "#beurt", ("2.2.2",))]
    assert media_findings(snapshots["ticker-ok.html"]) == []


def test_a_count_up_and_a_page_that_loads_in_steps_do_not_count(snapshots):
    settled = snapshots["settled.html"]
    changing = {c.selector: c for c in settled.changing_text}
    assert len(changing["#nieuws"].updates) == 3  # the news, in three steps
    assert changing["#nieuws"].quiet_ms >= 1250  # the watch went on until it had stopped changing
    # the count-up is one run of changes: not listed (one update), or two when a long task of the audit
    # itself (axe-core on a loaded machine) paused the page's timer for more than a burst
    assert "#inwoners" not in changing or len(changing["#inwoners"].updates) <= 2
    assert media_findings(settled) == []


def test_video_facts_and_findings(snapshots):
    page = snapshots["video.html"]
    hero, speech, podcast = page.media
    assert hero.playing and hero.muted and hero.loop and hero.video_bytes and hero.audio_bytes == 0
    assert not speech.playing and speech.audio_bytes and [(t.kind, t.state) for t in speech.tracks] == [("captions", 3)]
    assert podcast.shown and podcast.controls
    assert media_findings(page) == [
        ("audio-alternative", CANT_TELL, "#podcast", ("1.2.1",)),
        ("autoplay-video-motion", FAILED, "#sfeer", ("2.2.2",)),
        ("video-alternative", CANT_TELL, "#sfeer", ("1.2.1",)),
        ("video-alternative", CANT_TELL, "#toespraak", ("1.2.2", "1.2.3", "1.2.5")),
    ]
    ok = snapshots["video-ok.html"]
    assert [(t.kind, t.state, t.cues) for t in ok.media[1].tracks] == [("captions", 2, 1)]
    assert media_findings(ok) == [
        ("video-alternative", CANT_TELL, "#sfeer", ("1.2.1",)),
        ("video-alternative", CANT_TELL, "#toespraak", ("1.2.3", "1.2.5")),
    ]


def test_tab_through_the_controls_of_two_players_is_no_keyboard_trap(snapshots):
    page = snapshots["video.html"]
    assert page.interaction is not None and page.interaction.walk_complete
    assert not page.interaction.traps
    assert [s.selector for s in page.interaction.stops] == ["#toespraak", "#podcast"]
