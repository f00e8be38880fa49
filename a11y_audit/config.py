"""targets.yaml: the sites to audit and the run settings.

Errors a user can make in the file are reported as ``ConfigError`` naming the
file, the line and the key, and what was expected.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any, Literal, Mapping

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, ValidationError, field_serializer, field_validator, model_validator
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import MarkedYAMLError

from .secrets import ENV_REF, ENV_START

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


ACTION_KINDS = ("click", "fill", "press", "wait_for", "wait")
HEADER_NAME = re.compile(r"^[A-Za-z0-9!#$%&'*+.^_`|~-]+$")
# with a login, addresses that log out are never visited: they would end the session for the pages after them
LOGOUT_URLS = r"(?i)(log-?out|log-?off|sign-?out|afmelden|uitloggen|abmelden|d[ée]connexion)"
NOT_A_HEADER = {"cookie": "use cookies: for cookies", "host": "the browser sets it", "content-length": "the browser sets it"}


class Fill(BaseModel):
    model_config = ConfigDict(extra="forbid")

    selector: str = Field(min_length=1, description="the field: a CSS selector, or text=... / role=...")
    value: str = Field(description="what to type; a secret as ${env:NAME}")


class Action(BaseModel):
    """One step of the action language in targets.yaml: exactly one of its keys."""

    model_config = ConfigDict(extra="forbid")

    click: str | None = Field(None, min_length=1, description="the element to click: a CSS selector, or text=... / role=...")
    fill: Fill | None = Field(None, description="type a value into a field")
    press: str | None = Field(None, min_length=1, description="a key pressed in the focused element: Enter, Escape, Tab...")
    wait_for: str | None = Field(None, min_length=1, description="a selector that must become visible")
    wait: float | None = Field(None, gt=0, le=30, description="seconds to wait")

    @model_validator(mode="after")
    def _one_step(self) -> "Action":
        if sum(getattr(self, kind) is not None for kind in ACTION_KINDS) != 1:
            raise ValueError("exactly one of click, fill, press, wait_for or wait per step")
        return self

    def describe(self) -> str:
        """The step as written, for reasons and reports; never the value typed by fill."""
        if self.fill is not None:
            return f"fill {self.fill.selector!r}"
        kind = next(kind for kind in ACTION_KINDS if getattr(self, kind) is not None)
        value = getattr(self, kind)
        return f"{kind} {value:g} s" if kind == "wait" else f"{kind} {value!r}"


class Consent(BaseModel):
    """How a cookie-consent banner is accepted. ``consent: false`` in the file leaves banners alone."""

    model_config = ConfigDict(extra="forbid")

    accept: bool = Field(True, description="false: banners are left as they are and audited on every page")
    banner: str | None = Field(None, min_length=1, description="selector of the site's own banner, when detection misses it")
    actions: list[Action] = Field(default_factory=list, description="how to accept; empty: the built-in rules/consent.yaml")


class Login(BaseModel):
    model_config = ConfigDict(extra="forbid")

    url: str = Field(description="the login page")
    actions: list[Action] = Field(min_length=1, description="the steps that log in: fill, click, press, wait_for")
    check: str = Field(min_length=1, description="a selector that is only on the page after a successful login")

    @field_validator("url")
    @classmethod
    def _url(cls, value: str) -> str:
        if not re.match(r"^https?://[^/\s]+", value):
            raise ValueError("an http:// or https:// address")
        return value


class Cookie(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str = Field(min_length=1)
    value: str = Field(description="a secret as ${env:NAME}")
    domain: str | None = Field(None, description="default: the host of the site's url")
    path: str = "/"


def _consent_switch(value: Any) -> Any:
    """``consent: true`` is the built-in default, ``consent: false`` leaves banners alone."""
    return {"accept": value} if isinstance(value, bool) else value


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
    backend: Literal["playwright", "selenium"] = Field(
        "playwright", description="how the browser is driven: Playwright, or Selenium WebDriver (chromedriver, Selenium Grid)"
    )
    selenium_url: str | None = Field(None, description="selenium backend: WebDriver server or grid URL; default: a local chromedriver")
    axe_path: str | None = Field(None, description="another axe.min.js to use instead of the bundled one")
    axe_templates: bool = Field(
        True, description="axe audits a header, navigation or footer identical to one on an earlier page of the site only "
        "once, and the Tab walk goes through it once"
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
    interaction: bool = Field(True, description="after axe-core: Tab through the page, hover, text spacing, zoom and reflow")
    interaction_seconds: float = Field(15.0, gt=0, le=300, description="time for that interaction step on one page")
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
    # what the browser does on a page before it is audited (gather/session.py)
    consent: Consent = Field(default_factory=Consent, description="cookie banners: accepted with the built-in rules")
    actions: list[Action] = Field(default_factory=list, description="steps before the audit of every page")
    action_timeout: float = Field(10.0, gt=0, le=120, description="seconds one step may wait for its element")

    @field_validator("consent", mode="before")
    @classmethod
    def _consent(cls, value: Any) -> Any:
        return _consent_switch(value)

    @field_validator("wcag_version", mode="before")
    @classmethod
    def _version_as_text(cls, value: Any) -> Any:
        return str(value) if isinstance(value, (int, float)) else value

    @field_validator("selenium_url")
    @classmethod
    def _selenium_url(cls, value: str | None) -> str | None:
        if value is not None and not re.match(r"^https?://[^/\s]+", value):
            raise ValueError("an http:// or https:// address, e.g. http://grid.example:4444")
        return value

    @field_serializer("selenium_url", when_used="json")
    def _selenium_url_without_secret(self, value: str | None) -> str | None:
        """Stored with the run: a user name and password in the grid's address are left out."""
        return re.sub(r"^(https?://)[^/@]*@", r"\1***@", value) if value else value

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
    consent: Consent | None = Field(None, description="cookie banners of this site; default: settings.consent")
    actions: list[Action] | None = Field(None, description="steps before the audit of every page; default: settings.actions")
    login: Login | None = Field(None, description="log in once before the pages are visited")
    cookies: list[Cookie] = Field(default_factory=list, description="cookies sent to the site")
    headers: dict[str, str] = Field(default_factory=dict, description="HTTP headers sent to the site's hosts only")

    @field_validator("consent", mode="before")
    @classmethod
    def _consent(cls, value: Any) -> Any:
        return _consent_switch(value)

    @model_validator(mode="after")
    def _stay_logged_in(self) -> "Site":
        if (self.login or self.cookies) and LOGOUT_URLS not in self.exclude:
            self.exclude = [*self.exclude, LOGOUT_URLS]
        return self

    @field_validator("headers")
    @classmethod
    def _headers(cls, value: dict[str, str]) -> dict[str, str]:
        for name in value:
            if not HEADER_NAME.match(name):
                raise ValueError(f"header names of letters, digits and dashes ({name!r} is not)")
            if name.lower() in NOT_A_HEADER:
                raise ValueError(f"no {name} header: {NOT_A_HEADER[name.lower()]}")
        return value

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
    _env_refs: list["EnvRef"] = PrivateAttr(default_factory=list)  # the ${env:NAME} references of the file

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


