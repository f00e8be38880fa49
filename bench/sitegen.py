"""A generated municipality site for benchmarks: realistic pages of 800-2000 elements."""

from __future__ import annotations

import random
from pathlib import Path

WORDS = (
    "de gemeente het college burgemeester schepen aanvraag afval ophaling container park straat wijk "
    "inwoners dienst loket afspraak identiteitskaart rijbewijs paspoort uittreksel bevolking burgerzaken "
    "milieu subsidie premie woning renovatie energie fiets mobiliteit parkeren vergunning omgeving bouw "
    "cultuur bibliotheek sport zwembad jeugd kinderopvang school onderwijs senioren zorg welzijn ocmw "
    "u kunt moet wordt is zijn heeft hebben met voor van in op aan bij naar over tot en of maar als"
).split()
SECTIONS = ["Wonen", "Afval", "Burgerzaken", "Mobiliteit", "Vrije tijd", "Welzijn", "Bestuur", "Ondernemen"]
TOPICS = ["Aanvragen", "Premies", "Reglementen", "Contact", "Nieuws", "Formulieren", "Vragen", "Openingsuren"]
CHROME_STYLE = """<style>
.skip{position:absolute;left:-10000px}.skip:focus{left:0}
.topbar{background:#00334d;color:#fff;padding:4px 16px}.topbar a{color:#fff}
.menu>li{display:inline-block;vertical-align:top;width:11%;margin:0 4px}.menu ul{padding:0;list-style:none}
footer{background:#f2f2f2;padding:16px;margin-top:32px}.columns section{display:inline-block;vertical-align:top;width:23%}
.copyright{color:#999}
</style>"""


def sentence(rng: random.Random) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(6, 22))]
    return " ".join(words).capitalize() + "."


def municipal_chrome(total: int) -> tuple[str, str]:
    """A header (top bar, logo, search, menu of 72 links) and a footer (address, 24 links, social icons),
    the same on every page, as on most municipal sites (about 240 elements); with two barriers: an icon
    link without a name and low-contrast copyright text. The skip link is off-screen until focused."""
    menu = "".join(
        f'<li><a href="p{i % total}.html">{section}</a><ul>'
        + "".join(f'<li><a href="p{(i * 7 + j) % total}.html">{section}: {topic.lower()}</a></li>' for j, topic in enumerate(TOPICS))
        + "</ul></li>"
        for i, section in enumerate(SECTIONS)
    )
    header = (
        '<header><div class="topbar"><a href="p1.html">Contact</a> | <a href="p2.html">Openingsuren</a> | '
        '<a href="p3.html">Nieuws</a> | <a href="p4.html">Agenda</a> | <a href="p5.html">Vacatures</a></div>'
        '<a href="p0.html"><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" alt="Gemeente Benchdorp" width="160" height="48"></a>'
        '<form role="search" action="#"><label for="q">Zoeken</label><input id="q" type="search" name="q"><button>Zoek</button></form>'
        f'<nav aria-label="Hoofdmenu"><ul class="menu">{menu}</ul></nav></header>'
    )
    columns = "".join(
        f'<section><h2>{title}</h2><ul>'
        + "".join(f'<li><a href="p{(k * 5 + j) % total}.html">{topic}</a></li>' for j, topic in enumerate(TOPICS[:6]))
        + "</ul></section>"
        for k, title in enumerate(["Diensten", "Bestuur", "Over Benchdorp", "Snel naar"])
    )
    footer = (
        '<footer><address>Gemeente Benchdorp<br>Marktplein 1<br>9999 Benchdorp<br>'
        '<a href="tel:+3290000000">09 000 00 00</a><br><a href="mailto:info@benchdorp.example">info@benchdorp.example</a></address>'
        f'<div class="columns">{columns}</div>'
        '<p><a href="p6.html">Facebook</a> <a href="p7.html">Instagram</a> <a href="p8.html"><svg width="16" height="16"><rect width="16" height="16"/></svg></a></p>'
        '<p class="copyright">© Gemeente Benchdorp - <a href="toegankelijkheidsverklaring.html">Toegankelijkheid</a> - '
        '<a href="p0.html">Privacy</a> - <a href="p1.html">Cookies</a></p></footer>'
    )
    return header, footer


