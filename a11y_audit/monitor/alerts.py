"""Regression alerts after a run: a plain-Dutch summary by e-mail (SMTP) and/or a webhook (JSON POST).

A site regresses when its score dropped by at least ``score_drop`` points since
its previous run, or when failed findings of impact ``new_impact`` or worse
appeared that the previous run did not have. Nothing is sent when nothing
regressed.
"""

from __future__ import annotations

import json
import os
import smtplib
import urllib.request
from dataclasses import dataclass
from email.message import EmailMessage
from typing import Mapping, Sequence

from ..checks import IMPACTS, Finding
from ..config import AlertSettings
from ..report.model import rule_texts
from ..store.sqlite import Store
from ..trends import diff_findings, score_history

ENV_PREFIX = "A11Y_AUDIT_"


@dataclass(frozen=True)
class Regression:
    site_id: str
    name: str
    previous_run: int
    score_before: float | None
    score_after: float | None
    new_findings: tuple[Finding, ...]  # of the alerting impact or worse

    @property
    def score_drop(self) -> float:
        if self.score_before is None or self.score_after is None:
            return 0.0
        return round(self.score_before - self.score_after, 1)


def find_regressions(store: Store, run_id: int, rules: AlertSettings) -> list[Regression]:
    found = []
    worst = IMPACTS[: IMPACTS.index(rules.new_impact) + 1]
    for site in store.sites(run_id):
        if site.status != "audited":
            continue
        previous = store.previous_run(site.site_id, run_id)
        if previous is None:
            continue  # the first run of a site has nothing to regress from
        changes = diff_findings(store.findings(previous, site.site_id), store.findings(run_id, site.site_id))
        new = tuple(f for f in changes.new if f.impact in worst)
        scores = {row.run_id: row.score for row in score_history(store, site.site_id, run_id)}  # kept per run
        before, after = scores.get(previous), scores.get(run_id)
        regression = Regression(site.site_id, site.name, previous, before, after, new)
        if new or regression.score_drop >= rules.score_drop:
            found.append(regression)
    return found


def _num(value: float | None) -> str:
    return "geen" if value is None else f"{value:.1f}".replace(".", ",")


def summary(regressions: Sequence[Regression], report_url: str | None) -> tuple[str, str]:
    """Subject and body of the alert, in plain Dutch."""
    names = ", ".join(r.name for r in regressions)
    subject = f"Toegankelijkheid: {len(regressions)} website(s) achteruit: {names}"
    lines = [f"De laatste test vond nieuwe toegankelijkheidsproblemen op {len(regressions)} website(s).", ""]
    for r in regressions:
        lines.append(f"{r.name}")
        lines.append(f"  Score: {_num(r.score_before)} -> {_num(r.score_after)}"
                     + (f" ({r.score_drop:+.1f} punten lager)".replace("+", "").replace(".", ",") if r.score_drop > 0 else ""))
        by_rule: dict[str, list[Finding]] = {}
        for f in r.new_findings:
            by_rule.setdefault(f.rule_id, []).append(f)
        for rule_id, items in by_rule.items():
            pages = sorted({f.page_url for f in items})
            lines.append(f"  Nieuw probleem: {rule_texts(items[0], 'nl').title} ({rule_id}, {items[0].impact}),"
                         f" {len(items)} keer, op {', '.join(pages[:3])}{' en meer' if len(pages) > 3 else ''}")
        if report_url:
            lines.append(f"  Rapport: {report_url.rstrip('/')}/sites/{r.site_id}.html")
        lines.append("")
    lines.append("Dit bericht komt van a11y-audit. U krijgt het alleen als een website achteruitgaat.")
    return subject, "\n".join(lines)


def payload(regressions: Sequence[Regression], report_url: str | None) -> dict:
    """Webhook body: 'text' for Slack, Mattermost and Teams; the details for other receivers."""
    subject, body = summary(regressions, report_url)
    return {
        "text": f"{subject}\n\n{body}",
        "sites": [
            {"id": r.site_id, "name": r.name, "previous_run": r.previous_run, "score_before": r.score_before,
             "score_after": r.score_after,
             "new_findings": [{"rule_id": f.rule_id, "impact": f.impact, "criteria": list(f.criteria),
                               "page_url": f.page_url, "selector": f.selector} for f in r.new_findings]}
            for r in regressions
        ],
    }


def send_email(subject: str, body: str, to: Sequence[str], env: Mapping[str, str] = os.environ) -> None:
    """Send through the SMTP server in A11Y_AUDIT_SMTP_HOST (_PORT, _USER, _PASSWORD, _FROM, _STARTTLS)."""
    host = env.get(f"{ENV_PREFIX}SMTP_HOST")
    if not host:
        raise AlertError(f"e-mail alerts need {ENV_PREFIX}SMTP_HOST (and optionally _PORT, _USER, _PASSWORD, _FROM)")
    message = EmailMessage()
    message["Subject"] = subject
    message["From"] = env.get(f"{ENV_PREFIX}SMTP_FROM", "a11y-audit@localhost")
    message["To"] = ", ".join(to)
    message.set_content(body)
    port = int(env.get(f"{ENV_PREFIX}SMTP_PORT", "25"))
    try:
        with smtplib.SMTP(host, port, timeout=30) as smtp:
            if env.get(f"{ENV_PREFIX}SMTP_STARTTLS", "").lower() in ("1", "true", "yes"):
                smtp.starttls()
            if env.get(f"{ENV_PREFIX}SMTP_USER"):
                smtp.login(env[f"{ENV_PREFIX}SMTP_USER"], env.get(f"{ENV_PREFIX}SMTP_PASSWORD", ""))
            smtp.send_message(message)
    except (OSError, smtplib.SMTPException) as exc:
        raise AlertError(f"could not send the e-mail alert through {host}:{port}: {exc}") from None


def post_webhook(url: str, body: dict) -> None:
    request = urllib.request.Request(url, data=json.dumps(body).encode("utf-8"), method="POST",
                                     headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310 - the configured receiver
            if response.status >= 300:
                raise AlertError(f"the webhook answered {response.status}")
    except OSError as exc:
        raise AlertError(f"could not post the webhook alert: {exc}") from None


class AlertError(RuntimeError):
    pass


def send_alerts(store: Store, run_id: int, rules: AlertSettings, env: Mapping[str, str] = os.environ) -> list[Regression]:
    """Find regressions and send them through the configured channels; return what was found."""
    regressions = find_regressions(store, run_id, rules)
    if not regressions:
        return []
    subject, body = summary(regressions, rules.report_url)
    webhook = env.get(f"{ENV_PREFIX}WEBHOOK_URL") or rules.webhook_url
    if rules.email_to:
        send_email(subject, body, rules.email_to, env)
    if webhook:
        post_webhook(webhook, payload(regressions, rules.report_url))
    return regressions
