"""新一年 / 新的一年 open what a page plans or does in its own year: the publication year, so a
去年底 of the sentence before does not reach the figures after it."""

from __future__ import annotations

import pytest

from transforms.enrich.timewords import resolve, scan


@pytest.mark.parametrize("sentence", ["新一年，该区还将新增托位500个", "新的一年，全县将建成公园3个"])
def test_the_new_year_is_the_page_year(sentence: str) -> None:
    (e, *_) = scan(sentence)
    assert e.kind == "this"
    assert resolve(e, 2024, report=False) == (2024, 2024)
