"""Speed and precision of the language detection behind the language checks.

- Speed: loading the detector, one 1000-word page, and per sentence.
- Dutch false alarms: every Dutch sentence of the Amsterdam complex/simple pairs
  (``../shared/plainlang-eval/``, not part of the project) that is detected as
  "likely" another language would be a wrong "cannot tell" (3.1.2) or would be
  left out of the plain-Dutch analysis. It should be 0.
- Other languages: short municipal sentences in French, English and German
  (written for this benchmark) must be recognised ("likely").
- By length: how often a text is found "likely" / "sure" (ignoring the length
  gate of "sure") to be in ANOTHER language than the one it is in (a false
  "wrong lang attribute"), and how often in its own language, per length band.
  Texts: the Dutch sentences above, the Dutch text blocks of the real pages in
  ``../shared/real-pages/``, and the translated messages of the programs on
  this machine (gettext catalogues in /usr/share/locale, nl/fr/de with their
  English originals; left out when absent). ``sure_chars`` in
  ``rules/plainlang/languages.yaml`` is set from this table.

Run: ``python bench/language_detection.py``
"""

from __future__ import annotations

import gettext
import random
import re
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from a11y_audit.plainlang.evaluation import load_pairs  # noqa: E402
from a11y_audit.plainlang.htmltext import html_snapshot  # noqa: E402
from a11y_audit.plainlang.language import _detector, detect, function_words_agree, language_rules  # noqa: E402

SHARED = Path(__file__).resolve().parents[2] / "shared"
DATA = SHARED / "plainlang-eval" / "amsterdam-complex-simple-dev.csv"
LOCALE = Path("/usr/share/locale")
BANDS = (20, 40, 60, 80, 100, 150, 200, 300)  # lower bounds of the length bands, in characters
PER_BAND = 400  # texts per language, source and band at most (a seeded sample)
_FORMAT = re.compile(r"%[-+ #0-9.*]*[a-zA-Z]|\{[^}]*\}|[_&]")  # printf and format fields, menu accelerators

OTHER = {
    "fr": [
        "Vous pouvez demander votre carte d'identité au service population de la commune.",
        "La commune est fermée le lundi 11 novembre en raison de l'Armistice.",
        "Pour toute question concernant la collecte des déchets, veuillez contacter l'intercommunale.",
        "Ce site web utilise des cookies pour améliorer votre expérience de navigation.",
        "Nous respectons votre vie privée et traitons vos données personnelles conformément au RGPD.",
        "En cas d'urgence, appelez le 112, même pendant le week-end et les jours fériés.",
    ],
    "en": [
        "You can apply for your identity card at the population desk in the town hall.",
        "The town hall is closed on Monday 11 November because of Armistice Day.",
        "For questions about waste collection, please contact the intermunicipal company.",
        "This website uses cookies to improve your browsing experience.",
        "We respect your privacy and process your personal data in accordance with the GDPR.",
        "In an emergency, call 112, also at weekends and on public holidays.",
    ],
    "de": [
        "Sie können Ihren Personalausweis beim Bürgerservice im Rathaus beantragen.",
        "Das Rathaus ist am Montag, dem 11. November, wegen des Waffenstillstandstages geschlossen.",
        "Bei Fragen zur Müllabfuhr wenden Sie sich bitte an den Zweckverband.",
        "Diese Website verwendet Cookies, um Ihr Nutzererlebnis zu verbessern.",
        "Wir respektieren Ihre Privatsphäre und verarbeiten Ihre personenbezogenen Daten gemäß der DSGVO.",
        "Im Notfall rufen Sie die 112 an, auch am Wochenende und an Feiertagen.",
    ],
}


def main() -> None:
    started = time.perf_counter()
    _detector(language_rules().languages)
    print(f"detector loaded in {time.perf_counter() - started:.2f} s")
    if not DATA.is_file():
        print(f"{DATA} is not here: Dutch figures skipped")
        dutch: list[str] = []
    else:
        pairs = load_pairs(DATA)
        dutch = [p.complex for p in pairs] + [p.simple for p in pairs]
        words = " ".join(dutch).split()
        pages = [" ".join(words[i * 1000:(i + 1) * 1000]) for i in range(10)]
        started = time.perf_counter()
        for text in pages:
            detect(text)
        print(f"one 1000-word page: {(time.perf_counter() - started) / len(pages) * 1000:.1f} ms")
        started = time.perf_counter()
        results = [detect(text) for text in dutch]
        print(f"per sentence: {(time.perf_counter() - started) / len(dutch) * 1000:.2f} ms")
        detected = [r for r in results if r.language]
        wrong = [(r, t) for r, t in zip(results, dutch) if r.likely and r.language != "nl"]
        print(f"Dutch sentences: {len(dutch)}, long enough to detect: {len(detected)}, "
              f"likely Dutch: {sum(r.likely and r.language == 'nl' for r in results)}, "
              f"likely another language (false alarms): {len(wrong)}")
        for result, text in wrong:
            print(f"  {result.language} {result.confidence:.2f}: {text[:100]}")
    for language, sentences in OTHER.items():
        results = [detect(text) for text in sentences]
        right = sum(r.likely and r.language == language for r in results)
        print(f"{language}: {right}/{len(sentences)} recognised (likely)")


