"""A generated site of many small pages with known barriers, served on 127.0.0.1 by a handler that
answers slowly and counts the requests per path (for the tests of resumed and incremental runs)."""

from __future__ import annotations

import threading
import time
from collections import Counter
from http.server import SimpleHTTPRequestHandler
from pathlib import Path

PAGE = """<!doctype html>
<html lang="nl">
<head><meta charset="utf-8"><title>Paginagemeente - {title}</title><link rel="stylesheet" href="{css}"></head>
<body>
<header><nav aria-label="Hoofdmenu">{nav}</nav></header>
<main>
<h1>{title}</h1>
<p>{text}</p>
<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" width="40" height="40">
</main>
</body>
</html>
"""


def page_name(number: int) -> str:
    return "index.html" if number == 0 else f"pagina-{number}.html"


def style_sheet(number: int) -> str:
    """The style sheet of a page: one for the site, and one of its own for page 4."""
    return "eigen.css" if number == 4 else "stijl.css"


def write_site(folder: Path, pages: int) -> list[str]:
    """``pages`` pages linking to each other, each with an image without alt text; returns their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    for css in ("stijl.css", "eigen.css"):
        (folder / css).write_text("body { font-family: sans-serif; color: #222; }\n", encoding="utf-8")
    nav = " ".join(f'<a href="{page_name(n)}">Onderwerp {n}</a>' for n in range(1, pages))
    for number in range(pages):
        title = "Home" if number == 0 else f"Onderwerp {number}"
        write_page(folder, number, nav, title, f"Dit is de pagina over onderwerp {number}.")
    return ["/" if n == 0 else f"/{page_name(n)}" for n in range(pages)]


def write_page(folder: Path, number: int, nav: str, title: str, text: str) -> None:
    (folder / page_name(number)).write_text(PAGE.format(nav=nav, title=title, text=text, css=style_sheet(number)),
                                            encoding="utf-8")


def nav_of(folder: Path) -> str:
    html = (folder / "index.html").read_text(encoding="utf-8")
    return html.split('<nav aria-label="Hoofdmenu">', 1)[1].split("</nav>", 1)[0]


class SlowCountingHandler(SimpleHTTPRequestHandler):
    """Static files; HTML pages answer after ``delay`` seconds; GET requests are counted per path."""

    delay = 0.0
    counts: Counter = Counter()
    lock = threading.Lock()

    def do_GET(self) -> None:  # noqa: N802 - name of the base class method
        path = self.path.split("?", 1)[0]
        with self.lock:
            self.counts[path] += 1
        if path == "/" or path.endswith(".html"):
            time.sleep(self.delay)
        super().do_GET()

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


def counting_handler(delay: float) -> type[SlowCountingHandler]:
    """A handler class of its own (own counter) for one served site."""
    return type("Handler", (SlowCountingHandler,), {"delay": delay, "counts": Counter(), "lock": threading.Lock()})
