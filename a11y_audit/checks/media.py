"""Audio, video and text that changes by itself (WCAG 1.2.1, 1.2.2, 1.2.3, 1.2.5, 1.4.2, 2.2.2).

The facts come from ``gather/media.js`` and ``gather/watch.js``: every audio and video element as it
was after axe-core ran (playing or not, muted, duration, media fragment, decoded sound, caption
tracks loaded, sound heard through Web Audio), the elements whose text changed by itself after the
load event, and, when something plays or changes, the named controls of the page.

- ``autoplay-audio`` (1.4.2): sound that started by itself and plays longer than 3 seconds, without
  the browser's controls or a control on the page named to pause, stop or silence it. Failed when the
  sound was heard and the page has no named control at all; otherwise a person has to look.
- ``autoplay-video-motion`` (2.2.2): a video that plays by itself for more than 5 seconds (or loops),
  without controls or a control named to pause or stop it.
- ``auto-updating-text`` (2.2.2): visible text, next to other text, that changed by itself at least
  three times at intervals (not a count-up or typing animation, which is one run of changes) and was
  still changing, without a control named to pause, stop, hide or slow it.
  The last two fail on the same terms as the first.
- ``audio-alternative`` (1.2.1) and ``video-alternative`` (1.2.1, 1.2.2, 1.2.3, 1.2.5): every audio
  or video one can see or hear asks a person to check its transcript, captions and audio description:
  whether a text is an alternative, and whether captions or a sound track say what is shown, no
  program can tell. The video finding names the criteria that apply to what was found (sound or not),
  and 1.2.2 only when a caption track is declared but does not load or is empty (axe-core's
  ``video-caption`` asks about videos without one).
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
from typing import Iterable

from ..paths import load_rules_yaml
from ..snapshot import ChangingText, Media, PageSnapshot
from .base import CANT_TELL, FAILED, Finding, Texts, page_check
from .pages import page_url

AUDIO_SECONDS = 3.0  # WCAG 1.4.2: sound that plays automatically for more than 3 seconds
MOTION_SECONDS = 5.0  # WCAG 2.2.2: moving content that lasts more than 5 seconds
UPDATES = 3  # changes of one text, at least BURST apart (gather/watch.js), before it counts as updating by itself
MAX_TEXTS = 5  # changing texts reported per page


@lru_cache(maxsize=1)
def _words() -> dict[str, re.Pattern[str]]:
    data = load_rules_yaml("media.yaml")
    return {
        purpose: re.compile(r"(?<!\w)(" + "|".join(re.escape(w.lower()) for w in words) + r")(?!\w)")
        for purpose, words in data.items()
    }


def _has_control(snapshot: PageSnapshot, *purposes: str) -> bool:
    patterns = [_words()[p] for p in purposes]
    return any(p.search(c.name.lower()) for c in snapshot.page_controls for p in patterns)


def _outcome(snapshot: PageSnapshot, certain: bool) -> str:
    """Failed only when what plays or changes is certain and the page has no named control at all (as far as
    the controls could be read)."""
    return FAILED if certain and not snapshot.page_controls and not snapshot.media_errors else CANT_TELL


def _seconds(value: str) -> float | None:
    """One time of a temporal media fragment (npt): "8", "8.5", "1:20", "0:01:20.5"."""
    parts = value.split(":")
    if not value or len(parts) > 3 or not all(re.fullmatch(r"\d+(\.\d*)?", p) for p in parts):
        return None
    seconds = 0.0
    for p in parts:
        seconds = seconds * 60 + float(p)
    return seconds


def fragment_times(fragment: str) -> tuple[float | None, float | None]:
    """Start and end of the temporal media fragment ``t=start,end`` (W3C Media Fragments URI), if any."""
    for param in fragment.split("&"):
        name, _, value = param.partition("=")
        if name.strip() != "t":
            continue
        value = value.strip().removeprefix("npt:")
        start, _, end = value.partition(",")
        return _seconds(start), _seconds(end)
    return None, None


def remaining(media: Media) -> float | None:
    """Seconds it will still play from where it is (within its media fragment); inf: loops or is a stream;
    None: not known."""
    if media.loop or media.stream:
        return float("inf")
    if media.duration is None:
        return None
    start, end = fragment_times(media.fragment)
    stop = min(end, media.duration) if end is not None else media.duration
    return max(0.0, stop - max(media.current_time, start or 0.0))


def has_sound_track(media: Media) -> bool | None:
    """Does the file hold sound? Known once the browser decoded some of it; an audio element has."""
    if media.tag == "audio":
        return True
    if media.audio_bytes:
        return True
    if media.audio_bytes == 0 and media.video_bytes:
        return False
    return None


def _seconds_text(seconds: float | None) -> str:
    if seconds is None:
        return "onbekend hoe lang"
    if seconds == float("inf"):
        return "zonder einde (herhaalt of is een live stream)"
    return f"nog {seconds:.0f} seconden"


# -- 1.4.2 -------------------------------------------------------------------


def _autoplay_audio(snapshot: PageSnapshot) -> Iterable[Finding]:
    for media in snapshot.media:
        if not media.playing or media.muted or media.controls or has_sound_track(media) is False:
            continue
        left = remaining(media)
        if left is not None and left <= AUDIO_SECONDS:
            continue
        if _has_control(snapshot, "pause", "play", "sound"):
            continue
        heard = "het geluid was te horen" if media.audible else "geluid is niet gemeten of was op dat moment stil"
        yield AUTOPLAY_AUDIO.finding(
            page_url(snapshot), selector=media.selector, snippet=f"<{media.tag} src=\"{media.src[:150]}\">",
            outcome=_outcome(snapshot, media.audible is True and left is not None),
            message=f"de {'video' if media.tag == 'video' else 'audio'} speelt vanzelf met geluid ({_seconds_text(left)}; "
            f"{heard}), zonder bedieningselementen van de browser en zonder knop om te pauzeren, te stoppen of het geluid uit te zetten",
        )


# -- 2.2.2 -------------------------------------------------------------------


def _autoplay_motion(snapshot: PageSnapshot) -> Iterable[Finding]:
    for media in snapshot.media:
        if media.tag != "video" or not media.playing or not media.shown or media.controls:
            continue
        left = remaining(media)
        if left is not None and left <= MOTION_SECONDS:
            continue
        if _has_control(snapshot, "pause", "play"):
            continue
        yield AUTOPLAY_VIDEO_MOTION.finding(
            page_url(snapshot), selector=media.selector, snippet=f"<video src=\"{media.src[:150]}\">",
            outcome=_outcome(snapshot, left is not None),
            message=f"de video speelt vanzelf ({_seconds_text(left)}) zonder knop om hem te pauzeren of te stoppen",
        )


def updating(text: ChangingText) -> bool:
    """Did the text change by itself, again and again, and was it still changing when the watch ended?"""
    if not text.visible or text.other_text <= 0 or len(text.updates) < UPDATES:
        return False
    gaps = [b - a for a, b in zip(text.updates, text.updates[1:])]
    return text.quiet_ms <= 1.5 * max(gaps)


def _auto_updating(snapshot: PageSnapshot) -> Iterable[Finding]:
    texts = [t for t in snapshot.changing_text if updating(t)]
    if not texts or _has_control(snapshot, "pause", "play", "hide", "frequency"):
        return
    for text in texts[:MAX_TEXTS]:
        seconds = (text.updates[-1] - text.updates[0]) / 1000
        yield AUTO_UPDATING_TEXT.finding(
            page_url(snapshot), selector=text.selector, snippet=text.text[:120], outcome=_outcome(snapshot, True),
            message=f"de tekst veranderde vanzelf {len(text.updates)} keer in {seconds:.1f} seconden, zonder knop om "
            "dat te pauzeren, te stoppen, te verbergen of trager te laten gaan",
        )


# -- 1.2.x -------------------------------------------------------------------


def _perceivable(media: Media) -> bool:
    return media.shown or (media.playing and not media.muted)


def _audio_alternative(snapshot: PageSnapshot) -> Iterable[Finding]:
    for media in snapshot.media:
        if media.tag == "audio" and _perceivable(media):
            yield AUDIO_ALTERNATIVE.finding(
                page_url(snapshot), selector=media.selector, snippet=f"<audio src=\"{media.src[:150]}\">", outcome=CANT_TELL,
                message="kijk na of er een volledige uitgeschreven tekst (transcript) bij deze audio staat, "
                "of dat de audio alleen voorleest wat al als tekst op de pagina staat",
            )


def _broken_captions(media: Media) -> bool:
    captions = [t for t in media.tracks if t.kind in ("captions", "subtitles")]
    return bool(captions) and all(t.state == 3 or (t.state == 2 and t.cues == 0) for t in captions)


def _video_alternative(snapshot: PageSnapshot) -> Iterable[Finding]:
    for media in snapshot.media:
        if media.tag != "video" or not media.shown:
            continue
        sound = has_sound_track(media)
        if media.muted and not media.controls:
            sound = False  # nobody can turn its sound on
        if sound is False:
            criteria: tuple[str, ...] = ("1.2.1",)
            what = "een video zonder geluid: kijk na of een tekst of geluidsspoor vertelt wat er te zien is"
        elif sound:
            criteria = ("1.2.3", "1.2.5")
            what = "een video met geluid: kijk na of hij audiodescriptie heeft (wat er te zien is, ook verteld)"
        else:
            criteria = ("1.2.1", "1.2.3", "1.2.5")
            what = ("een video (geluid niet vastgesteld): kijk na of wat er te zien is ook verteld of beschreven wordt "
                    "(audiodescriptie, of een tekst)")
        if sound is not False and _broken_captions(media):
            criteria = tuple(sorted(criteria + ("1.2.2",)))
            what += "; het ondertitelbestand laadt niet of is leeg"
        finding = VIDEO_ALTERNATIVE.finding(
            page_url(snapshot), selector=media.selector, snippet=f"<video src=\"{media.src[:150]}\">", outcome=CANT_TELL,
            message=what,
        )
        yield replace(finding, criteria=criteria)


AUTOPLAY_AUDIO = page_check(
    "autoplay-audio", ("1.4.2",), "audio-control.html", "serious",
    Texts(
        title="Geluid dat vanzelf begint te spelen en niet te stoppen is",
        who="Wie een schermlezer gebruikt, hoort die niet meer boven het geluid uit en kan de knop om het te stoppen "
        "niet vinden. Ook wie slecht hoort of zich moeilijk concentreert, wordt erdoor gestoord.",
        fix="Laat audio en video niet vanzelf met geluid spelen. Moet het toch, zet dan de bedieningselementen "
        "(controls) aan of plaats vooraan op de pagina een knop om het geluid te pauzeren of uit te zetten.",
    ),
    Texts(
        title="Sound that starts playing by itself and cannot be stopped",
        who="Screen reader users cannot hear their screen reader over it, nor find the control to stop it.",
        fix="Do not autoplay sound; otherwise show the controls or put a pause or mute button first on the page.",
    ),
    _autoplay_audio,
)

AUTOPLAY_VIDEO_MOTION = page_check(
    "autoplay-video-motion", ("2.2.2",), "pause-stop-hide.html", "serious",
    Texts(
        title="Video die vanzelf speelt en niet te pauzeren is",
        who="Beweging die niet stopt, leidt af: wie zich moeilijk concentreert of traag leest, raakt de tekst ernaast kwijt. "
        "Bij sommige mensen met een vestibulaire aandoening geeft beweging hoofdpijn of misselijkheid.",
        fix="Laat de video niet vanzelf spelen, of zet de bedieningselementen (controls) aan, of plaats een zichtbare "
        "knop 'Video pauzeren' bij de video. Een video die korter dan 5 seconden speelt en dan stopt, mag.",
    ),
    Texts(
        title="Video that plays by itself and cannot be paused",
        who="Motion that does not stop distracts people who find it hard to concentrate or read slowly.",
        fix="Do not autoplay it, show the controls, or add a visible pause button; under 5 seconds is allowed.",
    ),
    _autoplay_motion,
)

AUTO_UPDATING_TEXT = page_check(
    "auto-updating-text", ("2.2.2",), "pause-stop-hide.html", "serious",
    Texts(
        title="Tekst die vanzelf steeds verandert en niet te pauzeren is",
        who="Wie traag leest of een schermlezer gebruikt, kan tekst die om de paar seconden verandert niet bijhouden, "
        "en wordt bij het lezen van de rest van de pagina afgeleid.",
        fix="Plaats bij de tekst een knop om het verversen te pauzeren of te stoppen, of om de tekst te verbergen, "
        "of laat de bezoeker zelf kiezen wanneer de tekst vernieuwt.",
    ),
    Texts(
        title="Text that keeps changing by itself and cannot be paused",
        who="Slow readers and screen reader users cannot keep up with it and are distracted from the rest of the page.",
        fix="Add a control to pause, stop or hide the updates, or let visitors choose when the text updates.",
    ),
    _auto_updating,
)

AUDIO_ALTERNATIVE = page_check(
    "audio-alternative", ("1.2.1",), "audio-only-and-video-only-prerecorded.html", "serious",
    Texts(
        title="Audio: is er een uitgeschreven tekst?",
        who="Wie doof of slechthorend is, heeft een uitgeschreven tekst nodig van alles wat er gezegd wordt en te horen is.",
        fix="Zet bij de audio een volledige uitgeschreven tekst (transcript), op de pagina of via een link ernaast. "
        "Leest de audio alleen een tekst voor die al op de pagina staat, zeg dat dan bij de audio.",
    ),
    Texts(
        title="Audio: is there a transcript?",
        who="Deaf and hard of hearing people need a transcript of everything that is said and heard.",
        fix="Provide a full transcript next to the audio, or say that the audio reads out text on the page.",
    ),
    _audio_alternative,
)

VIDEO_ALTERNATIVE = page_check(  # each finding names the criteria that apply to the video found
    "video-alternative", ("1.2.1", "1.2.2", "1.2.3", "1.2.5"), "audio-description-prerecorded.html", "serious",
    Texts(
        title="Video: zijn er ondertitels, audiodescriptie of een tekst?",
        who="Wie blind of slechtziend is, mist wat er alleen te zien is; wie doof of slechthorend is, mist wat er "
        "alleen te horen is.",
        fix="Geef een video met geluid ondertitels (een ondertitelbestand of ingebrande ondertitels) en laat wat er "
        "te zien is ook vertellen (audiodescriptie: in de video zelf of een tweede versie). Geef een video zonder "
        "geluid een tekst of geluidsspoor dat vertelt wat er te zien is.",
    ),
    Texts(
        title="Video: are there captions, audio description or a text alternative?",
        who="Blind people miss what is only shown; deaf people miss what is only heard.",
        fix="Caption videos with sound and describe what is shown (audio description); give silent videos a text or audio alternative.",
    ),
    _video_alternative,
)

MEDIA_CHECKS = (AUTOPLAY_AUDIO, AUTOPLAY_VIDEO_MOTION, AUTO_UPDATING_TEXT, AUDIO_ALTERNATIVE, VIDEO_ALTERNATIVE)
