"""Session 15 (coordinator) year readings: a later 分别 of the sentence pairs the same years, and a
base written with the year's 同期 is that year's figure."""

from __future__ import annotations

from pathlib import Path

from transforms.parse import parse_batch


def _years(tmp_path: Path, text: str) -> dict[str, tuple[int | None, int | None]]:
    page = tmp_path / "release.txt"
    page.write_text(text, encoding="utf-8")
    m = parse_batch([page]).metrics
    return {t: (a, b) for t, a, b in m.select("text", "year_from", "year_to").iter_rows()}


HEAD = "立法会十一题：食肆牌照\n二〇二六年十一月十八日（星期三）\n"


def test_a_later_respectively_with_no_time_word_pairs_the_same_years(tmp_path: Path) -> None:
    got = _years(
        tmp_path,
        HEAD + "2023、2024及2025年，食环署接获的投诉分别为820宗、760宗及705宗，"
        "其中经查证属实的分别为310宗、288宗及251宗。",
    )
    assert [got[t] for t in ("820宗", "760宗", "705宗")] == [(2023, 2023), (2024, 2024), (2025, 2025)]
    assert [got[t] for t in ("310宗", "288宗", "251宗")] == [(2023, 2023), (2024, 2024), (2025, 2025)]


def test_a_base_of_the_same_period_of_a_named_year_is_that_year_s(tmp_path: Path) -> None:
    got = _years(tmp_path, HEAD + "今年首十个月共巡查食肆逾6,400次，较2025年同期的5,900次增加约一成。")
    assert got["逾6,400次"] == (2026, 2026)
    assert got["5,900次"] == (2025, 2025)
