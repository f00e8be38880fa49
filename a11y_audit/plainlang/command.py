"""``a11y-audit text``: the plain-Dutch checks on a text of your own, for writers.

Reads a file or standard input, plain text or HTML. Plain text: paragraphs separated by blank
lines, lines starting with '#' are headings, lines starting with '-', '*' or '•' (or '1.') are list
items. HTML (a file ending in .html or .htm, or a text that starts with a tag or doctype): its
main text as for an audited page (see ``htmltext`` and ``maintext``). Prints the readability
indicators, the verdict and every piece of advice with its sentence and a concrete suggestion;
``--format json`` for machines. Advice is not an error: exits 0 unless the input cannot be read.

``--jsonl``: many texts, one JSON object ``{"id": ..., "text": ...}`` per line in, one JSON object
``{"id", "score", "label", "language", "findings"}`` per line out, in order and flushed line by
line. The score of a plain text is ``analyse([text]).score``, the combined score of the whole text.
A line that cannot be read gives ``{"id", "error"}`` and the next line goes on; the exit code is 1
only when no line at all could be read.
"""

from __future__ import annotations

import json
import re
import sys
from dataclasses import asdict
from typing import Any, BinaryIO

import click

from ..checks import get_check
from ..discover.html import decode
from ..report.i18n import translator
from ..report.plain_language import label_text
from .htmltext import html_main_text, looks_like_html
from .indicators import Indicators, analyse
from .language import detect
from .maintext import HEADING, ITEM, TEXT, MainBlock
from .reading import BlockProblem, block_problems, sentence_texts
from .sentences import words
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


def read_draft(raw: str, html: bool) -> tuple[list[MainBlock], str]:
    """The blocks of a draft and the language it is taken to be in (Dutch unless another is likely)."""
    if html:
        page = html_main_text(raw)
        return list(page.blocks), page.language
    detection = detect(raw)
    return parse_text(raw), detection.language if detection.likely else "nl"


def analyse_text(
    raw: str, html: bool = False, whole: bool = False
) -> tuple[list[MainBlock], str, Indicators | None, list[BlockProblem]]:
    """The blocks of ``raw``, its language, the indicators of its Dutch running text and the advice.

    A text that is not in Dutch is not assessed: no indicators, no advice. ``whole``: the
    indicators of a plain text are those of the whole text as one piece, ``analyse([raw])``, as the
    evaluation data is read (headings and list items count as sentences then).
    """
    blocks, language = read_draft(raw, html)
    if language != "nl":
        return blocks, language, None, []
    dutch = [b for b in blocks if b.language == "nl"]
    texts = [raw] if whole and not html and dutch else sentence_texts(dutch)
    indicators = analyse(texts) if any(words(t) for t in texts) else None
    return blocks, language, indicators, block_problems(dutch)


def _language_name(t: Any, code: str) -> str:
    try:
        return t(f"language_{code}")
    except KeyError:
        return code


def _title(rule_id: str, lang: str) -> str:
    check = get_check(rule_id)
    return (check.texts.get(lang) or check.texts["nl"]).title if check else rule_id


def _finding_json(problem: BlockProblem, block: int, lang: str) -> dict[str, Any]:
    f = problem.finding
    return {
        "rule_id": f.rule_id,
        "title": _title(f.rule_id, lang),
        "block": block,
        "sentence": f.sentence,
        "text": f.text,
        "explanation": f.explanation,
        "suggestion": f.suggestion,
        "start": f.start,
        "end": f.end,
        "more": problem.more,
    }


def to_json(
    blocks: list[MainBlock], language: str, indicators: Indicators | None, problems: list[BlockProblem], lang: str
) -> dict[str, Any]:
    number = {id(b): n for n, b in enumerate(blocks, 1)}
    assessed = language == "nl"
    return {
        "language": language,
        "score": indicators.score if indicators else None,
        "label": label_text(indicators.label, lang) if indicators else None,
        "note": _note(blocks, language, indicators, lang),
        "indicators": asdict(indicators) if indicators else None,
        "blocks": [
            {"block": n, "kind": b.kind, "language": b.language, "assessed": assessed and b.language == "nl",
             "text": b.text}
            for n, b in enumerate(blocks, 1)
        ],
        "findings": [_finding_json(p, number[id(p.block)], lang) for p in problems],
    }


def _note(blocks: list[MainBlock], language: str, indicators: Indicators | None, lang: str) -> str | None:
    """Why a text got no score: it is not in Dutch, or there is nothing to read."""
    t = translator(lang)
    if language != "nl" and blocks:
        return t("text_not_dutch", language=_language_name(t, language))
    return t("text_empty") if indicators is None else None


def to_lines(
    blocks: list[MainBlock], language: str, indicators: Indicators | None, problems: list[BlockProblem], lang: str
) -> list[str]:
    t = translator(lang)
    note = _note(blocks, language, indicators, lang)
    if language != "nl" and note:
        return [note]
    out: list[str] = []
    for n, block in enumerate(blocks, 1):
        if block.language != "nl":
            out.append(t("text_skipped", n=n, language=_language_name(t, block.language)))
    if indicators is None:
        out.append(note or t("text_empty"))
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


def read_input(data: bytes, name: str = "") -> tuple[str, bool]:
    """The text of a file or of standard input, and whether it is HTML.

    HTML: a name ending in .html or .htm, or a text starting with a doctype or a tag; read in the
    charset it declares (else UTF-8, else windows-1252). Plain text must be UTF-8.
    """
    data = data.removeprefix(b"\xef\xbb\xbf")
    html = name.lower().endswith((".html", ".htm")) or looks_like_html(data[:2000].decode("utf-8", "replace"))
    return (decode(data), True) if html else (data.decode("utf-8"), False)


_ID_RE = re.compile(r'"id"\s*:\s*("(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?)')


def _salvaged_id(line: str) -> Any:
    """The id of a line that is not valid JSON, when it can still be read (``{"id": 7, "text": "...}``)."""
    match = _ID_RE.search(line)
    try:
        return json.loads(match.group(1)) if match else None
    except ValueError:  # "\q" in the id
        return None


def check_record(line: bytes, lang: str) -> tuple[dict[str, Any], bool]:
    """The output object for one input line of ``--jsonl``, and whether the line was usable."""
    t = translator(lang)
    empty: dict[str, Any] = {"score": None, "label": None, "language": None, "findings": []}
    try:
        record = json.loads(line)
    except ValueError as exc:  # also UnicodeDecodeError
        return {"id": _salvaged_id(line.decode("utf-8", "replace")), **empty,
                "error": t("jsonl_bad_json", error=exc)}, False
    if not isinstance(record, dict):
        return {"id": None, **empty, "error": t("jsonl_no_object")}, False
    ident, raw = record.get("id"), record.get("text")
    if not isinstance(raw, str):
        return {"id": ident, **empty, "error": t("jsonl_no_text")}, False
    blocks, language, indicators, problems = analyse_text(raw, looks_like_html(raw), whole=True)
    if indicators is None and language != "nl" and words(raw):
        # a batch wants a number on every line: the text read as Dutch, with the note that it is not
        indicators = analyse([" ".join(b.text for b in blocks)])
    number = {id(b): n for n, b in enumerate(blocks, 1)}
    out = {
        "id": ident,
        "score": indicators.score if indicators else None,
        "label": label_text(indicators.label, lang) if indicators else None,
        "language": language if blocks else None,
        "findings": [_finding_json(p, number[id(p.block)], lang) for p in problems],
    }
    note = _note(blocks, language, indicators, lang)
    if language != "nl" and indicators is not None:
        note = t("text_not_dutch_scored", language=_language_name(t, language))
    return ({**out, "note": note} if note else out), True


def _jsonl(source: BinaryIO, lang: str) -> None:
    lines = usable = 0
    for line in source:
        if not line.strip():
            continue
        out, ok = check_record(line, lang)
        lines += 1
        usable += ok
        click.echo(json.dumps(out, ensure_ascii=False))  # click.echo flushes: one line out per line in
    if lines and not usable:
        click.echo(translator(lang)("jsonl_unusable"), err=True)
        sys.exit(1)


@click.command("text")
@click.argument("source", type=click.File("rb"), default="-")
@click.option("--lang", type=click.Choice(["nl", "en"]), default="nl", show_default=True,
              help="Language of the output (the text itself is read as Dutch).")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="Output for people (text) or machines (json).")
@click.option("--json", "as_json", is_flag=True, hidden=True, help="Same as --format json.")
@click.option("--jsonl", is_flag=True,
              help='Many texts: one JSON object {"id": ..., "text": ...} per input line, one result per output line.')
def text(source: BinaryIO, lang: str, fmt: str, as_json: bool, jsonl: bool) -> None:
    """Plain-Dutch (Heerlijk Helder) advice on a text: FILE, or standard input when '-' or absent.

    Plain text or HTML (a .html/.htm file, or a text that starts with a tag). In plain text,
    paragraphs are separated by blank lines; lines starting with '#' are headings; lines starting
    with '-', '*' or '1.' are list items. In HTML only the main text counts: no navigation,
    header, footer, sidebar or cookie banner, and no text in another language.
    """
    if jsonl:
        _jsonl(source, lang)
        return
    try:
        raw, html = read_input(source.read(), getattr(source, "name", "") or "")
    except UnicodeDecodeError as exc:
        raise click.ClickException(translator(lang)("text_unreadable", error=exc)) from exc
    blocks, language, indicators, problems = analyse_text(raw, html)
    if as_json or fmt == "json":
        data = to_json(blocks, language, indicators, problems, lang)
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        click.echo("\n".join(to_lines(blocks, language, indicators, problems, lang)))
