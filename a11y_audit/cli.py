"""The command line: thin wrappers that parse arguments and call one function.

Exit status: 0 done (sites that could not be tested are recorded, not failures), 1 the run
is stored but its alert could not be delivered, 2 usage or configuration error, 3 could not
test at all (no browser), 4 another run of the same targets is still busy.
"""

from __future__ import annotations

import asyncio
import sys
from functools import partial
from pathlib import Path
from typing import Any, Callable

import click

from . import __version__
from .config import ConfigError, Targets, check_env, load_targets
from .gather.axe import AxeSourceError
from .gather.browser import BrowserNotFound
from .store.postgres import is_database_url
from .gather.webdriver import WebDriverUnavailable
from .store.sqlite import Store, StoreError

EXIT_ALERT_FAILED = 1
EXIT_CONFIG = 2
EXIT_CANNOT_TEST = 3
EXIT_BUSY = 4
DEFAULT_OUT = Path("reports")
DB_NAME = "a11y-audit.sqlite"


def _db_path(out: Path, db: Path | str | None) -> Path | str:
    return db or out / DB_NAME


class _Database(click.ParamType):
    """A SQLite file, or a PostgreSQL database URL (kept as text)."""

    name = "FILE|URL"

    def convert(self, value: Any, param: Any, ctx: Any) -> Path | str:
        return value if is_database_url(value) else Path(value)


DB = _Database()
DB_HELP = "SQLite file, or PostgreSQL URL postgresql://user@host/db (password: PGPASSWORD or ~/.pgpass)"


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="a11y-audit")
def main() -> None:
    """Accessibility audits of government websites: WCAG with axe-core in a real browser, reports in Dutch."""


@main.command()
@click.option("--targets", "targets_file", type=click.Path(path_type=Path), default=Path("targets.yaml"), show_default=True,
              help="The sites to audit and the run settings.")
@click.option("--out", type=click.Path(path_type=Path), default=DEFAULT_OUT, show_default=True, help="Folder for the reports.")
@click.option("--db", type=DB, envvar="A11Y_AUDIT_DB", default=None, help=f"{DB_HELP} [default: OUT/a11y-audit.sqlite].")
@click.option("--site", "only_sites", multiple=True, help="Audit only the site with this id (repeatable).")
@click.option("--pdf", is_flag=True, help="Also write every site report as PDF.")
@click.option("--executor", type=click.Choice(["local", "celery"]), default="local", show_default=True,
              help="local: this machine's browser; celery: the workers started with 'a11y-audit worker'.")
@click.option("--broker", envvar="A11Y_AUDIT_BROKER", help="Redis URL of the Celery broker, e.g. redis://host:6379/0.")
@click.option("--resume", is_flag=True, help="Go on with the latest run of these targets that did not finish (killed, "
              "interrupted): pages already saved are kept, the others visited.")
@click.option("--incremental", is_flag=True, help="Visit only pages whose HTML, style sheets or scripts changed since the site's previous "
              "run (ETag, Last-Modified, content hash); the others carry that run's results, marked as such.")
@click.option("--backend", type=click.Choice(["playwright", "selenium"]),
              help="How the browser is driven [default: the setting 'backend', else playwright].")
@click.option("--selenium-url", help="Selenium backend: a WebDriver server or Selenium Grid, e.g. http://grid:4444 "
                                     "[default: the setting 'selenium_url', else a local chromedriver].")
