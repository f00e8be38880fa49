"""targets.yaml: the sites to audit and the run settings.

Errors a user can make in the file are reported as ``ConfigError`` naming the
file, the line and the key, and what was expected.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import MarkedYAMLError

SITE_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")


class ConfigError(Exception):
    """A problem in a configuration file that the user can fix."""

    def __init__(self, path: Path | str, line: int | None, key: str, message: str, more: list["ConfigError"] | None = None):
        self.path = str(path)
        self.line = line
        self.key = key
        self.message = message
        self.more = more or []
        where = f"{self.path}:{line}" if line else self.path
        text = f"{where}: {key}: {message}" if key else f"{where}: {message}"
        super().__init__("\n".join([text, *(str(p) for p in self.more)]))


class AlertSettings(BaseModel):
    """When and where to send an alert after a run (SMTP secrets come from the environment)."""

    model_config = ConfigDict(extra="forbid")

    score_drop: float = Field(5.0, ge=0, description="alert when a site's score drops by this many points")
    new_impact: Literal["critical", "serious", "moderate", "minor"] = Field(
        "serious", description="alert on new failed findings of this impact or worse"
    )
    email_to: list[str] = Field(default_factory=list, description="addresses; server in A11Y_AUDIT_SMTP_HOST etc.")
    webhook_url: str | None = Field(None, description="JSON POST receiver; or A11Y_AUDIT_WEBHOOK_URL")
    report_url: str | None = Field(None, description="where the reports are published, for links in alerts")


class Settings(BaseModel):
    """Run settings; each has a default so the section can be left out."""

    model_config = ConfigDict(extra="forbid")

    concurrency: int = Field(2, ge=1, le=64, description="browser pages open at the same time")
    per_host_concurrency: int = Field(2, ge=1, le=16, description="pages open at the same time on one host")
    page_timeout: float = Field(30.0, gt=0, le=600, description="seconds for one page, load and checks")
    max_pages: int = Field(10, ge=1, le=10000, description="pages per site unless the site says otherwise")
    follow_links: bool = Field(True, description="find more pages through the links of audited pages")
    site_checks: bool = Field(True, description="site-wide checks: statement, consistent navigation, linked documents")
    wcag_version: Literal["2.0", "2.1", "2.2"] = "2.2"
    wcag_level: Literal["A", "AA"] = "AA"
    contact_url: str = Field(
        "https://github.com/a11y-audit/a11y-audit", description="where site owners learn who crawls them; part of the user agent"
    )
    user_agent: str = Field(
        "", description="how requests introduce themselves; default: a11y-audit/<version> (+<contact_url>)"
    )
    browser_path: str | None = Field(None, description="Chromium or Chrome executable")
    axe_path: str | None = Field(None, description="another axe.min.js to use instead of the bundled one")
    axe_templates: bool = Field(
        True, description="axe audits a header, navigation or footer identical to one on an earlier page of the site only once"
    )
    allowed_hosts: list[str] = Field(
        default_factory=list, description="when set, the browser loads nothing from other hosts (fixtures, tests)"
    )
    language: Literal["nl", "en"] = Field("nl", description="language of the reports")
    alerts: AlertSettings | None = Field(None, description="regression alerts after each run")
    keep_runs: int | None = Field(None, ge=1, description="retention: keep this many runs per site (a11y-audit prune)")
    keep_days: int | None = Field(None, ge=1, description="retention: keep runs of the last N days (a11y-audit prune)")
    max_documents: int = Field(50, ge=0, le=1000, description="linked documents (PDF, ...) fetched per site; 0: none")
    document_max_bytes: int = Field(20_000_000, ge=1, description="larger documents are not downloaded")
    document_timeout: float = Field(30.0, gt=0, le=600, description="seconds for one document, download and analysis")
    # crawling and sampling (discover/, sample.py)
    request_delay: float = Field(0.5, ge=0, le=60, description="seconds between two requests to one host (robots.txt may ask more)")
    max_crawl_delay: float = Field(30.0, ge=0, le=600, description="a longer Crawl-delay in robots.txt is capped to this")
    max_retry_after: float = Field(60.0, ge=0, le=3600, description="longest Retry-After (429/503) waited for before retrying")
    ignore_tls_errors: bool = Field(False, description="accept invalid TLS certificates (test servers); off by default")
    discovery_max_urls: int = Field(200, ge=1, le=100000, description="addresses fetched per site to find pages before sampling")
    max_depth: int = Field(5, ge=0, le=100, description="links away from the start page that discovery follows")
    discovery_seconds: float = Field(120.0, gt=0, le=86400, description="time for the discovery of one site")
    max_site_seconds: float = Field(1800.0, gt=0, le=86400, description="time for one site; later pages are not started")
    max_urls_per_pattern: int = Field(20, ge=1, le=100000, description="addresses of one shape (crawl traps: calendars, filters)")
    max_page_bytes: int = Field(5_000_000, ge=1000, description="larger pages are not audited")
    sample_random_share: float = Field(
        0.1, ge=0.1, le=1, description="random sample: at least this share of the structured sample (WCAG-EM: 10 %)"
    )
    sample_seed: int | None = Field(None, description="seed of the random sample; default: a new one per site and run")

    @field_validator("wcag_version", mode="before")
    @classmethod
    def _version_as_text(cls, value: Any) -> Any:
        return str(value) if isinstance(value, (int, float)) else value

    @model_validator(mode="after")
    def _default_user_agent(self) -> "Settings":
        if not self.user_agent:
            from . import __version__

            self.user_agent = f"a11y-audit/{__version__} (+{self.contact_url})"
        return self

    @property
    def robots_agent(self) -> str:
        """The product token robots.txt groups are matched against."""
        return re.split(r"[/\s(]", self.user_agent.strip(), maxsplit=1)[0] or "a11y-audit"


class Site(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str = Field(description="short unique id: lowercase letters, digits and dashes")
    name: str
    url: str | None = Field(None, description="start page; a site without one is reported as not tested")
    level: Literal["vlaams", "lokaal", "federaal", "andere"] | None = None
    province: str | None = None
    nis_code: str | None = None
    tags: list[str] = []
    max_pages: int | None = Field(None, ge=1, le=10000)
    include: list[str] = Field(default_factory=list, description="regular expressions; only matching URLs")
    exclude: list[str] = Field(default_factory=list, description="regular expressions; matching URLs are skipped")
    pages: list[str] = Field(default_factory=list, description="more pages to audit besides the start page")
    hosts: list[str] = Field(default_factory=list, description="more host names that belong to the site (scope)")
    ignore_robots: bool = Field(False, description="true only for one's own site: robots.txt is not read")
    url_verified: bool = True
    note: str | None = None

    @field_validator("id")
    @classmethod
    def _id(cls, value: str) -> str:
        if not SITE_ID.match(value):
            raise ValueError("lowercase letters, digits and dashes, starting with a letter or digit")
        return value

    @field_validator("url")
    @classmethod
    def _url(cls, value: str | None) -> str | None:
        if value is not None and not re.match(r"^https?://[^/\s]+", value):
            raise ValueError("an http:// or https:// address")
        return value

    @field_validator("pages")
    @classmethod
    def _pages(cls, value: list[str]) -> list[str]:
        for page in value:
            if not re.match(r"^https?://[^/\s]+", page):
                raise ValueError(f"http:// or https:// addresses ({page!r} is not)")
        return value

    @field_validator("nis_code", mode="before")
    @classmethod
    def _nis(cls, value: Any) -> Any:
        if isinstance(value, int):
            value = str(value)
        if value is not None and not re.fullmatch(r"\d{5}", str(value)):
            raise ValueError("a NIS code of five digits")
        return value

    @field_validator("include", "exclude")
    @classmethod
    def _patterns(cls, value: list[str]) -> list[str]:
        for pattern in value:
            try:
                re.compile(pattern)
            except re.error as exc:
                raise ValueError(f"a valid regular expression ({pattern!r}: {exc})") from None
        return value


class Targets(BaseModel):
    model_config = ConfigDict(extra="forbid")

    settings: Settings = Field(default_factory=Settings)
    sites: list[Site]

    @model_validator(mode="after")
    def _unique_ids(self) -> "Targets":
        seen: set[str] = set()
        for index, site in enumerate(self.sites):
            if site.id in seen:
                raise _DuplicateId(index, site.id)
            seen.add(site.id)
        return self

    def site_max_pages(self, site: Site) -> int:
        return site.max_pages or self.settings.max_pages


class _DuplicateId(ValueError):
    def __init__(self, index: int, site_id: str):
        self.index = index
        super().__init__(f"site id {site_id!r} is used twice; ids must be unique")


def load_targets(path: Path | str) -> Targets:
    """Read and validate a targets file; raise ConfigError naming file, line and key."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError(path, None, "", "file not found") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(path, None, "", f"cannot read the file: {exc}") from None
    return parse_targets(text, path)


