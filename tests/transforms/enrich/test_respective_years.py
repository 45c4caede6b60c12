"""Years paired with figures by 分别, and ranges written in Chinese digits (made-up sentences)."""

from __future__ import annotations

from pathlib import Path

import pytest

from transforms.parse import parse_batch


def _years(tmp_path: Path, text: str) -> list[tuple[str, int | None, int | None]]:
    page = tmp_path / "p.txt"
    page.write_text(text, encoding="utf-8")
    return parse_batch([str(page)]).metrics.select("text", "year_from", "year_to").rows()


@pytest.mark.parametrize(
    "lead",
    ["二○二三年至二○二五年，", "2023年至2025年，", "2023年、2024年及2025年，"],
)
def test_a_range_before_respectively_gives_each_figure_its_year(tmp_path: Path, lead: str) -> None:
    got = _years(tmp_path, f"{lead}食环署分别接获610宗、702宗及655宗投诉。")
    assert got == [("610宗", 2023, 2023), ("702宗", 2024, 2024), ("655宗", 2025, 2025)]


def test_a_run_of_another_length_keeps_the_range(tmp_path: Path) -> None:
    got = _years(tmp_path, "2021年至2025年，全区分别完成投资120亿元和150亿元。")
    assert [(a, b) for _, a, b in got] == [(2021, 2025), (2021, 2025)]


def test_items_named_after_the_years_are_what_respectively_pairs(tmp_path: Path) -> None:
    got = _years(tmp_path, "2024年至2025年，公路和水运投资分别增长5%和7%。")
    assert [(a, b) for _, a, b in got] == [(2024, 2025), (2024, 2025)]


def test_a_range_in_chinese_digits_is_a_range(tmp_path: Path) -> None:
    got = _years(tmp_path, "从一九九八年到二○○二年，全市新建学校120所。")
    assert got == [("120所", 1998, 2002)]


def test_bare_years_listed_before_the_one_with_nian_pair_with_the_figures(tmp_path) -> None:
    # 2022、2023及2024年: only the last year carries 年; 分别 still gives each figure its year
    from transforms.parse import parse_batch

    page = tmp_path / "p.txt"
    page.write_text("2022、2023及2024年，全區新建公園分別為12個、15個及18個。", encoding="utf-8")
    got = parse_batch([str(page)]).metrics.select("text", "year_from", "year_to").rows()
    assert got == [("12个", 2022, 2022), ("15个", 2023, 2023), ("18个", 2024, 2024)]
