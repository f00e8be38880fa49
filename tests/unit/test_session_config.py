"""targets.yaml: the action language, consent, login, cookies, headers and ${env:NAME} secrets (no browser)."""

import pytest

from a11y_audit.config import LOGOUT_URLS, Action, ConfigError, Settings, check_env, parse_targets
from a11y_audit.gather.session import SiteSession, _added, _without
from a11y_audit.secrets import REDACTED, MissingSecret, resolve, secret_values
from a11y_audit.snapshot import PageSnapshot, TextBlock

SITE = """\
settings:
  consent: false
  actions:
    - wait_for: main
sites:
  - id: portaal
    name: Portaal
    url: https://portaal.gemeente.be/
    consent:
      banner: "#cookiebar"
      actions:
        - click: "text=Alles accepteren"
    login:
      url: https://portaal.gemeente.be/aanmelden
      actions:
        - fill: {selector: "#user", value: "${env:PORTAL_USER}"}
        - fill: {selector: "#pass", value: "${env:PORTAL_PASS}"}
        - press: Enter
        - wait: 1.5
      check: "a.afmelden"
    cookies:
      - {name: taal, value: nl}
      - {name: sso, value: "${env:PORTAL_SSO}", domain: gemeente.be}
    headers:
      Authorization: "Bearer ${env:PORTAL_TOKEN}"
  - id: publiek
    name: Publiek
    url: https://www.gemeente.be/
    consent: true
    actions: []
"""
ENV = {"PORTAL_USER": "inwoner-42", "PORTAL_PASS": "geheim-wachtwoord", "PORTAL_SSO": "sso-cookie-value",
       "PORTAL_TOKEN": "token-abcdef"}


def test_the_action_language_reads_as_written():
    targets = parse_targets(SITE)
    portaal, publiek = targets.sites
    assert targets.settings.consent.accept is False and targets.settings.actions == [Action(wait_for="main")]
    assert [a.describe() for a in portaal.login.actions] == ["fill '#user'", "fill '#pass'", "press 'Enter'", "wait 1.5 s"]
    assert portaal.consent.banner == "#cookiebar" and portaal.consent.actions[0].describe() == "click 'text=Alles accepteren'"
    assert publiek.consent.accept is True and publiek.actions == []
    assert portaal.exclude == [LOGOUT_URLS] and publiek.exclude == []  # logged in: never request a logout address


def error_of(text: str) -> ConfigError:
    with pytest.raises(ConfigError) as info:
        parse_targets(text, "targets.yaml")
    return info.value


@pytest.mark.parametrize(
    ("old", "new", "line", "key", "expected"),
    [
        ("- click: \"text=Alles accepteren\"", "- {click: a, wait_for: b}", 12, "sites[0].consent.actions[0]", "exactly one of"),
        ("- press: Enter", "- prss: Enter", 18, "sites[0].login.actions[2].prss", "unknown key"),
        ("- wait: 1.5", "- wait: 90", 19, "sites[0].login.actions[3].wait", "less than or equal to 30"),
        ("check: \"a.afmelden\"", "chek: x", 13, "sites[0].login.check", "required"),
        ("Authorization:", "Bad Header:", 24, "sites[0].headers", "header names"),
        ("Authorization:", "Cookie:", 24, "sites[0].headers", "use cookies:"),
        ("consent: true", "consent: sometimes", 29, "sites[1].consent", "dictionary"),
        ("url: https://portaal.gemeente.be/aanmelden", "url: /aanmelden", 14, "sites[0].login.url", "http://"),
    ],
)
def test_mistakes_name_file_line_and_key(old, new, line, key, expected):
    assert old in SITE
    error = error_of(SITE.replace(old, new))
    assert (error.path, error.line, error.key) == ("targets.yaml", line, key)
    assert expected in error.message


def test_secrets_only_where_they_are_read_and_well_formed():
    error = error_of(SITE.replace("name: Portaal", "name: ${env:NAAM}"))
    assert (error.line, error.key) == (7, "sites[0].name") and "only read in cookie values" in error.message
    error = error_of(SITE.replace("${env:PORTAL_TOKEN}", "${env:PORTAL-TOKEN}"))
    assert (error.line, error.key) == (25, "sites[0].headers.Authorization") and "${env:NAME}" in error.message


def test_a_missing_variable_names_file_line_and_key_for_the_sites_audited():
    targets = parse_targets(SITE, "targets.yaml")
    check_env(targets, ENV)
    with pytest.raises(ConfigError) as info:
        check_env(targets, {k: v for k, v in ENV.items() if k != "PORTAL_PASS"})
    assert str(info.value) == ("targets.yaml:17: sites[0].login.actions[1].fill.value: "
                               "environment variable PORTAL_PASS is not set (secrets come from the environment)")
    only_public = targets.model_copy(update={"sites": targets.sites[1:]})  # run --site publiek
    check_env(only_public, {})


