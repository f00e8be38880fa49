"""Secrets in targets.yaml: only ``${env:NAME}`` references are written in the file.

They are resolved from the environment when the browser needs them (a login, a cookie, a
header) and never stored: the run's settings keep the references, and every value resolved
for a site is replaced by ``REDACTED`` in what a visit returns (see ``gather/session.py``).
"""

from __future__ import annotations

import html
import os
import re
from typing import Mapping

ENV_REF = re.compile(r"\$\{env:([A-Za-z_][A-Za-z0-9_]*)\}")
ENV_START = "${env:"
REDACTED = "[verborgen]"
MIN_REDACTED = 4  # shorter values are not secrets worth the name, and replacing them would garble the page's text


class MissingSecret(KeyError):
    """An environment variable a ${env:NAME} reference needs is not set."""

    def __init__(self, name: str):
        self.name = name
        super().__init__(name)

    def __str__(self) -> str:
        return f"environment variable {self.name} is not set"


def resolve(text: str, environ: Mapping[str, str] | None = None) -> str:
    """``text`` with every ``${env:NAME}`` replaced by the variable's value."""
    environ = os.environ if environ is None else environ

    def value(match: re.Match[str]) -> str:
        if match.group(1) not in environ:
            raise MissingSecret(match.group(1))
        return environ[match.group(1)]

    return ENV_REF.sub(value, text)


def secret_values(texts: list[str], environ: Mapping[str, str] | None = None) -> tuple[str, ...]:
    """The values the references in ``texts`` resolve to, longest first (for redaction)."""
    environ = os.environ if environ is None else environ
    found = {environ[name] for text in texts for name in ENV_REF.findall(text) if name in environ}
    found |= {html.escape(v) for v in found}  # as it appears in HTML snippets
    return tuple(sorted((v for v in found if len(v) >= MIN_REDACTED), key=len, reverse=True))


def redact(text: str, secrets: tuple[str, ...]) -> str:
    for secret in secrets:
        text = text.replace(secret, REDACTED)
    return text
