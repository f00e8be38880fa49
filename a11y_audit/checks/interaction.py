"""What the page does when it is used: keyboard, mouse, hover, text spacing, zoom, reflow, character key
shortcuts and device motion.

The facts come from the interaction step of the visit (``gather/interact.py``, ``snapshot.interaction``):
real presses of Tab, Escape and Shift+Tab, a real mouse, a user style sheet with the text spacing of
WCAG 1.4.12, and the page at 640 and 320 CSS pixels wide. Each check only fails what it saw go
wrong, and leaves out what may be fine:

- ``keyboard-trap`` (2.1.2): focus goes round in a few elements, or the page pulls it back to one,
  and Escape, Tab and Shift+Tab do not get it out, nor the key combinations the page's text names
  (Ctrl+M). Not in a dialog (a dialog keeps focus until one closes it). "Cannot tell" when activating
  one of the elements may release focus (a link, a submit button, a click listener on it or around
  it: a person has to look), or when the page speaks of keys without naming a combination.
- ``focus-invisible`` (2.4.7): Tab puts focus on an element that cannot be seen (no size, transparent,
  clipped away, outside the screen) or whose focus style changes no pixel, and the screen with focus
  is the same as without it. Elements ``focus-visible`` already reports are left out.
- ``focus-obscured`` (2.4.11): the element with focus lies wholly under fixed or sticky content (a
  header or cookie bar) and nothing of its focus shows.
- ``focus-order`` (2.4.3): focus jumps back up the page in the same column (more than
  ``JUMP`` pixels), or goes right to left through three elements on one line. Not when the
  element before disappeared (a menu that closed), nor in fixed content, dialogs or iframes.
- ``mouse-only-control`` (2.1.1): an element that looks clickable (pointer cursor), listens to
  clicks itself (or jQuery delegated a click handler for it to an element higher up), and is not in
  the tab order, nor inside or around something that is.
- ``reflow`` (1.4.10): at 320 CSS pixels, text runs off the right edge of the page. Tables, code,
  images, maps and other content that needs two dimensions are left out.
- ``text-spacing-clipped`` (1.4.12) and ``zoom-text-clipped`` (1.4.4): text that is newly cut off
  by a box that hides overflow, or newly overlaps other text, with the spacing of 1.4.12, or at 200 %
  (only cuts at the top or bottom: at 200 % a row of cards may rightly show fewer). "Cannot tell"
  when a link is around the box or right beside it: a teaser whose full text may be behind the link.
- ``character-key-shortcut`` (2.1.4): with focus on the page itself (no field, no control), one
  printable key makes the page move focus, scroll, go elsewhere or change its content. "Cannot tell"
  when the page's text speaks of shortcuts or the keyboard (perhaps a way to turn them off), or when
  only attributes changed.
- ``motion-actuation`` (2.5.4): device orientation or motion events change the page. Failed only when
  its content changes and the page has no control at all a person could use instead or to turn
  motion off (no field, link, check box, nor a button that listens to clicks); else "cannot tell".
- ``hover-not-dismissable`` (1.4.13): content that appears over other content when the mouse hovers
  an element, and stays when Escape is pressed. Tooltips of the title attribute are the browser's own.
"""

from __future__ import annotations

from typing import Callable, Iterable

from ..snapshot import FocusStop, PageSnapshot
from .base import CANT_TELL, Check, Finding, Texts, page_check
from .pages import page_url

JUMP = 150  # CSS pixels back up the page
MAX_PER_PAGE = 20


def _quote(text: str, length: int = 60) -> str:
    text = " ".join(text.split())
    return f"“{text[:length]}…”" if len(text) > length else f"“{text}”"


