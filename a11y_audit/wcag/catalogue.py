"""The WCAG success-criteria catalogue: ``rules/wcag.yaml`` as typed data.

The YAML file is the single source of truth for criterion numbers, levels,
English and Dutch names, Understanding links and EN 301 549 clauses.  This
module only reads and checks it.

The default file is ``rules/wcag.yaml`` in the folder next to the package's
parent directory (the repository root in a source checkout); the environment
variable ``A11Y_AUDIT_RULES`` names another rules folder.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

from ..paths import RULES_ENV, rules_dir

CATALOGUE_FILE = "wcag.yaml"

VERSIONS: tuple[str, ...] = ("2.0", "2.1", "2.2")
LEVELS: tuple[str, ...] = ("A", "AA", "AAA")
LANGUAGES: tuple[str, ...] = ("nl", "en")

_REQUIRED = (
    "number",
    "level",
    "principle",
    "guideline",
    "since",
    "name_en",
    "name_nl",
    "understanding",
    "en301549",
)
_NUMBER_RE = re.compile(r"[1-4]\.\d+\.\d+")
# axe-core criterion tags: "wcag" + principle digit + guideline digit + criterion.
_AXE_SC_TAG_RE = re.compile(r"wcag(\d)(\d)(\d+)")


def _numeric_key(number: str) -> tuple[int, ...]:
    return tuple(int(part) for part in number.split("."))


def _lang(lang: str) -> str:
    """``"nl"``, ``"nl-BE"``, ``"nl_BE"`` -> ``"nl"``; likewise English."""
    base = lang.replace("_", "-").split("-", 1)[0].lower()
    if base not in LANGUAGES:
        raise ValueError(f"unsupported language {lang!r}; expected one of {LANGUAGES}")
    return base


@dataclass(frozen=True)
class Criterion:
    """One WCAG success criterion."""

    number: str  # "1.4.3"
    level: str  # "A" | "AA" | "AAA"
    principle: int  # 1-4
    guideline: str  # "1.4"
    since: str  # WCAG version that introduced it: "2.0" | "2.1" | "2.2"
    name_en: str  # official handle, "Contrast (Minimum)"
    name_nl: str  # "Contrast (minimum)"
    understanding: str  # URL of the W3C Understanding page
    en301549: str | None  # EN 301 549 V3.2.1 clause ("9.1.4.3"), None if it has none
    removed_in: str | None = None  # WCAG version that removed it ("2.2" for 4.1.1)
    name_nl_source: str = "w3c"  # "w3c" (authorized translation) or "project"

    def name(self, lang: str = "nl") -> str:
        """The criterion's name in ``lang`` ("nl", "en"; regional tags such as "nl-BE" work)."""
        return self.name_nl if _lang(lang) == "nl" else self.name_en

    @property
    def sort_key(self) -> tuple[int, ...]:
        """Numeric ordering: 1.4.9 < 1.4.10."""
        return _numeric_key(self.number)

    def in_version(self, version: str) -> bool:
        """Whether this criterion is part of WCAG ``version``."""
        v = _numeric_key(_check_version(version))
        if _numeric_key(self.since) > v:
            return False
        return self.removed_in is None or v < _numeric_key(self.removed_in)


def _check_version(version: str) -> str:
    if version not in VERSIONS:
        raise ValueError(f"unknown WCAG version {version!r}; expected one of {VERSIONS}")
    return version


def _check_level(level: str) -> str:
    upper = level.upper()
    if upper not in LEVELS:
        raise ValueError(f"unknown WCAG level {level!r}; expected one of {LEVELS}")
    return upper


class Catalogue:
    """All criteria, with principle and guideline names."""

    def __init__(
        self,
        criteria: Iterable[Criterion],
        principles: Mapping[int, Mapping[str, str]],
        guidelines: Mapping[str, Mapping[str, str]],
    ) -> None:
        ordered = sorted(criteria, key=lambda c: c.sort_key)
        self._by_number: dict[str, Criterion] = {}
        for criterion in ordered:
            if criterion.number in self._by_number:
                raise ValueError(f"duplicate criterion {criterion.number}")
            self._by_number[criterion.number] = criterion
        self._criteria: tuple[Criterion, ...] = tuple(ordered)
        self._principles = {int(k): dict(v) for k, v in principles.items()}
        self._guidelines = {str(k): dict(v) for k, v in guidelines.items()}

    def get(self, number: str) -> Criterion | None:
        return self._by_number.get(number)

    def __iter__(self) -> Iterator[Criterion]:
        return iter(self._criteria)

    def __len__(self) -> int:
        return len(self._criteria)

    def __contains__(self, number: object) -> bool:
        return number in self._by_number

    def applicable(self, version: str = "2.2", level: str = "AA") -> list[Criterion]:
        """The criteria of WCAG ``version`` up to and including ``level``, in numeric order.

        Level "A" gives A only, "AA" gives A and AA, "AAA" gives all.
        """
        _check_version(version)
        rank = LEVELS.index(_check_level(level))
        return [
            c for c in self._criteria if c.in_version(version) and LEVELS.index(c.level) <= rank
        ]

    def principle_name(self, n: int | str, lang: str = "nl") -> str:
        try:
            names = self._principles[int(n)]
        except (KeyError, ValueError):
            raise KeyError(f"unknown WCAG principle {n!r}") from None
        return names[f"name_{_lang(lang)}"]

    def guideline_name(self, g: str, lang: str = "nl") -> str:
        try:
            names = self._guidelines[str(g)]
        except KeyError:
            raise KeyError(f"unknown WCAG guideline {g!r}") from None
        return names[f"name_{_lang(lang)}"]