def parse_targets(text: str, path: Path | str = "<targets>") -> Targets:
    yaml = YAML(typ="rt")
    try:
        data = yaml.load(text)
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        raise ConfigError(path, line, "", f"not valid YAML: {exc.problem or exc.context}") from None
    if not isinstance(data, dict):
        raise ConfigError(path, 1, "", "expected a mapping with the keys 'settings' and 'sites'")
    try:
        return Targets.model_validate(_plain(data))
    except ValidationError as exc:
        problems = []
        for error in exc.errors():
            loc = tuple(error["loc"])
            ctx_error = (error.get("ctx") or {}).get("error")
            if isinstance(ctx_error, _DuplicateId):
                loc = ("sites", ctx_error.index, "id")
            problems.append(ConfigError(path, _line_of(data, loc), dotted_key(loc), expected_text(error)))
        first = problems[0]
        raise ConfigError(first.path, first.line, first.key, first.message, more=problems[1:]) from None


def expected_text(error: dict[str, Any]) -> str:
    kind = error["type"]
    if kind == "missing":
        return "this key is required"
    if kind == "extra_forbidden":
        return "unknown key (check the spelling; see the documented keys in targets.yaml)"
    message = str(error["msg"])
    message = message.removeprefix("Value error, ")
    if kind == "literal_error":
        return message.replace("Input should be", "expected")
    if message.startswith("Input should be"):
        return "expected " + message.removeprefix("Input should be ").strip()
    return "expected " + message if not message.startswith("site id") else message


def dotted_key(loc: tuple[Any, ...]) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _line_of(data: Any, loc: tuple[Any, ...]) -> int | None:
    """The 1-based line of the deepest part of ``loc`` that exists in the YAML tree."""
    line: int | None = None
    node = data
    for part in loc:
        if isinstance(node, CommentedMap) and part in node:
            line = node.lc.key(part)[0] + 1
            node = node[part]
        elif isinstance(node, CommentedSeq) and isinstance(part, int) and part < len(node):
            line = node.lc.item(part)[0] + 1
            node = node[part]
        else:
            if isinstance(node, (CommentedMap, CommentedSeq)) and line is None:
                line = node.lc.line + 1
            break
    return line


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value