def _traps(snapshot: PageSnapshot) -> Iterable[Finding]:
    facts = snapshot.interaction
    for trap in facts.traps if facts else ():
        if trap.dialog:
            continue
        count = len(trap.selectors)
        where = "op dit element" if count == 1 else f"rond in deze {count} elementen"
        names = ", ".join(_quote(n, 30) for n in trap.names if n)
        keys = ["Escape", "Tab", "Shift+Tab", *(_key(k) for k in trap.advice)]
        advised = f" (de pagina noemt {', '.join(keys[3:])})" if trap.advice else ""
        if trap.control or trap.key_hint:
            check = ("een knop of link ertussen de focus vrijgeeft" if trap.control
                     else "de pagina uitlegt met welke toetsen u eruit komt, en of dat werkt")
            yield KEYBOARD_TRAP.finding(
                page_url(snapshot), selector=trap.selectors[0], snippet=names, outcome=CANT_TELL,
                message=f"de focus blijft {where}; {_join(keys, 'en')} helpen niet{advised}. Kijk na of {check}",
            )
        else:
            yield KEYBOARD_TRAP.finding(
                page_url(snapshot), selector=trap.selectors[0], snippet=names,
                message=f"de focus blijft {where}; met {_join(keys, 'of')} komt u er niet meer uit{advised}",
            )


def _join(words: list[str], last: str) -> str:
    return f"{', '.join(words[:-1])} {last} {words[-1]}"


def _key(combination: str) -> str:
    return "+".join(part.capitalize() if len(part) == 1 else {"Control": "Ctrl"}.get(part, part)
                    for part in combination.split("+"))


_WHERE = {"hidden": "is zelf niet te zien (geen afmetingen, doorzichtig of weggeknipt)", "off-screen": "staat buiten beeld"}


def _invisible(snapshot: PageSnapshot) -> Iterable[Finding]:
    facts = snapshot.interaction
    reported = {u.selector for u in snapshot.focus_unchanged} | {""}
    for stop in facts.stops if facts else ():
        if stop.frame or stop.pixels_changed is not False or stop.selector in reported:
            continue
        reported.add(stop.selector)
        if stop.shown in _WHERE:
            message = f"dit element krijgt de focus met Tab maar {_WHERE[stop.shown]}, en verder verandert niets op het scherm"
        elif not stop.shown:
            message = "dit element krijgt de focus met Tab, maar op het scherm verandert geen enkele pixel"
        else:
            continue
        yield FOCUS_INVISIBLE.finding(page_url(snapshot), selector=stop.selector, snippet=stop.name, message=message)


def _obscured(snapshot: PageSnapshot) -> Iterable[Finding]:
    facts = snapshot.interaction
    reported: set[str] = set()
    for stop in facts.stops if facts else ():
        if stop.shown == "obscured" and stop.pixels_changed is False and stop.selector not in reported:
            reported.add(stop.selector)
            yield FOCUS_OBSCURED.finding(
                page_url(snapshot), selector=stop.selector, snippet=stop.name,
                message="het element met de focus zit helemaal onder inhoud die vast op het scherm staat "
                "(bijvoorbeeld een kopbalk of cookiebalk)",
            )


def _comparable(stop: FocusStop) -> bool:
    return not (stop.shown or stop.fixed or stop.dialog or stop.frame or stop.after_escape or stop.copied)


def _overlap(a0: float, a1: float, b0: float, b1: float) -> float:
    return max(0.0, min(a1, b1) - max(a0, b0))


def backward_jump(a: FocusStop, b: FocusStop) -> int:
    """How far focus went back up the page from ``a`` to ``b`` in the same column (0: it did not)."""
    if not (_comparable(a) and _comparable(b)) or b.prev_hidden:
        return 0
    gap = a.y - (b.y + b.height)
    same_column = _overlap(a.x, a.x + a.width, b.x, b.x + b.width) >= 0.5 * min(a.width, b.width) > 0
    return gap if gap >= JUMP and same_column else 0


def _same_line_leftwards(a: FocusStop, b: FocusStop) -> bool:
    if not (_comparable(a) and _comparable(b)) or b.prev_hidden:
        return False
    line = _overlap(a.y, a.y + a.height, b.y, b.y + b.height) >= 0.5 * min(a.height, b.height) > 0
    return line and b.x + b.width <= a.x + 1


