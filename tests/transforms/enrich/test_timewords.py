"""Time expressions (transforms.enrich.timewords): the forms Hong Kong and Taiwan texts write."""

from __future__ import annotations

import pytest

from transforms.enrich.timewords import scan


@pytest.mark.parametrize(
    ("sentence", "year"),
    [
        ("去（112）年全县稻米产量约3万公吨", 2023),  # a Republic year in brackets after 去
        ("今（113）年第2季出口额成长4%", 2024),
        ("明(116)年度将新增托育名额500个", 2027),  # half-width brackets, before 年度
        ("本（2024）年共受理申请300宗", 2024),  # a Gregorian year in brackets
    ],
)
def test_a_relative_word_with_its_year_in_brackets_names_that_year(sentence: str, year: int) -> None:
    (e, *_) = scan(sentence)
    assert (e.kind, e.first, e.last) == ("year", year, year)


def test_a_start_in_chinese_digits_is_a_start() -> None:
    (e,) = scan("该中心自二〇一九年启用以来，共接待访客8万人次")
    assert (e.kind, e.first, e.last) == ("since", 2019, 2019)
    (e,) = scan("二〇一九年共接待访客8万人次")
    assert (e.kind, e.first) == ("year", 2019)


def test_a_day_in_brackets_is_not_a_year() -> None:
    assert scan("劳动部今（3）日宣布新制") == ()


def test_a_republic_year_written_digit_by_digit_is_a_year() -> None:
    (e,) = scan("一一二年全年共发生火警三百多宗")
    assert (e.kind, e.first) == ("year", 2023)
    assert scan("一二三年级学生共240人") == ()  # grades one to three, not a year


def test_an_undated_event_start_gives_no_year() -> None:
    # 冲突爆发以来, 工作开展以来: the text gives the period no start (as 自开展…活动以来)
    assert [x.kind for x in scan("新一轮冲突爆发以来，已有2万人撤离")] == ["none"]
    assert [x.kind for x in scan("专项整治开展以来，共查处问题80个")] == ["none"]
    # a dated event keeps its year; the seasons of the year and 今年以来 are not events
    assert [x.kind for x in scan("2024年5月投运以来，累计发电")] == ["since"]
    assert [x.kind for x in scan("协会去年成立以来，吸纳会员")] == ["last"]
    assert scan("入汛以来，全省平均降雨") == ()
    assert [x.kind for x in scan("今年以来，全市新增")] == ["this"]
