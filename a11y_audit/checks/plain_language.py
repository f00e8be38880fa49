"""Plain Dutch ("Heerlijk Helder", "klare taal"): advice for writers on the main text of every page.

One site-level function reads the main text of all pages of a site (menus, footers, cookie banners
and text repeated on most pages left out, see ``plainlang.maintext``) and yields the findings of
the eight registry entries below. They are advice for a writer, not failures: outcome "cannot
tell", WCAG 3.1.5 Reading Level (AAA), so they never change the A and AA scores. The report shows
them in their own section, "Begrijpelijke taal", with the page's indicators.
"""

from __future__ import annotations

from typing import Iterable, Sequence

from ..plainlang import findings as ids
from ..plainlang.maintext import site_main_texts
from ..plainlang.reading import BlockProblem, page_problems
from ..snapshot import PageSnapshot
from .base import CANT_TELL, Check, Finding, Texts

CRITERIA = ("3.1.5",)
HELP_URL = "https://www.w3.org/WAI/WCAG22/Understanding/reading-level.html"


def message(problem: BlockProblem) -> str:
    """The finding's explanation and concrete suggestion, and how many more the cap left out."""
    text = f"{problem.finding.explanation} {problem.finding.suggestion}"
    if problem.more:
        text += f" Op deze pagina nog {problem.more} keer; hier staan alleen de eerste."
    return text


def _plain_language(snapshots: Sequence[PageSnapshot]) -> Iterable[Finding]:
    for page in site_main_texts(snapshots):
        for problem in page_problems(page):
            check = _BY_ID.get(problem.finding.rule_id)
            if check is None:
                continue
            yield check.finding(
                page.url,
                selector=problem.block.selector,
                snippet=problem.finding.sentence,
                message=message(problem),
                outcome=CANT_TELL,
            )


def _check(rule_id: str, impact: str, nl: Texts, en: Texts, **kwargs) -> Check:
    return Check(id=rule_id, criteria=CRITERIA, impact=impact, help_url=HELP_URL, texts={"nl": nl, "en": en}, **kwargs)


PLAIN_LONG_SENTENCE = _check(
    ids.LONG_SENTENCE, "moderate",
    Texts(
        title="Lange zinnen",
        who="Lange zinnen zijn moeilijk te volgen, zeker voor wie minder goed leest, Nederlands als tweede taal "
        "heeft, dyslexie heeft of een cognitieve beperking. Wie een schermlezer gebruikt, moet de hele zin "
        "onthouden.",
        fix="Schrijf korte zinnen: gemiddeld 15 woorden, nooit meer dan 25. Eén boodschap per zin, de belangrijkste "
        "informatie vooraan.",
    ),
    Texts(
        title="Long sentences",
        who="Long sentences are hard to follow, especially for weaker readers, second-language readers and people "
        "with dyslexia or a cognitive disability. Screen reader users must remember the whole sentence.",
        fix="Write short sentences: about 15 words on average, never more than 25. One message per sentence.",
    ),
    site=_plain_language,  # this one function yields the findings of all eight plain-language rules
)

PLAIN_PASSIVE_VOICE = _check(
    ids.PASSIVE_VOICE, "minor",
    Texts(
        title="Lijdende vorm",
        who="In de lijdende vorm ('uw aanvraag wordt behandeld') ziet de lezer niet wie iets doet. Dat maakt de "
        "tekst vaag en afstandelijk.",
        fix="Schrijf actief en zeg wie het doet: 'wij behandelen uw aanvraag', 'u krijgt een brief'.",
    ),
    Texts(
        title="Passive voice",
        who="In the passive voice the reader does not see who does what; the text becomes vague and distant.",
        fix="Write in the active voice and say who acts: 'we handle your application'.",
    ),
)

PLAIN_OFFICIALESE = _check(
    ids.OFFICIALESE, "minor",
    Texts(
        title="Ambtelijke taal",
        who="Woorden als 'teneinde', 'indien' of 'gelieve' kennen veel lezers niet of ze lezen erover. Ze maken "
        "de tekst stijf en moeilijk.",
        fix="Gebruik het gewone woord dat bij elke melding staat, bijvoorbeeld 'als' in plaats van 'indien'.",
    ),
    Texts(
        title="Officialese",
        who="Words such as 'teneinde' or 'indien' are unknown to many readers and make a text stiff and hard.",
        fix="Use the everyday word given with each finding, e.g. 'als' instead of 'indien'.",
    ),
)