def _order(snapshot: PageSnapshot) -> Iterable[Finding]:
    facts = snapshot.interaction
    stops = facts.stops if facts else ()
    found = 0
    run = 1  # stops in a row going right to left on one line
    for a, b in zip(stops, stops[1:]):
        if found >= 5:
            return
        jump = backward_jump(a, b)
        if jump:
            found += 1
            yield FOCUS_ORDER.finding(
                page_url(snapshot), selector=b.selector, snippet=b.name,
                message=f"na {_quote(a.name or a.selector, 40)} springt de focus {jump} pixels terug naar boven, "
                f"naar {_quote(b.name or b.selector, 40)}",
            )
        run = run + 1 if _same_line_leftwards(a, b) else 1
        if run == 3:
            found += 1
            yield FOCUS_ORDER.finding(
                page_url(snapshot), selector=b.selector, snippet=b.name,
                message="de focus gaat op deze regel van rechts naar links, tegen de leesrichting in",
            )


def _mouse_only(snapshot: PageSnapshot) -> Iterable[Finding]:
    facts = snapshot.interaction
    for control in (facts.mouse_only if facts else ())[:MAX_PER_PAGE]:
        how = ", ".join(control.events) + (f", via {control.delegated} hoger in de pagina" if control.delegated else "")
        yield MOUSE_ONLY.finding(
            page_url(snapshot), selector=control.selector, snippet=control.name,
            message=f"dit <{control.tag}> reageert op de muis ({how}) maar is niet met Tab te bereiken",
        )


def _reflow(snapshot: PageSnapshot) -> Iterable[Finding]:
    facts = snapshot.interaction
    if not facts:
        return
    scrolls = facts.reflow_width is not None and facts.reflow_width > 322
    for overflow in facts.reflow_overflow:
        how = "de pagina moet horizontaal scrollen" if scrolls else "de rest wordt afgesneden"
        yield REFLOW.finding(
            page_url(snapshot), selector=overflow.selector, snippet=overflow.text,
            message=f"in een venster van 320 pixels breed (400 % zoom) loopt de tekst {_quote(overflow.text)} tot "
            f"{overflow.right} pixels: {how}",
        )


def _broken(attribute: str, when: str, check: Callable[[], Check]) -> Callable[[PageSnapshot], Iterable[Finding]]:
    def run(snapshot: PageSnapshot) -> Iterable[Finding]:
        facts = snapshot.interaction
        for broken in (getattr(facts, attribute) if facts else ())[:MAX_PER_PAGE]:
            what = ("wordt afgesneden door het vak eromheen" if broken.how == "cut"
                    else f"valt over andere tekst ({broken.other})")
            message = f"{when} {what}: {_quote(broken.text)}"
            if broken.link:  # a teaser: the full text may be behind the link
                yield check().finding(page_url(snapshot), selector=broken.selector, snippet=broken.text, outcome=CANT_TELL,
                                      message=f"{message}. Kijk na of de link {_quote(broken.link, 40)} ernaast naar de "
                                      "volledige tekst leidt")
            else:
                yield check().finding(page_url(snapshot), selector=broken.selector, snippet=broken.text, message=message)
    return run


def _hover(snapshot: PageSnapshot) -> Iterable[Finding]:
    facts = snapshot.interaction
    reported: set[str] = set()
    for content in facts.hover if facts else ():
        if content.dismissed or not (content.positioned and content.covers) or content.selector in reported:
            continue
        reported.add(content.selector)
        yield HOVER_DISMISS.finding(
            page_url(snapshot), selector=content.selector, snippet=content.text,
            message=f"verschijnt over andere inhoud als de muis op {content.trigger} staat, en gaat niet weg met Escape",
        )


_REACTIONS = {
    "focus": "de focus springt naar een ander element",
    "navigation": "de pagina gaat naar een ander adres",
    "scroll": "de pagina scrolt",
    "content": "de inhoud verandert",
    "attributes": "een element verandert",
}