def _length_texts() -> dict[tuple[str, str], set[str]]:
    """(language, source) -> texts."""
    out: dict[tuple[str, str], set[str]] = defaultdict(set)
    if DATA.is_file():
        for pair in load_pairs(DATA):
            out[("nl", "sentences")].update((pair.complex, pair.simple))
    for path in sorted((SHARED / "real-pages").glob("*.html")):
        snapshot = html_snapshot(path.read_text(encoding="utf-8", errors="replace"))
        out[("nl", "real pages")].update(block.text for block in snapshot.text_blocks)
    for language in ("nl", "fr", "de"):
        for path in sorted((LOCALE / language / "LC_MESSAGES").glob("*.mo")):
            if path.name.startswith("iso_"):
                continue  # names of countries and languages: names, not text in a language
            try:
                catalog = gettext.GNUTranslations(path.open("rb"))._catalog  # type: ignore[attr-defined]
            except (OSError, ValueError, UnicodeDecodeError):
                continue
            for original, translated in catalog.items():
                if isinstance(original, str) and original and isinstance(translated, str) and translated != original:
                    out[(language, "messages")].add(" ".join(_FORMAT.sub(" ", translated).split()))
                    out[("en", "messages")].add(" ".join(_FORMAT.sub(" ", original).split()))
    return out


def _band(length: int) -> int:
    return max(i for i, low in enumerate(BANDS) if length >= low)


def by_length() -> None:
    """False and right detections per length band, "likely" and "sure" (without its length gate)."""
    rules = language_rules()
    detector = _detector(rules.languages)
    rng = random.Random(7)
    counts: dict[tuple[str, str, int], Counter[str]] = defaultdict(Counter)
    wrong_examples: list[str] = []
    for (language, source), texts in sorted(_length_texts().items()):
        bands: dict[int, list[str]] = defaultdict(list)
        for text in sorted(texts):
            if len(text) >= BANDS[0]:
                bands[_band(len(text))].append(text)
        for band, members in bands.items():
            rng.shuffle(members)
            for text in members[:PER_BAND]:
                top = detector.compute_language_confidence_values(text[:5000])[0]
                found, confidence = top.language.iso_code_639_1.name.lower(), top.value
                agree = function_words_agree(text, found, rules)
                count = counts[(language, source, band)]
                count["n"] += 1
                for level, threshold in (("likely", rules.likely_confidence), ("sure", rules.sure_confidence)):
                    if agree and confidence >= threshold:
                        count[f"{'right' if found == language else 'wrong'} {level}"] += 1
                if agree and confidence >= rules.likely_confidence and found != language:
                    wrong_examples.append(f"  {language} text, {source}, found {found} {confidence:.2f}: {text[:90]}")
    print(f"\nBy length (at most {PER_BAND} texts per language, source and band; 'sure' without its length gate):")
    print("band     | language source       |     n | other language: likely  sure | own language: likely   sure")
    totals: dict[int, Counter[str]] = defaultdict(Counter)
    for (language, source, band), count in sorted(counts.items(), key=lambda kv: (kv[0][2], kv[0][0], kv[0][1])):
        totals[band].update(count)
        high = f"{BANDS[band + 1] - 1}" if band + 1 < len(BANDS) else ""
        print(f"{BANDS[band]:>4}-{high:<4} | {language} {source:<17} | {count['n']:5} | "
              f"{count['wrong likely']:21} {count['wrong sure']:5} | "
              f"{count['right likely'] / count['n']:18.0%} {count['right sure'] / count['n']:6.0%}")
    print("all languages:")
    for band, count in sorted(totals.items()):
        print(f"  from {BANDS[band]:>3} characters: {count['n']:5} texts, another language likely {count['wrong likely']}, "
              f"sure {count['wrong sure']}; own language sure {count['right sure'] / count['n']:.0%}")
    print("texts found likely in another language than their own:")
    print("\n".join(wrong_examples) or "  none")


if __name__ == "__main__":
    main()
    by_length()
