import pytest

from a11y_audit.discover.urls import document_kind, in_scope, is_page_candidate, normalise


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("HTTPS://Www.Gemeente.BE:443/a//b?x=1#top", "https://www.gemeente.be/a/b?x=1"),
        ("http://gemeente.be:80", "http://gemeente.be/"),
        ("http://127.0.0.1:8000/index.html#main", "http://127.0.0.1:8000/index.html"),
    ],
)
def test_normalise(url, expected):
    assert normalise(url) == expected


def test_documents_and_page_candidates():
    assert document_kind("https://g.be/files/Reglement.PDF?v=2") == "pdf"
    assert document_kind("https://g.be/form.docx") == "docx"
    assert document_kind("https://g.be/nieuws") is None
    assert not is_page_candidate("https://g.be/a.pdf")
    assert not is_page_candidate("mailto:info@g.be")
    assert not is_page_candidate("https://g.be/logo.png")
    assert is_page_candidate("https://g.be/nieuws/")


def test_scope():
    hosts = {"www.g.be"}
    assert in_scope("https://www.g.be/a", hosts, [], [])
    assert not in_scope("https://elders.be/a", hosts, [], [])
    assert not in_scope("https://www.g.be/agenda/2031", hosts, [], ["/agenda/"])
    assert in_scope("https://www.g.be/diensten/x", hosts, ["/diensten/"], [])
    assert not in_scope("https://www.g.be/nieuws", hosts, ["/diensten/"], [])