def run(targets_file: Path, out: Path, db: Path | str | None, only_sites: tuple[str, ...], pdf: bool, executor: str,
        broker: str | None, resume: bool, incremental: bool, backend: str | None, selenium_url: str | None) -> None:
    """Audit the sites in a targets file and write the reports."""
    try:
        targets = load_targets(targets_file)
        targets = _with_backend(targets, backend, selenium_url)
    except ConfigError as exc:
        _fail(str(exc), EXIT_CONFIG)
    if resume and (only_sites or incremental):
        _fail("--resume goes on with the sites and the way of the run it resumes: leave out --site and --incremental",
              EXIT_CONFIG)
    if only_sites:
        unknown = set(only_sites) - {s.id for s in targets.sites}
        if unknown:
            _fail(f"{targets_file}: no site with id {', '.join(sorted(unknown))}", EXIT_CONFIG)
        targets = targets.model_copy(update={"sites": [s for s in targets.sites if s.id in only_sites]})
    try:
        check_env(targets)
    except ConfigError as exc:
        _fail(str(exc), EXIT_CONFIG)
    factory = None
    if targets.settings.backend == "selenium":
        steps = [s.id for s in targets.sites if s.login or s.cookies or s.headers or s.actions]
        if steps or targets.settings.actions:
            _fail(f"{targets_file}: steps, login, cookies and headers need the Playwright backend, not selenium"
                  + (f" (sites {', '.join(steps)})" if steps else ""), EXIT_CONFIG)
    if executor == "celery":
        if not broker:
            _fail("--executor celery needs --broker redis://HOST:PORT/DB (or A11Y_AUDIT_BROKER)", EXIT_CONFIG)
        secret = [s.id for s in targets.sites if s.login or s.cookies or s.headers]
        if secret:
            _fail(f"{targets_file}: login, cookies and headers stay on this machine: not with --executor celery"
                  f" (sites {', '.join(secret)})", EXIT_CONFIG)
        from .distributed.executor import CeleryGatherer

        factory = partial(CeleryGatherer, broker=broker)
    _audit_and_report(targets, out, _db_path(out, db), str(targets_file), pdf, factory, resume, incremental)


@main.command()
@click.option("--broker", envvar="A11Y_AUDIT_BROKER", required=True, help="Redis URL of the Celery broker.")
@click.option("--name", help="Worker name (Celery hostname), e.g. gather1@%h.")
@click.option("--loglevel", default="INFO", show_default=True)
def worker(broker: str, name: str | None, loglevel: str) -> None:
    """Start a Celery worker that gathers pages for runs with --executor celery (one browser, one page at a time)."""
    from .distributed.worker import start_worker

    start_worker(broker, name, loglevel)


@main.command()
@click.option("--out", type=click.Path(path_type=Path), default=DEFAULT_OUT / "demo", show_default=True, help="Folder for the reports.")
@click.option("--pdf", is_flag=True, help="Also write every site report as PDF.")
def demo(out: Path, pdf: bool) -> None:
    """Serve the bundled demo sites on 127.0.0.1, audit them and write reports (no network needed)."""
    from .demo import demo_targets

    with demo_targets() as targets:
        _audit_and_report(targets, out, out / DB_NAME, "demo", pdf)


@main.command()
@click.argument("run_id", type=int, required=False)
@click.option("--out", type=click.Path(path_type=Path), default=DEFAULT_OUT, show_default=True)
@click.option("--db", type=DB, envvar="A11Y_AUDIT_DB", default=None, help=f"{DB_HELP} [default: OUT/a11y-audit.sqlite]")
@click.option("--lang", type=click.Choice(["nl", "en"]), default="nl", show_default=True)
@click.option("--pdf", is_flag=True, help="Also write every site report as PDF.")
def report(run_id: int | None, out: Path, db: Path | str | None, lang: str, pdf: bool) -> None:
    """Write the reports of a stored run again (the latest when RUN_ID is left out).

    Scores and outcomes are computed again from the stored snapshots, so changed
    weights or texts in rules/ apply without visiting the sites again.
    """
    from .report.html import write_reports

    with _open_store(_db_path(out, db), must_exist=True) as store:
        run_id = run_id or store.latest_run_id()
        if run_id is None:
            _fail(f"{store.path} holds no runs yet", EXIT_CONFIG)
        index = write_reports(store, run_id, out, lang)
    if pdf:
        _write_pdfs(out, None)
    click.echo(f"Reports: {index.resolve()}")


@main.command()
@click.argument("run_a", type=int)
@click.argument("run_b", type=int)
@click.option("--db", type=DB, envvar="A11Y_AUDIT_DB", default=DEFAULT_OUT / DB_NAME, show_default=True, help=DB_HELP)
@click.option("--details/--no-details", default=True, show_default=True, help="List the new and fixed findings.")
def compare(run_a: int, run_b: int, db: Path | str, details: bool) -> None:
    """Compare two stored runs: scores, and new / fixed / persisting findings per site."""
    from .compare import compare_runs, format_comparison

    with _open_store(db, must_exist=True) as store:
        try:
            rows = compare_runs(store, run_a, run_b)
        except StoreError as exc:
            _fail(str(exc), EXIT_CONFIG)
    click.echo(format_comparison(rows, run_a, run_b, details))


