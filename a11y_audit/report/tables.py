"""The comparison over all sites of a run as a table: CSV and an XLSX workbook, one row per site.

For the yearly monitoring report: open it in a spreadsheet, filter by level or
province, make the charts the report needs.
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any, Sequence

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from .model import SiteReport

COLUMNS: list[tuple[str, str]] = [  # (key, Dutch header)
    ("site_id", "id"), ("name", "naam"), ("level", "bestuursniveau"), ("province", "provincie"), ("nis_code", "NIS-code"),
    ("url", "webadres"), ("url_verified", "adres nagekeken"), ("status", "status"), ("reason", "reden niet getest"),
    ("date", "datum test"), ("run_id", "testnummer"), ("pages_audited", "pagina's getest"), ("pages_untested", "pagina's niet getest"),
    ("score", "score"), ("score_a", "score A"), ("score_aa", "score AA"), ("score_change", "verschil met vorige test"),
    ("confidence", "betrouwbaarheid"), ("failed_criteria", "criteria niet gehaald"), ("failed_criteria_list", "welke criteria"),
    ("failed_elements", "problemen op elementen"), ("critical", "kritiek"), ("serious", "ernstig"), ("moderate", "matig"), ("minor", "klein"),
    ("statement_found", "verklaring gevonden"), ("statement_linked", "verklaring gelinkt"), ("statement_status", "nalevingsstatus"),
    ("statement_reviewed", "verklaring herzien op"), ("statement_outdated", "verklaring ouder dan een jaar"),
    ("statement_feedback", "meldingsmogelijkheid"), ("statement_enforcement", "handhavingsprocedure"),
    ("readability", "leesbaarheid (0-100)"), ("readability_label", "leesbaarheid in woorden"),
    ("documents", "gelinkte documenten"), ("report", "rapport"),
]


def site_row(r: SiteReport) -> dict[str, Any]:
    st = r.statement
    reviewed = (st.date_reviewed or st.date_drawn_up) if st else None
    readability = r.plain.site if r.plain else None
    return {
        "site_id": r.site.site_id, "name": r.site.name, "level": r.site.level, "province": r.site.province,
        "nis_code": r.site.nis_code, "url": r.site.url, "url_verified": r.site.url_verified, "status": r.site.status,
        "reason": r.site.reason, "date": r.run.started_at[:10], "run_id": r.run.id,
        "pages_audited": len(r.audited_pages), "pages_untested": len(r.untested_pages),
        "score": r.score.score, "score_a": r.score.score_a, "score_aa": r.score.score_aa, "score_change": r.score_change,
        "confidence": r.score.confidence if r.score.score is not None else None,
        "failed_criteria": r.failed_criteria, "failed_criteria_list": " ".join(g.number for g in r.failed if g.number),
        "failed_elements": r.failed_elements, **r.impact_counts,
        "statement_found": st.found if st else None, "statement_linked": st.linked if st else None,
        "statement_status": st.status if st else None, "statement_reviewed": reviewed.isoformat() if reviewed else None,
        "statement_outdated": st.outdated if st else None, "statement_feedback": st.has_feedback if st and st.analysed else None,
        "statement_enforcement": st.has_enforcement if st and st.analysed else None,
        "readability": round(readability.score, 1) if readability else None,
        "readability_label": readability.label if readability else None,
        "documents": len(r.documents), "report": f"sites/{r.site.site_id}.html",
    }


def write_csv(reports: Sequence[SiteReport], path: Path) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow([header for _, header in COLUMNS])
        for report in reports:
            row = site_row(report)
            writer.writerow(["" if row[key] is None else row[key] for key, _ in COLUMNS])
    return path


def write_xlsx(reports: Sequence[SiteReport], path: Path) -> Path:
    book = Workbook()
    sheet = book.active
    sheet.title = "websites"
    sheet.append([header for _, header in COLUMNS])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for report in reports:
        row = site_row(report)
        sheet.append([row[key] for key, _ in COLUMNS])
    sheet.freeze_panes = "C2"
    sheet.auto_filter.ref = sheet.dimensions
    for index, (key, header) in enumerate(COLUMNS, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = max(10, min(40, len(header) + 2))
    book.save(path)
    return path
