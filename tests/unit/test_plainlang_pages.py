"""Plain Dutch on pages: which text is main text, indicators per page and site, findings as own checks."""

from a11y_audit.checks import CANT_TELL, check_site, get_check
from a11y_audit.plainlang import findings as ids
from a11y_audit.plainlang.maintext import HEADING, ITEM, TEXT, main_text, site_chrome, site_main_texts
from a11y_audit.plainlang.reading import page_indicators, page_problems, read_page, site_indicators
from a11y_audit.wcag.scoring import score_site

from snapshots import block, link, loose, page

PLAIN = [
    "Wij halen uw afval op maandag op.",
    "Zet de container voor zeven uur buiten.",
    "Zo kunnen we hem zeker meenemen.",
    "Hebt u een vraag? Bel ons gerust.",
]
HEAVY = (
    "Teneinde een vlotte ophaling te garanderen, wordt de burger verzocht het afval uiterlijk om 6 uur 's "
    "morgens op de daartoe voorziene plaats buiten te plaatsen, waarbij de recipiënten op een zodanige wijze "
    "dienen te worden geplaatst dat het verkeer niet gehinderd wordt."
)
FRENCH = (
    "Les personnes qui ne parlent pas le néerlandais peuvent obtenir une traduction des documents sur demande. "
    "Vous pouvez aussi demander votre carte d'identité au service population de la commune."
)


def snap(url="https://gemeente.be/afval", blocks=(), **facts):
    return page(url, text_blocks=list(blocks), **facts)


def texts(page_text):
    return [b.text for b in page_text.blocks]


def test_main_text_leaves_out_menus_header_footer_search_and_cookie_banners():
    s = snap(
        blocks=[
            block("li", "Home", region="navigation"),
            block("p", "Gemeente Beekveld, dicht bij u.", region="banner"),
            block("h1", "Afval"),
            block("p", PLAIN[0]),
            block("p", "Deze website gebruikt cookies. Kies welke u aanvaardt.", region=""),
            block("p", "Wij plaatsen cookies om de site te verbeteren.", region="", selector="#cookie-notice > p"),
            block("li", "Afvalkalender"),  # only a link: a menu inside main
            block("p", "Zoek op trefwoord.", region="search"),
            block("p", "© Gemeente Beekveld, Dorpsstraat 1.", region="contentinfo"),
        ],
        links=[link("https://gemeente.be/kalender", "Afvalkalender")],
        loose_text=[
            loose("Lees voor", 3),  # a label, not running text
            loose("Het recyclagepark is open van dinsdag tot zaterdag, ook op feestdagen.", 4),
        ],
    )
    page_text = main_text(s)
    assert texts(page_text) == [
        "Afval",
        PLAIN[0],
        "Het recyclagepark is open van dinsdag tot zaterdag, ook op feestdagen.",
    ]
    assert [b.kind for b in page_text.blocks] == [HEADING, TEXT, TEXT]


def test_text_repeated_on_most_pages_of_a_site_is_chrome():
    contact = "Contacteer ons via info@gemeente.be of bel naar het onthaal."
    pages = [
        snap(f"https://gemeente.be/p{i}", [block("h1", f"Pagina {i}"), block("p", f"Dit is de tekst van pagina {i}."),
                                           block("p", contact, region="")])
        for i in range(5)
    ]
    assert site_chrome(pages) == {contact.lower()}
    assert all(contact not in texts(p) for p in site_main_texts(pages))
    # on a small site a repeat says nothing: kept
    assert site_chrome(pages[:2]) == frozenset()
    assert contact in texts(site_main_texts(pages[:2])[0])


def test_exact_repeats_on_one_page_count_once():
    page_text = main_text(snap(blocks=[block("p", PLAIN[0]), block("p", PLAIN[0]), block("p", PLAIN[1])]))
    assert texts(page_text) == [PLAIN[0], PLAIN[1]]


def test_non_dutch_blocks_are_skipped_and_the_lang_attribute_is_respected():
    s = snap(blocks=[
        block("h1", "Anderstalige nieuwkomers"),
        block("p", " ".join(PLAIN)),
        block("p", FRENCH),  # no lang attribute, but clearly French
        block("p", "Read this page in English.", lang="en"),  # short: its own lang decides
    ])
    page_text = main_text(s)
    assert page_text.is_dutch
    dutch = [b.text for b in page_text.dutch_blocks]
    assert dutch == ["Anderstalige nieuwkomers", " ".join(PLAIN)]
    languages = {b.text[:10]: b.language for b in page_text.blocks}
    assert languages[FRENCH[:10]] == "fr" and languages["Read this "] == "en"


def test_a_wrong_html_lang_does_not_hide_dutch_text():
    # a content management system that writes lang="en-US" on a Dutch site
    s = snap(lang="en-US", blocks=[block("h1", "Afval", lang="en-US"), block("p", HEAVY + " " + " ".join(PLAIN), lang="en-US")])
    page_text = main_text(s)
    assert page_text.language == "nl" and page_text.declared == "en"
    assert len(page_text.dutch_blocks) == 2
    assert page_indicators(page_text) is not None