@main.command()
@click.argument("run_id", type=int)
@click.option("--format", "fmt", type=click.Choice(["json", "csv", "xlsx"]), default="json", show_default=True,
              help="json: everything (docs/json-export.md); csv, xlsx: one row per site, for monitoring reports.")
@click.option("--db", type=DB, envvar="A11Y_AUDIT_DB", default=DEFAULT_OUT / DB_NAME, show_default=True, help=DB_HELP)
@click.option("-o", "--output", type=click.Path(path_type=Path), default=None, help="File to write [default: standard output; needed for xlsx].")
def export(run_id: int, fmt: str, db: Path | str, output: Path | None) -> None:
    """Export a stored run."""
    import json

    from .report.export import export_run, run_to_dict

    with _open_store(db, must_exist=True) as store:
        if fmt in ("csv", "xlsx"):
            from .report.model import site_report
            from .report.tables import write_csv, write_xlsx

            if output is None:
                _fail(f"--format {fmt} needs -o FILE", EXIT_CONFIG)
            reports = [site_report(store, run_id, site) for site in store.sites(run_id)]
            (write_csv if fmt == "csv" else write_xlsx)(reports, output)
            click.echo(f"Written: {output}", err=True)
        elif output:
            export_run(store, run_id, output)
            click.echo(f"Written: {output}", err=True)
        else:
            click.echo(json.dumps(run_to_dict(store, run_id), ensure_ascii=False, indent=2))


@main.command()
@click.option("--targets", "targets_file", type=click.Path(path_type=Path), default=None,
              help="Take keep_runs / keep_days from this targets file's settings.")
@click.option("--keep-runs", type=click.IntRange(min=1), help="Keep the details of this many newest runs per site.")
@click.option("--keep-days", type=click.IntRange(min=1), help="Keep the details of runs of the last N days.")
@click.option("--out", type=click.Path(path_type=Path), default=DEFAULT_OUT, show_default=True)
@click.option("--db", type=DB, envvar="A11Y_AUDIT_DB", default=None, help=f"{DB_HELP} [default: OUT/a11y-audit.sqlite]")
@click.option("--vacuum/--no-vacuum", default=True, show_default=True, help="Give the freed space back to the disk.")
def prune(targets_file: Path | None, keep_runs: int | None, keep_days: int | None, out: Path, db: Path | str | None, vacuum: bool) -> None:
    """Delete the pages and findings of old runs; every run's scores stay for the trends."""
    if targets_file is not None:
        try:
            settings = load_targets(targets_file).settings
        except ConfigError as exc:
            _fail(str(exc), EXIT_CONFIG)
        keep_runs = keep_runs or settings.keep_runs
        keep_days = keep_days or settings.keep_days
    if keep_runs is None and keep_days is None:
        _fail("say what to keep: --keep-runs N and/or --keep-days N (or keep_runs / keep_days in targets.yaml)", EXIT_CONFIG)
    with _open_store(_db_path(out, db), must_exist=True) as store:
        removed = store.prune(keep_runs, keep_days)
        if vacuum:
            store.vacuum()
    runs = sorted({run for run, _ in removed})
    click.echo(f"Pruned {len(removed)} site run(s) from {len(runs)} run(s)" + (f": {', '.join(map(str, runs))}" if runs else "."))


@main.command()
def doctor() -> None:
    """Check that a browser and axe-core are available; exit 3 with instructions when not."""
    from playwright.sync_api import sync_playwright

    from .gather.axe import load_axe
    from .gather.browser import find_browser

    try:
        axe = load_axe()
        with sync_playwright() as p:
            try:
                managed = p.chromium.executable_path
            except Exception:  # noqa: BLE001
                managed = None
        browser = find_browser(None, managed)
    except (BrowserNotFound, AxeSourceError) as exc:
        _fail(str(exc), EXIT_CANNOT_TEST)
    click.echo(f"browser: {browser}\naxe-core: {axe.version} ({axe.path})")