def _criterion(raw: Any, where: str) -> Criterion:
    if not isinstance(raw, Mapping):
        raise ValueError(f"{where}: expected a mapping, got {type(raw).__name__}")
    missing = [key for key in _REQUIRED if key not in raw]
    if missing:
        raise ValueError(f"{where}: missing field(s) {', '.join(missing)}")
    number = str(raw["number"])
    where = f"{where} ({number})"
    if not _NUMBER_RE.fullmatch(number):
        raise ValueError(f"{where}: bad criterion number")
    level = str(raw["level"])
    if level not in LEVELS:
        raise ValueError(f"{where}: bad level {level!r}")
    since = str(raw["since"])
    removed_in = raw.get("removed_in")
    for version in (since, removed_in):
        if version is not None and str(version) not in VERSIONS:
            raise ValueError(f"{where}: unknown WCAG version {version!r}")
    principle = int(raw["principle"])
    guideline = str(raw["guideline"])
    if number.rsplit(".", 1)[0] != guideline or guideline.split(".")[0] != str(principle):
        raise ValueError(f"{where}: principle/guideline do not match the number")
    en301549 = raw["en301549"]
    return Criterion(
        number=number,
        level=level,
        principle=principle,
        guideline=guideline,
        since=since,
        name_en=str(raw["name_en"]),
        name_nl=str(raw["name_nl"]),
        understanding=str(raw["understanding"]),
        en301549=None if en301549 is None else str(en301549),
        removed_in=None if removed_in is None else str(removed_in),
        name_nl_source=str(raw.get("name_nl_source", "w3c")),
    )


def _parse(path: Path) -> Catalogue:
    data = YAML(typ="safe").load(path.read_text(encoding="utf-8"))
    if not isinstance(data, Mapping):
        raise ValueError(f"{path}: expected a mapping at the top level")
    for key in ("principles", "guidelines", "criteria"):
        if key not in data:
            raise ValueError(f"{path}: missing top-level key {key!r}")
    criteria = [_criterion(raw, f"{path}: criteria[{i}]") for i, raw in enumerate(data["criteria"])]
    catalogue = Catalogue(criteria, data["principles"], data["guidelines"])
    for c in catalogue:
        if c.principle not in catalogue._principles or c.guideline not in catalogue._guidelines:
            raise ValueError(f"{path}: {c.number} has no principle/guideline entry")
    return catalogue


def default_rules_dir() -> Path:
    """``$A11Y_AUDIT_RULES`` if set, else the ``rules`` folder next to the package."""
    return rules_dir()


@lru_cache(maxsize=4)
def _load_cached(path: Path) -> Catalogue:
    return _parse(path)


def load_catalogue(path: Path | None = None) -> Catalogue:
    """Load the catalogue from ``path``, or (cached) from the default rules folder."""
    if path is not None:
        return _parse(Path(path))
    default = default_rules_dir() / CATALOGUE_FILE
    if not default.is_file():
        raise FileNotFoundError(
            f"WCAG catalogue not found at {default}; set {RULES_ENV} to the rules folder"
        )
    return _load_cached(default.resolve())


def criteria_from_axe_tags(tags: Iterable[str]) -> list[str]:
    """WCAG criterion numbers from axe-core rule tags, sorted numerically, without duplicates.

    "wcag111" -> "1.1.1", "wcag1410" -> "1.4.10"; level tags ("wcag2a", "wcag21aa")
    and other tags ("cat.forms", "best-practice", "EN-9.1.1.1", ...) are ignored.
    """
    found: set[str] = set()
    for tag in tags:
        m = _AXE_SC_TAG_RE.fullmatch(tag)
        if m:
            found.add(f"{m[1]}.{m[2]}.{int(m[3])}")
    return sorted(found, key=_numeric_key)
