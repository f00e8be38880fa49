"""Downloading linked documents from a local server: limits, redirects, allowed hosts (no browser)."""

import asyncio
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from a11y_audit.config import Settings
from a11y_audit.demo import SITES_DIR
from a11y_audit.gather.documents import fetch_documents
from a11y_audit.snapshot import Document

from snapshots import page

PDF = (SITES_DIR / "beekveld" / "documenten" / "afvalkalender-2027.pdf").read_bytes()
LIMIT = 1_000_000


class Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802
        path = self.path
        if path == "/ok.pdf":
            self._send(200, PDF, "application/pdf")
        elif path == "/big.pdf":
            self._send(200, b"%PDF-1.4\n" + b"0" * (2 * LIMIT), "application/pdf")
        elif path == "/streamed-big.pdf":  # no Content-Length: the limit must hold while reading
            self.send_response(200)
            self.send_header("Content-Type", "application/pdf")
            self.end_headers()
            try:
                for _ in range(40):
                    self.wfile.write(b"0" * 65536)
            except OSError:
                pass  # the client stopped reading: as it should
        elif path == "/slow.pdf":
            time.sleep(10)
            try:
                self._send(200, PDF, "application/pdf")
            except OSError:
                pass  # the client gave up long ago: as it should
        elif path == "/page.pdf":
            self._send(200, b"<html><body>Niet gevonden</body></html>", "text/html")
        elif path == "/redirect.pdf":
            self.send_response(302)
            self.send_header("Location", "/ok.pdf")
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif path == "/away.pdf":
            self.send_response(301)
            self.send_header("Location", "http://elders.invalid/x.pdf")
            self.send_header("Content-Length", "0")
            self.end_headers()
        else:
            self._send(404, b"not found", "text/plain")

    def _send(self, status: int, body: bytes, content_type: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


@pytest.fixture(scope="module")
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()
    httpd.server_close()


def test_documents_are_fetched_within_limits(server):
    names = ["ok.pdf", "redirect.pdf", "big.pdf", "streamed-big.pdf", "slow.pdf", "missing.pdf", "page.pdf", "away.pdf", "form.docx"]
    docs = [Document(url=server + n, kind=n.rsplit(".", 1)[1], link_text=n) for n in names]
    docs.append(Document(url="http://example.org/x.pdf", kind="pdf", link_text="elders"))
    docs.append(Document(url=server + "ok.pdf", kind="pdf", link_text="again"))  # the same document on another page
    snapshots = [page(server, documents=docs[:6]), page(server + "b", documents=docs[6:])]
    settings = Settings(allowed_hosts=["127.0.0.1"], document_max_bytes=LIMIT, document_timeout=1.5)

    started = time.monotonic()
    results = asyncio.run(fetch_documents(snapshots, settings))
    elapsed = time.monotonic() - started

    by_name = {d.url.rsplit("/", 1)[1]: d for d in results}
    assert len(results) == 10  # each distinct document once
    assert by_name["ok.pdf"].state == "analysed" and by_name["ok.pdf"].tagged and by_name["ok.pdf"].linked_from == server
    assert by_name["ok.pdf"].size_bytes == len(PDF) and by_name["ok.pdf"].content_type == "application/pdf"
    assert by_name["redirect.pdf"].state == "analysed" and by_name["redirect.pdf"].title
    assert (by_name["big.pdf"].state, by_name["big.pdf"].reason) == ("skipped", f"too-large: {2 * LIMIT + 9}")
    assert (by_name["streamed-big.pdf"].state, by_name["streamed-big.pdf"].reason) == ("skipped", f"too-large: > {LIMIT}")
    assert (by_name["slow.pdf"].state, by_name["slow.pdf"].reason) == ("skipped", "timeout: 1.5")
    assert (by_name["missing.pdf"].state, by_name["missing.pdf"].reason) == ("failed", "http-status: 404")
    assert (by_name["page.pdf"].state, by_name["page.pdf"].reason) == ("failed", "not-pdf: text/html")
    assert (by_name["away.pdf"].state, by_name["away.pdf"].reason) == ("skipped", "host-not-allowed: elders.invalid")
    assert (by_name["x.pdf"].state, by_name["x.pdf"].reason) == ("skipped", "host-not-allowed: example.org")
    assert (by_name["form.docx"].state, by_name["form.docx"].linked_from) == ("not-analysed", server + "b")
    assert elapsed < 8  # the slow document (10 s) did not hold the others up beyond its timeout (1.5 s)


def test_no_documents_when_max_documents_is_zero(server):
    snapshots = [page(server, documents=[Document(url=server + "ok.pdf", kind="pdf")])]
    assert asyncio.run(fetch_documents(snapshots, Settings(max_documents=0))) == []
