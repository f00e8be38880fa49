"""``a11y-audit text``: plain text and HTML drafts, JSON output and the JSON-lines batch mode."""

import json
import os
import queue
import subprocess
import sys
import threading

from click.testing import CliRunner

from a11y_audit.plainlang import analyse
from a11y_audit.plainlang.command import text
from a11y_audit.plainlang.htmltext import html_main_text, looks_like_html

HEAVY = (
    "Teneinde een vlotte ophaling te garanderen, wordt de burger verzocht het afval uiterlijk om 6 uur 's "
    "morgens op de daartoe voorziene plaats buiten te plaatsen, waarbij de recipiënten op een zodanige wijze "
    "dienen te worden geplaatst dat het verkeer niet gehinderd wordt."
)
PLAIN = "Wij halen uw afval op maandag op. Zet de container voor zeven uur buiten. Zo kunnen we hem zeker meenemen."
ENGLISH = "The waste is collected every Monday. Please put your bins outside before six in the morning."

PAGE = f"""<!DOCTYPE html>
<html lang="nl-BE">
<head><title>Afval</title><style>p {{ color: red }}</style><script>var indien = "Indien";</script></head>
<body>
  <header><p>Gemeente Beekveld. Indien u ons zoekt, wij zijn er.</p></header>
  <nav><ul><li>Thuis</li><li>Teneinde het menu te openen, klik hier.</li></ul></nav>
  <div id="cookie-banner"><p>Wij gebruiken cookies. Indien u akkoord gaat, klik op OK.</p></div>
  <main>
    <h1>Afvalophaling</h1>
    <p>{HEAVY}</p>
    <p hidden>Indien dit verborgen is, telt het niet mee.</p>
    <p style="display: none">Indien dit ook verborgen is, telt het evenmin mee.</p>
    <ul><li>Restafval: elke maandag</li><li><a href="/gft">GFT</a></li></ul>
    <p lang="en">{ENGLISH}</p>
    <div>{PLAIN} <strong>Ook</strong> op <a href="/feestdagen">feestdagen</a>.</div>
  </main>
  <aside><p>Indien u vragen heeft, bel ons.</p></aside>
  <footer><p>Indien u ons wilt schrijven: Marktplein 1.</p></footer>
</body>
</html>
"""


def test_html_main_text_leaves_out_chrome_hidden_text_and_other_languages():
    page = html_main_text(PAGE)
    assert page.title == "Afval" and page.lang == "nl-BE" and page.is_dutch
    found = [(b.kind, b.language, b.text) for b in page.blocks]
    assert found == [
        ("heading", "nl", "Afvalophaling"),
        ("text", "nl", HEAVY),
        ("item", "nl", "Restafval: elke maandag"),  # the item that is only a link is a menu: left out
        ("text", "en", ENGLISH),
        ("text", "nl", f"{PLAIN} Ook op feestdagen."),  # bare text in a div
    ]
    assert not any("Indien" in t for _, _, t in found)  # header, nav, cookie banner, hidden, aside, footer


def test_html_is_recognised_by_its_first_tag():
    assert looks_like_html(PAGE) and looks_like_html("  <p>Hallo</p>") and looks_like_html("<!-- x --><div>a</div>")
    assert not looks_like_html("Hallo <b>wereld</b>") and not looks_like_html("<3 dit is geen tag")
    assert not looks_like_html("# Titel\n\nTekst.")


def test_text_command_reads_an_html_file_and_html_on_standard_input(tmp_path):
    source = tmp_path / "afval.html"
    source.write_text(PAGE, encoding="utf-8")
    for args, given in (([str(source)], None), ([], PAGE)):
        result = CliRunner().invoke(text, [*args, "--format", "json"], input=given)
        assert result.exit_code == 0, result.output
        data = json.loads(result.output)
        assert data["language"] == "nl" and data["score"] == data["indicators"]["score"]
        assert [b["assessed"] for b in data["blocks"]] == [True, True, True, False, True]
        terms = [f["text"] for f in data["findings"] if f["rule_id"] == "plainlang-officialese"]
        # nothing from the header, nav, footer, aside or cookie banner
        assert terms == ["Teneinde", "verzocht", "daartoe", "dienen te"]
    people = CliRunner().invoke(text, [str(source)])
    assert "Leesbaarheid:" in people.output and "Alinea 4 is niet in het Nederlands (Engels)" in people.output


def test_html_in_its_declared_charset():
    page = ('<html><head><meta charset="windows-1252"></head>'
            "<body><p>Wij halen uw afval op. Dat is één keer per week.</p></body></html>")
    result = CliRunner().invoke(text, ["--format", "json"], input=page.encode("windows-1252"))
    assert result.exit_code == 0
    assert json.loads(result.output)["blocks"][0]["text"] == "Wij halen uw afval op. Dat is één keer per week."


def test_format_json_and_the_old_json_flag_give_the_same():
    runner = CliRunner()
    new = runner.invoke(text, ["--format", "json"], input=f"{HEAVY}\n\n{PLAIN}\n")
    old = runner.invoke(text, ["--json"], input=f"{HEAVY}\n\n{PLAIN}\n")
    assert new.exit_code == old.exit_code == 0 and new.output == old.output
    data = json.loads(new.output)
    assert data["score"] == analyse([HEAVY, PLAIN]).score and data["label"] in ("moeilijk", "heel moeilijk", "redelijk")
    assert "--json " not in runner.invoke(text, ["--help"]).output  # the old flag still works, but hidden


