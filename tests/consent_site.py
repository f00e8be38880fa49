"""Gemeente Koekjesdorp: a fixture site on 127.0.0.1 with a cookie banner and two protected areas.

- Every public page shows a cookie banner (a fixed overlay over the content, 0.6 s after the page
  is parsed, as consent managers do) until the cookie ``koekje=ja`` is set by its "Alles
  accepteren" button. The banner has a barrier of its own (a
  close button without a name); each page's content has another. ``/enquete.html`` shows the
  banner on every visit at once (it ignores the cookie), like a banner that comes back.
- ``/mijn/`` needs the session cookie set by the login form (``POST /aanmelden``, user and
  password given to the server); without it, it redirects to the login page. ``/afmelden`` ends
  the session. The pages say who is logged in (the user name: a secret that must not leak).
- ``/intranet/`` needs ``Authorization: Bearer <token>``; without it: 401.
"""

from __future__ import annotations

import secrets
import threading
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Iterator
from urllib.parse import parse_qs

BANNER = """
<template id="sjabloon"><div class="koekjes" id="koekjes" style="position:fixed;inset:0;background:rgba(0,0,0,.6);z-index:10">
  <div role="dialog" aria-modal="true" aria-labelledby="koekjes-titel" style="background:#fff;margin:10% auto;padding:1em;max-width:30em">
    <h2 id="koekjes-titel">Cookies op deze website</h2>
    <p>Wij gebruiken cookies om de website te verbeteren.</p>
    <button type="button" class="sluit" onclick="kies()"><svg width="16" height="16" aria-hidden="true"><path d="M0 0L16 16"/></svg></button>
    <button type="button" class="ja" onclick="kies()">Alles accepteren</button>
  </div>
</div></template>
<script>
  function kies() { document.cookie = "koekje=ja; path=/"; document.getElementById("koekjes").remove(); }
  function toon() { document.body.append(document.getElementById("sjabloon").content.cloneNode(true)); }
  if (document.body.hasAttribute("data-altijd")) toon();
  else if (!/(^|; )koekje=ja/.test(document.cookie)) setTimeout(toon, 600);  // as a consent manager's script does
</script>
"""


def _page(title: str, main: str, *, banner: bool = True, lang: str = "nl", body: str = "") -> bytes:
    html_lang = f' lang="{lang}"' if lang else ""
    return (
        f'<!DOCTYPE html><html{html_lang}><head><meta charset="utf-8"><title>{title}</title></head><body{body}>'
        f'<header><a href="/">Koekjesdorp</a></header>'
        f'<nav aria-label="Menu"><a href="/nieuws.html">Nieuws</a> <a href="/enquete.html">Enquête</a> '
        f'<a href="/mijn/">Mijn dossier</a></nav>'
        f'<main><h1>{title}</h1>{main}</main><footer><p>Gemeente Koekjesdorp</p></footer>'
        f'{BANNER if banner else ""}</body></html>'
    ).encode("utf-8")


class KoekjesdorpSite:
    """The server; ``user``, ``password`` and ``token`` are the secrets it accepts."""

    def __init__(self, user: str, password: str, token: str, pixel: str = ""):
        self.user, self.password, self.token = user, password, token
        self.pixel = pixel  # an image on another host, on the intranet's start page
        self.sessions: set[str] = set()
        self.requests: list[tuple[str, str]] = []  # (method, path)

    def pages(self, path: str, session: str | None) -> tuple[int, dict[str, str], bytes]:
        if path == "/":
            return 200, {}, _page("Welkom in Koekjesdorp", '<p>Zoek op de website.</p><input type="text" name="q">'
                                                         '<p><a href="/aanmelden.html">Aanmelden</a></p>')
        if path == "/nieuws.html":
            return 200, {}, _page("Nieuws", '<p>Het nieuwe zwembad is open.</p><img src="/zwembad.png">')
        if path == "/enquete.html":
            return 200, {}, _page("Enquête", '<p>Geef uw mening over het zwembad.</p>', body=" data-altijd")
        if path == "/aanmelden.html":
            return 200, {}, _page("Aanmelden", """
                <form method="post" action="/aanmelden">
                  <p><label for="gebruiker">Gebruikersnaam</label> <input id="gebruiker" name="gebruiker"></p>
                  <p><label for="wachtwoord">Wachtwoord</label> <input id="wachtwoord" name="wachtwoord" type="password"></p>
                  <p><button type="submit">Aanmelden</button></p>
                </form>""")
        if path in ("/mijn/", "/mijn/gegevens.html"):
            if session not in self.sessions:
                return 302, {"Location": "/aanmelden.html"}, b""
            title = "Mijn dossier" if path == "/mijn/" else "Mijn gegevens"
            return 200, {}, _page(title, f'<p>Aangemeld als {self.user}.</p><p><a href="/mijn/gegevens.html"></a></p>'
                                         '<p><a href="/afmelden" class="afmelden">Afmelden</a></p>')
        if path == "/afmelden":
            self.sessions.discard(session or "")
            return 302, {"Location": "/"}, b""
        return 404, {}, b"niet gevonden"

    def intranet(self, path: str, authorization: str | None) -> tuple[int, dict[str, str], bytes]:
        if authorization != f"Bearer {self.token}":
            return 401, {"WWW-Authenticate": "Bearer"}, b"aanmelden vereist"
        if path == "/intranet/":
            image = f'<img src="{self.pixel}" alt="">' if self.pixel else ""
            return 200, {}, _page("Intranet", f'<p>Voor medewerkers.</p><p><a href="/intranet/verslag.html">Verslag</a></p>{image}',
                                  banner=False, lang="")
        if path == "/intranet/verslag.html":
            return 200, {}, _page("Verslag van de gemeenteraad", "<p>De raad keurde de begroting goed.</p>", banner=False)
        return 404, {}, b"niet gevonden"

    def handler(self) -> type[BaseHTTPRequestHandler]:
        site = self

        class Handler(BaseHTTPRequestHandler):
            def _session(self) -> str | None:
                for part in (self.headers.get("Cookie") or "").split(";"):
                    name, _, value = part.strip().partition("=")
                    if name == "sessie":
                        return value
                return None

            def _send(self, status: int, headers: dict[str, str], body: bytes) -> None:
                self.send_response(status)
                if body:
                    self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                for name, value in headers.items():
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(body)

            def do_GET(self) -> None:  # noqa: N802 - name of the base class method
                path = self.path.split("?")[0]
                site.requests.append(("GET", path))
                if path.startswith("/intranet/"):
                    self._send(*site.intranet(path, self.headers.get("Authorization")))
                else:
                    self._send(*site.pages(path, self._session()))

            def do_POST(self) -> None:  # noqa: N802
                site.requests.append(("POST", self.path))
                length = int(self.headers.get("Content-Length") or 0)
                form = parse_qs(self.rfile.read(length).decode("utf-8"))
                if self.path == "/aanmelden" and form.get("gebruiker") == [site.user] and form.get("wachtwoord") == [site.password]:
                    session = secrets.token_hex(16)
                    site.sessions.add(session)
                    self._send(303, {"Location": "/mijn/", "Set-Cookie": f"sessie={session}; Path=/; HttpOnly"}, b"")
                else:
                    self._send(303, {"Location": "/aanmelden.html?fout=1"}, b"")

            def log_message(self, format: str, *args: object) -> None:  # noqa: A002
                pass

        return Handler


@contextmanager
def serve(site: KoekjesdorpSite) -> Iterator[str]:
    """Serve ``site`` on 127.0.0.1 while the block runs; yields the base URL ending in '/'."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), site.handler())
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, name="koekjesdorp", daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
