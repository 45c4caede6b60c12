"""Subject rules of session 9 (helper motw5), Macau and Taiwan release wording: time words that open
a phrase (同期, 今年以来), verbs and conjunctions the dictionary tags as nouns (预料, 现有, 力拚, 主因),
nouns and places it cuts into characters (家团, 寻职者, 买卖移转, 新北市), the one-character change
verb 涨 and 上涨 kept whole, 最多 as no subject.

Every sentence here is made up for the rule it pins down; none is taken from a test text.
"""

from __future__ import annotations

import polars as pl
import pytest

from tests.transforms.metrics.frames import one_sentence, subject
from transforms.metrics.extract import extract_metrics


@pytest.mark.parametrize(
    ("sentence", "metric", "expected"),
    [
        # the same period and the year so far say when, never what
        ("同期出境旅客为85万人次。", "85万人次", "出境旅客"),
        ("今年以来月均访港人次为310万。", "310万", "月均访港人次"),
        # a forecast verb and a strive verb belong to the predicate
        ("预料明年失业率将回落至3.1%。", "3.1%", "失业率"),
        ("全年出口则力拚达到4,800亿美元。", "4,800亿美元", "出口"),
        # 现有 (now has) and 主因 (mainly because) are no part of the noun
        ("公屋轮候家团现有1,950户。", "1,950户", "公屋轮候家团"),
        ("主因电费下跌2.2%。", "2.2%", "电费"),
        # nouns the dictionary cuts into characters
        ("家团申请共4,200份。", "4,200份", "家团申请"),
        ("其中初次寻职者6万2千人。", "6万2千人", "初次寻职者"),
        ("买卖移转件数3万1,200件。", "3万1,200件", "买卖移转件数"),
        # the change verb 涨 alone, and 上涨 after the dictionary's 价格上涨
        ("其中水电费涨1.4%。", "1.4%", "水电费"),
        ("全市居民消费价格上涨1.6%。", "1.6%", "居民消费价格"),
        # 最多 before a modal and its verb says how far, never what
        ("每户最多可领5次。", "5次", None),
    ],
)
def test_macau_taiwan_release_wording(sentence: str, metric: str, expected: str | None) -> None:
    assert subject(sentence, metric) == expected


def _two_sentences(first: str, second: str) -> pl.DataFrame:
    """Two made-up sentences of one paragraph, as normalise gives them."""
    a, b = one_sentence(first), one_sentence(second, char_start=len(first))
    return pl.concat([a, b.with_columns(pl.lit(1, dtype=pl.Int32).alias("sent_ix"))])


def test_a_place_alone_compares_on_the_thing_of_the_figure_before() -> None:
    # across the ；: the places are the region's, the ratio is what both figures measure (session 11:
    # the named city opening the first phrase is the region's too, test_subjects_s11)
    metrics, _ = extract_metrics(
        _two_sentences("昆山市人均住房面积为42.5平方米；", "常熟市以38.1平方米居次。")
    )
    assert metrics["subject"].to_list() == ["人均住房面积", "人均住房面积"]


def test_a_place_alone_counting_things_keeps_no_borrowed_subject() -> None:
    # a count after a place (常熟市12所) may count anything: no figure before of its unit lends its noun
    metrics, _ = extract_metrics(_two_sentences("昆山市建成公园8个；", "常熟市则有12所。"))
    assert metrics["subject"].to_list()[1] != "公园"


@pytest.mark.parametrize(
    ("sentence", "metric", "expected"),
    [
        # a low level after 的 rates the figure; the noun before it is measured
        ("登记失业率保持在2.8%的较低水平。", "2.8%", "登记失业率"),
        ("就业不足率维持在1.1%的低水平。", "1.1%", "就业不足率"),
        # 高水平 before a noun is part of a thing's name
        ("全省建成高水平医院30家。", "30家", "高水平医院"),
        # a rate base (每名学生) after what is given: the grant, not the pupils
        ("书簿津贴每名学生每年4,200元。", "4,200元", "书簿津贴"),
        ("敬老金每位长者9,000元。", "9,000元", "敬老金"),
    ],
)
def test_level_words_and_rate_bases_name_nothing(sentence: str, metric: str, expected: str | None) -> None:
    assert subject(sentence, metric) == expected


@pytest.mark.parametrize(
    ("sentence", "metric", "expected"),
    [
        # Taiwan's forecast verb 预估 opens no subject, as 预计; 实质 (in real terms) qualifies the verb
        ("预估下半年油价涨幅将收敛至2%以内。", "2%以内", "油价"),
        ("民间消费预估实质成长2.9%。", "2.9%", "民间消费"),
    ],
)
def test_taiwan_forecast_wording(sentence: str, metric: str, expected: str | None) -> None:
    assert subject(sentence, metric) == expected


@pytest.mark.parametrize(
    ("sentence", "metric", "expected"),
    [
        # a place and a period opening the phrase: where and when, never what
        ("台南市上半年旅客人次年增8.2%。", "8.2%", "旅客人次"),
        # a one-character trip verb before a place of its own word: the trip, not the thing
        ("今年首季来高雄观光人次达610万人次。", "610万人次", "高雄观光人次"),
    ],
)
def test_place_and_trip_words_opening_a_phrase(sentence: str, metric: str, expected: str | None) -> None:
    assert subject(sentence, metric) == expected


def test_a_clause_opening_with_a_republic_fiscal_year_goes_on_about_the_thing_before() -> None:
    # 116|年度 opens the clause as 明年 would: the raised sum is the same budget's
    assert subject("114年度托育预算为62亿元，115年度将增编至75亿元。", "75亿元") == "托育预算"