def test_a_text_in_another_language_is_not_assessed():
    result = CliRunner().invoke(text, input=ENGLISH + " Nobody trips over them on the pavement this way.\n")
    assert result.exit_code == 0 and result.output.strip() == (
        "De tekst is niet in het Nederlands (Engels): niet beoordeeld.")
    data = json.loads(CliRunner().invoke(text, ["--format", "json"], input=ENGLISH).output)
    assert data["language"] == "en" and data["score"] is None and data["findings"] == []
    assert data["note"] == "De tekst is niet in het Nederlands (Engels): niet beoordeeld."


def test_plain_text_that_is_not_utf8_is_an_error():
    result = CliRunner().invoke(text, input="Wij halen het afval één keer op.".encode("latin-1"))
    assert result.exit_code == 1 and "geen UTF-8-tekst" in result.output


# -- --jsonl -------------------------------------------------------------------


def jsonl(lines: list[bytes | str], *args: str):
    data = b"".join((line.encode() if isinstance(line, str) else line) + b"\n" for line in lines)
    result = CliRunner().invoke(text, ["--jsonl", *args], input=data)
    return result, [json.loads(line) for line in result.stdout.splitlines()]


def test_jsonl_gives_one_line_per_text_in_order_with_the_score_of_analyse():
    texts = {"zwaar": HEAVY, 2: PLAIN, "lijst": "# Afval\n\n- Restafval: maandag\n- GFT: dinsdag\n\nZet de bak buiten."}
    result, out = jsonl([json.dumps({"id": k, "text": v}, ensure_ascii=False) for k, v in texts.items()])
    assert result.exit_code == 0
    assert [o["id"] for o in out] == ["zwaar", 2, "lijst"]
    for o, raw in zip(out, texts.values()):
        assert o["score"] == analyse([raw]).score and o["language"] == "nl" and "error" not in o
    assert out[0]["score"] < out[1]["score"] and out[0]["label"] in ("moeilijk", "heel moeilijk")
    rules = {f["rule_id"] for f in out[0]["findings"]}
    assert {"plainlang-long-sentence", "plainlang-passive-voice", "plainlang-officialese"} <= rules
    assert {"sentence", "text", "explanation", "suggestion", "start", "end"} <= set(out[0]["findings"][0])
    assert out[1]["findings"] == [] and out[1]["label"] in ("eenvoudig", "heel eenvoudig")


def test_jsonl_bad_lines_get_an_error_and_the_rest_goes_on():
    result, out = jsonl([
        '{"id": 1, "text": "Wij halen uw afval op."}',
        '{"id": 7, "text": "kapot',  # not JSON, but the id can still be read
        '{"id": "\\q", "text": "kapot',  # not even the id
        "",  # blank lines are skipped
        "[1, 2]",
        '{"id": "zonder tekst"}',
        '{"id": 9, "text": 42}',
        b'{"id": 10, "text": "\xff\xfe"}',  # not UTF-8
        '{"id": 11, "text": ""}',
        json.dumps({"id": 12, "text": ENGLISH}),
        json.dumps({"id": 13, "text": "<p>Wij halen uw afval op.</p><nav><p>Indien u iets zoekt.</p></nav>"}),
    ])
    assert result.exit_code == 0
    assert [o["id"] for o in out] == [1, 7, None, None, "zonder tekst", 9, 10, 11, 12, 13]
    errors = {o["id"]: o["error"] for o in out if "error" in o}
    assert set(errors) == {7, None, "zonder tekst", 9, 10}
    assert errors[7].startswith("Geen geldige JSON") and "JSON-object" in errors[None]
    assert errors[9] == 'Het veld "text" ontbreekt of is geen tekst.'
    assert all(o["score"] is None and o["findings"] == [] for o in out if "error" in o)
    empty, english, html = out[7], out[8], out[9]
    assert empty["score"] is None and empty["note"] == "Geen Nederlandse tekst om te beoordelen."
    assert english["score"] > 0 and english["language"] == "en" and "niet in het Nederlands" in english["note"]
    assert english["findings"] == []  # read as Dutch for the number, no advice
    assert html["score"] == analyse(["Wij halen uw afval op."]).score and html["findings"] == []  # no nav text


def test_jsonl_with_nothing_usable_exits_non_zero():
    result, out = jsonl(["Dit is geen JSON.", "Dit ook niet."])
    assert result.exit_code == 1 and len(out) == 2 and all("error" in o for o in out)
    assert "Geen enkele regel was bruikbaar" in result.stderr
    english, _ = jsonl(["{}"], "--lang", "en")
    assert "No line was usable" in english.stderr


def test_jsonl_answers_each_line_before_the_next_one_comes():
    env = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}  # the output to a pipe is buffered
    process = subprocess.Popen(
        [sys.executable, "-m", "a11y_audit", "text", "--jsonl", "-"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, encoding="utf-8", env=env,
    )
    answers: queue.Queue[str] = queue.Queue()
    threading.Thread(target=lambda: [answers.put(line) for line in process.stdout], daemon=True).start()
    try:
        for n, line in enumerate((HEAVY, PLAIN)):
            process.stdin.write(json.dumps({"id": n, "text": line}) + "\n")
            process.stdin.flush()
            answer = json.loads(answers.get(timeout=60))  # the input stays open: only a flushed line arrives
            assert answer["id"] == n and answer["score"] == analyse([line]).score
    finally:
        process.stdin.close()
        process.wait(timeout=60)
    assert process.returncode == 0
