"""Session 13's year and modality kinds of Taiwan releases (made-up pages)."""

from __future__ import annotations

from pathlib import Path

from transforms.parse import parse_batch


def _rows(tmp_path: Path, text: str) -> dict[str, tuple[int | None, int | None, str]]:
    page = tmp_path / "p.txt"
    page.write_text(text, encoding="utf-8")
    rows = parse_batch([str(page)]).metrics.select("text", "year_from", "year_to", "modality").rows()
    return {t: (a, b, m) for t, a, b, m in rows}


def test_the_period_of_announced_statistics_dates_the_figures_after_it(tmp_path: Path) -> None:
    got = _rows(
        tmp_path,
        "（中央社記者李大同台北5日電）交通部今天公布115年1至9月高鐵運量，累計旅客達6,120萬人次，"
        "較114年同期成長5.1%。其中，假日旅客約占4成。",
    )
    assert got["6,120万人次"][:2] == (2026, 2026)
    assert got["5.1%"][:2] == (2026, 2026)
    assert got["4成"][:2] == (2026, 2026)


def test_a_plan_for_next_year_and_its_cost_are_targets_of_that_year(tmp_path: Path) -> None:
    got = _rows(
        tmp_path,
        "（中央社記者李大同台北5日電）交通部今天說明，高鐵公司規劃明（116）年再購置新型列車12列，總經費約新臺幣360億元。",
    )
    assert got["12列"] == (2027, 2027, "target")
    assert got["约新台币360亿元"] == (2027, 2027, "target")
