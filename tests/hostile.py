"""A hostile site for the crawler tests, served on loopback addresses, that records every request.

``HostileSite`` serves "Gemeente Valstrik" on 127.0.0.1 with every fault the crawler must
survive (see ``pages`` and ``_dynamic``); the "other" server on 127.0.0.2 stands for another
site that must never be asked for anything. Requests are recorded server-side with their path,
start and end time and whether they came from the browser (Sec-Fetch headers) or plain HTTP.
The servers run in a child process, so that their clock is not held up by the test's own
Python threads (the GIL): the times recorded are when requests really arrived.
"""

from __future__ import annotations

import gzip
import multiprocessing
import queue as queues
import threading
import time
import urllib.request
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Callable
from urllib.parse import parse_qs, urlsplit

CRAWL_DELAY = 0.2


@dataclass
class Request:
    path: str  # path and query, as sent
    started: float
    ended: float = 0.0
    navigate: bool = False  # a browser navigation (Sec-Fetch-Mode: navigate)
    browser: bool = False  # sent by the browser (any Sec-Fetch-Mode)
    user_agent: str = ""


def _page(title: str, body: str, lang: str = "nl", head: str = "") -> bytes:
    return (
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>{title}</title>{head}</head>'
        f'<body><header><a href="/">Valstrik</a></header><main><h1>{title}</h1>{body}</main>'
        f'<footer><a href="/contact">Contact</a></footer></body></html>'
    ).encode("utf-8")


def pages(base: str, other: str) -> dict[str, bytes]:
    """Static pages by path; ``base`` is this site, ``other`` the site that must never be asked."""
    return {
        "/": _page("Gemeente Valstrik", f"""
            <nav id="menu" aria-label="Menu"><a href="/nieuws">Nieuws</a></nav>
            <script>document.getElementById('menu').insertAdjacentHTML('beforeend',
              '<a href="/js-menu">Veelgestelde vragen</a>');</script>
            <form role="search" action="/zoeken"><label>Zoek <input type="search" name="q"></label></form>
            <ul>
              <li><a href="/nieuws?utm_source=nieuwsbrief&amp;fbclid=abc">Nieuws (tracking)</a></li>
              <li><a href="/nieuws#top">Nieuws (fragment)</a></li>
              <li><a href="{base}//nieuws">Nieuws (dubbele slash)</a></li>
              <li><a href="HTTP://127.0.0.1:{urlsplit(base).port}/nieuws">Nieuws (hoofdletters)</a></li>
              <li><a href="/geheim/plan.html">Geheim plan</a></li>
              <li><a href="{other}/">Een andere website</a></li>
              <li><a href="mailto:info@valstrik.be">Mail</a> <a href="tel:+3212345678">Bel</a>
                  <a href="javascript:void(0)">Script</a></li>
              <li><a href="/Reglement.pdf">Reglement (PDF)</a> <a href="/formulier.docx">Formulier (DOCX)</a>
                  <a href="/download?id=7">Download</a> <a href="/geheim/rapport.pdf">Rapport</a></li>
              <li><a href="/agenda?maand=1">Agenda</a> <a href="/producten?kleur=rood">Producten</a></li>
              <li><a href="/sessie;jsessionid=ABC123">Sessie</a> <a href="/sessie;jsessionid=DEF456">Sessie 2</a></li>
              <li><a href="/lus-a">Kringverwijzing</a> <a href="/naar-elders">Doorverwijzing weg</a>
                  <a href="/naar-nieuws">Doorverwijzing</a></li>
              <li><a href="/fout">Fout</a> <a href="/weg-kwijt">Bestaat niet</a> <a href="/traag">Traag</a>
                  <a href="/druppel">Druppel</a> <a href="/groot">Groot</a> <a href="/druk">Druk</a></li>
              <li><a href="/verversen">Verversen</a> <a href="/contact">Contacteer ons</a></li>
            </ul>"""),
        "/nieuws": _page("Nieuws", '<p>Nieuws van de gemeente.</p><img src="/geheim/foto.png" alt="Foto">'),
        "/contact": _page("Contact", '<form action="/contact" method="post"><label>Naam <input name="naam"></label>'
                                     '<button>Verstuur</button></form>'),
        "/zoeken": _page("Zoeken", '<form role="search"><label>Zoek <input type="search" name="q"></label></form>'),
        "/verborgen.html": _page("Toegankelijkheidsverklaring", "<p>Alleen te vinden via de sitemap.</p>"),
        "/ook-verborgen.html": _page("Afvalkalender", "<p>Ook alleen in de sitemap.</p>"),
        "/js-menu": _page("Veelgestelde vragen", "<p>Alleen in het menu dat JavaScript maakt.</p>"),
        "/sessie": _page("Sessie", "<p>Een pagina met een sessie-id in de links.</p>"),
        "/alert": _page("Meldingen", "<p>Deze pagina stelt vragen.</p>",
                        head="<script>alert('Hallo'); confirm('Zeker?'); prompt('Naam?');</script>"),
        "/weg": _page("Weg", "<p>Deze pagina gaat vanzelf naar een andere website.</p>",
                      head=f"<script>addEventListener('load', () => setTimeout(() => {{ location.href = '{other}/gestolen'; }}, 50));</script>"),
        "/verversen": _page("Verversen", "<p>Ververst naar een andere website.</p>",
                            head=f'<meta http-equiv="refresh" content="0; url={other}/ververst">'),
        "/oneindig": _page("Oneindig", '<p>Een afbeelding die nooit komt.</p><img src="/hangt" alt="">'),
        "/lus": _page("Lus", "<p>Een script dat nooit stopt.</p>",
                      head="<script>addEventListener('load', () => setTimeout(() => { while (true) {} }, 0));</script>"),
    }