def test_headings_and_list_items_are_not_sentences():
    long_heading = "Alles wat u moet weten over het ophalen van grofvuil, snoeiafval, papier en karton en glas in de hele gemeente"
    fragment = "uw identiteitskaart of een ander bewijs van uw identiteit en een recent bewijs van uw adres in de gemeente"
    page_text = main_text(snap(blocks=[block("h2", long_heading), block("p", PLAIN[0]), block("li", fragment)]))
    assert [b.kind for b in page_text.blocks] == [HEADING, TEXT, ITEM]
    assert not any(b.is_sentence for b in page_text.blocks if b.kind != TEXT)
    indicators = page_indicators(page_text)
    assert indicators.sentences == 1 and indicators.words == len(PLAIN[0].split())
    assert not [p for p in page_problems(page_text) if p.finding.rule_id == ids.LONG_SENTENCE]
    # an item written as a full sentence is one
    sentence_item = main_text(snap(blocks=[block("li", HEAVY)])).blocks[0]
    assert sentence_item.is_sentence


def test_indicators_per_page_and_site_tell_plain_from_officialese():
    plain = main_text(snap("https://a.be/1", [block("p", t) for t in PLAIN]))
    heavy = main_text(snap("https://a.be/2", [block("p", HEAVY)]))
    easy, hard = read_page(plain).indicators, read_page(heavy).indicators
    assert easy.score > 60 > 30 > hard.score
    assert easy.average_sentence_length < 10 < 20 < hard.average_sentence_length
    assert hard.long_sentence_share == 1.0 and hard.flesch_douma < easy.flesch_douma and hard.brouwer < easy.brouwer
    site = site_indicators([plain, heavy])
    assert hard.score < site.score < easy.score and site.words == easy.words + hard.words
    assert site_indicators([]) is None and read_page(main_text(snap(blocks=[]))).indicators is None


def test_findings_are_cant_tell_advice_under_3_1_5_with_sentence_selector_and_suggestion():
    s = snap(blocks=[block("h1", "Afval"), block("p", HEAVY, selector="#inhoud > p")])
    found = [f for f in check_site([s]) if f.rule_id.startswith("plainlang-")]
    rules = {f.rule_id for f in found}
    assert {ids.LONG_SENTENCE, ids.PASSIVE_VOICE, ids.OFFICIALESE} <= rules
    for f in found:
        assert f.outcome == CANT_TELL and f.criteria == ("3.1.5",) and f.impact in ("minor", "moderate")
        assert f.selector == "#inhoud > p" and f.snippet == HEAVY and f.page_url == "https://gemeente.be/afval"
        assert get_check(f.rule_id) is not None and f.fingerprint
    officialese = next(f for f in found if f.rule_id == ids.OFFICIALESE)
    assert "Schrijf 'om' in plaats van 'teneinde'" in officialese.message


def test_every_plain_language_rule_has_a_check_with_dutch_and_english_texts():
    for rule_id in ids.RULE_IDS:
        check = get_check(rule_id)
        assert check is not None and check.criteria == ("3.1.5",)
        assert check.texts["nl"].title and check.texts["en"].title and check.texts["nl"].fix


def test_each_rule_reports_at_most_ten_findings_per_page():
    sentences = [f"{HEAVY[:-1]}, zoals in wijk {n}." for n in range(15)]
    found = [f for f in check_site([snap(blocks=[block("p", t) for t in sentences])]) if f.rule_id == ids.LONG_SENTENCE]
    assert len(found) == 10
    assert sum("nog 5 keer" in f.message for f in found) == 1


def test_mixed_address_abbreviations_and_hours():
    page_text = main_text(snap(blocks=[
        block("p", "Je kan langskomen van 8.30 u tot 12 u. Breng je identiteitskaart mee."),
        block("p", "Vraag het aan de VDAB of bij het OCMW (openbaar centrum voor maatschappelijk welzijn)."),
        block("li", "CONTACT"),
    ]))
    rules = [(p.finding.rule_id, p.finding.text) for p in page_problems(page_text)]
    assert (ids.UNEXPLAINED_ABBREVIATION, "VDAB") in rules
    assert (ids.UNEXPLAINED_ABBREVIATION, "OCMW") not in rules  # explained in brackets
    assert (ids.UNEXPLAINED_ABBREVIATION, "CONTACT") not in rules  # a label in capitals
    assert not [r for r in rules if r[0] == ids.MIXED_ADDRESS]  # "8.30 u" is an hour, not "u"
    mixed = main_text(snap(blocks=[block("p", "Je kan langskomen. Neem uw identiteitskaart mee. Wij helpen je graag.")]))
    assert [p.finding.text for p in page_problems(mixed) if p.finding.rule_id == ids.MIXED_ADDRESS] == ["uw"]


def test_plain_language_findings_never_change_the_wcag_scores():
    pages = [snap(f"https://a.be/{i}", [block("p", HEAVY)]) for i in range(3)]
    findings = check_site(pages)
    plain = [f for f in findings if f.rule_id.startswith("plainlang-")]
    assert plain
    other = [f for f in findings if not f.rule_id.startswith("plainlang-")]
    assert score_site(pages, findings) == score_site(pages, other)


def test_a_stop_after_a_space_still_ends_a_sentence():
    # real CMS markup: "identiteitskaart . Kinderen" (a space left before the stop, around a link)
    from a11y_audit.plainlang import split_sentences

    assert split_sentences("U krijgt een identiteitskaart . Kinderen krijgen een Kids-ID. Is uw eID gestolen ? Bel ons.") == [
        "U krijgt een identiteitskaart .", "Kinderen krijgen een Kids-ID.", "Is uw eID gestolen ?", "Bel ons.",
    ]
    assert split_sentences("Zie art . 5 van het reglement.") == ["Zie art . 5 van het reglement."]
