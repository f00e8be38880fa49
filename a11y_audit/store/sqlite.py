"""The store: runs, sites, pages with their snapshots, findings.

In a SQLite file by default; in PostgreSQL when given a database URL (``postgresql://user@host/db``,
shared by several machines), with the same schema and migrations: ``store/postgres.py`` makes
that connection speak like the sqlite3 one.
"""

from __future__ import annotations

import json
import sqlite3
import zlib
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Iterable, Iterator, Sequence

from ..checks import Finding
from ..config import Site
from ..snapshot import DocumentFacts, PageSnapshot
from .postgres import PostgresConnection, is_database_url, without_password
from .schema import MIGRATIONS, SCHEMA_VERSION


class StoreError(RuntimeError):
    pass


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


@dataclass(frozen=True)
class RunInfo:
    id: int
    started_at: str
    finished_at: str | None
    status: str
    targets_file: str | None
    settings: dict[str, Any]
    tool_version: str
    axe_version: str | None
    browser_version: str | None
    versions: dict[str, Any]
    incremental: bool = False  # pages unchanged since the site's previous run carry its results


@dataclass(frozen=True)
class SiteRow:
    site_id: str
    name: str
    url: str
    level: str | None
    province: str | None
    nis_code: str | None
    tags: tuple[str, ...]
    url_verified: bool
    status: str
    reason: str
    sample_seed: int | None = None  # seed of the random part of the sample
    discovery: dict[str, Any] | None = None  # what discovery found: robots, sitemaps, counts, limits hit


@dataclass(frozen=True)
class DiscoveredRow:
    """One address discovery met on a site (migration 4)."""

    url: str
    final_url: str
    depth: int
    via: str
    kind: str  # page, document, failed, skipped, duplicate
    http_status: int | None
    content_type: str
    reason: str
    etag: str = ""  # validators of a page's HTML (migration 6)
    last_modified: str = ""
    content_hash: str = ""


@dataclass(frozen=True)
class Validated:
    """An address with the validators of its body: ETag, Last-Modified and sha256 ('' for each one absent)."""

    url: str
    etag: str = ""
    last_modified: str = ""
    content_hash: str = ""


@dataclass(frozen=True, kw_only=True)
class EarlierPage(Validated):
    """A page audited in an earlier run, with the validators of its HTML then (incremental runs)."""

    run_id: int  # the run it is in
    audited_in: int  # the run that visited it (an earlier one when it was carried forward itself)


@dataclass(frozen=True)
class ScoreRow:
    run_id: int
    started_at: str
    score: float | None
    score_a: float | None
    score_aa: float | None
    failed_criteria: int
    failed_findings: int
    confidence: str
    pages_audited: int


@dataclass(frozen=True)
class PageRow:
    id: int
    site_id: str
    url: str
    final_url: str
    depth: int
    state: str
    reason: str
    http_status: int | None
    title: str
    lang: str
    chosen_for: str = ""  # comma-separated reasons this page is in the sample (sample.REASONS)
    carried_from: int | None = None  # the earlier run whose results the page carries (incremental runs)

    @property
    def reasons_chosen(self) -> tuple[str, ...]:
        return tuple(r for r in self.chosen_for.split(",") if r)


@dataclass(frozen=True)
class PlannedRow:
    """A page a site's run means to visit (migration 5), saved or not yet."""

    url: str
    depth: int
    chosen_for: str
    position: int

    @property
    def reasons_chosen(self) -> tuple[str, ...]:
        return tuple(r for r in self.chosen_for.split(",") if r)


class SqliteConnection(sqlite3.Connection):
    """sqlite3's connection with what the store asks of a database besides SQL (see PostgresConnection)."""

    begin = "BEGIN IMMEDIATE"  # the write lock at once: no deadlock between two writers upgrading

    def ddl(self, statement: str) -> str:
        return statement  # the migrations are written in SQLite's types

    def lock_schema(self) -> None:
        pass  # BEGIN IMMEDIATE holds the write lock

    def schema_version(self) -> int:
        return self.execute("PRAGMA user_version").fetchone()[0]

    def set_schema_version(self, version: int) -> None:
        self.execute(f"PRAGMA user_version = {int(version)}")


