"""``a11y-audit text``: the plain-Dutch checks on a text of your own, for writers.

Reads a file or standard input: plain text, paragraphs separated by blank lines, lines starting
with '#' are headings, lines starting with '-', '*' or '•' (or '1.') are list items. Prints the
readability indicators, the verdict and every piece of advice with its sentence and a concrete
suggestion; ``--json`` for machines. Always exits 0: advice is not an error.
"""

from __future__ import annotations

import json
import re
from dataclasses import asdict
from typing import Any, TextIO

import click

from ..checks import get_check
from ..report.i18n import translator
from ..report.plain_language import label_text
from .indicators import Indicators, analyse
from .language import detect
from .maintext import HEADING, ITEM, TEXT, MainBlock
from .reading import BlockProblem, block_problems, sentence_texts
from .settings import DEFAULT_SETTINGS

_ITEM_RE = re.compile(r"^\s*(?:[-*•–]|\d{1,2}[.)])\s+")


def parse_text(raw: str) -> list[MainBlock]:
    """Blocks of a plain text: headings ('#'), list items ('-', '*', '1.') and paragraphs (blank lines between)."""
    blocks: list[MainBlock] = []
    lines: list[str] = []

    def flush() -> None:
        if lines:
            blocks.append(_block(TEXT, "p", " ".join(lines)))
            lines.clear()

    for line in raw.replace("\r\n", "\n").split("\n"):
        stripped = line.strip()
        if not stripped:
            flush()
        elif stripped.startswith("#"):
            flush()
            level = min(len(stripped) - len(stripped.lstrip("#")), 6)
            blocks.append(_block(HEADING, f"h{level}", stripped.lstrip("#").strip()))
        elif _ITEM_RE.match(stripped):
            flush()
            blocks.append(_block(ITEM, "li", _ITEM_RE.sub("", stripped, count=1)))
        else:
            lines.append(stripped)
    flush()
    return [b for b in blocks if b.text]


def _block(kind: str, tag: str, text: str) -> MainBlock:
    detection = detect(text)
    language = detection.language if detection.likely else "nl"
    return MainBlock(kind, tag, " ".join(text.split()), "", "", False, False, detection, language)


def _num(value: float, lang: str) -> str:
    text = f"{value:.1f}"
    return text.replace(".", ",") if lang == "nl" else text


def _pct(share: float) -> str:
    return f"{round(share * 100)} %"


def analyse_text(raw: str) -> tuple[list[MainBlock], Indicators | None, list[BlockProblem]]:
    """The blocks of ``raw``, the indicators of its Dutch running text, and the advice."""
    blocks = parse_text(raw)
    dutch = [b for b in blocks if b.language == "nl"]
    texts = sentence_texts(dutch)
    indicators = analyse(texts) if texts else None
    return blocks, indicators, block_problems(dutch)


def _language_name(t: Any, code: str) -> str:
    try:
        return t(f"language_{code}")
    except KeyError:
        return code


def _title(rule_id: str, lang: str) -> str:
    check = get_check(rule_id)
    return (check.texts.get(lang) or check.texts["nl"]).title if check else rule_id


def to_json(blocks: list[MainBlock], indicators: Indicators | None, problems: list[BlockProblem], lang: str) -> dict[str, Any]:
    number = {id(b): n for n, b in enumerate(blocks, 1)}
    return {
        "indicators": asdict(indicators) if indicators else None,
        "label": label_text(indicators.label, lang) if indicators else None,
        "blocks": [
            {"block": n, "kind": b.kind, "language": b.language, "assessed": b.language == "nl", "text": b.text}
            for n, b in enumerate(blocks, 1)
        ],
        "findings": [
            {
                "rule_id": p.finding.rule_id,
                "title": _title(p.finding.rule_id, lang),
                "block": number[id(p.block)],
                "sentence": p.finding.sentence,
                "text": p.finding.text,
                "explanation": p.finding.explanation,
                "suggestion": p.finding.suggestion,
                "start": p.finding.start,
                "end": p.finding.end,
                "more": p.more,
            }
            for p in problems
        ],
    }


def to_lines(blocks: list[MainBlock], indicators: Indicators | None, problems: list[BlockProblem], lang: str) -> list[str]:
    t = translator(lang)
    out: list[str] = []
    for n, block in enumerate(blocks, 1):
        if block.language != "nl":
            out.append(t("text_skipped", n=n, language=_language_name(t, block.language)))
    if indicators is None:
        out.append(t("text_empty"))
        return out
    i = indicators
    out += [
        t("text_readability", score=_num(i.score, lang), label=label_text(i.label, lang)),
        f"  {t('text_sentences')}: {i.sentences}   {t('text_words')}: {i.words}   {t('text_asl')}: "
        f"{_num(i.average_sentence_length, lang)}",
        f"  {t('text_long', limit=DEFAULT_SETTINGS.long_sentence_words)}: {_pct(i.long_sentence_share)}",
        f"  {t('text_flesch')}: {_num(i.flesch_douma, lang)}   {t('text_brouwer')}: {_num(i.brouwer, lang)}",
        f"  {t('text_rare')}: {_pct(i.infrequent_word_share)}   {t('text_style')}: {i.style_hits}",
        f"  {t('text_scale')}",
        "",
    ]
    if not problems:
        out.append(t("text_no_findings"))
        return out
    out.append(t("text_findings", count=len(problems)))
    number = {id(b): n for n, b in enumerate(blocks, 1)}
    groups: dict[tuple[int, str], list[BlockProblem]] = {}
    for problem in problems:  # one sentence, all its advice together
        groups.setdefault((number[id(problem.block)], problem.finding.sentence), []).append(problem)
    for k, ((block, sentence), items) in enumerate(groups.items(), 1):
        out.append("")
        out.append(f"{k}. {t('text_block', n=block)}: \"{sentence}\"")
        for problem in items:
            f = problem.finding
            found = f" \"{f.text}\"" if f.text != f.sentence else ""
            out.append(f"   - {_title(f.rule_id, lang)}{found}")
            if lang == "nl":
                out.append(f"     {f.explanation}")
            else:
                check = get_check(f.rule_id)
                if check is not None:
                    out.append(f"     {t('text_why')}: {check.texts['en'].who}")
            out.append(f"     {t('text_advice')}: {f.suggestion}")
            if problem.more:
                out.append(f"     {t('text_more', count=problem.more)}")
    return out


@click.command("text")
@click.argument("source", type=click.File("r", encoding="utf-8"), default="-")
@click.option("--lang", type=click.Choice(["nl", "en"]), default="nl", show_default=True,
              help="Language of the output (the text itself is read as Dutch).")
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output (JSON).")
def text(source: TextIO, lang: str, as_json: bool) -> None:
    """Plain-Dutch (Heerlijk Helder) advice on a text: FILE, or standard input when '-' or absent.

    Paragraphs are separated by blank lines; lines starting with '#' are headings; lines starting
    with '-', '*' or '1.' are list items.
    """
    blocks, indicators, problems = analyse_text(source.read())
    if as_json:
        click.echo(json.dumps(to_json(blocks, indicators, problems, lang), ensure_ascii=False, indent=2))
    else:
        click.echo("\n".join(to_lines(blocks, indicators, problems, lang)))
