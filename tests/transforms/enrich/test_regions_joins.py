"""A division name found across a word boundary (新增城区 read as 增城区) counts only when the text
names the division elsewhere too."""

from __future__ import annotations

import polars as pl

from transforms.enrich.regions.mentions import _mentions


def names(text: str) -> list[str]:
    return [name for name, _ in _mentions(pl.Series([text], dtype=pl.String))[0]]


def test_a_name_opened_by_the_second_character_of_a_word_is_no_mention() -> None:
    assert "增城区" not in names("某县今年新增城区停车位1200个。")
    assert "增城区" in names("广州市增城区今年新建停车位1200个。")


def test_a_division_named_elsewhere_in_the_text_keeps_its_joined_mention() -> None:
    assert names("广州市增城区今年新增城区停车位1200个。").count("增城区") == 2
