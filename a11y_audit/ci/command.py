"""`a11y-audit check`: audit given pages with the engine of `run` and gate on the result."""

from __future__ import annotations

import asyncio
import sys
from contextlib import ExitStack
from pathlib import Path
from urllib.parse import urljoin

import click

from ..config import ConfigError, Settings, Site, Targets
from ..demo.server import serve_folder
from ..discover.sitemaps import SitemapError, sitemap_pages
from ..gather.axe import AxeSourceError
from ..gather.browser import BrowserNotFound
from ..gather.webdriver import WebDriverUnavailable
from ..run import audit
from ..store.sqlite import Store
from ..wcag.scoring import score_site, within_level
from .config import OUTPUT_FILES, CheckConfig, find_config_file, load_check_config
from .gate import EXIT_CANNOT_TEST, EXIT_USAGE, BaselineError, GateResult, evaluate, read_baseline, write_baseline
from .outputs import RunMeta, markdown, write_output

SITE_ID = "check"
MAX_DIR_PAGES = 500


@click.command("check")
@click.argument("urls", nargs=-1)
@click.option("--sitemap", help="Audit the pages of this sitemap (or sitemap index).")
@click.option("--dir", "directory", type=click.Path(exists=True, file_okay=False, path_type=Path),
              help="Serve this build folder on 127.0.0.1 and audit its pages (all .html files, or the URLs given, relative to it).")
@click.option("--crawl", type=int, help="Also follow links, up to this many pages in all (default: no crawl).")
@click.option("--config", "config_file", type=click.Path(dir_okay=False, path_type=Path),
              help="Settings file [default: ./a11y-audit.toml, or [tool.a11y-audit] in ./pyproject.toml].")
@click.option("--fail-on", type=click.Choice(["critical", "serious", "moderate", "minor"]),
              help="Least severe impact that fails the build [default: minor, any barrier].")
@click.option("--min-score", type=float, help="Fail when the overall score (0-100) is lower.")
@click.option("--baseline", type=click.Path(dir_okay=False, path_type=Path), help="Fail only on findings not in this baseline file.")
@click.option("--update-baseline", is_flag=True, help="Write the current findings to the baseline file and pass.")
@click.option("--output-dir", type=click.Path(file_okay=False, path_type=Path), help="Folder for --format outputs [default: a11y-results].")
@click.option("--format", "formats", multiple=True, type=click.Choice(sorted(OUTPUT_FILES)),
              help="Write this output to the output folder (repeatable).")
@click.option("--junit", type=click.Path(dir_okay=False, path_type=Path), help="Write JUnit XML here.")
@click.option("--sarif", type=click.Path(dir_okay=False, path_type=Path), help="Write SARIF 2.1.0 here.")
@click.option("--json", "json_file", type=click.Path(dir_okay=False, path_type=Path), help="Write JSON here.")
@click.option("--csv", "csv_file", type=click.Path(dir_okay=False, path_type=Path), help="Write CSV here.")
@click.option("--earl", type=click.Path(dir_okay=False, path_type=Path), help="Write EARL (JSON-LD) here.")
@click.option("--markdown", "markdown_file", type=click.Path(dir_okay=False, path_type=Path), help="Write a Markdown summary here.")
@click.option("--backend", type=click.Choice(["playwright", "selenium"]), help="How the browser is driven [default: playwright].")
@click.option("--selenium-url", help="Selenium backend: a WebDriver server or Selenium Grid [default: a local chromedriver].")
@click.option("--lang", type=click.Choice(["nl", "en"]), help="Language of the summary (printed, and --markdown) [default: nl].")
def check(urls, sitemap, directory, crawl, config_file, fail_on, min_score, baseline, update_baseline, output_dir, formats,
          junit, sarif, json_file, csv_file, earl, markdown_file, backend, selenium_url, lang) -> None:
    """Audit pages for a CI pipeline and fail on new barriers.

    Exit status: 0 passed, 1 a threshold was breached, 2 usage or configuration
    error, 3 a page could not be tested (unreachable, no browser).
    """
    try:
        config = load_check_config(
            config_file or find_config_file(Path.cwd()),
            {"urls": list(urls), "sitemap": sitemap, "dir": str(directory) if directory else None, "crawl": crawl,
             "fail_on": fail_on, "min_score": min_score, "baseline": str(baseline) if baseline else None,
             "output_dir": str(output_dir) if output_dir else None, "outputs": list(formats),
             "backend": backend or ("selenium" if selenium_url else None), "selenium_url": selenium_url, "lang": lang},
        )
    except ConfigError as exc:
        _exit(str(exc), EXIT_USAGE)
    explicit = {"junit": junit, "sarif": sarif, "json": json_file, "csv": csv_file, "earl": earl, "markdown": markdown_file}
    with ExitStack() as stack:
        base = stack.enter_context(serve_folder(config.dir)) if config.dir else None
        pages = _pages(config, base)
        result, meta, findings = _audit(config, pages, local=base is not None)
    if update_baseline:
        if not config.baseline:
            _exit("--update-baseline needs --baseline FILE (or baseline in the settings file)", EXIT_USAGE)
        count = write_baseline(Path(config.baseline), findings)
        click.echo(f"Baseline written: {config.baseline} ({count} findings).")
        sys.exit(0)
    outputs = {kind: Path(config.output_dir) / OUTPUT_FILES[kind] for kind in config.outputs}
    outputs.update({kind: path for kind, path in explicit.items() if path})
    for kind, path in outputs.items():
        write_output(kind, path, result, meta)
    click.echo(markdown(result, meta, limit=20))
    for kind, path in sorted(outputs.items()):
        click.echo(f"{kind}: {path}")
    sys.exit(result.exit_code)


