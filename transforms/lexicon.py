"""Read the lexicons: word lists and small CSV tables kept as data beside the stage that uses them.

Rules live in code; the words they apply to live in each stage package's ``lexicons/`` folder
(``transforms/text/lexicons``, ``transforms/metrics/lexicons``, ``transforms/enrich/lexicons``), so a
reviewer can extend the extractor without touching a regex. File names are unique across the stages,
so callers name a lexicon by its file name alone. Lines starting with ``#`` are comments.
"""

from __future__ import annotations

import csv
from functools import cache
from pathlib import Path

STAGES = ("text", "metrics", "enrich")
ROOT = Path(__file__).parent


@cache
def path(name: str) -> Path:
    """The one lexicon file called ``name`` in the stage packages (an error if none or several)."""
    found = [p for stage in STAGES if (p := ROOT / stage / "lexicons" / name).is_file()]
    if len(found) != 1:
        raise FileNotFoundError(f"lexicon {name!r}: {len(found)} files in {', '.join(STAGES)} lexicons")
    return found[0]


def _lines(name: str) -> list[str]:
    text = path(name).read_text(encoding="utf-8")
    return [ln for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]


@cache
def words(name: str) -> tuple[str, ...]:
    """A one-word-per-line list, longest first (so alternations and prefix scans match greedily)."""
    return tuple(sorted({ln.strip() for ln in _lines(name)}, key=lambda w: (-len(w), w)))


@cache
def table(name: str) -> tuple[dict[str, str], ...]:
    """A CSV with a header row, as dicts (comment lines are skipped)."""
    return tuple(csv.DictReader(_lines(name)))
