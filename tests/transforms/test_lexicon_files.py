"""Lexicon files hold entries and comments only: a merge's conflict markers read as entries (a
word '=======' or '<<<<<<< HEAD') and silently shift what the rules see, so none may stand in one."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2] / "transforms"
LEXICONS = sorted(p for p in ROOT.rglob("lexicons/*") if p.suffix in (".txt", ".csv"))
_MARKER = re.compile(r"^(?:<{7}|>{7}|={7})(?: |$)", re.MULTILINE)


def test_there_are_lexicons() -> None:
    assert len(LEXICONS) > 50


@pytest.mark.parametrize("path", LEXICONS, ids=lambda p: p.name)
def test_no_merge_conflict_marker_in_a_lexicon(path: Path) -> None:
    found = _MARKER.findall(path.read_text(encoding="utf-8"))
    assert not found, f"{path.name}: {found}"
