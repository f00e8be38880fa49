"""The `act` command. Registered in a11y_audit/cli.py with ``main.add_command(act)``."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ..gather.axe import AxeSourceError
from ..gather.browser import BrowserNotFound
from .mapping import MappingError
from .suite import SuiteError, default_suite_dir

EXIT_CONFIG = 2
EXIT_CANNOT_TEST = 3


@click.command("act")
@click.option("--suite", "suite_dir", type=click.Path(path_type=Path, file_okay=False), default=None,
              help="Folder with the W3C ACT Rules test cases (cases.json) [default: ../shared/act-rules next to the checkout].")
@click.option("--out", type=click.Path(path_type=Path, file_okay=False), default=Path("reports/act"), show_default=True,
              help="Folder for the EARL report, the summary and the per-case results.")
@click.option("--rules", "rules", default="", help="Only these ACT rules, comma-separated ids (e.g. afw4f7,09o5cg).")
@click.option("--approved-only", is_flag=True, help="Only the cases that count for the approved rules.")
@click.option("--concurrency", type=click.IntRange(1, 16), default=2, show_default=True, help="Browser pages at a time.")
@click.option("--interaction", is_flag=True,
              help="Also run the interaction step (Tab walk, hover, text spacing, zoom, reflow) on every case.")
@click.option("--rescore", "rescore_file", type=click.Path(path_type=Path, dir_okay=False, exists=True), default=None,
              help="Do not run: score this EARL report again and rewrite the summary.")
def act(suite_dir: Path | None, out: Path, rules: str, approved_only: bool, concurrency: int, interaction: bool,
        rescore_file: Path | None) -> None:
    """Run the W3C ACT Rules test cases with the audit engine and write an implementation report (EARL + summary)."""
    from .barriers import AXE_ONLY, FULL
    from .conformance import SUMMARY_FILE, rescore, run_act
    from .suite import Suite
    from .summary import CLASSES

    suite_dir = suite_dir or default_suite_dir()
    wanted = [r.strip() for r in rules.split(",") if r.strip()]
    try:
        suite = Suite(suite_dir)
        unknown = sorted(set(wanted) - set(suite.rules))
        if unknown:
            _fail(f"{suite_dir}: no ACT rule {', '.join(unknown)} in the suite", EXIT_CONFIG)
        if rescore_file:
            result = rescore(rescore_file, suite_dir, out)
        else:
            total = len([c for c in suite.cases if (not wanted or c.rule_id in wanted)])

            def progress(case_result, done: int, of: int) -> None:
                if done % 50 == 0 or done == of:
                    click.echo(f"  {done}/{of} cases", err=True)

            click.echo(f"Running {total if not approved_only else 'the approved'} ACT test cases from {suite_dir} ...", err=True)
            result = run_act(suite_dir, out, rules=wanted or None, approved_only=approved_only,
                             concurrency=concurrency, progress=progress, interaction=interaction)
    except (SuiteError, MappingError) as exc:
        _fail(str(exc), EXIT_CONFIG)
    except (BrowserNotFound, AxeSourceError) as exc:
        _fail(str(exc), EXIT_CANNOT_TEST)
    counts = result.approved_totals(suite)
    axe_counts = result.approved_totals(suite, axe_only=True)
    click.echo("Approved ACT rules: " + ", ".join(f"{counts[c]} {c}" for c in CLASSES))
    click.echo("  axe-core rules only: " + ", ".join(f"{axe_counts[c]} {c}" for c in CLASSES))
    if result.barriers is not None:
        b = result.barriers
        click.echo(f"Known barriers flagged: axe-core alone {b.flagged(AXE_ONLY)}, a11y-audit {b.flagged(FULL)}; "
                   f"false alarms: axe-core alone {b.false_alarms(AXE_ONLY)}, a11y-audit {b.false_alarms(FULL)}")
    if not rescore_file:
        click.echo(f"{result.info.cases_run} cases in {result.info.seconds:.0f} s")
    click.echo(f"Report: {(out / SUMMARY_FILE).resolve()}")


def _fail(message: str, code: int) -> None:
    click.echo(f"a11y-audit act: {message}", err=True)
    sys.exit(code)
