"""The language checks: lang attributes against the detected language (3.1.1, 3.1.2), and pages not in Dutch."""

from a11y_audit.checks import CANT_TELL, FAILED, check_site
from a11y_audit.plainlang.language import detect, function_words_agree, primary

from a11y_audit.snapshot import LangPart, TextBlock

from snapshots import block, page

DUTCH = (
    "Vanaf twaalf jaar krijgt u een oproepingskaart om uw identiteitskaart aan te vragen. Breng een recente pasfoto "
    "mee en uw oude kaart. Na twee tot drie weken krijgt u een brief met uw codes. Daarna haalt u de kaart af in "
    "het gemeentehuis. Wij helpen u graag als u vragen hebt."
)
FRENCH = (
    "Les personnes qui ne parlent pas le néerlandais peuvent obtenir une traduction des documents sur demande. "
    "Vous pouvez aussi demander votre carte d'identité au service population de la commune, qui est ouvert "
    "tous les jours."
)
ENGLISH = (
    "Newcomers who do not speak Dutch yet can get help from the welcome office. You can also apply for your "
    "identity card at the population desk in the town hall, where our staff will be happy to help you with "
    "your questions."
)
SHORT_FRENCH = "Vous pouvez demander votre carte d'identité à la commune."


def language_findings(*snapshots):
    return [(f.rule_id, f.outcome, f.criteria, f.selector) for f in check_site(list(snapshots)) if f.rule_id.startswith("language-")]


def test_detection_is_restricted_confident_and_confirmed_by_function_words():
    assert primary("nl-BE") == "nl" and primary(" EN_us") == "en" and primary("") == ""
    for text, language in ((DUTCH, "nl"), (FRENCH, "fr"), (ENGLISH, "en")):
        found = detect(text)
        assert found.language == language and found.likely and found.sure, (text, found)
    assert detect("Contact").language == ""  # too short to say anything
    assert not detect("belastingen, retributies en andere reglementen").likely  # no function words: not likely
    assert function_words_agree(DUTCH, "nl") and not function_words_agree(DUTCH, "en")


def test_a_dutch_page_with_the_right_lang_has_no_language_findings():
    assert language_findings(page("https://a.be/", text_blocks=[block("h1", "Identiteitskaart"), block("p", DUTCH)])) == []
    # English names and loanwords in Dutch text are not another language
    text = "Download de app via de App Store of Google Play. Log daarna in met je itsme-account en kies 'Mijn Burgerprofiel'."
    assert language_findings(page("https://a.be/", text_blocks=[block("p", text)])) == []


def test_an_html_lang_that_contradicts_the_main_text_fails_when_sure():
    dutch_as_english = page("https://a.be/", lang="en-US", text_blocks=[block("h1", "Identiteitskaart", lang="en-US"),
                                                                       block("p", DUTCH, lang="en-US")])
    assert language_findings(dutch_as_english) == [("language-html-lang-mismatch", FAILED, ("3.1.1",), "html")]
    (finding,) = [f for f in check_site([dutch_as_english]) if f.rule_id.startswith("language-")]
    assert 'lang="en-US"' in finding.snippet and "Nederlands" in finding.message
    # from 100 characters the detection can be sure (bench/language_detection.py); below, the page is not judged
    text = "Breng een recente pasfoto mee en uw oude identiteitskaart. Wij maken dan een afspraak met u. Kom op tijd."
    short = page("https://a.be/", lang="en", text_blocks=[block("p", text, lang="en")])
    assert language_findings(short) == [("language-html-lang-mismatch", FAILED, ("3.1.1",), "html")]
    shorter = page("https://a.be/", lang="en", text_blocks=[block("p", text[:58], lang="en")])
    assert language_findings(shorter) == []


def test_a_missing_or_unknown_html_lang_is_left_to_axe_core():
    assert language_findings(page("https://a.be/", lang="", text_blocks=[block("p", DUTCH, lang="")])) == []
    assert language_findings(page("https://a.be/", lang="vlaams", text_blocks=[block("p", DUTCH, lang="vlaams")])) == []


