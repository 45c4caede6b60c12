"""Round 9 (cnreg): mainland figures that take a place of their own inside a wider page: places paired
one to one with figures by 分别, and the stories of a digest page. Pages made up."""

from __future__ import annotations

import polars as pl
import pytest

from tests.transforms.enrich.test_regions import _metric_regions
from transforms.parse import parse_batch

BULLETIN = """陕西省2025年国民经济和社会发展统计公报

陕西省统计局

一、综合

全年全省地区生产总值35000亿元，比上年增长5.3%。分市看，西安、宝鸡地区生产总值分别增长6.1%和5.8%。咸阳市、渭南市规模以上工业增加值分别为820亿元、640亿元，分别增长7.2%、6.6%。

二、农业

汉中、安康两市新增高标准农田分别为12万亩、9万亩和7万亩。
"""

DIGEST = """[视频]【晚间联播】多地抓好春耕备耕

2026年03月02日 19:30　来源：央视网

央视网消息：记者从四川省眉山市东坡区获悉，今年该区种植水稻38万亩，建成育秧中心9个。

在江西赣州于都县，今年春季全县已完成农田水利修缮1.6万处。在罗坳镇，45户种植大户组建合作社。

山东寿光市把蔬菜育苗作为春耕重点。今年以来，全市新增育苗企业72家，带动就业6800人。

记者从农业农村部获悉，截至目前，全国已累计发放春耕贷款5200亿元。其中，新型农业经营主体获贷1800亿元。
"""

CITY = """洛阳日报 | 2026年04月10日 第02版

洛阳今年新建口袋公园80个

本报讯 记者从市城市管理局获悉，今年我市将新建口袋公园80个，改造背街小巷300条。

去年，全市完成绿化提升项目45个，新增绿地120万平方米。

西工区今年将重点推进老城片区更新，计划改造沿街立面1.8万平方米，新建步道9公里。

市城市管理局相关负责人表示，今年还将新增停车泊位6000个。
"""

PAGES = {"bulletin": BULLETIN, "digest": DIGEST, "city": CITY}


@pytest.fixture(scope="module")
def metrics(tmp_path_factory: pytest.TempPathFactory) -> pl.DataFrame:
    root = tmp_path_factory.mktemp("cnreg")
    paths = []
    for name, text in PAGES.items():
        p = root / f"{name}.txt"
        p.write_text(text, encoding="utf-8")
        paths.append(str(p))
    m = parse_batch(paths).metrics
    return m.with_columns(pl.col("path").str.extract(r"(\w+)\.txt$").alias("page"))


def _adcode(m: pl.DataFrame, page: str, text: str) -> str | None:
    rows = m.filter((pl.col("page") == page) & (pl.col("text") == text)).to_dicts()
    assert len(rows) == 1, (text, m.filter(pl.col("page") == page)["text"].to_list())
    return rows[0]["adcode"]


def test_fenbie_pairs_each_listed_city_with_its_figure(metrics: pl.DataFrame) -> None:
    assert _adcode(metrics, "bulletin", "6.1%") == "610100"
    assert _adcode(metrics, "bulletin", "5.8%") == "610300"
    assert _adcode(metrics, "bulletin", "820亿元") == "610400"
    assert _adcode(metrics, "bulletin", "640亿元") == "610500"


def test_a_later_fenbie_of_the_sentence_pairs_with_the_same_list(metrics: pl.DataFrame) -> None:
    assert _adcode(metrics, "bulletin", "7.2%") == "610400"
    assert _adcode(metrics, "bulletin", "6.6%") == "610500"


def test_a_run_longer_than_the_list_pairs_nothing(metrics: pl.DataFrame) -> None:
    # two places, three figures: no one-to-one reading, so none takes a single city
    assert _adcode(metrics, "bulletin", "12万亩") not in ("610700", "610900")
    assert _adcode(metrics, "bulletin", "35000亿元") == "610000"


def test_each_story_of_a_digest_page_takes_the_place_its_paragraph_opens_on(metrics: pl.DataFrame) -> None:
    assert _adcode(metrics, "digest", "38万亩") == "511402"  # 东坡区, the first story's
    assert _adcode(metrics, "digest", "1.6万处") == "360731"  # 于都县, not the first story's 东坡区
    assert _adcode(metrics, "digest", "45户") == "360731"  # a town of the county keeps the county
    assert _adcode(metrics, "digest", "72家") == "370783"  # 寿光市
    assert _adcode(metrics, "digest", "6800人") == "370783"


def test_a_digest_paragraph_opening_on_no_place_has_no_region_from_the_page(metrics: pl.DataFrame) -> None:
    assert _adcode(metrics, "digest", "5200亿元") is None
    assert _adcode(metrics, "digest", "1800亿元") is None


def test_a_paragraph_opening_on_a_district_of_a_city_page_is_the_districts(metrics: pl.DataFrame) -> None:
    assert _adcode(metrics, "city", "1.8万平方米") == "410303"  # 西工区
    assert _adcode(metrics, "city", "9公里") == "410303"
    assert _adcode(metrics, "city", "45个") == "410300"  # 全市 keeps the city
    assert _adcode(metrics, "city", "6000个") == "410300"


def test_a_destination_or_market_of_another_province_is_not_the_figures_place() -> None:
    got = _metric_regions(
        [
            "全年组织8000余名各族学生赴上海等地参加研学活动。",
            "120余种特色农产品供应香港，高原牦牛肉出口增长3倍。",
            "“甘肃高原菜”等蔬菜产品广州市场份额超过两成。",
        ],
        [["8000余名"], ["120余种"], ["两成"]],
        meta={"region": "620000"},
    )
    assert got == [["620000"], ["620000"], ["620000"]]


def test_wholes_and_places_listed_after_a_destination_word_are_markets() -> None:
    got = _metric_regions(
        [
            "全市组织劳务输出供应长三角、珠三角企业用工9万人。",
            "全市对接广州、深圳等地用人单位260余家。",
        ],
        [["9万人"], ["260余家"]],
        meta={"region": "430100"},
    )
    assert got == [["430100"], ["430100"]]
