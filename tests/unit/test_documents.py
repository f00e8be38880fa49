"""Linked PDFs: the pypdf analysis, the findings over DocumentFacts, and the documents table."""

import io

import pytest
from PIL import Image as PILImage
from pypdf import PdfWriter
from pypdf.generic import NameObject, TextStringObject

from a11y_audit.checks import CANT_TELL, FAILED, document_findings, get_check
from a11y_audit.demo import SITES_DIR
from a11y_audit.gather.documents import document_inventory
from a11y_audit.gather.pdf import analyse_pdf
from a11y_audit.snapshot import DocumentFacts
from a11y_audit.store.schema import SCHEMA_VERSION
from a11y_audit.store.sqlite import Store

from snapshots import document, page

TAGGED = SITES_DIR / "beekveld" / "documenten" / "afvalkalender-2027.pdf"
UNTAGGED = SITES_DIR / "dorpsveen" / "documenten" / "aanvraagformulier-rijbewijs.pdf"


def scanned_pdf() -> bytes:
    """An image-only PDF, as a scanner makes it."""
    out = io.BytesIO()
    PILImage.new("L", (200, 280), 255).save(out, format="PDF")
    return out.getvalue()


def blank_writer() -> PdfWriter:
    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    return writer


def test_a_tagged_pdf_with_title_and_language():
    facts = analyse_pdf(TAGGED.read_bytes())
    assert facts["state"] == "analysed" and facts["pages"] == 1
    assert facts["tagged"] and facts["marked"] and facts["display_doc_title"]
    assert facts["title"] == "Afvalkalender 2027 - Gemeente Beekveld" and facts["lang"] == "nl-BE"
    assert facts["has_text"] and not facts["images_only"]


def test_an_untagged_pdf_without_title_or_language():
    facts = analyse_pdf(UNTAGGED.read_bytes())
    assert (facts["tagged"], facts["marked"], facts["title"], facts["lang"], facts["has_text"]) == (False, False, "", "", True)


def test_a_scanned_pdf_has_no_text_layer():
    facts = analyse_pdf(scanned_pdf())
    assert facts["state"] == "analysed"
    assert facts["has_text"] is False and facts["images_only"] is True and facts["text_chars"] == 0


def test_a_blank_pdf_with_only_a_language():
    writer = blank_writer()
    writer.add_metadata({"/Producer": "test"})
    writer._root_object[NameObject("/Lang")] = TextStringObject("fr-BE")
    out = io.BytesIO()
    writer.write(out)
    facts = analyse_pdf(out.getvalue())
    assert facts["lang"] == "fr-BE" and facts["title"] == "" and facts["has_text"] is False and facts["images_only"] is False


def test_encrypted_pdfs_open_with_an_empty_user_password_or_are_reported():
    for user_password, state in (("", "analysed"), ("geheim", "failed")):
        writer = blank_writer()
        writer.encrypt(user_password=user_password, owner_password="eigenaar", algorithm="RC4-128")
        out = io.BytesIO()
        writer.write(out)
        facts = analyse_pdf(out.getvalue())
        assert facts["state"] == state and facts["encrypted"] is True
    assert facts["reason"] == "encrypted"


@pytest.mark.parametrize("data", [b"", b"%PDF-1.4\n% truncated", b"<html>not a pdf</html>", b"%PDF-1.7\n" + b"\x00" * 5000])
def test_broken_files_never_raise(data):
    facts = analyse_pdf(data)
    assert facts["state"] == "failed" and facts["reason"].startswith("unreadable")


def facts(**kw) -> DocumentFacts:
    base = dict(url="https://g.be/a.pdf", kind="pdf", linked_from="https://g.be/afval", link_text="Afvalkalender (PDF)",
                state="analysed", pages=2, tagged=True, marked=True, title="Afvalkalender", display_doc_title=True,
                lang="nl-BE", has_text=True, text_chars=500, images_only=False)
    return DocumentFacts(**{**base, **kw})


def test_document_findings():
    assert document_findings([facts()]) == []
    bad = document_findings([facts(tagged=False, title="", lang="", has_text=False, images_only=True)])
    assert [(f.rule_id, f.criteria, f.outcome) for f in bad] == [
        ("pdf-untagged", ("1.3.1",), FAILED),
        ("pdf-no-title", ("2.4.2",), FAILED),
        ("pdf-no-language", ("3.1.1",), FAILED),
        ("pdf-no-text", ("1.1.1",), FAILED),
    ]
    assert all(f.page_url == "https://g.be/a.pdf" and "https://g.be/afval" in f.message and f.fingerprint for f in bad)
    assert "gescand" in bad[-1].message
    (hidden_title,) = document_findings([facts(display_doc_title=False)])
    assert (hidden_title.rule_id, hidden_title.outcome) == ("pdf-no-title", CANT_TELL)
    assert get_check("pdf-untagged").texts["nl"].title == "PDF-documenten zonder tags"


def test_documents_not_analysed_give_no_findings():
    assert document_findings([facts(kind="docx", state="not-analysed", tagged=None, title="", lang="")]) == []
    assert document_findings([facts(state="skipped", reason="too-large: 30000000", tagged=None, title="")]) == []


def test_inventory_lists_each_document_once_with_the_first_page_that_links_it():
    pages = [
        page("https://g.be/", documents=[document("https://g.be/a.pdf", "A (PDF)")]),
        page("https://g.be/b", documents=[document("https://g.be/a.pdf", "A"), document("https://g.be/c.docx", "C")]),
    ]
    inventory = document_inventory(pages, limit=10)
    assert [(d.url, d.linked_from, d.link_text) for d in inventory] == [
        ("https://g.be/a.pdf", "https://g.be/", "A (PDF)"),
        ("https://g.be/c.docx", "https://g.be/b", "C"),
    ]
    assert len(document_inventory(pages, limit=1)) == 1


def test_store_keeps_documents_per_run_and_site(store_location):
    store = Store(store_location)
    run_id = store.start_run({}, None, "0", {})
    store.save_document(run_id, "gent", facts())
    store.save_document(run_id, "gent", facts(url="https://g.be/b.docx", kind="docx", state="not-analysed"))
    store.save_document(run_id, "gent", facts(title="Nieuwe titel"))  # the same document again: replaced
    store.save_document(run_id, "aalter", facts(url="https://a.be/x.pdf"))
    docs = store.documents(run_id, "gent")
    assert [(d.url, d.title) for d in docs] == [("https://g.be/b.docx", "Afvalkalender"), ("https://g.be/a.pdf", "Nieuwe titel")]
    assert docs[1] == facts(title="Nieuwe titel") and docs[1].linked_from == "https://g.be/afval"
    assert store.documents(run_id, "nergens") == []
    store.close()


def test_an_older_database_gets_the_documents_table(tmp_path):
    import sqlite3

    from a11y_audit.store.schema import MIGRATIONS
    from a11y_audit.store.sqlite import _statements

    path = tmp_path / "old.sqlite"
    db = sqlite3.connect(path)
    for statement in _statements(MIGRATIONS[0]):
        db.execute(statement)
    db.execute("PRAGMA user_version = 1")
    db.commit()
    db.close()
    store = Store(path)
    assert store.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION >= 2
    run_id = store.start_run({}, None, "0", {})
    store.save_document(run_id, "s", facts())
    assert len(store.documents(run_id, "s")) == 1
    store.close()
