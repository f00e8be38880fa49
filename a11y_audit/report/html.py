"""Render the HTML reports: an index over all sites and one page per site."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from urllib.parse import urlsplit

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

from ..store.sqlite import Store
from .export import export_run, json_file_name
from .i18n import decimal, reason_text, translator
from ..wcag.scoring import OUTCOMES
from .comparison import compare
from .model import SiteReport, rule_texts, site_report
from .tables import write_csv, write_xlsx
from .plain_language import label_text

IMPACT_COLOURS = {"critical": "#a4000f", "serious": "#923900", "moderate": "#6b5300", "minor": "#2f4b6e"}


def _environment(lang: str) -> Environment:
    env = Environment(
        loader=PackageLoader("a11y_audit.report", "templates"),
        autoescape=select_autoescape(["html"], default_for_string=True, default=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    t = translator(lang)

    def num(value: float | None) -> str:
        return "–" if value is None else decimal(f"{value:.1f}", lang)

    env.filters["href"] = _href
    env.globals.update(
        t=t,
        lang=lang,
        generated=_date(datetime.now().astimezone().isoformat(timespec="minutes")),
        date=_date,
        short=_short,
        reason=lambda text: reason_text(text, lang),
        chosen=lambda page: ", ".join(_chosen_text(t, why) for why in page.reasons_chosen),
        impact=lambda impact: t(f"impact_{impact or 'none'}"),
        level_name=lambda level: t(f"level_{level}") if level else "",
        impact_bars=lambda counts: [(t(f"impact_{k}"), v, IMPACT_COLOURS[k]) for k, v in counts.items()],
        impact_values=lambda counts: ", ".join(f"{t(f'impact_{k}').lower()} {v}" for k, v in counts.items()),
        score_bars=lambda reports: [(r.site.name, r.score.score, "#004f9f", num(r.score.score)) for r in reports],
        histogram_bars=lambda bins: [(band, n, "#004f9f") for band, n in reversed(bins)],
        trend_points=lambda trend: [(str(p.run_id), p.score) for p in trend],
        rule_title=lambda finding: rule_texts(finding, lang).title,
        num=num,
        signed=lambda value: "" if value is None else decimal(f"{value:+.1f}", lang),
        outcomes=OUTCOMES,
        yes_no=lambda value: t("unknown") if value is None else t("yes" if value else "no"),
        plain_label=lambda label: label_text(label, lang),
        pct=lambda share: f"{round(share * 100)} %",
    )
    return env


def _chosen_text(t, why: str) -> str:  # noqa: ANN001 - the translator
    try:
        return t(f"chosen_{why}")
    except KeyError:
        return why


def _date(iso: str) -> str:
    """'2026-11-29T10:04:00+00:00' -> '29-11-2026 10:04' (local time)."""
    try:
        return datetime.fromisoformat(iso).astimezone().strftime("%d-%m-%Y %H:%M")
    except ValueError:
        return iso


def _href(url: str) -> str:
    """Only http(s) addresses become links; anything else found on a page (javascript:, data:) does not."""
    return url if urlsplit(url).scheme in ("http", "https") else "#"


def _short(url: str) -> str:
    """A URL without scheme, for reading."""
    parts = urlsplit(url)
    text = parts.netloc + parts.path + (f"?{parts.query}" if parts.query else "")
    return text if len(text) <= 90 else text[:87] + "..."


def write_reports(store: Store, run_id: int, out_dir: Path, lang: str = "nl") -> Path:
    """Write index.html, sites/<id>.html and the JSON export; return the index path."""
    out_dir = Path(out_dir)
    (out_dir / "sites").mkdir(parents=True, exist_ok=True)
    env = _environment(lang)
    run = store.run(run_id)
    reports: list[SiteReport] = [site_report(store, run_id, site, lang) for site in store.sites(run_id)]
    site_template = env.get_template("site.html")
    for report in reports:
        html = site_template.render(r=report)
        _write(out_dir / "sites" / f"{report.site.site_id}.html", html)
    json_name = json_file_name(run_id)
    export_run(store, run_id, out_dir / json_name)
    write_csv(reports, out_dir / f"sites-{run_id}.csv")
    write_xlsx(reports, out_dir / f"sites-{run_id}.xlsx")
    comparison = compare(reports, lang)
    index = env.get_template("index.html").render(run=run, c=comparison, json_name=json_name, table_name=f"sites-{run_id}")
    _write(out_dir / "index.html", index)
    return out_dir / "index.html"


def _write(path: Path, text: str) -> None:
    """Write through a temporary file so a reader never sees half a report."""
    tmp = path.with_suffix(path.suffix + ".tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(path)