def _register_commands() -> None:
    from .act.cli import act
    from .ci.command import check
    from .plainlang.command import text

    main.add_command(act)
    main.add_command(check)
    main.add_command(text)


_register_commands()


def _audit_and_report(targets: Targets, out: Path, db: Path | str, targets_file: str, pdf: bool = False,
                      gatherer_factory: Callable[..., Any] | None = None, resume: bool = False,
                      incremental: bool = False) -> None:
    from .distributed.executor import WorkersUnavailable
    from .gather import make_gatherer
    from .monitor.alerts import AlertError, send_alerts
    from .monitor.lock import AlreadyRunning, run_lock
    from .report.html import write_reports
    from .run import audit, targets_of_run
    from .ui import progress_for_console

    lock_key = str(Path(targets_file).resolve()) if targets_file != "demo" else f"demo:{out.resolve()}"
    try:
        with run_lock(lock_key), _open_store(db) as store:
            resumed = store.unfinished_run(targets_file) if resume else None
            if resume and resumed is None:
                _fail(f"{store.path} holds no unfinished run of {targets_file} to resume", EXIT_CONFIG)
            if resumed is not None:
                try:
                    targets = targets_of_run(store, resumed, targets)
                except StoreError as exc:
                    _fail(str(exc), EXIT_CONFIG)
                click.echo(f"Resuming run {resumed}.")
            progress = progress_for_console()
            try:
                with progress:
                    run_id = asyncio.run(audit(targets, store, targets_file=targets_file, progress=progress,
                                               gatherer_factory=gatherer_factory or make_gatherer, resume=resumed,
                                               incremental=incremental))
            except (BrowserNotFound, AxeSourceError, WorkersUnavailable, WebDriverUnavailable) as exc:
                _fail(str(exc), EXIT_CANNOT_TEST)
            index = write_reports(store, run_id, out, targets.settings.language)
            if pdf:
                _write_pdfs(out, targets.settings.browser_path)
            click.echo(f"Run {run_id} done. Reports: {index.resolve()}")
            if targets.settings.alerts:
                try:
                    regressions = send_alerts(store, run_id, targets.settings.alerts)
                except AlertError as exc:
                    _fail(f"run {run_id} is stored, but the alert could not be delivered: {exc}", EXIT_ALERT_FAILED)
                click.echo(f"Alerts: {len(regressions)} site(s) regressed" + (" (alert sent)" if regressions else ""))
    except AlreadyRunning as exc:
        _fail(str(exc), EXIT_BUSY)


def _with_backend(targets: Targets, backend: str | None, selenium_url: str | None) -> Targets:
    """The targets with the browser backend of the command line; a Selenium URL implies the Selenium backend."""
    from pydantic import ValidationError

    from .config import Settings, expected_text

    update = {"backend": backend or ("selenium" if selenium_url else None), "selenium_url": selenium_url}
    update = {key: value for key, value in update.items() if value is not None}
    if not update:
        return targets
    try:
        settings = Settings.model_validate(targets.settings.model_dump() | update)
    except ValidationError as exc:
        raise ConfigError("<command line>", None, "--selenium-url", expected_text(exc.errors()[0])) from None
    return targets.model_copy(update={"settings": settings})


def _write_pdfs(out: Path, browser_path: str | None) -> None:
    from .report.pdf import print_site_reports

    try:
        written = print_site_reports(out, browser_path)
    except BrowserNotFound as exc:
        _fail(str(exc), EXIT_CANNOT_TEST)
    click.echo(f"PDF: {len(written)} site reports in {(out / 'sites').resolve()}")


def _open_store(path: Path | str, must_exist: bool = False) -> Store:
    if must_exist and isinstance(path, Path) and not path.is_file():
        _fail(f"{path}: no such store (run an audit first, or give --db/--out)", EXIT_CONFIG)
    try:
        return Store(path)
    except (StoreError, OSError) as exc:
        _fail(f"{path}: {exc}", EXIT_CONFIG)


def _fail(message: str, code: int) -> None:
    click.echo(f"a11y-audit: {message}", err=True)
    sys.exit(code)
