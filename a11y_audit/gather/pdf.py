"""What a PDF tells about its accessibility: tags, title, language, text layer (pypdf).

``analyse_pdf`` is a pure function of the file's bytes; it never raises for a
broken or hostile file but returns ``state="failed"`` with a reason.
"""

from __future__ import annotations

import io
import logging
from typing import Any

from pypdf import PdfReader
from pypdf.generic import DictionaryObject

TEXT_PAGES = 3  # pages read for the text layer
MIN_TEXT_CHARS = 20  # fewer non-blank characters on those pages: no usable text layer

logging.getLogger("pypdf").setLevel(logging.ERROR)  # broken PDFs are common; their warnings are noise here


def analyse_pdf(data: bytes) -> dict[str, Any]:
    """Facts for DocumentFacts (as keyword arguments)."""
    try:
        return _analyse(data)
    except Exception as exc:  # noqa: BLE001 - any parser error means: we could not read this PDF
        return {"state": "failed", "reason": f"unreadable: {type(exc).__name__}: {str(exc)[:200]}"}


def _analyse(data: bytes) -> dict[str, Any]:
    reader = PdfReader(io.BytesIO(data), strict=False)
    encrypted = bool(reader.is_encrypted)
    if encrypted:
        try:
            if not reader.decrypt(""):  # most "protected" PDFs only have an owner password
                return {"state": "failed", "reason": "encrypted", "encrypted": True}
        except Exception:  # noqa: BLE001 - unsupported encryption
            return {"state": "failed", "reason": "encrypted", "encrypted": True}
    root = _dict(reader.trailer.get("/Root"))
    mark_info = _dict(root.get("/MarkInfo"))
    viewer = _dict(root.get("/ViewerPreferences"))
    info = reader.metadata
    title = str(info.title or "").strip() if info else ""
    if not title:
        title = _xmp_title(reader)
    producer = str((info.producer or info.creator or "") if info else "").strip()
    chars, images = _text_and_images(reader)
    return {
        "state": "analysed",
        "pages": len(reader.pages),
        "tagged": "/StructTreeRoot" in root,
        "marked": mark_info.get("/Marked") is not None and bool(mark_info.get("/Marked")),
        "title": title[:300],
        "display_doc_title": viewer.get("/DisplayDocTitle") is not None and bool(viewer.get("/DisplayDocTitle")),
        "lang": str(root.get("/Lang") or "").strip()[:35],
        "has_text": chars >= MIN_TEXT_CHARS,
        "text_chars": chars,
        "images_only": chars < MIN_TEXT_CHARS and images > 0,
        "encrypted": encrypted,
        "producer": producer[:200],
    }


def _dict(value: Any) -> DictionaryObject:
    value = value.get_object() if hasattr(value, "get_object") else value
    return value if isinstance(value, DictionaryObject) else DictionaryObject()


def _xmp_title(reader: PdfReader) -> str:
    try:
        xmp = reader.xmp_metadata
        titles = (xmp.dc_title or {}) if xmp else {}
    except Exception:  # noqa: BLE001 - malformed XMP
        return ""
    return next((str(t).strip() for t in titles.values() if str(t).strip()), "")


def _text_and_images(reader: PdfReader) -> tuple[int, int]:
    """Non-blank characters of extractable text and image objects on the first pages."""
    chars = images = 0
    for number in range(min(TEXT_PAGES, len(reader.pages))):
        page = reader.pages[number]
        try:
            chars += sum(1 for c in page.extract_text() or "" if not c.isspace())
        except Exception:  # noqa: BLE001 - one broken page content stream
            pass
        resources = _dict(page.get("/Resources"))
        for xobject in _dict(resources.get("/XObject")).values():
            if _dict(xobject).get("/Subtype") == "/Image":
                images += 1
    return chars, images
