"""Places of news figures: a written chain carried whole, a province before 社区 as a modifier, and
region words that name one item or lie inside one province."""

from __future__ import annotations

import polars as pl

from tests.transforms.enrich.test_regions import _metric_regions
from transforms.enrich.regions import sentence_areas


def test_a_chain_opening_an_earlier_clause_is_carried_whole() -> None:
    # the chain starts inside the carry window but ends past it: the city, not only its province
    got = _metric_regions(["新华街位于河南洛阳东部，是当地的主要商业街，周边有3万多商户"], [["3万多"]])
    assert got == [["410300"]]


def test_a_province_before_a_community_service_noun_is_the_province() -> None:
    got = _metric_regions(["目前，江西社区卫生服务中心数量达到了900个。"], [["900个"]])
    assert got == [["360000"]]
    sents = pl.DataFrame(
        {
            "sha256": ["p", "p"],
            "sent_ix": [0, 1],
            "text": ["目前，江西社区卫生服务中心数量达到了900个。", "目前，幸福社区卫生服务中心有医生12名。"],
        }
    ).with_columns(pl.col("sent_ix").cast(pl.Int32))
    got_areas = dict(sentence_areas(sents).select("sent_ix", "area").iter_rows())
    assert got_areas == {1: "幸福社区"}  # a real community's centre keeps its community


def test_a_whole_naming_one_listed_item_of_an_earlier_clause_is_not_the_place() -> None:
    got = _metric_regions(
        [
            "举办美食节和京津冀文旅推介会、非遗展演等活动，新建文旅街区12个",  # a listed item's name
            "深化京津冀协同，共建产业园区9个",  # a whole opening the clause still passes on
        ],
        [["12个"], ["9个"]],
        meta={"region": "130000"},
    )
    assert got == [["130000"], [None]]


def test_a_region_word_inside_one_province_gives_that_province() -> None:
    got = _metric_regions(
        [
            "支持珠三角企业组团帮扶欠发达县，结对学校20所",  # a part of 广东省, carried on
            "深化泛珠三角区域合作，签约项目30个",  # reaches beyond the province: a whole
        ],
        [["20所"], ["30个"]],
        meta={"region": "100000"},
    )
    assert got == [["440000"], [None]]


def test_an_area_takes_the_city_of_the_chain_the_page_writes_it_under() -> None:
    # the page writes 省 + city short name + area once; a later sentence naming only the area is the city's
    # on a page of stories from several provinces, where the city's short name needs its province
    got = _metric_regions(
        [
            "各地扎实推进民生实事。",
            "在浙江杭州，新建口袋公园30个。",
            "在四川成都，新增养老床位500张。",
            "去年春节前夕，记者来到湖北宜昌红光社区采访。",
            "红光社区有居民8000多人。",
        ],
        [[], ["30个"], ["500张"], [], ["8000多人"]],
    )
    assert got[-1] == ["420500"]


def _news_page() -> list[str]:
    return [
        "各地扎实推进民生实事。",
        "近日，湖北宜昌新建的综合菜市场开业，入驻商户300多家。",
        "如今，当地已建成20多家这样的便民市场。",
        "四川聚焦公共文化服务，不断拓展阅读空间。",
        "绵阳统筹建设公共阅读设施，目前已建成60个城市书房。",
        "今年以来，各地开行旅游专列500多列。",
    ]


def test_on_a_page_of_several_stories_the_story_gives_the_place() -> None:
    got = _metric_regions(
        _news_page(), [[], ["300多家"], ["20多家"], [], ["60个"], ["500多列"]], paras=[0, 1, 1, 2, 2, 2]
    )
    # 当地 is the story's city; a city's short name is read under the province its story names;
    # a sentence about 各地 refers to no story place
    assert got[2] == ["420500"]
    assert got[4] == ["510700"]
    assert got[5] == [None]


def test_a_story_place_does_not_cross_its_paragraph() -> None:
    got = _metric_regions(
        _news_page(), [[], ["300多家"], ["20多家"], [], ["60个"], ["500多列"]], paras=[0, 1, 2, 3, 3, 3]
    )
    assert got[2] == [None]


def test_a_clock_phrase_sets_no_story_place() -> None:
    got = _metric_regions(
        [
            "各地扎实推进民生实事。",
            "在四川成都，新增床位500张。",
            "在浙江杭州，新建口袋公园30个。",
            "北京时间今天6时，某国海域发生地震。",
            "当地部门称，地震造成3人受伤。",
        ],
        [[], ["500张"], ["30个"], [], ["3人"]],
        paras=[0, 1, 2, 3, 3],
    )
    assert got[-1] == [None]
