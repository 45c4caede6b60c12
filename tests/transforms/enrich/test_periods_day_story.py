"""A story paragraph opening with a time of day and no year (从上午8时到下午5时，…) goes on with the
day the paragraph before it dated (2010年5月6日，…): that day's year, not the page's."""

from __future__ import annotations

from tests.transforms.enrich.test_periods import decide

META = {"published": "2024-08-19"}


def test_a_time_of_day_paragraph_keeps_the_dated_day_of_the_paragraph_before() -> None:
    got = decide(
        [
            ["这个县多年来坚持下访接访，群众满意度不断提升。"],
            ["2010年5月6日一早，县长带领8个部门来到村里。"],
            ["从上午9时到下午4时，工作组走访农户120户。"],
            ["村民们反映了困扰多年的饮水问题，共提出意见30个。"],
        ],
        meta=META,
    )
    assert got["2:120户"][:2] == (2010, 2010)
    assert got["3:30个"][:2] == (2024, 2024)  # no time of day: the page's year as before


def test_a_time_of_day_after_an_undated_paragraph_keeps_the_page_year() -> None:
    got = decide(
        [
            ["这个县多年来坚持下访接访，群众满意度不断提升。"],
            ["2010年，县里修了一条路，全长5公里。"],
            ["当天下午，县里组织义诊100人。"],
        ],
        meta=META,
    )
    assert got["2:100人"][:2] == (2024, 2024)  # 2010年 with no day dates no single day