PLAIN_NOMINAL_STYLE = _check(
    ids.NOMINAL_STYLE, "minor",
    Texts(
        title="Naamwoordstijl",
        who="In 'overgaan tot betaling' zit de handeling in een zelfstandig naamwoord. Zulke zinnen zijn langer en "
        "abstracter dan nodig.",
        fix="Gebruik het werkwoord zelf: 'betalen' in plaats van 'overgaan tot betaling'.",
    ),
    Texts(
        title="Nominal style",
        who="When the action sits in a noun ('overgaan tot betaling'), sentences get longer and more abstract.",
        fix="Use the verb itself: 'betalen' instead of 'overgaan tot betaling'.",
    ),
)

PLAIN_UNEXPLAINED_ABBREVIATION = _check(
    ids.UNEXPLAINED_ABBREVIATION, "moderate",
    Texts(
        title="Afkortingen zonder uitleg",
        who="Een afkorting als 'OCMW' of 'EPB' kent niet iedereen. Een schermlezer spreekt ze soms uit als een "
        "woord.",
        fix="Schrijf de eerste keer voluit wat de afkorting betekent, met de afkorting erachter tussen haakjes. "
        "Of gebruik geen afkorting.",
    ),
    Texts(
        title="Abbreviations without explanation",
        who="Not every reader knows an abbreviation; screen readers sometimes pronounce it as a word.",
        fix="Spell it out the first time, with the abbreviation in brackets after it, or do not abbreviate.",
    ),
)

PLAIN_MIXED_ADDRESS = _check(
    ids.MIXED_ADDRESS, "minor",
    Texts(
        title="'U' en 'je' door elkaar",
        who="Een tekst die de lezer nu eens met 'u' en dan weer met 'je' aanspreekt, leest onrustig en onverzorgd.",
        fix="Kies één aanspreekvorm voor de hele website en houd die aan.",
    ),
    Texts(
        title="Formal 'u' and informal 'je' mixed",
        who="A text that addresses the reader both formally and informally reads as careless.",
        fix="Choose one form of address for the whole website and keep to it.",
    ),
)

PLAIN_LONG_PARAGRAPH = _check(
    ids.LONG_PARAGRAPH, "minor",
    Texts(
        title="Lange alinea's",
        who="Een lange alinea is een muur van tekst: lezers haken af of vinden niet wat ze zoeken.",
        fix="Verdeel de alinea in kortere alinea's met elk één onderwerp, of maak een opsomming.",
    ),
    Texts(
        title="Long paragraphs",
        who="A long paragraph is a wall of text: readers give up or cannot find what they need.",
        fix="Split it into short paragraphs with one topic each, or use a list.",
    ),
)

PLAIN_MISSING_HEADINGS = _check(
    ids.MISSING_HEADINGS, "moderate",
    Texts(
        title="Lange tekst zonder tussenkoppen",
        who="Zonder tussenkoppen moet de lezer alles lezen om te vinden wat hij zoekt. Wie een schermlezer "
        "gebruikt, springt van kop naar kop en kan dat hier niet.",
        fix="Zet boven elk stuk tekst een tussenkop die zegt waar het over gaat, als echte kop (h2, h3).",
    ),
    Texts(
        title="Long text without headings",
        who="Without headings readers must read everything to find what they need; screen reader users cannot "
        "jump from heading to heading.",
        fix="Put a heading that says what each part is about above it, as a real heading (h2, h3).",
    ),
)

PLAIN_LANGUAGE_CHECKS: tuple[Check, ...] = (
    PLAIN_LONG_SENTENCE,
    PLAIN_PASSIVE_VOICE,
    PLAIN_OFFICIALESE,
    PLAIN_NOMINAL_STYLE,
    PLAIN_UNEXPLAINED_ABBREVIATION,
    PLAIN_MIXED_ADDRESS,
    PLAIN_LONG_PARAGRAPH,
    PLAIN_MISSING_HEADINGS,
)
_BY_ID = {check.id: check for check in PLAIN_LANGUAGE_CHECKS}