def test_a_lang_outside_the_four_languages_is_judged_when_the_detector_knows_it():
    english_as_danish = page("https://a.be/", lang="da", text_blocks=[block("p", ENGLISH, lang="da")])
    assert language_findings(english_as_danish) == [("language-html-lang-mismatch", FAILED, ("3.1.1",), "html"),
                                                    ("language-not-dutch", CANT_TELL, (), "html")]
    (finding,) = [f for f in check_site([english_as_danish]) if f.rule_id == "language-html-lang-mismatch"]
    assert "Deens" in finding.message and "Engels" in finding.message
    danish = ("Borgere kan bestille et nyt pas på borgerservice i rådhuset. Husk at medbringe dit gamle pas og et nyt "
              "foto, og betal gebyret, når du bestiller tid.")
    assert detect(danish, also="da").language == "da" and not detect(danish, also="da").likely
    assert language_findings(page("https://a.be/", lang="da", text_blocks=[block("p", danish, lang="da")])) == []
    # Luxembourgish has no model: not judged
    assert language_findings(page("https://a.be/", lang="lb", text_blocks=[block("p", ENGLISH, lang="lb")])) == [
        ("language-not-dutch", CANT_TELL, (), "html")]


def test_an_element_whose_lang_attribute_names_another_language_than_its_text():
    quote = 'literally translates into "He went to roost with the chickens", but it means that he went to bed early.'
    wrong = page("https://a.be/", text_blocks=[block("p", DUTCH)],
                 lang_parts=[LangPart(tag="span", lang="fr", text=quote, selector="#quote")])
    assert language_findings(wrong) == [("language-part-unmarked", FAILED, ("3.1.2",), "#quote")]
    right = page("https://a.be/", text_blocks=[block("p", DUTCH)],
                 lang_parts=[LangPart(tag="span", lang="en-GB", text=quote),
                             LangPart(tag="span", lang="fr", text="Paul put dire comment on tape")])
    assert language_findings(right) == []  # the right language; a short text that is English and French alike
    # a block with its own lang is judged once, as a block
    both = page("https://a.be/", text_blocks=[block("p", DUTCH), block("p", ENGLISH, lang="fr", selector="#en")],
                lang_parts=[LangPart(tag="p", lang="fr", text=ENGLISH, selector="#en")])
    assert language_findings(both) == [("language-part-unmarked", FAILED, ("3.1.2",), "#en")]


def test_a_block_in_another_language_needs_its_own_lang():
    blocks = [block("p", DUTCH), block("p", FRENCH, selector="#fr"), block("p", SHORT_FRENCH, selector="#kort")]
    assert language_findings(page("https://a.be/", text_blocks=blocks)) == [
        ("language-part-unmarked", FAILED, ("3.1.2",), "#fr"),  # long, sure
        ("language-part-unmarked", CANT_TELL, ("3.1.2",), "#kort"),  # short: a person checks
    ]
    marked = [block("p", DUTCH), block("p", FRENCH, lang="fr"), block("p", ENGLISH, lang="en-GB")]
    assert language_findings(page("https://a.be/", text_blocks=marked)) == []
    wrong = [block("p", DUTCH), block("p", ENGLISH, lang="fr", selector="#en")]
    assert language_findings(page("https://a.be/", text_blocks=wrong)) == [("language-part-unmarked", FAILED, ("3.1.2",), "#en")]


def test_a_page_not_in_dutch_is_a_review_point_without_wcag_criterion():
    french = page("https://a.be/fr", lang="fr", text_blocks=[block("h1", "Bienvenue", lang="fr"), block("p", FRENCH, lang="fr")])
    assert language_findings(french) == [("language-not-dutch", CANT_TELL, (), "html")]
    # and not in Dutch plain-language advice either
    assert not [f for f in check_site([french]) if f.rule_id.startswith("plainlang-")]


def test_parts_with_a_lang_of_their_own_do_not_count_for_the_block_around_them():
    # <p lang="nl"><span lang="en">The Dutch phrase</span> "Hij ging..." <span lang="en">literally ...</span></p>
    text = ('The Dutch phrase "Hij ging met de kippen op stok" literally translates into "He went to roost with the '
            'chickens", but it means that he went to bed early.')
    mixed = TextBlock(tag="p", text=text, lang="nl", region="main", selector="#idiom", lang_text='"Hij ging met de kippen op stok"')
    english = block("p", ENGLISH, lang="en")
    assert [f for f in language_findings(page("https://a.be/", lang="en", text_blocks=[english, mixed])) if f[2]] == []
    # without that fact (older snapshots) the block is judged on all its text
    whole = TextBlock(tag="p", text=text, lang="nl", region="main", selector="#idiom")
    assert [f for f in language_findings(page("https://a.be/", lang="en", text_blocks=[english, whole])) if f[2]] == [
        ("language-part-unmarked", FAILED, ("3.1.2",), "#idiom")]
