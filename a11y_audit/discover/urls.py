"""URL normalisation, scope and document detection (pure functions)."""

from __future__ import annotations

import re
from posixpath import splitext
from urllib.parse import urlsplit, urlunsplit

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


def normalise(url: str) -> str:
    """Drop the fragment, lowercase scheme and host, drop default ports."""
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    port = parts.port
    netloc = host
    if port and not ((scheme == "http" and port == 80) or (scheme == "https" and port == 443)):
        netloc = f"{host}:{port}"
    path = re.sub(r"/{2,}", "/", parts.path) or "/"
    return urlunsplit((scheme, netloc, path, parts.query, ""))


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
