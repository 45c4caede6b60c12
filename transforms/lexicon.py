"""Read the lexicons in ``transforms/lexicons/``: word lists and small CSV tables kept as data.

Rules live in code; the words they apply to live in these files, so a reviewer can extend the
extractor without touching a regex. Lines starting with ``#`` are comments.
"""

from __future__ import annotations

import csv
from functools import cache
from pathlib import Path

LEXICON_DIR = Path(__file__).with_name("lexicons")


def _lines(name: str) -> list[str]:
    text = (LEXICON_DIR / name).read_text(encoding="utf-8")
    return [ln for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]


@cache
def words(name: str) -> tuple[str, ...]:
    """A one-word-per-line list, longest first (so alternations and prefix scans match greedily)."""
    return tuple(sorted({ln.strip() for ln in _lines(name)}, key=lambda w: (-len(w), w)))


@cache
def table(name: str) -> tuple[dict[str, str], ...]:
    """A CSV with a header row, as dicts (comment lines are skipped)."""
    return tuple(csv.DictReader(_lines(name)))
