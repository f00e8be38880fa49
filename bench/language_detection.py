"""Speed and precision of the language detection behind the language checks.

- Speed: loading the detector, one 1000-word page, and per sentence.
- Dutch false alarms: every Dutch sentence of the Amsterdam complex/simple pairs
  (``../shared/plainlang-eval/``, not part of the project) that is detected as
  "likely" another language would be a wrong "cannot tell" (3.1.2) or would be
  left out of the plain-Dutch analysis. It should be 0.
- Other languages: short municipal sentences in French, English and German
  (written for this benchmark) must be recognised ("likely").

Run: ``python bench/language_detection.py``
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from a11y_audit.plainlang.evaluation import load_pairs  # noqa: E402
from a11y_audit.plainlang.language import _detector, detect, language_rules  # noqa: E402

DATA = Path(__file__).resolve().parents[2] / "shared" / "plainlang-eval" / "amsterdam-complex-simple-dev.csv"

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


if __name__ == "__main__":
    main()