def _shortcuts(snapshot: PageSnapshot) -> Iterable[Finding]:
    facts = snapshot.interaction
    for shortcut in facts.shortcuts if facts else ():
        message = (f"met de focus op de pagina zelf (in geen veld of knop) reageert de pagina op de toets "
                   f"{_quote(shortcut.key)}: {_REACTIONS.get(shortcut.reaction, shortcut.reaction)}")
        if shortcut.off_switch:
            yield CHARACTER_SHORTCUT.finding(
                page_url(snapshot), selector=shortcut.selector, snippet=shortcut.off_switch, outcome=CANT_TELL,
                message=f"{message}. De pagina spreekt over sneltoetsen of het toetsenbord ({_quote(shortcut.off_switch)}): "
                "kijk na of u de sneltoets kunt uitzetten of er Ctrl of Alt bij kunt nemen",
            )
        elif shortcut.reaction == "attributes":
            yield CHARACTER_SHORTCUT.finding(
                page_url(snapshot), selector=shortcut.selector, outcome=CANT_TELL,
                message=f"{message} (alleen zijn kenmerken). Kijk na of dit een sneltoets is en of u die kunt uitzetten",
            )
        else:
            yield CHARACTER_SHORTCUT.finding(
                page_url(snapshot), selector=shortcut.selector,
                message=f"{message}, en niets op de pagina zegt hoe u dat uitzet",
            )


def _motion(snapshot: PageSnapshot) -> Iterable[Finding]:
    facts = snapshot.interaction
    for motion in facts.motion if facts else ():
        how = "kantelt" if motion.event == "deviceorientation" else "beweegt of draait"
        if motion.content and not motion.operable:
            yield MOTION_ACTUATION.finding(
                page_url(snapshot), selector=motion.selector,
                message=f"de pagina verandert als u het toestel {how}, en heeft geen knop, link of veld om hetzelfde te "
                "doen of het uit te zetten",
            )
        else:
            effect = "" if motion.content else " (alleen de opmaak: misschien een effect)"
            yield MOTION_ACTUATION.finding(
                page_url(snapshot), selector=motion.selector, outcome=CANT_TELL,
                message=f"de pagina verandert als u het toestel {how}{effect}. Kijk na of u hetzelfde met een knop kunt "
                "doen en of u het reageren op beweging kunt uitzetten",
            )