def _pages(config: CheckConfig, base: str | None) -> list[str]:
    pages = [urljoin(base, url.lstrip("/")) if base and not url.startswith(("http://", "https://")) else url for url in config.urls]
    if config.sitemap:
        sitemap_url = urljoin(base, config.sitemap.lstrip("/")) if base and "://" not in config.sitemap else config.sitemap
        try:
            pages += sitemap_pages(sitemap_url, Settings().user_agent)
        except SitemapError as exc:
            _exit(str(exc), EXIT_USAGE)
    if base and not pages:
        files = sorted(Path(config.dir or ".").rglob("*.html"))[:MAX_DIR_PAGES]
        pages = [urljoin(base, str(f.relative_to(config.dir or ".")).replace("\\", "/")) for f in files]
    bad = [p for p in pages if not p.startswith(("http://", "https://"))]
    if bad:
        _exit(f"not a web address: {bad[0]} (give http(s):// URLs, or paths with --dir)", EXIT_USAGE)
    if not pages:
        _exit("nothing to check: give URLs, --sitemap or --dir", EXIT_USAGE)
    return list(dict.fromkeys(pages))


def _audit(config: CheckConfig, pages: list[str], local: bool) -> tuple[GateResult, RunMeta, list]:
    settings = Settings(
        concurrency=config.concurrency, page_timeout=config.page_timeout, wcag_version=config.wcag_version,
        wcag_level=config.wcag_level, browser_path=config.browser_path, axe_path=config.axe_path,
        backend=config.backend, selenium_url=config.selenium_url,
        max_pages=max(len(pages), config.crawl), follow_links=config.crawl > 0, site_checks=config.crawl > 0,
        allowed_hosts=["127.0.0.1"] if local else [], request_delay=0 if local else Settings().request_delay,
    )
    # `check` tests the pages its user names, on their own site (often a staging server that asks
    # crawlers to stay away in its robots.txt): robots.txt is not read here
    site = Site(id=SITE_ID, name="check", url=pages[0], pages=pages[1:], ignore_robots=True)
    baseline = None
    if config.baseline and Path(config.baseline).is_file():
        try:
            baseline = read_baseline(Path(config.baseline))
        except BaselineError as exc:
            _exit(str(exc), EXIT_USAGE)
    with Store(":memory:") as store:
        try:
            run_id = asyncio.run(audit(Targets(settings=settings, sites=[site]), store))
        except (BrowserNotFound, AxeSourceError, WebDriverUnavailable) as exc:
            _exit(str(exc), EXIT_CANNOT_TEST)
        run = store.run(run_id)
        findings = [f for f in store.findings(run_id, SITE_ID) if within_level(f, config.wcag_version, config.wcag_level)]
        snapshots = list(store.snapshots(run_id, SITE_ID))
        page_rows = store.pages(run_id, SITE_ID)
    score = score_site(snapshots, findings, config.wcag_version, config.wcag_level).score
    result = evaluate(findings, page_rows, score, config.thresholds(), baseline)
    meta = RunMeta(run.axe_version or "", run.browser_version or "", config.wcag_version, config.wcag_level,
                   tuple(p.final_url or p.url for p in page_rows if p.state == "audited"), config.lang)
    return result, meta, findings


def _exit(message: str, code: int) -> None:
    click.echo(f"a11y-audit check: {message}", err=True)
    sys.exit(code)
