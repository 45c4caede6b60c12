"""Publication year and report parts (transforms.enrich.structure): the year a text names for itself."""

from __future__ import annotations

from transforms.enrich.structure import text_year


def test_this_year_in_brackets_in_the_lead_is_the_publication_year() -> None:
    assert text_year("x.txt", "某部会新闻稿\n经济部今（112）年首度公布统计，出口额成长5%") == 2023
    assert text_year("x.txt", "县政府今(2024)年编列预算3亿元") == 2024


def test_a_day_or_a_past_year_in_brackets_is_not_the_publication_year() -> None:
    assert text_year("x.txt", "交通部今（5）日表示，去（111）年旅次减少") is None


def test_a_full_date_still_comes_first() -> None:
    assert text_year("x.txt", "2022年3月1日 某署今（113）年计划") == 2022