KEYBOARD_TRAP = page_check(
    "keyboard-trap", ("2.1.2",), "no-keyboard-trap", "critical",
    Texts(
        title="De toetsenbordfocus raakt vast",
        who="Wie met het toetsenbord werkt, komt niet meer weg: Tab, Shift+Tab en Escape brengen de focus niet naar de "
        "rest van de pagina. Alleen de pagina opnieuw laden helpt.",
        fix="Laat Tab en Shift+Tab hun gewone werk doen, of laat Escape de focus vrijgeven. Houd de focus alleen vast in "
        "een echt dialoogvenster (role=\"dialog\") dat met Escape en met een knop sluit.",
    ),
    Texts(
        title="Keyboard focus gets trapped",
        who="Keyboard users cannot move on: Tab, Shift+Tab and Escape do not take focus to the rest of the page.",
        fix="Let Tab and Shift+Tab work, or let Escape release focus; only a real dialog may keep focus.",
    ),
    _traps,
)
FOCUS_INVISIBLE = page_check(
    "focus-invisible", ("2.4.7",), "focus-visible", "serious",
    Texts(
        title="De toetsenbordfocus staat op iets wat niet te zien is",
        who="Wie met het toetsenbord werkt, drukt op Tab en ziet nergens waar hij is: het element is verborgen of buiten "
        "beeld, of de focusstijl is onzichtbaar (bijvoorbeeld een doorzichtige rand).",
        fix="Haal verborgen links en knoppen uit de tabvolgorde (display: none, visibility: hidden of inert tot het menu "
        "opengaat), laat een skiplink verschijnen bij focus, en geef :focus-visible een rand met een zichtbare kleur.",
    ),
    Texts(
        title="Keyboard focus lands on something that cannot be seen",
        who="Keyboard users press Tab and cannot see where they are: the element is hidden or off-screen, or its focus "
        "style is invisible.",
        fix="Take hidden links and buttons out of the tab order, show skip links on focus, give :focus-visible a visible "
        "outline.",
    ),
    _invisible,
)
FOCUS_OBSCURED = page_check(
    "focus-obscured", ("2.4.11",), "focus-not-obscured-minimum", "serious",
    Texts(
        title="Het element met de toetsenbordfocus zit verstopt onder een vaste balk",
        who="Wie met het toetsenbord werkt, ziet het element met de focus niet: een kopbalk, voettekst of cookiebalk die "
        "vast op het scherm staat, ligt erover.",
        fix="Geef de pagina scroll-padding (bijvoorbeeld scroll-padding-top gelijk aan de hoogte van de vaste balk), of "
        "laat de balk niet over de inhoud liggen.",
    ),
    Texts(
        title="The focused element is hidden under a fixed bar",
        who="Keyboard users cannot see the focused element: a fixed header, footer or cookie bar covers it.",
        fix="Use scroll-padding as high as the fixed bar, or do not let the bar cover the content.",
    ),
    _obscured,
)
FOCUS_ORDER = page_check(
    "focus-order", ("2.4.3",), "focus-order", "moderate",
    Texts(
        title="De tabvolgorde springt heen en weer over de pagina",
        who="Wie met het toetsenbord of een vergrootglas werkt, volgt de focus. Springt die terug naar boven of van "
        "rechts naar links, dan raakt men de draad kwijt en mist men onderdelen.",
        fix="Zet de elementen in de HTML in de volgorde waarin men ze leest, gebruik geen tabindex groter dan 0, en "
        "keer de volgorde niet om met CSS (order, flex-direction: row-reverse, float: right).",
    ),
    Texts(
        title="The tab order jumps around the page",
        who="Keyboard and magnifier users follow the focus; when it jumps back up or right to left they lose their place.",
        fix="Put the HTML in reading order, do not use a positive tabindex, do not reverse the order with CSS.",
    ),
    _order,
)
MOUSE_ONLY = page_check(
    "mouse-only-control", ("2.1.1",), "keyboard", "serious",
    Texts(
        title="Knoppen en links die alleen met de muis werken",
        who="Wie met het toetsenbord, een schermlezer of spraakbesturing werkt, kan dit element niet bedienen: het "
        "reageert op een klik, maar is niet met Tab te bereiken.",
        fix="Gebruik een echte <button> of <a href>. Kan dat niet, geef het element dan tabindex=\"0\", een passende "
        "role en laat Enter (en voor een knop de spatiebalk) hetzelfde doen als een klik.",
    ),
    Texts(
        title="Controls that only work with a mouse",
        who="Keyboard, screen reader and voice control users cannot operate it: it reacts to clicks but cannot be "
        "reached with Tab.",
        fix="Use a real <button> or <a href>; otherwise add tabindex=\"0\", a role and keyboard handling.",
    ),
    _mouse_only,
)
REFLOW = page_check(
    "reflow", ("1.4.10",), "reflow", "serious",
    Texts(
        title="Tekst past niet in een smal venster (320 pixels)",
        who="Wie sterk inzoomt (400 %) of een smartphone gebruikt, moet voor elke regel heen en weer scrollen, of ziet "
        "een deel van de tekst niet.",
        fix="Gebruik geen vaste breedtes in pixels voor tekstvakken (max-width in plaats van width), laat lange woorden "
        "afbreken (overflow-wrap: break-word, hyphens: auto) en vermijd white-space: nowrap of <nobr> voor lange teksten.",
    ),
    Texts(
        title="Text does not fit a narrow window (320 pixels)",
        who="People who zoom to 400 % or use a phone have to scroll sideways for every line, or miss text.",
        fix="Avoid fixed pixel widths (use max-width), let long words wrap, avoid nowrap for long text.",
    ),
    _reflow,
)
TEXT_SPACING_CLIPPED = page_check(
    "text-spacing-clipped", ("1.4.12",), "text-spacing", "serious",
    Texts(
        title="Tekst valt weg of over elkaar bij meer ruimte tussen letters, woorden en regels",
        who="Mensen met dyslexie of een visuele beperking zetten met een hulpmiddel meer ruimte tussen letters, woorden "
        "en regels. Dan wordt deze tekst afgesneden of schuift hij over andere tekst.",
        fix="Geef tekstvakken geen vaste hoogte (min-height in plaats van height) en gebruik overflow: hidden niet voor "
        "vakken met tekst.",
    ),
    Texts(
        title="Text is cut off or overlaps when spacing is increased",
        who="People with dyslexia or low vision increase spacing; this text is then cut off or overlaps other text.",
        fix="Do not give text boxes a fixed height (use min-height) and avoid overflow: hidden on them.",
    ),
    _broken("spacing_broken", "met de tekstafstand van WCAG 1.4.12", lambda: TEXT_SPACING_CLIPPED),
)
ZOOM_CLIPPED = page_check(
    "zoom-text-clipped", ("1.4.4",), "resize-text", "serious",
    Texts(
        title="Tekst valt weg of over elkaar bij 200 % zoom",
        who="Slechtziende mensen vergroten de tekst. Bij 200 % wordt deze tekst afgesneden of schuift hij over andere tekst.",
        fix="Geef tekstvakken geen vaste hoogte in pixels (min-height in plaats van height) en laat ze meegroeien met de "
        "tekst.",
    ),
    Texts(
        title="Text is cut off or overlaps at 200 % zoom",
        who="People with low vision enlarge text; at 200 % this text is cut off or overlaps other text.",
        fix="Do not give text boxes a fixed height in pixels; let them grow with the text.",
    ),
    _broken("zoom_broken", "bij 200 % zoom", lambda: ZOOM_CLIPPED),
)
HOVER_DISMISS = page_check(
    "hover-not-dismissable", ("1.4.13",), "content-on-hover-or-focus", "moderate",
    Texts(
        title="Inhoud die verschijnt bij aanwijzen met de muis en niet weg te krijgen is",
        who="Wie met een vergrootglas werkt, ziet vaak alleen dit uitklapvenster of deze tooltip: het ligt over de tekst "
        "die men wil lezen en verdwijnt niet met Escape zonder de muis te verplaatsen.",
        fix="Laat Escape de inhoud verbergen (een keydown-handler op het document), zonder dat de muis of de focus moet "
        "bewegen.",
    ),
    Texts(
        title="Content shown on hover that cannot be dismissed",
        who="Magnifier users see this popup over the text they want to read; Escape does not hide it.",
        fix="Let Escape hide the content without moving the pointer or the focus.",
    ),
    _hover,
)