def page(rng: random.Random, n: int, total: int, shared_chrome: bool = False) -> str:
    nav = "".join(f'<li><a href="p{(n + i * 7) % total}.html">{s}</a></li>' for i, s in enumerate(SECTIONS))
    body = []
    for block in range(rng.randint(22, 40)):
        body.append(f"<h2>{rng.choice(SECTIONS)} {block}</h2>")
        body.append("".join(f"<p>{' '.join(sentence(rng) for _ in range(rng.randint(2, 5)))}</p>" for _ in range(rng.randint(2, 4))))
        kind = rng.random()
        if kind < 0.3:
            rows = "".join(f"<tr><th scope=\"row\">{rng.choice(SECTIONS)}</th>" + "".join(f"<td>{rng.randint(1, 99)}</td>" for _ in range(5)) + "</tr>" for _ in range(rng.randint(8, 20)))
            body.append(f"<table><caption>Overzicht {block}</caption><thead><tr><th>Dienst</th>{''.join(f'<th>Week {w}</th>' for w in range(5))}</tr></thead><tbody>{rows}</tbody></table>")
        elif kind < 0.5:
            fields = "".join(f'<p><label for="f{block}_{i}">Veld {i}</label><input id="f{block}_{i}" name="f{i}" type="text"></p>' for i in range(rng.randint(3, 8)))
            body.append(f'<form action="#"><fieldset><legend>Aanvraag {block}</legend>{fields}<button type="submit">Versturen</button></fieldset></form>')
        elif kind < 0.7:
            body.append("".join(f'<figure><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" alt="{sentence(rng)[:40]}" width="120" height="80"><figcaption>{sentence(rng)}</figcaption></figure>' for _ in range(rng.randint(2, 6))))
        else:
            body.append("<ul>" + "".join(f'<li><a href="p{rng.randrange(total)}.html">{sentence(rng)[:50]}</a></li>' for _ in range(rng.randint(5, 15))) + "</ul>")
        if rng.random() < 0.15:
            body.append('<p><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="><span style="color:#aaa">Lichte tekst</span></p>')
    if shared_chrome:
        header, footer = municipal_chrome(total)
        return f"""<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Pagina {n} - Gemeente Benchdorp</title>{CHROME_STYLE}</head>
<body><a class="skip" href="#main">Naar de inhoud</a>{header}
<main id="main"><h1>Pagina {n}</h1>{''.join(body)}</main>
{footer}</body></html>"""
    return f"""<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Pagina {n} - Gemeente Benchdorp</title></head>
<body><a href="#main">Naar de inhoud</a><header><p>Gemeente Benchdorp</p><nav aria-label="Hoofdmenu"><ul>{nav}</ul></nav>
<form role="search"><label for="q">Zoeken</label><input id="q" type="search"><button>Zoek</button></form></header>
<main id="main"><h1>Pagina {n}</h1>{''.join(body)}</main>
<footer><a href="toegankelijkheidsverklaring.html">Toegankelijkheid</a> <a href="p0.html">Contact</a></footer></body></html>"""


def generate(folder: Path, pages: int = 60, seed: int = 2026, shared_chrome: bool = False) -> list[str]:
    """The site in ``folder``; its navigation differs per page unless ``shared_chrome`` (municipal_chrome)."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    names = []
    for n in range(pages):
        name = f"p{n}.html"
        (folder / name).write_text(page(rng, n, pages, shared_chrome), encoding="utf-8")
        names.append(name)
    (folder / "index.html").write_text(page(rng, 0, pages, shared_chrome), encoding="utf-8")
    return names
