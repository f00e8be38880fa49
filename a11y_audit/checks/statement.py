"""The accessibility statement as site-level findings (a legal requirement, not a WCAG criterion).

One analysis per site (``analyse_statement``); each missing element is its own
registry entry, so reports can say what to add and why. All entries have an
empty criteria tuple: the statement is required by the Bestuursdecreet and EU
directive 2016/2102, not by WCAG.
"""

from __future__ import annotations

from datetime import date
from typing import Iterable, Sequence

from ..snapshot import PageSnapshot
from .base import CANT_TELL, Check, Finding, Texts
from .pages import home_of, page_url
from .statement_analysis import StatementResult, analyse_statement

MODEL_URL = "https://eur-lex.europa.eu/legal-content/NL/TXT/?uri=CELEX:32018D1523"
_STATUS_NL = {"volledig": "volledig conform", "gedeeltelijk": "gedeeltelijk conform", "niet": "niet conform"}


def _check(rule_id: str, impact: str, nl: Texts, en: Texts, **kwargs: object) -> Check:
    return Check(id=rule_id, criteria=(), impact=impact, texts={"nl": nl, "en": en}, help_url=MODEL_URL, **kwargs)  # type: ignore[arg-type]


def statement_findings(snapshots: Sequence[PageSnapshot], today: date | None) -> Iterable[Finding]:
    result = analyse_statement(snapshots, today)
    home = home_of([s for s in snapshots if s.audited])
    if home is None:
        return
    if not result.found:
        yield STATEMENT_MISSING.finding(
            page_url(home), message="geen toegankelijkheidsverklaring gevonden: geen link en geen pagina die zo heet"
        )
        return
    yield from _link_findings(result, page_url(home))
    if not result.analysed:
        yield STATEMENT_UNCHECKED.finding(
            result.url, snippet=result.url, outcome=CANT_TELL,
            message="de verklaring is gelinkt, maar de pagina werd niet bezocht: de inhoud is niet nagekeken",
        )
        return
    yield from _content_findings(result)


def _link_findings(result: StatementResult, home_url: str) -> Iterable[Finding]:
    if not result.linked:
        missing = len(result.pages_without_link)
        yield STATEMENT_NOT_LINKED.finding(
            home_url,
            snippet=result.url,
            message=f"de startpagina linkt niet naar de verklaring, en {missing} "
            f"{'pagina linkt' if missing == 1 else 'pagina’s linken'} er niet naar",
        )


def _content_findings(r: StatementResult) -> Iterable[Finding]:
    url = r.url
    if r.status is None:
        yield STATEMENT_NO_STATUS.finding(url, message="de verklaring zegt niet of de website volledig, gedeeltelijk of niet conform is")
    elif r.wcag_version is None:
        yield STATEMENT_NO_STATUS.finding(
            url, message=f"de verklaring zegt '{_STATUS_NL[r.status]}', maar niet met welke versie van WCAG"
        )
    if r.date_drawn_up is None and r.date_reviewed is None:
        yield STATEMENT_NO_DATE.finding(url, message="de verklaring zegt niet wanneer ze opgesteld of herzien is")
    elif r.date_drawn_up is None:
        yield STATEMENT_NO_DATE.finding(url, message="de verklaring zegt niet wanneer ze opgesteld is")
    if r.outdated and r.latest_date is not None:
        yield STATEMENT_OUTDATED.finding(
            url, snippet=r.latest_date.isoformat(),
            message=f"de verklaring is het laatst opgesteld of herzien op {r.latest_date:%d-%m-%Y}, meer dan een jaar geleden",
        )
    if not r.has_feedback or not r.has_contact:
        what = "geen manier om een probleem te melden" if not r.has_feedback else "geen e-mailadres, telefoonnummer of contactformulier"
        yield STATEMENT_NO_FEEDBACK.finding(url, message=f"de verklaring geeft {what}")
    if not r.has_enforcement:
        yield STATEMENT_NO_ENFORCEMENT.finding(
            url, message="de verklaring zegt niet waar iemand een klacht kan indienen (Vlaamse Ombudsdienst)"
        )
    if not r.has_non_accessible_list and r.status != "volledig":
        yield STATEMENT_NO_LIST.finding(url, message="de verklaring somt niet op welke inhoud niet toegankelijk is, en waarom")


STATEMENT_MISSING = _check(
    "statement-missing",
    "serious",
    Texts(
        title="Er is geen toegankelijkheidsverklaring",
        who="Bezoekers met een beperking weten niet welke delen van de website niet toegankelijk zijn, en niet waar ze "
        "een probleem kunnen melden of hulp kunnen vragen. Elke overheidswebsite moet een verklaring hebben "
        "(Bestuursdecreet, Europese richtlijn 2016/2102).",
        fix="Maak een toegankelijkheidsverklaring volgens het Europese model en zet een link 'Toegankelijkheid' of "
        "'Toegankelijkheidsverklaring' in de voettekst van elke pagina.",
    ),
    Texts(
        title="There is no accessibility statement",
        who="Visitors with disabilities cannot tell which parts of the site are not accessible, nor where to report a "
        "problem. Every public-sector website must have one (EU directive 2016/2102).",
        fix="Publish a statement following the EU model and link it from the footer of every page.",
    ),
    site=statement_findings,
    dated=True,
)

STATEMENT_NOT_LINKED = _check(
    "statement-not-linked",
    "moderate",
    Texts(
        title="De toegankelijkheidsverklaring is moeilijk te vinden",
        who="Wie een probleem heeft met de website, moet de verklaring snel vinden. Ze moet gelinkt zijn vanaf de "
        "startpagina of vanaf elke pagina.",
        fix="Zet een link naar de verklaring in de voettekst of de kop van elke pagina.",
    ),
    Texts(
        title="The accessibility statement is hard to find",
        who="Visitors who run into a problem must find the statement quickly: it must be linked from the home page or "
        "from every page.",
        fix="Link the statement from the header or footer of every page.",
    ),
)

