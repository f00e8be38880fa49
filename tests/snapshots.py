"""Small hand-made snapshots for tests that need no browser."""

from __future__ import annotations

from a11y_audit.snapshot import AxeNode, AxeResults, AxeRule, Document, Link, LooseText, PageSnapshot, TextBlock


def axe_rule(rule_id: str, impact: str, tags: tuple[str, ...], *targets: str, html: str = "<img src=x>") -> AxeRule:
    nodes = tuple(AxeNode(target=t, html=html, summary="Fix any of the following: ...") for t in targets)
    return AxeRule(id=rule_id, impact=impact, tags=tags, help=f"{rule_id} help", help_url=f"https://dequeuniversity.com/rules/axe/4.12/{rule_id}", nodes=nodes, node_count=len(nodes))


def page(url: str, *, violations=(), incomplete=(), links=(), documents=(), title="Een pagina", lang="nl", **facts) -> PageSnapshot:
    """A page; ``facts`` sets any other PageSnapshot field (headings=..., text_blocks=..., focusables=...)."""
    return PageSnapshot(
        requested_url=url,
        final_url=url,
        http_status=200,
        title=title,
        lang=lang,
        links=tuple(links),
        documents=tuple(documents),
        axe=AxeResults(version="4.12.1", violations=tuple(violations), incomplete=tuple(incomplete)),
        **{k: tuple(v) if isinstance(v, list) else v for k, v in facts.items()},
    )


def link(href: str, name: str, selector: str = "a", *, region: str = "main", landmark: str = "") -> Link:
    return Link(href=href, name=name, text=name, selector=selector, region=region, lang="nl", landmark=landmark)


def document(url: str, text: str) -> Document:
    return Document(url=url, kind="pdf", link_text=text)


def block(tag: str, text: str, *, region: str = "main", lang: str = "nl", selector: str = "") -> TextBlock:
    """A text block; ``lang`` is the lang in force on it (the page's unless the element has its own)."""
    return TextBlock(tag=tag, text=text, lang=lang, region=region, selector=selector or f"main > {tag}")


def loose(text: str, before: int, *, region: str = "main", tag: str = "div", selector: str = "main > div") -> LooseText:
    return LooseText(text=text, tag=tag, region=region, selector=selector, before=before)
