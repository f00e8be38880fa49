"""Empty headings, and headings and form labels that say nothing about their content (WCAG 2.4.6)."""

from a11y_audit.checks import CANT_TELL, FAILED, check_page
from a11y_audit.snapshot import FormField, Heading

from snapshots import page

URL = "https://www.gemeente.be/"


def found(snapshot):
    rules = ("heading-empty", "heading-unclear", "label-unclear")
    return [(f.rule_id, f.outcome, f.selector) for f in check_page(snapshot) if f.rule_id in rules]


def test_an_empty_heading_fails_and_a_heading_with_css_text_is_left_alone():
    headings = [Heading(1, "Afval en recyclage", "h1"), Heading(2, "", "#leeg"), Heading(2, " ", "#spatie"),
                Heading(3, "", "#css", css_text=True)]
    assert found(page(URL, headings=headings)) == [("heading-empty", FAILED, "#leeg"), ("heading-empty", FAILED, "#spatie")]
    (finding,) = [f for f in check_page(page(URL, headings=headings[:2])) if f.rule_id == "heading-empty"]
    assert finding.criteria == ("2.4.6",) and "niveau 2" in finding.message


def test_placeholder_file_name_and_punctuation_headings_are_reviewed():
    headings = [Heading(2, "Titel", "#a"), Heading(2, "Lorem ipsum dolor sit amet", "#b"), Heading(2, "verslag_2023.pdf", "#c"),
                Heading(2, "---", "#d")]
    assert found(page(URL, headings=headings)) == [("heading-unclear", CANT_TELL, s) for s in ("#a", "#b", "#c", "#d")]
    # short headings are not evidence: a letter in a glossary, a year in an archive, a word that names a topic
    fine = [Heading(2, "A", "#e"), Heading(2, "2023", "#f"), Heading(2, "Menu", "#g"), Heading(2, "Titels en diploma's", "#h")]
    assert found(page(URL, headings=fine)) == []


def test_labels_that_name_no_data_are_reviewed():
    fields = [FormField("input", "text", "Menu", "#a"), FormField("input", "date", "Info:", "#b"), FormField("input", "text", "*", "#c"),
              FormField("textarea", "", "Lorem ipsum", "#d")]
    assert found(page(URL, form_fields=fields)) == [("label-unclear", CANT_TELL, s) for s in ("#a", "#b", "#c", "#d")]
    fine = [FormField("input", "text", "Voornaam", "#e"), FormField("input", "date", "Geboortedatum", "#f"),
            FormField("input", "text", "", "#g"),  # no name: axe-core's label rule
            FormField("input", "text", "Andere", "#h"), FormField("select", "", "Gemeente", "#i")]
    assert found(page(URL, form_fields=fine)) == []
