"""One made-up page through the whole parse, read back by figure text: the frame the session tests
of topics and periods share (each kind in simplified and traditional script)."""

from __future__ import annotations

from pathlib import Path

import pytest

from transforms.parse import parse_batch

SCRIPTS = pytest.mark.parametrize("script", [0, 1], ids=["simplified", "traditional"])


def topics_of(tmp_path: Path, text: str, name: str = "p.txt") -> dict[str, str]:
    """Topic by figure text (the normalised, simplified text whatever the page's script)."""
    page = tmp_path / name
    page.write_text(text, encoding="utf-8")
    m = parse_batch([str(page)]).metrics
    return dict(zip(m["text"].to_list(), m["topic"].to_list(), strict=True))


def periods_of(
    tmp_path: Path, text: str, name: str = "p.txt"
) -> dict[str, tuple[int | None, int | None, str]]:
    """(year_from, year_to, modality) by figure text (normalised: simplified whatever the script)."""
    page = tmp_path / name
    page.write_text(text, encoding="utf-8")
    rows = parse_batch([str(page)]).metrics.select("text", "year_from", "year_to", "modality").rows()
    return {t: (a, b, m) for t, a, b, m in rows}