class EnvRef(BaseModel):
    """Where the file refers to an environment variable (a secret)."""

    name: str
    site_id: str | None  # None: in settings, needed for every site
    path: str
    line: int | None
    key: str


def check_env(targets: Targets, environ: Mapping[str, str] | None = None) -> None:
    """Raise ConfigError (file, line, key) for each ${env:NAME} of the settings or of the sites
    to audit whose variable is not set. Call it after choosing the sites (run --site)."""
    environ = os.environ if environ is None else environ
    ids = {site.id for site in targets.sites}
    problems = [
        ConfigError(ref.path, ref.line, ref.key, f"environment variable {ref.name} is not set (secrets come from the environment)")
        for ref in targets._env_refs
        if (ref.site_id is None or ref.site_id in ids) and ref.name not in environ
    ]
    if problems:
        raise ConfigError(problems[0].path, problems[0].line, problems[0].key, problems[0].message, more=problems[1:])


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
        targets = Targets.model_validate(_plain(data))
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
    targets._env_refs = _env_refs(data, path)
    return targets


def _secret_place(loc: tuple[Any, ...]) -> bool:
    """Secrets are read in cookie values, header values and the values typed by fill steps."""
    return (
        (len(loc) >= 3 and loc[-3] == "cookies" and loc[-1] == "value")
        or (len(loc) >= 2 and loc[-2] == "headers")
        or loc[-2:] == ("fill", "value")
    )


def _env_refs(data: Any, path: Path | str) -> list[EnvRef]:
    """Every ${env:NAME} of the file, with its line; ConfigError for one in a place secrets are not read."""
    refs: list[EnvRef] = []
    problems: list[ConfigError] = []

    def walk(node: Any, loc: tuple[Any, ...]) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                walk(value, (*loc, str(key)))
        elif isinstance(node, list):
            for index, value in enumerate(node):
                walk(value, (*loc, index))
        elif isinstance(node, str) and ENV_START in node:
            line, key = _line_of(data, loc), dotted_key(loc)
            if not _secret_place(loc):
                problems.append(ConfigError(path, line, key, "${env:NAME} is only read in cookie values, header values and fill values"))
            elif ENV_START in ENV_REF.sub("", node):
                problems.append(ConfigError(path, line, key, "expected ${env:NAME}, NAME of letters, digits and _"))
            else:
                site_id = str(data["sites"][loc[1]]["id"]) if loc[0] == "sites" else None
                refs.extend(EnvRef(name=name, site_id=site_id, path=str(path), line=line, key=key)
                            for name in ENV_REF.findall(node))

    walk(data, ())
    if problems:
        raise ConfigError(problems[0].path, problems[0].line, problems[0].key, problems[0].message, more=problems[1:])
    return refs


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