CHARACTER_SHORTCUT = page_check(
    "character-key-shortcut", ("2.1.4",), "character-key-shortcuts", "serious",
    Texts(
        title="Sneltoetsen van één letter of teken die u niet kunt uitzetten",
        who="Wie met spraak werkt, dicteert woorden: elke letter kan dan een sneltoets van de pagina afvuren. Ook wie "
        "met één vinger of een aangepast toetsenbord typt, drukt ze per ongeluk in.",
        fix="Laat een sneltoets van één letter, cijfer of leesteken alleen werken als het element waar hij bij hoort de "
        "focus heeft, of geef een instelling om hem uit te zetten of er Ctrl of Alt bij te nemen.",
    ),
    Texts(
        title="Single character shortcuts that cannot be turned off",
        who="Speech input users dictate words, and every letter may fire a shortcut; people who type with one finger or "
        "an adapted keyboard press them by accident.",
        fix="Let a single character shortcut work only when its component has focus, or offer a setting to turn it off "
        "or add Ctrl or Alt.",
    ),
    _shortcuts,
)
MOTION_ACTUATION = page_check(
    "motion-actuation", ("2.5.4",), "motion-actuation", "serious",
    Texts(
        title="De pagina werkt met het kantelen of schudden van het toestel",
        who="Wie zijn toestel niet kan bewegen (het zit vast aan een rolstoel) kan dit niet bedienen, en wie beeft, zet "
        "het per ongeluk in gang.",
        fix="Geef voor alles wat met beweging werkt ook een gewone knop, en een instelling om het reageren op beweging "
        "uit te zetten.",
    ),
    Texts(
        title="The page is operated by tilting or shaking the device",
        who="People whose device is mounted (on a wheelchair) cannot operate it; people with tremors set it off by "
        "accident.",
        fix="Offer a plain control for everything motion does, and a setting to turn motion off.",
    ),
    _motion,
)

INTERACTION_CHECKS = (
    KEYBOARD_TRAP, FOCUS_INVISIBLE, FOCUS_OBSCURED, FOCUS_ORDER, MOUSE_ONLY, REFLOW, TEXT_SPACING_CLIPPED, ZOOM_CLIPPED,
    HOVER_DISMISS, CHARACTER_SHORTCUT, MOTION_ACTUATION,
)