class HostileSite:
    """Start with ``with HostileSite() as site``; ``site.base`` and ``site.other`` are the two sites."""

    def __init__(self) -> None:
        self.counts: dict[str, int] = {}  # in the server process
        self._lock = threading.Lock()
        self._log: dict[tuple[str, int], Request] = {}  # (server, number) -> request, in the test process
        self._next = 0

    def __enter__(self) -> "HostileSite":
        context = multiprocessing.get_context("fork")
        self._queue = context.Queue()
        self._other = ThreadingHTTPServer(("127.0.0.2", 0), self._handler("other", lambda h: h.answer(200, b"nee")))
        self.other = f"http://127.0.0.2:{self._other.server_address[1]}"
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler("site", self._dynamic))
        self.base = f"http://127.0.0.1:{self._server.server_address[1]}"
        self.pages = pages(self.base, self.other)
        self._process = context.Process(target=self._serve, daemon=True)
        self._process.start()
        for url in (self.base, self.other):  # the first request of a server is slow (lazy imports): not in the log
            urllib.request.urlopen(url + "/__warm-up", timeout=10).read()  # noqa: S310 - loopback
        time.sleep(0.2)
        self._drain()
        self._log.clear()
        return self

    def _serve(self) -> None:  # in the child process
        for server in (self._server, self._other):
            server.daemon_threads = True
            threading.Thread(target=server.serve_forever, daemon=True).start()
        threading.Event().wait()

    def __exit__(self, *exc: object) -> None:
        self._process.kill()
        self._process.join(5)
        for server in (self._server, self._other):
            server.server_close()

    def _drain(self) -> None:
        while True:
            try:
                kind, key, values = self._queue.get(timeout=0.05)
            except queues.Empty:
                return
            if kind == "start":
                self._log[key] = Request(**values)
            elif key in self._log:
                self._log[key].ended = values

    def _requests(self, server: str) -> list[Request]:
        self._drain()
        return sorted((r for (s, _), r in self._log.items() if s == server), key=lambda r: r.started)

    @property
    def requests(self) -> list[Request]:
        return self._requests("site")

    @property
    def other_requests(self) -> list[Request]:
        return self._requests("other")

    def asked(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for r in self.requests:
            out[r.path.partition("?")[0]] = out.get(r.path.partition("?")[0], 0) + 1
        return out

    def paths(self, plain_only: bool = False) -> list[str]:
        return [r.path for r in self.requests if not (plain_only and r.browser)]

    def _handler(self, server: str, respond: Callable[["_Handler"], None]) -> type:
        site = self

        class Handler(_Handler):
            def do_GET(self) -> None:  # noqa: N802
                mode = self.headers.get("Sec-Fetch-Mode", "")
                with site._lock:
                    site._next += 1
                    key = (server, site._next)
                site._queue.put(("start", key, {
                    "path": self.path, "started": time.monotonic(), "navigate": mode == "navigate", "browser": bool(mode),
                    "user_agent": self.headers.get("User-Agent", ""),
                }))
                try:
                    respond(self)
                except (BrokenPipeError, ConnectionResetError):
                    pass
                finally:
                    site._queue.put(("end", key, time.monotonic()))

        return Handler

    def _dynamic(self, h: "_Handler") -> None:  # noqa: C901 - one branch per fault, on purpose
        path, _, query = h.path.partition("?")
        params = parse_qs(query)
        with self._lock:
            self.counts[path] = self.counts.get(path, 0) + 1
            count = self.counts[path]
        if path == "/robots.txt":
            h.answer(200, (
                "User-agent: *\nDisallow: /\n\n"
                f"User-agent: a11y-audit\nDisallow: /geheim/\nCrawl-delay: {CRAWL_DELAY}\n\n"
                f"Sitemap: {self.base}/kaarten/index.xml\n"
            ).encode(), "text/plain")
        elif path == "/sitemap.xml":
            h.answer(404, b"niet hier")
        elif path == "/kaarten/index.xml":
            h.answer(200, (
                '<?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
                f"<sitemap><loc>{self.base}/kaarten/paginas.xml.gz</loc></sitemap>"
                f"<sitemap><loc>{self.other}/kaart.xml</loc></sitemap></sitemapindex>"
            ).encode(), "application/xml")
        elif path == "/kaarten/paginas.xml.gz":
            urls = ["/verborgen.html", "/ook-verborgen.html", "/geheim/in-sitemap.html", "/contact"]
            body = "".join(f"<url><loc>{self.base}{u}</loc></url>" for u in urls) + f"<url><loc>{self.other}/elders</loc></url>"
            xml = f'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{body}</urlset>'
            h.answer(200, gzip.compress(xml.encode()), "application/x-gzip")
        elif path == "/__warm-up":
            h.answer(200, b"ok")
        elif path in self.pages:
            h.answer(200, self.pages[path])
        elif path == "/agenda":  # an endless calendar: every month links the next
            month = int((params.get("maand") or ["1"])[0])
            h.answer(200, _page(f"Agenda maand {month}", f'<a href="/agenda?maand={month + 1}">Volgende maand</a>'))
        elif path == "/producten":  # faceted search: every filter links more filters
            kleur = (params.get("kleur") or ["rood"])[0]
            links = "".join(f'<a href="/producten?kleur={kleur}-{c}&amp;maat={m}">{c} {m}</a>' for c in "abc" for m in "SML")
            h.answer(200, _page(f"Producten {kleur}", links))
        elif path == "/Reglement.pdf":
            h.answer(200, b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF", "application/pdf")
        elif path == "/formulier.docx":
            h.answer(200, b"PK\x03\x04", "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
        elif path == "/download":
            h.answer(200, b"%PDF-1.4\n%%EOF", "application/pdf")
        elif path == "/lus-a":
            h.redirect("/lus-b")
        elif path == "/lus-b":
            h.redirect("/lus-a")
        elif path == "/naar-elders":
            h.redirect(f"{self.other}/doel")
        elif path == "/naar-nieuws":
            h.redirect("/nieuws")
        elif path == "/fout":
            h.answer(500, b"<h1>Interne fout</h1>")
        elif path == "/traag":
            time.sleep(20)
            h.answer(200, _page("Traag", "<p>Eindelijk.</p>"))
        elif path == "/hangt":
            time.sleep(20)
            h.answer(404, b"")
        elif path == "/druppel":  # headers at once, then a byte now and then, for ever
            h.send_response(200)
            h.send_header("Content-Type", "text/html")
            h.end_headers()
            for _ in range(40):
                h.wfile.write(b" ")
                h.wfile.flush()
                time.sleep(0.5)
        elif path == "/groot":  # 3 MB without Content-Length
            h.send_response(200)
            h.send_header("Content-Type", "text/html; charset=utf-8")
            h.end_headers()
            h.wfile.write(b"<!DOCTYPE html><title>Groot</title><p>" + b"groot " * 500_000)
        elif path == "/druk":  # too busy the first time
            if count == 1:
                h.answer(429, b"te druk", extra={"Retry-After": "1"})
            else:
                h.answer(200, _page("Druk", "<p>Nu wel.</p>"))
        elif path == "/latin1":  # no charset anywhere, bytes in windows-1252
            h.answer(200, "<!DOCTYPE html><html lang=nl><title>Café</title><h1>Café Eén</h1><p>Ça va.</p></html>"
                     .encode("windows-1252"), "text/html")
        elif path == "/verkeerd":  # a charset that does not exist
            h.answer(200, _page("Verkeerd", "<p>Een rare tekenset.</p>"), "text/html; charset=x-onbestaand")
        else:
            h.answer(404, b"<h1>Niet gevonden</h1>")


class _Handler(BaseHTTPRequestHandler):
    def answer(self, status: int, body: bytes, content_type: str = "text/html; charset=utf-8",
               extra: dict[str, str] | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for key, value in (extra or {}).items():
            self.send_header(key, value)
        self.end_headers()
        self.wfile.write(body)

    def redirect(self, location: str) -> None:
        self.send_response(302)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass
