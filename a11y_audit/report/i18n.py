"""The one translation catalogue of the reports."""

from __future__ import annotations

from functools import lru_cache
from importlib.resources import files
from typing import Any, Callable

from ruamel.yaml import YAML

from .. import reasons

LANGUAGES = ("nl", "en")


@lru_cache(maxsize=1)
def _catalogue() -> dict[str, dict[str, str]]:
    text = files(__package__).joinpath("messages.yaml").read_text(encoding="utf-8")
    return YAML(typ="safe").load(text)


def translator(lang: str) -> Callable[..., str]:
    """``t(key, **values)``: the text for ``key`` in ``lang``, falling back to Dutch."""
    messages = _catalogue()
    own, fallback = messages.get(lang, {}), messages["nl"]

    def t(key: str, **values: Any) -> str:
        text = own.get(key) or fallback.get(key)
        if text is None:
            raise KeyError(f"no text for {key!r} in report/messages.yaml")
        return text.format(**values) if values else text

    return t


def decimal(text: str, lang: str) -> str:
    """Dutch writes a decimal comma."""
    return text.replace(".", ",") if lang == "nl" else text


def reason_text(reason: str, lang: str) -> str:
    """A stored reason code ("timeout: 30") in plain language; several are joined by '; '."""
    t = translator(lang)
    parts = []
    for one in reason.split("; "):
        code, detail = reasons.split(one)
        try:
            parts.append(t(f"reason_{code}", detail=detail))
        except KeyError:
            parts.append(one)
    return " ".join(parts)
