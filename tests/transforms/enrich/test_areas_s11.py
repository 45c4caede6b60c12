"""Session 11: a verb of completion or a time word before 社区/村 opens no settlement's name
(已建成社区就业服务站, “以前村口…”): such figures have no area. Made-up sentences."""

from __future__ import annotations

from pathlib import Path

import pytest

from transforms.parse import parse_batch

HEAD = "2026年9月30日 本市新闻\n"


@pytest.mark.parametrize(
    "body",
    [
        "目前，全市已建成社区养老服务站46个。",
        "“以前村口没有路灯，现在装了三盏路灯。”",
        "如今社区食堂每天供餐800份。",
    ],
)
def test_no_area_from_a_verb_or_time_word(tmp_path: Path, body: str) -> None:
    page = tmp_path / "p.txt"
    page.write_text(HEAD + body, encoding="utf-8")
    areas = parse_batch([str(page)]).metrics["area"].to_list()
    assert areas and areas == [None] * len(areas)
