"""The JSON export of a run (schema: docs/json-export.md, schemas/run-export.schema.json)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .. import __version__
from ..store.sqlite import Store

EXPORT_SCHEMA_VERSION = 1


def json_file_name(run_id: int) -> str:
    return f"run-{run_id}.json"


def run_to_dict(store: Store, run_id: int) -> dict[str, Any]:
    run = store.run(run_id)
    sites = []
    for site in store.sites(run_id):
        pages = store.pages(run_id, site.site_id)
        findings = store.findings(run_id, site.site_id)
        sites.append(
            {
                "id": site.site_id,
                "name": site.name,
                "url": site.url,
                "url_verified": site.url_verified,
                "level": site.level,
                "province": site.province,
                "nis_code": site.nis_code,
                "tags": list(site.tags),
                "status": site.status,
                "reason": site.reason,
                "sample_seed": site.sample_seed,
                "discovery": site.discovery or {},
                "pages": [
                    {
                        "url": p.url,
                        "final_url": p.final_url,
                        "http_status": p.http_status,
                        "state": p.state,
                        "reason": p.reason,
                        "title": p.title,
                        "lang": p.lang,
                        "depth": p.depth,
                        "chosen_for": list(p.reasons_chosen),
                        "carried_from": p.carried_from,
                    }
                    for p in pages
                ],
                "discovered": [
                    {
                        "url": d.url,
                        "final_url": d.final_url,
                        "depth": d.depth,
                        "via": d.via,
                        "kind": d.kind,
                        "http_status": d.http_status,
                        "content_type": d.content_type,
                        "reason": d.reason,
                        "etag": d.etag,
                        "last_modified": d.last_modified,
                        "content_hash": d.content_hash,
                    }
                    for d in store.discovered(run_id, site.site_id)
                ],
                "findings": [
                    {
                        "rule_id": f.rule_id,
                        "engine": f.engine,
                        "criteria": list(f.criteria),
                        "impact": f.impact,
                        "outcome": f.outcome,
                        "page_url": f.page_url,
                        "selector": f.selector,
                        "snippet": f.snippet,
                        "message": f.message,
                        "help_url": f.help_url,
                        "fingerprint": f.fingerprint,
                    }
                    for f in findings
                ],
            }
        )
    return {
        "schema_version": EXPORT_SCHEMA_VERSION,
        "tool": {"name": "a11y-audit", "version": __version__},
        "run": {
            "id": run.id,
            "started_at": run.started_at,
            "finished_at": run.finished_at,
            "status": run.status,
            "targets_file": run.targets_file,
            "settings": run.settings,
            "axe_version": run.axe_version,
            "browser_version": run.browser_version,
            "tool_version": run.tool_version,
            "versions": run.versions,
            "incremental": run.incremental,
        },
        "sites": sites,
    }


def export_run(store: Store, run_id: int, path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(path.suffix + ".tmp")
    tmp.write_text(json.dumps(run_to_dict(store, run_id), ensure_ascii=False, indent=2), encoding="utf-8")
    tmp.replace(path)
    return path