STATEMENT_UNCHECKED = _check(
    "statement-unchecked",
    "minor",
    Texts(
        title="De inhoud van de toegankelijkheidsverklaring is niet nagekeken",
        who="De verklaring is gelinkt, maar staat buiten de bezochte pagina's (bijvoorbeeld op een andere website).",
        fix="Kijk zelf na of de verklaring alle verplichte onderdelen heeft, of neem ze op in de audit.",
    ),
    Texts(
        title="The accessibility statement's content was not checked",
        who="The statement is linked, but was not among the visited pages (for example, it is on another website).",
        fix="Review the statement by hand, or include it in the audit.",
    ),
)

STATEMENT_NO_STATUS = _check(
    "statement-no-status",
    "moderate",
    Texts(
        title="De toegankelijkheidsverklaring zegt niet hoe toegankelijk de website is",
        who="Bezoekers weten niet of ze de website volledig kunnen gebruiken.",
        fix="Schrijf onder 'Nalevingsstatus' of de website volledig, gedeeltelijk of niet conform is met WCAG 2.1 "
        "niveau AA.",
    ),
    Texts(
        title="The accessibility statement does not give the compliance status",
        who="Visitors cannot tell whether they will be able to use the website.",
        fix="State whether the site is fully, partially or not compliant with WCAG 2.1 level AA.",
    ),
)

STATEMENT_NO_DATE = _check(
    "statement-no-date",
    "moderate",
    Texts(
        title="De toegankelijkheidsverklaring heeft geen datum",
        who="Bezoekers weten niet of de informatie in de verklaring nog klopt.",
        fix="Schrijf onder 'Opstelling van deze verklaring' wanneer de verklaring is opgesteld, hoe (zelf beoordeeld "
        "of door een andere organisatie) en wanneer ze het laatst is herzien.",
    ),
    Texts(
        title="The accessibility statement has no date",
        who="Visitors cannot tell whether the statement is still accurate.",
        fix="Say when the statement was drawn up, how, and when it was last reviewed.",
    ),
)

STATEMENT_OUTDATED = _check(
    "statement-outdated",
    "moderate",
    Texts(
        title="De toegankelijkheidsverklaring is ouder dan een jaar",
        who="De verklaring moet minstens elk jaar herzien worden. Een oude verklaring zegt misschien niet meer welke "
        "delen van de website niet toegankelijk zijn.",
        fix="Kijk de website opnieuw na, pas de verklaring aan en vermeld de datum van de herziening.",
    ),
    Texts(
        title="The accessibility statement is more than a year old",
        who="The statement must be reviewed at least every year; an old one may no longer say what is not accessible.",
        fix="Review the site again, update the statement and give the date of the review.",
    ),
)

STATEMENT_NO_FEEDBACK = _check(
    "statement-no-feedback",
    "serious",
    Texts(
        title="De toegankelijkheidsverklaring zegt niet hoe u een probleem meldt",
        who="Wie een deel van de website niet kan gebruiken, moet dat kunnen melden en de informatie op een andere "
        "manier kunnen vragen.",
        fix="Schrijf onder 'Feedback en contactgegevens' hoe bezoekers een probleem melden: een e-mailadres, een "
        "telefoonnummer of een contactformulier, en binnen welke termijn ze antwoord krijgen.",
    ),
    Texts(
        title="The accessibility statement does not say how to report a problem",
        who="People who cannot use part of the site must be able to report it and ask for the information in another way.",
        fix="Give a feedback mechanism with contact details (e-mail, phone or a contact form).",
    ),
)

STATEMENT_NO_ENFORCEMENT = _check(
    "statement-no-enforcement",
    "moderate",
    Texts(
        title="De toegankelijkheidsverklaring zegt niet waar u een klacht indient",
        who="Wie geen of geen goed antwoord krijgt, moet weten dat hij een klacht kan indienen.",
        fix="Schrijf onder 'Handhavingsprocedure' dat bezoekers een klacht kunnen indienen bij de Vlaamse "
        "Ombudsdienst, met een link naar de website van de Ombudsdienst.",
    ),
    Texts(
        title="The accessibility statement does not give the enforcement procedure",
        who="People who get no satisfactory answer must know where to complain.",
        fix="Describe the enforcement procedure (in Flanders: the Vlaamse Ombudsdienst) with a link.",
    ),
)

STATEMENT_NO_LIST = _check(
    "statement-no-non-accessible",
    "moderate",
    Texts(
        title="De toegankelijkheidsverklaring zegt niet wat niet toegankelijk is",
        who="Bezoekers weten niet welke delen van de website ze niet kunnen gebruiken, waarom, en welk alternatief er is.",
        fix="Som onder 'Niet-toegankelijke inhoud' op wat niet toegankelijk is, waarom (niet conform, onevenredige "
        "last of buiten de regels) en welk toegankelijk alternatief er is.",
    ),
    Texts(
        title="The accessibility statement does not list the non-accessible content",
        who="Visitors cannot tell which parts they will not be able to use, why, or what the alternative is.",
        fix="List the non-accessible content, the reason, and the accessible alternatives.",
    ),
)

STATEMENT_CHECKS: tuple[Check, ...] = (
    STATEMENT_MISSING,
    STATEMENT_NOT_LINKED,
    STATEMENT_UNCHECKED,
    STATEMENT_NO_STATUS,
    STATEMENT_NO_DATE,
    STATEMENT_OUTDATED,
    STATEMENT_NO_FEEDBACK,
    STATEMENT_NO_ENFORCEMENT,
    STATEMENT_NO_LIST,
)
