"""Settings of `a11y-audit check`: a11y-audit.toml or [tool.a11y-audit] in pyproject.toml.

Command-line options override the file. Errors name the file, line and key.
"""

from __future__ import annotations

import re
import tomllib
from datetime import date
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from ..config import ConfigError, dotted_key, expected_text
from .gate import Ignore, Thresholds

Impact = Literal["critical", "serious", "moderate", "minor"]
Output = Literal["junit", "sarif", "json", "csv", "earl", "markdown"]
OUTPUT_FILES: dict[str, str] = {
    "junit": "a11y-junit.xml",
    "sarif": "a11y.sarif",
    "json": "a11y.json",
    "csv": "a11y.csv",
    "earl": "a11y-earl.jsonld",
    "markdown": "a11y-summary.md",
}


class IgnoreRule(BaseModel):
    model_config = ConfigDict(extra="forbid")

    rule: str = Field(min_length=1)
    reason: str = Field(min_length=3, description="why this is accepted; shown in every report")
    until: date | None = Field(None, description="the ignore stops working after this day (YYYY-MM-DD)")
    url: str = Field("*", description="glob over page URLs")


class CheckConfig(BaseModel):
    model_config = ConfigDict(extra="forbid")

    urls: list[str] = []
    sitemap: str | None = None
    dir: str | None = None
    crawl: int = Field(0, ge=0, le=10000, description="0: only the given pages; N: follow links up to N pages")
    fail_on: Impact = "minor"
    min_score: float | None = Field(None, ge=0, le=100)
    baseline: str | None = None
    output_dir: str = "a11y-results"
    outputs: list[Output] = []
    ignore: list[IgnoreRule] = []
    wcag_version: Literal["2.0", "2.1", "2.2"] = "2.2"
    wcag_level: Literal["A", "AA"] = "AA"
    page_timeout: float = Field(30.0, gt=0, le=600)
    concurrency: int = Field(2, ge=1, le=32)
    browser_path: str | None = None
    axe_path: str | None = None
    backend: Literal["playwright", "selenium"] = "playwright"
    selenium_url: str | None = Field(None, pattern=r"^https?://[^/\s]+")
    lang: Literal["nl", "en"] = "nl"  # of the summary for people

    def thresholds(self) -> Thresholds:
        return Thresholds(
            fail_on=self.fail_on,
            min_score=self.min_score,
            ignores=tuple(Ignore(i.rule, i.reason, i.until, i.url) for i in self.ignore),
        )


def find_config_file(start: Path) -> Path | None:
    """a11y-audit.toml, or a pyproject.toml with a [tool.a11y-audit] table, in ``start``."""
    own = start / "a11y-audit.toml"
    if own.is_file():
        return own
    pyproject = start / "pyproject.toml"
    if pyproject.is_file() and re.search(r"^\[tool\.a11y-audit[\].]", pyproject.read_text(encoding="utf-8"), re.M):
        return pyproject
    return None


def load_check_config(path: Path | None, overrides: dict[str, Any]) -> CheckConfig:
    """The file's settings (if any) with the command-line ``overrides`` (None values are left out) on top."""
    data: dict[str, Any] = {}
    text = ""
    if path is not None:
        try:
            text = path.read_text(encoding="utf-8")
            parsed = tomllib.loads(text)
        except OSError as exc:
            raise ConfigError(path, None, "", f"cannot read the file: {exc}") from None
        except tomllib.TOMLDecodeError as exc:
            line = getattr(exc, "lineno", None) or _line_from_message(str(exc))
            raise ConfigError(path, line, "", f"not valid TOML: {exc}") from None
        data = parsed.get("tool", {}).get("a11y-audit", {}) if path.name == "pyproject.toml" else parsed
    data = {**data, **{k: v for k, v in overrides.items() if v is not None and v != () and v != []}}
    try:
        return CheckConfig.model_validate(data)
    except ValidationError as exc:
        error = exc.errors()[0]
        loc = tuple(error["loc"])
        where = path or Path("<command line>")
        raise ConfigError(where, _line_of_key(text, loc), dotted_key(loc), expected_text(error)) from None


def _line_from_message(message: str) -> int | None:
    match = re.search(r"line (\d+)", message)
    return int(match.group(1)) if match else None


def _line_of_key(text: str, loc: tuple[Any, ...]) -> int | None:
    """Best effort: the first line that sets the innermost named key of ``loc``."""
    names = [part for part in loc if isinstance(part, str)]
    if not text or not names:
        return None
    pattern = re.compile(rf"^\s*{re.escape(names[-1])}\s*=|[{{,]\s*{re.escape(names[-1])}\s*=")
    for number, line in enumerate(text.splitlines(), start=1):
        if pattern.search(line):
            return number
    return None