class Store:
    def __init__(self, path: Path | str):
        """``path``: a SQLite file, or a PostgreSQL URL (postgresql://user@host/db)."""
        self.db: SqliteConnection | PostgresConnection
        if is_database_url(path):
            self.path: Path | str = without_password(str(path))
            self.db = PostgresConnection(str(path))
        else:
            self.path = Path(path)
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.db = sqlite3.connect(self.path, isolation_level=None, factory=SqliteConnection)  # explicit transactions only
            self.db.row_factory = sqlite3.Row
            self.db.execute("PRAGMA foreign_keys = ON")
            self.db.execute("PRAGMA journal_mode = WAL")
            self.db.execute("PRAGMA busy_timeout = 10000")
        self._depth = 0  # transactions open; nested ones are part of the outermost
        self.migrate()

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    # -- schema -------------------------------------------------------------

    def migrate(self) -> None:
        version = self.db.schema_version()
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"{self.path} was written by a newer a11y-audit (schema {version}, this version knows {SCHEMA_VERSION})"
            )
        if version == SCHEMA_VERSION:
            return
        with self.transaction():
            self.db.lock_schema()
            for number in range(self.db.schema_version(), SCHEMA_VERSION):  # another process may have been first
                for statement in _statements(MIGRATIONS[number]):
                    self.db.execute(self.db.ddl(statement))
                self.db.set_schema_version(number + 1)

    def transaction(self) -> "_Transaction":
        """All writes in the block, or none; a transaction inside another one is part of it."""
        return _Transaction(self)

    # -- writing ------------------------------------------------------------

    def start_run(self, settings: dict[str, Any], targets_file: str | None, tool_version: str, versions: dict[str, Any],
                  incremental: bool = False) -> int:
        with self.transaction():
            cursor = self.db.execute(
                "INSERT INTO runs (started_at, status, targets_file, settings_json, tool_version, versions_json, incremental)"
                " VALUES (?, 'running', ?, ?, ?, ?, ?) RETURNING id",
                (now(), targets_file, json.dumps(settings, sort_keys=True), tool_version, json.dumps(versions, sort_keys=True),
                 int(incremental)),
            )
            return int(cursor.fetchone()[0])

    def set_engine(self, run_id: int, axe_version: str, axe_path: str, browser_version: str) -> None:
        with self.transaction():
            self.db.execute(
                "UPDATE runs SET axe_version = ?, axe_path = ?, browser_version = ? WHERE id = ?",
                (axe_version, axe_path, browser_version, run_id),
            )

    def finish_run(self, run_id: int, status: str = "finished") -> None:
        with self.transaction():
            self.db.execute("UPDATE runs SET finished_at = ?, status = ? WHERE id = ?", (now(), status, run_id))

    def add_sites(self, run_id: int, sites: Sequence[Site]) -> None:
        with self.transaction():
            self.db.executemany(
                "INSERT INTO sites (run_id, site_id, name, url, level, province, nis_code, tags_json, url_verified)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    (run_id, s.id, s.name, s.url or "", s.level, s.province, s.nis_code, json.dumps(s.tags), int(s.url_verified))
                    for s in sites
                ],
            )

    def set_site_status(self, run_id: int, site_id: str, status: str, reason: str = "") -> None:
        with self.transaction():
            self.db.execute(
                "UPDATE sites SET status = ?, reason = ? WHERE run_id = ? AND site_id = ?", (status, reason, run_id, site_id)
            )

    def save_page(
        self, run_id: int, site_id: str, depth: int, snapshot: PageSnapshot, findings: Sequence[Finding],
        chosen_for: Sequence[str] = (), carried_from: int | None = None,
    ) -> int:
        """Store a page with its findings in one transaction; ``chosen_for``: why it is in the sample;
        ``carried_from``: the earlier run that visited it, when the snapshot is taken over from there."""
        blob = zlib.compress(json.dumps(snapshot.to_dict(), ensure_ascii=False).encode("utf-8"), 6)
        with self.transaction():
            cursor = self.db.execute(
                "INSERT INTO pages (run_id, site_id, url, final_url, depth, state, reason, http_status, title, lang,"
                " audited_at, snapshot, chosen_for, carried_from) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                (
                    run_id, site_id, snapshot.requested_url, snapshot.final_url, depth, snapshot.state, snapshot.reason,
                    snapshot.http_status, snapshot.title, snapshot.lang, now(), blob, ",".join(chosen_for), carried_from,
                ),
            )
            page_id = int(cursor.fetchone()[0])
            self._insert_findings(run_id, site_id, page_id, findings)
        return page_id

    def resume_run(self, run_id: int) -> None:
        with self.transaction():
            self.db.execute("UPDATE runs SET status = 'running', finished_at = NULL WHERE id = ?", (run_id,))

    def plan_page(self, run_id: int, site_id: str, url: str, depth: int, chosen_for: Sequence[str], position: int) -> None:
        """A page the run will visit (what a resumed run visits when it was not saved yet)."""
        self.db.execute(
            "INSERT INTO planned (run_id, site_id, url, depth, chosen_for, position) VALUES (?, ?, ?, ?, ?, ?)",
            (run_id, site_id, url, depth, ",".join(chosen_for), position),
        )

    def set_plan(self, run_id: int, site_id: str, plan: dict[str, Any]) -> None:
        """What a resumed run needs to go on with a site besides its planned pages (JSON)."""
        self.db.execute(
            "UPDATE sites SET plan_json = ? WHERE run_id = ? AND site_id = ?",
            (json.dumps(plan, ensure_ascii=False, sort_keys=True), run_id, site_id),
        )

    def set_discovery(self, run_id: int, site_id: str, seed: int | None, summary: dict[str, Any],
                      records: Sequence[dict[str, Any]]) -> None:
        """The sample's seed, discovery's summary and every address it met (dicts with DiscoveredRow's keys)."""
        with self.transaction():
            self.db.execute(
                "UPDATE sites SET sample_seed = ?, discovery_json = ? WHERE run_id = ? AND site_id = ?",
                (seed, json.dumps(summary, ensure_ascii=False, sort_keys=True), run_id, site_id),
            )
            self.db.executemany(
                _upsert("discovered", ("run_id", "site_id", "url", "final_url", "depth", "via", "kind", "http_status",
                                       "content_type", "reason", "etag", "last_modified", "content_hash"),
                        key=("run_id", "site_id", "url")),
                [
                    (run_id, site_id, r["url"], r.get("final_url") or "", r.get("depth", 0), r.get("via", ""), r["kind"],
                     r.get("http_status"), r.get("content_type") or "", r.get("reason") or "", r.get("etag") or "",
                     r.get("last_modified") or "", r.get("content_hash") or "")
                    for r in records
                ],
            )

    def discovered(self, run_id: int, site_id: str) -> list[DiscoveredRow]:
        rows = self.db.execute(
            "SELECT url, final_url, depth, via, kind, http_status, content_type, reason, etag, last_modified, content_hash"
            " FROM discovered WHERE run_id = ? AND site_id = ? ORDER BY rowid", (run_id, site_id),
        )
        return [DiscoveredRow(**dict(r)) for r in rows]

    def save_site_findings(self, run_id: int, site_id: str, findings: Sequence[Finding]) -> None:
        with self.transaction():
            self.db.execute("DELETE FROM findings WHERE run_id = ? AND site_id = ? AND page_id IS NULL", (run_id, site_id))
            self._insert_findings(run_id, site_id, None, findings)

    def _insert_findings(self, run_id: int, site_id: str, page_id: int | None, findings: Sequence[Finding]) -> None:
        self.db.executemany(
            "INSERT INTO findings (run_id, site_id, page_id, rule_id, engine, criteria, impact, outcome, page_url,"
            " selector, snippet, message, help_url, fingerprint) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    run_id, site_id, page_id, f.rule_id, f.engine, ",".join(f.criteria), f.impact, f.outcome, f.page_url,
                    f.selector, f.snippet, f.message, f.help_url, f.fingerprint,
                )
                for f in findings
            ],
        )

    # -- reading ------------------------------------------------------------

    def run(self, run_id: int) -> RunInfo:
        row = self.db.execute("SELECT * FROM runs WHERE id = ?", (run_id,)).fetchone()
        if row is None:
            raise StoreError(f"there is no run {run_id} in {self.path}")
        return RunInfo(
            id=row["id"], started_at=row["started_at"], finished_at=row["finished_at"], status=row["status"],
            targets_file=row["targets_file"], settings=json.loads(row["settings_json"]), tool_version=row["tool_version"],
            axe_version=row["axe_version"], browser_version=row["browser_version"], versions=json.loads(row["versions_json"]),
            incremental=bool(row["incremental"]),
        )

    def unfinished_run(self, targets_file: str) -> int | None:
        """The latest run of this targets file, when it did not finish (killed, interrupted)."""
        row = self.db.execute(
            "SELECT id, status FROM runs WHERE targets_file = ? ORDER BY id DESC LIMIT 1", (targets_file,)
        ).fetchone()
        return row["id"] if row is not None and row["status"] != "finished" else None

    def set_visit_seconds(self, run_id: int, site_id: str, seconds: float) -> None:
        """The time the site's run spent visiting pages so far (``visit_seconds``)."""
        with self.transaction():
            self.db.execute("UPDATE sites SET visit_seconds = ? WHERE run_id = ? AND site_id = ?", (seconds, run_id, site_id))

    def visit_seconds(self, run_id: int, site_id: str) -> float:
        """The time the site's run spent visiting pages before it was killed: a resumed run goes on from there."""
        row = self.db.execute("SELECT visit_seconds FROM sites WHERE run_id = ? AND site_id = ?", (run_id, site_id)).fetchone()
        return float(row[0]) if row is not None else 0.0

    def site_plan(self, run_id: int, site_id: str) -> dict[str, Any] | None:
        """None until the site's sample was planned."""
        row = self.db.execute("SELECT plan_json FROM sites WHERE run_id = ? AND site_id = ?", (run_id, site_id)).fetchone()
        return json.loads(row[0]) if row is not None and row[0] is not None else None

    def planned(self, run_id: int, site_id: str) -> list[PlannedRow]:
        rows = self.db.execute(
            "SELECT url, depth, chosen_for, position FROM planned WHERE run_id = ? AND site_id = ? ORDER BY position",
            (run_id, site_id),
        )
        return [PlannedRow(**dict(r)) for r in rows]

    def latest_run_id(self) -> int | None:
        row = self.db.execute("SELECT max(id) FROM runs").fetchone()
        return row[0]

    def runs(self) -> list[RunInfo]:
        return [self.run(r[0]) for r in self.db.execute("SELECT id FROM runs ORDER BY id")]

    def previous_run(self, site_id: str, run_id: int) -> int | None:
        """The latest earlier run in which this site was audited."""
        row = self.db.execute(
            "SELECT max(run_id) FROM sites WHERE site_id = ? AND run_id < ? AND status = 'audited'", (site_id, run_id)
        ).fetchone()
        return row[0]

    def site_history(self, site_id: str, up_to_run: int) -> list[RunInfo]:
        """The runs up to ``up_to_run`` in which this site was audited, oldest first."""
        rows = self.db.execute(
            "SELECT run_id FROM sites WHERE site_id = ? AND run_id <= ? AND status = 'audited' ORDER BY run_id",
            (site_id, up_to_run),
        )
        return [self.run(r[0]) for r in rows.fetchall()]

    def save_score(self, run_id: int, site_id: str, score: "ScoreRow") -> None:
        with self.transaction():
            self.db.execute(
                _upsert("site_scores", ("run_id", "site_id", "started_at", "score", "score_a", "score_aa", "failed_criteria",
                                        "failed_findings", "confidence", "pages_audited"), key=("run_id", "site_id")),
                (run_id, site_id, score.started_at, score.score, score.score_a, score.score_aa, score.failed_criteria,
                 score.failed_findings, score.confidence, score.pages_audited),
            )

    def score_history(self, site_id: str, up_to_run: int) -> list["ScoreRow"]:
        """The stored scores of a site up to a run, oldest first (kept after pruning)."""
        rows = self.db.execute(
            "SELECT run_id, started_at, score, score_a, score_aa, failed_criteria, failed_findings, confidence, pages_audited"
            " FROM site_scores WHERE site_id = ? AND run_id <= ? ORDER BY run_id",
            (site_id, up_to_run),
        )
        return [ScoreRow(**dict(r)) for r in rows.fetchall()]

    def prune(self, keep_runs: int | None = None, keep_days: int | None = None, today: datetime | None = None) -> list[tuple[int, str]]:
        """Delete the pages, findings and documents of old runs per site; keep their scores.

        A site's run is kept when it is among the site's ``keep_runs`` newest or younger than
        ``keep_days`` days (with both set, it is kept when either says so). Runs left without
        sites are deleted. Returns the (run, site) pairs removed.
        """
        if keep_runs is None and keep_days is None:
            raise StoreError("prune needs keep_runs or keep_days")
        now_ = today or datetime.now(timezone.utc)
        removed = []
        sites = [r[0] for r in self.db.execute("SELECT DISTINCT site_id FROM sites")]
        for site_id in sites:
            rows = self.db.execute(
                "SELECT sites.run_id, runs.started_at FROM sites JOIN runs ON runs.id = sites.run_id"
                " WHERE sites.site_id = ? ORDER BY sites.run_id DESC", (site_id,)
            ).fetchall()
            for position, (run_id, started_at) in enumerate(rows):
                recent_enough = keep_days is not None and (now_ - datetime.fromisoformat(started_at)).days < keep_days
                among_newest = keep_runs is not None and position < keep_runs
                if not (recent_enough or among_newest):
                    removed.append((run_id, site_id))
        with self.transaction():
            for run_id, site_id in removed:
                for table in ("findings", "pages", "documents", "discovered", "planned", "sites"):
                    self.db.execute(f"DELETE FROM {table} WHERE run_id = ? AND site_id = ?", (run_id, site_id))  # noqa: S608
            self.db.execute("DELETE FROM runs WHERE id NOT IN (SELECT DISTINCT run_id FROM sites)"
                            " AND status != 'running'")
        return removed

    def vacuum(self) -> None:
        self.db.execute("VACUUM")

    def sites(self, run_id: int) -> list[SiteRow]:
        rows = self.db.execute("SELECT * FROM sites WHERE run_id = ? ORDER BY name", (run_id,))
        return [
            SiteRow(
                site_id=r["site_id"], name=r["name"], url=r["url"], level=r["level"], province=r["province"],
                nis_code=r["nis_code"], tags=tuple(json.loads(r["tags_json"])), url_verified=bool(r["url_verified"]),
                status=r["status"], reason=r["reason"], sample_seed=r["sample_seed"],
                discovery=json.loads(r["discovery_json"] or "{}") or None,
            )
            for r in rows
        ]

    def pages(self, run_id: int, site_id: str) -> list[PageRow]:
        rows = self.db.execute(
            "SELECT id, site_id, url, final_url, depth, state, reason, http_status, title, lang, chosen_for, carried_from"
            " FROM pages WHERE run_id = ? AND site_id = ? ORDER BY depth, id",
            (run_id, site_id),
        )
        return [PageRow(**dict(r)) for r in rows]

    def snapshots(self, run_id: int, site_id: str) -> Iterator[PageSnapshot]:
        rows = self.db.execute(
            "SELECT snapshot FROM pages WHERE run_id = ? AND site_id = ? ORDER BY depth, id", (run_id, site_id)
        )
        for (blob,) in rows:
            yield PageSnapshot.from_dict(json.loads(zlib.decompress(blob)))

    def snapshot(self, run_id: int, site_id: str, url: str) -> PageSnapshot:
        row = self.db.execute(
            "SELECT snapshot FROM pages WHERE run_id = ? AND site_id = ? AND url = ?", (run_id, site_id, url)
        ).fetchone()
        if row is None:
            raise StoreError(f"run {run_id} holds no page {url} of {site_id}")
        return PageSnapshot.from_dict(json.loads(zlib.decompress(row[0])))

    def earlier_pages(self, run_id: int, site_id: str) -> dict[str, EarlierPage]:
        """The audited pages of a site in a run, by address, with the validators discovery saw then."""
        rows = self.db.execute(
            "SELECT pages.url, pages.run_id, coalesce(pages.carried_from, pages.run_id) AS audited_in,"
            "       discovered.etag, discovered.last_modified, discovered.content_hash"
            " FROM pages JOIN discovered ON discovered.run_id = pages.run_id AND discovered.site_id = pages.site_id"
            "                           AND discovered.final_url = pages.url AND discovered.kind = 'page'"
            " WHERE pages.run_id = ? AND pages.site_id = ? AND pages.state = 'audited'",
            (run_id, site_id),
        )
        return {r["url"]: EarlierPage(**dict(r)) for r in rows}

    def save_resources(self, run_id: int, site_id: str, resources: Iterable[Validated]) -> None:
        """The validators of the style sheets and scripts of the site's pages as this run fetched them."""
        with self.transaction():
            for r in resources:
                self.db.execute(_upsert("resources", ("run_id", "site_id", "url", "etag", "last_modified", "content_hash"),
                                        ("run_id", "site_id", "url")),
                                (run_id, site_id, r.url, r.etag, r.last_modified, r.content_hash))

    def resources(self, run_id: int, site_id: str) -> dict[str, Validated]:
        """The validators of the style sheets and scripts of the site's pages as the run ``run_id`` fetched them."""
        rows = self.db.execute("SELECT url, etag, last_modified, content_hash FROM resources WHERE run_id = ? AND site_id = ?",
                               (run_id, site_id))
        return {r["url"]: Validated(**dict(r)) for r in rows}

    def save_document(self, run_id: int, site_id: str, facts: DocumentFacts) -> None:
        """Store what was learned about one linked document (replaces an earlier record of it)."""
        with self.transaction():  # the record moves to the end of the site's list, as it was learned last
            self.db.execute("DELETE FROM documents WHERE run_id = ? AND site_id = ? AND url = ?", (run_id, site_id, facts.url))
            self.db.execute(
                "INSERT INTO documents (run_id, site_id, url, kind, linked_from, state, facts_json)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                (run_id, site_id, facts.url, facts.kind, facts.linked_from, facts.state,
                 json.dumps(facts.to_dict(), ensure_ascii=False, sort_keys=True)),
            )

    def documents(self, run_id: int, site_id: str) -> list[DocumentFacts]:
        """The site's linked documents, each with the page it was linked from, in the order they were found."""
        rows = self.db.execute(
            "SELECT facts_json FROM documents WHERE run_id = ? AND site_id = ? ORDER BY rowid", (run_id, site_id)
        )
        return [DocumentFacts.from_dict(json.loads(r[0])) for r in rows]

    def findings(self, run_id: int, site_id: str | None = None) -> list[Finding]:
        query = "SELECT * FROM findings WHERE run_id = ?"
        params: list[Any] = [run_id]
        if site_id is not None:
            query += " AND site_id = ?"
            params.append(site_id)
        rows = self.db.execute(query + " ORDER BY id", params)
        return [
            Finding(
                rule_id=r["rule_id"], engine=r["engine"], criteria=tuple(c for c in r["criteria"].split(",") if c),
                impact=r["impact"], outcome=r["outcome"], page_url=r["page_url"], selector=r["selector"],
                snippet=r["snippet"], message=r["message"], help_url=r["help_url"], fingerprint=r["fingerprint"],
            )
            for r in rows
        ]


class _Transaction:
    def __init__(self, store: Store):
        self.store = store

    def __enter__(self) -> None:
        if self.store._depth == 0:
            self.store.db.execute(self.store.db.begin)
        self.store._depth += 1

    def __exit__(self, exc_type: Any, *rest: Any) -> None:
        self.store._depth -= 1
        if self.store._depth == 0:
            self.store.db.execute("ROLLBACK" if exc_type else "COMMIT")


def _upsert(table: str, columns: Sequence[str], key: Sequence[str]) -> str:
    """INSERT that replaces the row with the same key (the same SQL for SQLite and PostgreSQL)."""
    updates = ", ".join(f"{c} = excluded.{c}" for c in columns if c not in key)
    return (f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"
            f" ON CONFLICT ({', '.join(key)}) DO UPDATE SET {updates}")


def _statements(script: str) -> list[str]:
    """Split a migration script into statements (no semicolons inside our DDL)."""
    lines = [line.split("--", 1)[0] for line in script.splitlines()]
    return [s.strip() for s in "\n".join(lines).split(";") if s.strip()]
