"""The user texts of the site-wide checks (checks/site.py), in Dutch and English."""

from __future__ import annotations

from .base import Texts

TEXTS: dict[str, dict[str, Texts]] = {
    "page-title-unclear": {
        "nl": Texts(
            title="Paginatitels die niet zeggen over welke pagina het gaat",
            who="De titel is het eerste wat een schermlezer voorleest, en wat u ziet in tabbladen, bladwijzers en "
            "zoekresultaten. Een titel als 'Home' of alleen de naam van de website zegt niet waar u bent; "
            "pagina's met dezelfde titel zijn niet uit elkaar te houden.",
            fix="Geef elke pagina een eigen titel die het onderwerp noemt, gevolgd door de naam van de website, "
            "bijvoorbeeld 'Afvalkalender – Gemeente Beekveld'.",
        ),
        "en": Texts(
            title="Page titles that do not say what the page is about",
            who="The title is the first thing a screen reader reads and what users see in tabs, bookmarks and search "
            "results. 'Home' or only the site name does not say where you are; pages with the same title cannot be "
            "told apart.",
            fix="Give each page its own title naming its topic, followed by the site name.",
        ),
    },
    "multiple-ways": {
        "nl": Texts(
            title="Pagina's zijn maar op één manier te vinden",
            who="Niet iedereen vindt een pagina via het menu. Mensen met een cognitieve beperking, blinde bezoekers "
            "en wie het menu niet begrijpt, zoeken liever of gebruiken een overzicht van alle pagina's.",
            fix="Zorg naast het menu voor een tweede manier: een zoekfunctie (met role=\"search\") of een sitemap of "
            "A-Z-lijst die vanaf elke pagina gelinkt is.",
        ),
        "en": Texts(
            title="Pages can be found in only one way",
            who="Not everyone finds pages through the menu; many people prefer to search or to use a list of all pages.",
            fix="Besides the menu, offer a search function or a sitemap or A-Z list linked from every page.",
        ),
    },
    "navigation-order": {
        "nl": Texts(
            title="Het menu staat niet op elke pagina in dezelfde volgorde",
            who="Wie slecht ziet, een schermlezer gebruikt of zich het menu uit het hoofd herinnert, zoekt een link "
            "op de plaats waar hij de vorige keer stond. Een andere volgorde doet mensen verdwalen.",
            fix="Toon het menu, de kop en de voettekst op elke pagina met dezelfde links in dezelfde volgorde.",
        ),
        "en": Texts(
            title="The menu is not in the same order on every page",
            who="People with low vision, screen reader users and people who remember the menu look for a link where it "
            "was before; a different order gets them lost.",
            fix="Show the menu, header and footer with the same links in the same order on every page.",
        ),
    },
    "consistent-identification": {
        "nl": Texts(
            title="Dezelfde link heeft op verschillende pagina's een andere naam",
            who="Wie een schermlezer gebruikt of moeite heeft met lezen, herkent een link aan zijn naam. Heet dezelfde "
            "link in het menu de ene keer 'Nieuws' en de andere keer 'Actueel', dan lijkt het een andere link.",
            fix="Geef links in het menu, de kop en de voettekst op elke pagina dezelfde naam.",
        ),
        "en": Texts(
            title="The same link has a different name on different pages",
            who="Screen reader users and people who find reading hard recognise a link by its name; a different name "
            "makes it look like another link.",
            fix="Give links in the menu, header and footer the same name on every page.",
        ),
    },
    "skip-link": {
        "nl": Texts(
            title="Geen werkende link om naar de inhoud te springen",
            who="Wie met het toetsenbord werkt, moet op elke pagina eerst door alle links van de kop en het menu "
            "tabben voor hij bij de inhoud komt. Een link 'Naar de hoofdinhoud' die nergens naartoe gaat, helpt niet.",
            fix="Zet als eerste link van de pagina 'Naar de hoofdinhoud', die naar de hoofdinhoud springt "
            "(bijvoorbeeld href=\"#inhoud\" naar <main id=\"inhoud\">), en gebruik een <main>-element.",
        ),
        "en": Texts(
            title="No working link to skip to the content",
            who="Keyboard users must tab through all header and menu links on every page before reaching the content; "
            "a skip link whose target does not exist does not help.",
            fix="Make 'Skip to main content' the first link, pointing to the main element, and use a <main> element.",
        ),
    },
}
