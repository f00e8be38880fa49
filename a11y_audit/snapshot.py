"""The boundary between gathering and checking.

A ``PageSnapshot`` is everything the browser learned during its one visit to a
page: axe-core's results and the page facts our own checks need.  It is plain
data: it can be serialised to JSON, stored, and checked again later without a
browser.  Every check is a pure function of snapshots.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any

SNAPSHOT_VERSION = 1

# Page states
AUDITED = "audited"  # the page loaded and was checked
FAILED = "failed"  # could not test: the reason says why


@dataclass(frozen=True)
class AxeNode:
    """One element an axe-core rule reported on."""

    target: str  # CSS selector
    html: str  # outer HTML snippet (truncated), page content: never render as markup
    summary: str = ""  # axe's failureSummary


@dataclass(frozen=True)
class AxeRule:
    """One axe-core rule result on one page."""

    id: str
    impact: str | None
    tags: tuple[str, ...]
    help: str
    help_url: str
    description: str = ""
    nodes: tuple[AxeNode, ...] = ()
    node_count: int = 0  # may exceed len(nodes) when nodes were not kept


@dataclass(frozen=True)
class AxeResults:
    version: str = ""
    violations: tuple[AxeRule, ...] = ()
    incomplete: tuple[AxeRule, ...] = ()
    passes: tuple[AxeRule, ...] = ()  # rule ids and node counts only
    inapplicable: tuple[str, ...] = ()


@dataclass(frozen=True)
class Heading:
    level: int
    text: str  # accessible name
    selector: str = ""
    css_text: bool = False  # no accessible name, but text from CSS generated content (::before, ::after)


@dataclass(frozen=True)
class Landmark:
    role: str  # banner, navigation, main, contentinfo, search, complementary, region, form
    name: str = ""
    selector: str = ""
    parent: str = ""  # role of the nearest enclosing landmark ("" at top level), e.g. a breadcrumb nav in main


@dataclass(frozen=True)
class Link:
    href: str  # absolute URL as resolved by the browser ("" when none)
    name: str  # accessible name
    text: str = ""  # visible text content
    selector: str = ""
    region: str = ""  # nearest landmark role: navigation, banner, contentinfo, main, ...
    lang: str = ""  # effective lang of the link element
    landmark: str = ""  # selector of the nearest landmark (matches Landmark.selector), "" when none
    # for links with a name of at most four words (None otherwise): the text of their context (paragraph, list
    # item, table cell with its row and header cells, or the run of inline text around them; description, title)
    context: str | None = None
    heading_before: bool | None = None  # a heading with a name comes before the link in the document


@dataclass(frozen=True)
class TextBlock:
    """A block of running text (paragraph, list item, heading, table cell...)."""

    tag: str  # p, li, h2, td, ...
    text: str
    lang: str = ""  # effective lang attribute of the element ("" when none)
    region: str = ""  # nearest landmark role, "" when outside any landmark
    selector: str = ""
    lang_text: str | None = None  # when parts inside it have a lang attribute of their own: the text without them


@dataclass(frozen=True)
class LangPart:
    """An element whose lang attribute names another language than the lang in force around it."""

    tag: str
    lang: str  # its lang attribute, as written
    text: str  # its visible text, without the parts inside it that have a lang attribute of their own
    selector: str = ""


@dataclass(frozen=True)
class FormField:
    """A visible, enabled form field (input, select, textarea, or an ARIA textbox, combobox...)."""

    tag: str
    type: str = ""  # the type of an input ("text" when none)
    name: str = ""  # accessible name
    selector: str = ""


@dataclass(frozen=True)
class Document:
    """A linked non-HTML document (PDF, DOCX, ODT, XLSX, ...)."""

    url: str
    kind: str  # pdf, docx, odt, ...
    link_text: str = ""


@dataclass(frozen=True)
class Image:
    src: str
    alt: str | None  # None when the attribute is absent
    selector: str = ""
    role: str = ""


@dataclass(frozen=True)
class LooseText:
    """Running text outside the usual blocks (bare text in a div or section, as some CMSes write it)."""

    text: str
    tag: str = ""  # the element holding the text: div, section, td...
    region: str = ""  # nearest landmark role
    selector: str = ""
    before: int = 0  # document order: index of the first text block after this text (len(text_blocks) at the end)


@dataclass(frozen=True)
class Focusable:
    """One of the first focusable elements of a page, in tab order (for skip links)."""

    tag: str  # a, button, input, ...
    name: str = ""  # accessible name
    href: str = ""  # absolute URL for links
    selector: str = ""
    fragment: str = ""  # the #fragment when the link points into this same page
    target_exists: bool | None = None  # for same-page links: does an element with that id or name exist?
    target_in_main: bool | None = None  # ... and is it (inside) the main landmark?


@dataclass(frozen=True)
class SearchForm:
    """A search facility on the page."""

    selector: str
    how: str  # "role": role=search or <search>; "type": an input type=search; "hint": an input named or labelled
    # as search; "button": a button named "Zoeken" (that may open a search panel added on click)


@dataclass(frozen=True)
class DocumentFacts:
    """What one download of a linked document taught us (PDF analysed; other kinds only inventoried).

    Not part of a PageSnapshot: documents are fetched once per site, after its pages.
    """

    url: str
    kind: str  # pdf, docx, odt, xlsx, ...
    linked_from: str = ""  # the first audited page that links to it
    link_text: str = ""
    state: str = "analysed"  # analysed, not-analysed (kind we only inventory), skipped (limits, host), failed
    reason: str = ""  # why it was skipped or failed
    http_status: int | None = None
    content_type: str = ""
    size_bytes: int | None = None
    pages: int | None = None
    tagged: bool | None = None  # has a structure tree (/StructTreeRoot)
    marked: bool | None = None  # /MarkInfo /Marked true
    title: str = ""  # document title (Info /Title or XMP dc:title)
    display_doc_title: bool | None = None  # /ViewerPreferences /DisplayDocTitle true
    lang: str = ""  # catalog /Lang
    has_text: bool | None = None  # extractable text on the first pages
    text_chars: int | None = None  # characters of text found on the first pages
    images_only: bool | None = None  # first pages have images but no text: probably scanned
    encrypted: bool | None = None
    producer: str = ""  # the software that made the PDF (Info /Producer or /Creator)

    def to_dict(self) -> dict[str, Any]:
        return _plain(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "DocumentFacts":
        return _build(cls, data)


@dataclass(frozen=True)
class MetaRefresh:
    """A meta element with http-equiv="refresh", as written (document order)."""

    content: str
    selector: str = ""


@dataclass(frozen=True)
class TextSpacing:
    """Letter spacing, word spacing or line height declared !important in the style attribute of an element with visible text."""

    selector: str
    property: str  # letter-spacing, word-spacing, line-height
    declared: str = ""  # the value in the style attribute
    computed_px: float | None = None  # None: line-height "normal"
    font_size_px: float = 0.0
    lines: int = 1  # lines of the element's own text


@dataclass(frozen=True)
class FrameOutOfTabOrder:
    """A visible iframe with a negative tabindex."""

    selector: str
    focusable: int | None = None  # elements of its document in the tab order and visible; None: not readable (other origin)


@dataclass(frozen=True)
class ExposedDecorative:
    """An element marked decorative (role none/presentation, img alt="") that assistive technology gets anyway."""

    selector: str
    role: str  # the role it is exposed with
    tag: str = ""
    global_aria: tuple[str, ...] = ()  # global ARIA attributes that cancel the decorative role
    focusable: bool = False


@dataclass(frozen=True)
class OrientationTransform:
    """An element rotated by a transform that depends on the orientation media feature."""

    selector: str
    angle: float  # its rotation in the other orientation minus in this one, in degrees


@dataclass(frozen=True)
class TextContrast:
    """Visible text on a plain background with a contrast below 7:1."""

    selector: str
    text: str = ""
    ratio: float | None = None
    large: bool = False  # at least 18pt, or 14pt bold
    uncertain: str = ""  # "text-shadow": the ratio leaves out a shadow that may help
    fg: str = ""
    bg: str = ""
    font_size_px: float = 0.0
    bold: bool = False


@dataclass(frozen=True)
class UnchangedFocus:
    """An element in the tab order whose rendering did not change when it got focus."""

    selector: str
    name: str = ""


@dataclass(frozen=True)
class MediaTrack:
    """A track element of an audio or video element."""

    kind: str  # captions, subtitles, descriptions, chapters, metadata
    src: str = ""
    srclang: str = ""
    label: str = ""
    state: int = 0  # readyState: 0 not loaded, 1 loading, 2 loaded, 3 failed
    cues: int | None = None  # cues in the loaded file; None: not loaded


@dataclass(frozen=True)
class Media:
    """An audio or video element, as it was after axe-core ran (gather/media.js)."""

    selector: str
    tag: str  # audio, video
    shown: bool = False  # rendered with a size (an audio element without controls is not)
    controls: bool = False  # the browser's own controls
    autoplay: bool = False
    muted: bool = False  # muted, or volume 0
    loop: bool = False
    playing: bool = False  # playing when looked at (without anyone starting it)
    current_time: float = 0.0
    duration: float | None = None  # seconds; None: not known (not loaded) or endless
    stream: bool = False  # endless: a live stream
    ready_state: int = 0
    error: int = 0  # MediaError code; 0: none
    src: str = ""
    fragment: str = ""  # media fragment of the source: "t=8,10"
    audio_bytes: int | None = None  # audio the browser decoded so far (Chromium): more than 0 means a sound track
    video_bytes: int | None = None
    audible: bool | None = None  # listened to while playing: sound above -40 dBFS; None: not listened to
    tracks: tuple[MediaTrack, ...] = ()


@dataclass(frozen=True)
class ChangingText:
    """An element whose text changed by itself at least twice after the load event (gather/watch.js)."""

    selector: str
    text: str = ""  # its text now
    updates: tuple[int, ...] = ()  # milliseconds after the load event at which its text changed
    visible: bool = False
    other_text: int = 0  # characters of visible text on the page besides it
    quiet_ms: int = 0  # milliseconds from its last change to the end of the watch


@dataclass(frozen=True)
class PageControl:
    """A visible control with an accessible name (gathered only when something plays or changes by itself)."""

    name: str
    role: str = ""  # the role attribute, or the tag


@dataclass(frozen=True)
class ConsentBanner:
    """A cookie-consent banner on the page (gather/consent.py, rules/consent.yaml)."""

    manager: str  # cookiebot, onetrust, didomi, ..., "generic", or "site" (the site's own `banner` selector)
    selector: str = ""
    audited: bool = True  # on the page during its audit (once per site); False: consent was given before the audit
    accepted: str = ""  # how consent was given: the button clicked, or the site's steps
    error: str = ""  # why consent could not be given


@dataclass(frozen=True)
class FocusStop:
    """Where focus went after one press of Tab (gather/interact.py), in the order of the presses."""

    selector: str
    name: str = ""
    tag: str = ""
    x: int = 0  # its box in page coordinates, CSS pixels
    y: int = 0
    width: int = 0
    height: int = 0
    fixed: bool = False  # in a fixed or sticky container
    dialog: bool = False  # in a dialog
    frame: bool = False  # inside an iframe (the selector is the iframe's)
    shown: str = ""  # "" visible; "hidden" (no size, transparent, clipped away), "off-screen", "obscured" (under fixed content)
    pixels_changed: bool | None = None  # did the screen change when it got focus? None: not compared
    prev_hidden: bool = False  # the element focused before disappeared when focus came here (a menu that closed)
    after_escape: bool = False  # reached after Escape or Shift+Tab (leaving a loop), not from the stop before
    copied: bool = False  # in a chrome region walked on an earlier page of the site, taken over from there


@dataclass(frozen=True)
class KeyboardTrap:
    """Elements focus went round in with Tab (or the page pulled it back to), that Escape, Tab and Shift+Tab did
    not leave, nor the key combinations the page names."""

    selectors: tuple[str, ...]
    names: tuple[str, ...] = ()
    dialog: bool = False  # all inside a dialog
    control: bool = False  # activating one of them may release focus: a link, a submit button, a click listener
    advice: tuple[str, ...] = ()  # key combinations the page's text names, tried in vain (Control+m)
    key_hint: bool = False  # the page's text speaks of keys, but names no combination the step could try


@dataclass(frozen=True)
class KeyShortcut:
    """A printable key the page reacts to while focus is on the page itself, on no field or control (WCAG 2.1.4)."""

    key: str
    reaction: str  # focus (moved), navigation, scroll, content (elements or text changed), attributes (only those)
    selector: str = ""  # the element that got focus or changed
    off_switch: str = ""  # visible text of the page about shortcuts or the keyboard: perhaps a way to turn them off


@dataclass(frozen=True)
class MotionReaction:
    """The page changed when it got device orientation or motion events: moving the device operates it (WCAG 2.5.4)."""

    event: str  # deviceorientation or devicemotion
    content: bool  # elements, text or attributes other than style and class changed (not only a visual effect)
    selector: str = ""  # the element that changed
    operable: bool = True  # the page has some control a person could use instead, or to turn motion off


@dataclass(frozen=True)
class MouseOnly:
    """An element with a pointer cursor and its own click listener (or one delegated to it) that the keyboard cannot
    reach."""

    selector: str
    name: str = ""
    tag: str = ""
    events: tuple[str, ...] = ()  # click, mousedown, ...
    delegated: str = ""  # the library whose listener higher up handles clicks on it (jQuery's .on(events, selector))


@dataclass(frozen=True)
class BrokenText:
    """Text cut off by its box, or overlapping other text, after a change of text spacing or zoom."""

    selector: str
    text: str = ""
    how: str = "cut"  # cut, overlap
    other: str = ""  # the element whose text it overlaps
    link: str = ""  # cut: the name of a link around or right beside the box (perhaps to the full text)


@dataclass(frozen=True)
class Overflow:
    """Text that runs off the right edge of a narrow viewport, in the outermost element wider than the viewport."""

    selector: str
    text: str = ""
    right: int = 0  # where the text ends, CSS pixels from the left


@dataclass(frozen=True)
class HoverContent:
    """Content that appeared when the mouse hovered an element."""

    trigger: str
    selector: str
    text: str = ""
    positioned: bool = False  # absolutely or fixed positioned: laid over the page
    covers: bool = False  # lies over other text or images
    dismissed: bool = False  # Escape hid it


@dataclass(frozen=True)
class Interaction:
    """What the bounded interaction step found (keyboard, mouse, text spacing, zoom, reflow)."""

    steps: tuple[str, ...] = ()  # the parts that ran to the end: keyboard, mouse, hover, spacing, zoom, reflow
    errors: tuple[str, ...] = ()
    tab_presses: int = 0
    tabbable: int = 0  # elements in the tab order, counted in the page
    walk_complete: bool = False  # focus came back to the start: every element in the tab order was visited
    stops: tuple[FocusStop, ...] = ()
    traps: tuple[KeyboardTrap, ...] = ()
    mouse_only: tuple[MouseOnly, ...] = ()
    hover: tuple[HoverContent, ...] = ()
    spacing_broken: tuple[BrokenText, ...] = ()  # with the text spacing of WCAG 1.4.12
    zoom_broken: tuple[BrokenText, ...] = ()  # at 200 % (a 640 px wide viewport)
    reflow_width: int | None = None  # the page's width at 320 CSS pixels
    reflow_overflow: tuple[Overflow, ...] = ()
    motion: tuple[MotionReaction, ...] = ()  # at most one
    shortcuts: tuple[KeyShortcut, ...] = ()  # at most one: the first key the page reacted to


@dataclass(frozen=True)
class Timings:
    navigation_ms: int = 0  # from request to load event
    axe_ms: int = 0
    extract_ms: int = 0
    total_ms: int = 0
    interaction_ms: int = 0
    media_ms: int = 0  # gather/media.js, mostly the wait for text that changes by itself


@dataclass(frozen=True)
class PageSnapshot:
    requested_url: str
    final_url: str = ""
    state: str = AUDITED
    reason: str = ""  # why the page could not be tested
    http_status: int | None = None
    content_type: str = ""
    title: str = ""
    lang: str = ""  # lang attribute of the html element, as written
    headings: tuple[Heading, ...] = ()
    landmarks: tuple[Landmark, ...] = ()
    links: tuple[Link, ...] = ()
    images: tuple[Image, ...] = ()
    text_blocks: tuple[TextBlock, ...] = ()
    documents: tuple[Document, ...] = ()
    forms: int = 0
    axe: AxeResults = field(default_factory=AxeResults)
    timings: Timings = field(default_factory=Timings)
    version: int = SNAPSHOT_VERSION
    loose_text: tuple[LooseText, ...] = ()  # bare text outside text blocks, with its place among them
    focusables: tuple[Focusable, ...] = ()  # the first few focusable elements in tab order
    search_forms: tuple[SearchForm, ...] = ()
    # facts for the checks that implement W3C ACT rules (all bounded; see gather/extract.js)
    meta_refresh: tuple[MetaRefresh, ...] = ()
    text_spacing: tuple[TextSpacing, ...] = ()
    frames_out_of_tab_order: tuple[FrameOutOfTabOrder, ...] = ()
    decorative_exposed: tuple[ExposedDecorative, ...] = ()
    orientation_transforms: tuple[OrientationTransform, ...] = ()
    text_contrast: tuple[TextContrast, ...] = ()
    focus_probed: int = 0  # elements in the tab order focused to see their focus indication
    focus_unchanged: tuple[UnchangedFocus, ...] = ()
    act_errors: tuple[str, ...] = ()  # parts of those facts that could not be gathered
    consent: ConsentBanner | None = None  # the cookie banner found, and whether it was audited or accepted first
    logged_in: bool = False  # visited with the site's login, cookies or headers (targets.yaml)
    interaction: Interaction | None = None  # the interaction step's facts; None when it did not run
    lang_parts: tuple[LangPart, ...] = ()  # elements that change the language (at most 200)
    form_fields: tuple[FormField, ...] = ()  # at most 300
    resources: tuple[str, ...] = ()  # style sheets (and their imports) and scripts loaded from a file, at most 100
    # audio, video and text that changes by itself (gather/media.js, watch.js)
    media: tuple[Media, ...] = ()
    changing_text: tuple[ChangingText, ...] = ()
    page_controls: tuple[PageControl, ...] = ()
    media_errors: tuple[str, ...] = ()

    @property
    def audited(self) -> bool:
        return self.state == AUDITED

    def to_dict(self) -> dict[str, Any]:
        return _plain(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "PageSnapshot":
        return _build(cls, data)


def failed_page(url: str, reason: str, *, http_status: int | None = None, final_url: str = "") -> PageSnapshot:
    return PageSnapshot(requested_url=url, final_url=final_url or url, state=FAILED, reason=reason, http_status=http_status)


# -- (de)serialisation -------------------------------------------------------

_NESTED: dict[tuple[type, str], type] = {}
_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


def _plain(value: Any) -> Any:
    """Like dataclasses.asdict, without its deep copy of every value (a snapshot holds thousands), tuples as lists."""
    names = _FIELD_NAMES.get(type(value))
    if names is None and hasattr(type(value), "__dataclass_fields__"):
        names = _FIELD_NAMES[type(value)] = tuple(f.name for f in fields(value))
    if names is not None:
        return {name: _plain(getattr(value, name)) for name in names}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


def _build(cls: type, data: dict[str, Any]) -> Any:
    kwargs: dict[str, Any] = {}
    for f in fields(cls):
        if f.name not in data:
            continue
        value = data[f.name]
        inner = _NESTED.get((cls, f.name))
        if inner is not None and value is not None:
            if isinstance(value, (list, tuple)):
                value = tuple(_build(inner, v) for v in value)
            else:
                value = _build(inner, value)
        elif isinstance(value, (list, tuple)):
            value = tuple(value)
        kwargs[f.name] = value
    return cls(**kwargs)


_NESTED.update(
    {
        (AxeRule, "nodes"): AxeNode,
        (AxeResults, "violations"): AxeRule,
        (AxeResults, "incomplete"): AxeRule,
        (AxeResults, "passes"): AxeRule,
        (PageSnapshot, "headings"): Heading,
        (PageSnapshot, "landmarks"): Landmark,
        (PageSnapshot, "links"): Link,
        (PageSnapshot, "images"): Image,
        (PageSnapshot, "text_blocks"): TextBlock,
        (PageSnapshot, "documents"): Document,
        (PageSnapshot, "axe"): AxeResults,
        (PageSnapshot, "timings"): Timings,
        (PageSnapshot, "loose_text"): LooseText,
        (PageSnapshot, "focusables"): Focusable,
        (PageSnapshot, "search_forms"): SearchForm,
        (PageSnapshot, "meta_refresh"): MetaRefresh,
        (PageSnapshot, "text_spacing"): TextSpacing,
        (PageSnapshot, "frames_out_of_tab_order"): FrameOutOfTabOrder,
        (PageSnapshot, "decorative_exposed"): ExposedDecorative,
        (PageSnapshot, "orientation_transforms"): OrientationTransform,
        (PageSnapshot, "text_contrast"): TextContrast,
        (PageSnapshot, "focus_unchanged"): UnchangedFocus,
        (PageSnapshot, "consent"): ConsentBanner,
        (PageSnapshot, "interaction"): Interaction,
        (PageSnapshot, "lang_parts"): LangPart,
        (PageSnapshot, "form_fields"): FormField,
        (PageSnapshot, "media"): Media,
        (PageSnapshot, "changing_text"): ChangingText,
        (PageSnapshot, "page_controls"): PageControl,
        (Media, "tracks"): MediaTrack,
        (Interaction, "stops"): FocusStop,
        (Interaction, "traps"): KeyboardTrap,
        (Interaction, "mouse_only"): MouseOnly,
        (Interaction, "hover"): HoverContent,
        (Interaction, "spacing_broken"): BrokenText,
        (Interaction, "zoom_broken"): BrokenText,
        (Interaction, "reflow_overflow"): Overflow,
        (Interaction, "motion"): MotionReaction,
        (Interaction, "shortcuts"): KeyShortcut,
    }
)
