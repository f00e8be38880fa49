"""URL normalisation, scope and document detection (pure functions)."""

from __future__ import annotations

import re
from posixpath import splitext
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

DOCUMENT_TYPES = {
    ".pdf": "pdf",
    ".doc": "doc",
    ".docx": "docx",
    ".odt": "odt",
    ".rtf": "rtf",
    ".xls": "xls",
    ".xlsx": "xlsx",
    ".ods": "ods",
    ".ppt": "ppt",
    ".pptx": "pptx",
    ".odp": "odp",
}
# Files that are neither pages nor documents to inventory.
OTHER_FILES = {
    ".jpg", ".jpeg", ".png", ".gif", ".svg", ".webp", ".ico", ".zip", ".gz", ".mp3", ".mp4",
    ".webm", ".avi", ".mov", ".css", ".js", ".json", ".xml", ".ics", ".vcf", ".txt", ".csv", ".exe",
}


# Query parameters that only track a visitor or a session: dropped, so one page has one address.
TRACKING_PARAMS = re.compile(
    r"^(utm_[a-z_]*|fbclid|gclid|gclsrc|dclid|msclkid|yclid|igshid|mc_cid|mc_eid|_ga|_gl|_hsenc|_hsmi|mkt_tok"
    r"|jsessionid|phpsessid|sessionid|session_id|sid|aspsessionid[a-z]*|cfid|cftoken|zenid|oscsid)$",
    re.IGNORECASE,
)
PATH_SESSION = re.compile(r";(jsessionid|phpsessid|sessionid|sid)=[^/?#]*", re.IGNORECASE)


def normalise(url: str) -> str:
    """One address per page: no fragment, lowercase scheme and host, no default port, no duplicate
    slashes, no tracking or session parameters (utm_*, fbclid, gclid, jsessionid...), parameters sorted."""
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    try:
        host = (parts.hostname or "").lower()
        port = parts.port
    except ValueError:  # a port that is not a number
        host, port = (parts.hostname or "").lower(), None
    netloc = host
    if port and not ((scheme == "http" and port == 80) or (scheme == "https" and port == 443)):
        netloc = f"{host}:{port}"
    path = re.sub(r"/{2,}", "/", PATH_SESSION.sub("", parts.path)) or "/"
    query = parts.query
    if query:
        pairs = [(k, v) for k, v in parse_qsl(query, keep_blank_values=True) if not TRACKING_PARAMS.match(k)]
        query = urlencode(sorted(pairs), doseq=True)
    return urlunsplit((scheme, netloc, path, query, ""))


DIRECTORY_INDEX = re.compile(r"/(index|default)\.(html?|php|aspx?)$", re.IGNORECASE)


def page_key(url: str) -> str:
    """The identity of a page for deduplication: /nieuws/index.html is the page /nieuws/."""
    return DIRECTORY_INDEX.sub("/", normalise(url))


def url_pattern(url: str) -> str:
    """The shape of an address, for caps against crawl traps: digits become {n}, long tokens {x},
    query values are dropped (/agenda/2031/05?dag=3 -> /agenda/{n}/{n}?dag)."""
    parts = urlsplit(url)
    segments = []
    for segment in parts.path.split("/"):
        segment = re.sub(r"\d+", "{n}", segment)
        if len(segment) > 24 and re.fullmatch(r"[A-Za-z0-9_{}-]+", segment) and re.search(r"[0-9{]", segment):
            segment = "{x}"  # ids, hashes
        segments.append(segment)
    names = sorted({k for k, _ in parse_qsl(parts.query, keep_blank_values=True)})
    return host_of(url) + "/".join(segments) + ("?" + "&".join(names) if names else "")


def looks_like_trap(url: str, max_length: int = 400, max_repeats: int = 3) -> bool:
    """Addresses that only crawl traps make: very long, or one path segment over and over."""
    if len(url) > max_length:
        return True
    segments = [s for s in urlsplit(url).path.split("/") if s]
    return any(segments.count(s) > max_repeats for s in set(segments))


def host_of(url: str) -> str:
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    return f"{host}:{parts.port}" if parts.port else host


def document_kind(url: str) -> str | None:
    """'pdf', 'docx', ... when the URL points to an office document, else None."""
    ext = splitext(urlsplit(url).path.lower())[1]
    return DOCUMENT_TYPES.get(ext)


def is_page_candidate(url: str) -> bool:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        return False
    ext = splitext(parts.path.lower())[1]
    return ext not in DOCUMENT_TYPES and ext not in OTHER_FILES


def in_scope(url: str, hosts: set[str], include: list[str], exclude: list[str]) -> bool:
    if host_of(url) not in hosts:
        return False
    if include and not any(re.search(p, url) for p in include):
        return False
    return not any(re.search(p, url) for p in exclude)
