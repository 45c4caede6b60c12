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


def test_a_start_dated_to_the_month_before_yilai_runs_to_the_page_year() -> None:
    from transforms.enrich.timewords import scan

    got = scan("该工程自2013年11月正式通水以来，惠及人口超6700万")
    assert [(e.kind, e.first) for e in got] == [("since", 2013)]
    got = scan("自2019年3月5日以来，累计开行")
    assert [(e.kind, e.first) for e in got] == [("since", 2019)]
    # a dated start with 起 stays the year (it may lie ahead of the page)
    assert [e.kind for e in scan("自2027年7月1日起，全面实施")] == ["year"]