def test_the_session_resolves_secrets_and_redacts_them():
    targets = parse_targets(SITE)
    session = SiteSession.for_site(targets.sites[0], targets.settings, {"portaal.gemeente.be"}, ENV)
    assert session.headers == {"Authorization": "Bearer token-abcdef"}
    assert [(c["name"], c["value"], c["domain"]) for c in session.state["cookies"]] == [
        ("taal", "nl", "portaal.gemeente.be"), ("sso", "sso-cookie-value", ".gemeente.be")]
    assert set(session.secrets) == {"inwoner-42", "geheim-wachtwoord", "sso-cookie-value", "token-abcdef"}
    page = PageSnapshot("https://portaal.gemeente.be/mijn", title="Welkom inwoner-42",
                        text_blocks=(TextBlock("p", "Uw token: token-abcdef."),))
    clean = session.redact_snapshot(page)
    assert clean.title == f"Welkom {REDACTED}" and clean.text_blocks[0].text == f"Uw token: {REDACTED}."
    assert session.consent.banner == "#cookiebar" and [a.describe() for a in session.actions] == ["wait_for 'main'"]


def test_discovery_gets_the_site_headers_and_its_cookies_only_on_its_hosts():
    targets = parse_targets(SITE)
    session = SiteSession.for_site(targets.sites[0], targets.settings, {"portaal.gemeente.be"}, ENV)
    assert session.request_headers("https://portaal.gemeente.be/mijn/") == {
        "Authorization": "Bearer token-abcdef", "Cookie": "taal=nl; sso=sso-cookie-value"}
    assert session.request_headers("https://cdn.example.org/x.js") == {}


def test_consent_given_during_the_login_is_left_out_of_the_state():
    before = {"cookies": [{"name": "pref", "value": "1", "domain": "a.be", "path": "/"}],
              "origins": [{"origin": "https://a.be", "localStorage": [{"name": "theme", "value": "dark"}]}]}
    after = {"cookies": [*before["cookies"], {"name": "CookieConsent", "value": "yes", "domain": "a.be", "path": "/"}],
             "origins": [{"origin": "https://a.be", "localStorage": [{"name": "theme", "value": "dark"},
                                                                     {"name": "klaro", "value": "{}"}]}]}
    part = _added(before, after)
    assert [c["name"] for c in part["cookies"]] == ["CookieConsent"]
    logged_in = {"cookies": [*after["cookies"], {"name": "session", "value": "s", "domain": "a.be", "path": "/"}],
                 "origins": after["origins"]}
    kept = _without(logged_in, part)
    assert [c["name"] for c in kept["cookies"]] == ["pref", "session"]
    assert kept["origins"][0]["localStorage"] == [{"name": "theme", "value": "dark"}]


def test_resolving_and_short_values():
    assert resolve("Bearer ${env:T}", {"T": "abc"}) == "Bearer abc"
    with pytest.raises(MissingSecret, match="environment variable T is not set"):
        resolve("${env:T}", {})
    assert secret_values(["${env:A}", "${env:B}"], {"A": "1", "B": "a&b<c>"}) == ("a&amp;b&lt;c&gt;", "a&b<c>")


def test_settings_of_a_run_keep_the_references_not_the_values():
    settings = Settings.model_validate({"actions": [{"fill": {"selector": "#q", "value": "${env:Q}"}}]})
    assert settings.model_dump(mode="json")["actions"][0]["fill"]["value"] == "${env:Q}"


def test_reports_explain_the_new_reasons_in_both_languages():
    from a11y_audit.report.i18n import reason_text

    reason = "action-failed: step 1: wait_for 'main': not found or not usable within 10 s"
    assert reason_text(reason, "nl") == "Een stap uit de instellingen lukte niet op deze pagina: step 1: wait_for 'main': not found or not usable within 10 s"
    for code in ("login-failed", "action-failed", "consent-failed"):
        assert not reason_text(f"{code}: x", "en").startswith(code) and not reason_text(f"{code}: x", "nl").startswith(code)


def test_run_refuses_missing_secrets_and_secrets_for_celery_workers(tmp_path, monkeypatch):
    from click.testing import CliRunner

    from a11y_audit.cli import main

    targets = tmp_path / "targets.yaml"
    targets.write_text("sites:\n  - id: a\n    name: A\n    url: http://127.0.0.1:9/\n"
                       "    headers:\n      X-Key: ${env:A11Y_TEST_KEY}\n", encoding="utf-8")
    monkeypatch.delenv("A11Y_TEST_KEY", raising=False)
    result = CliRunner().invoke(main, ["run", "--targets", str(targets), "--out", str(tmp_path / "o")])
    assert result.exit_code == 2
    assert f"{targets}:6: sites[0].headers.X-Key: environment variable A11Y_TEST_KEY is not set" in result.output
    monkeypatch.setenv("A11Y_TEST_KEY", "sleutel-123")
    result = CliRunner().invoke(main, ["run", "--targets", str(targets), "--executor", "celery", "--broker", "redis://127.0.0.1:9/0"])
    assert result.exit_code == 2 and "not with --executor celery (sites a)" in result.output
    assert not (tmp_path / "o").exists()
