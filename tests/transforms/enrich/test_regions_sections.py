"""Places on news pages of several stories under subheadlines (a broadcast, a digest): a section's
opening sets its figures' place, a broadcast's page region says nothing about a story naming none,
and Hong Kong's or Taiwan's institution words do not outweigh forty mainland places. Pages made up."""

from __future__ import annotations

import polars as pl
import pytest

from transforms.enrich.regions import institution_region
from transforms.parse import parse_batch

BROADCAST = """# 《晚间新闻》 (20240105)

## 内容提要

本期节目主要内容：

1.甲市举办冰雪节；

2.全国冬季农田水利建设有序推进；

## 详细新闻

### 第五届冰灯艺术节在黑龙江齐齐哈尔开幕

<p>央视网消息：第五届冰灯艺术节今天在黑龙江齐齐哈尔开幕。</p><p>艺术节期间，园区内共展出冰雕作品300余件。</p><p>主办方介绍，预计接待游客将超过20万人次。</p>

### 全国冬季农田水利建设有序推进

<p>央视网消息：水利部今天介绍，截至目前，全国冬季农田水利建设已完成投资420亿元。</p><p>其中，新增恢复灌溉面积达到1500万亩。</p>

### 国内快讯

<p>央视网消息：</p>

### 新能源装备博览会在苏州举行

<p>第三届新能源装备博览会今天在苏州举行，共有600多家企业参展。</p><p>现场签约项目45个，签约金额超过80亿元。</p>

### 哈尔滨新建冰雪大世界园区开园

<p>今天，哈尔滨新建的冰雪大世界园区开园，园区用冰12万立方米。</p><p>园内设有冰滑梯18条。</p>

### 铁路部门加开旅客列车

<p>记者从铁路部门获悉，元旦假期全国铁路加开旅客列车820列。</p><p>假期首日发送旅客1250万人次。</p>

### 港币兑换业务平稳

<p>多家银行表示，港币兑换业务平稳，日均办理3000笔。</p>

### 台湾地区一“总统府”前发生抗议

<p>当地时间昨天，数百人在“总统府”前集会。</p>

### 多国遭遇寒潮 欧洲多地航班取消

<p>受寒潮影响，欧洲多地机场取消航班600多架次。</p>
"""

COUNTY = """# 乐安县推进民生实事

乐安县今年推进民生实事建设。

### 城区道路改造

<p>今年以来，县城改造道路12条。</p>

### 乡村供水

<p>全县新建农村供水工程8处。</p>
"""


@pytest.fixture(scope="module")
def metrics(tmp_path_factory: pytest.TempPathFactory) -> pl.DataFrame:
    root = tmp_path_factory.mktemp("sections")
    paths = []
    for name, text in {"broadcast": BROADCAST, "county": COUNTY}.items():
        p = root / f"{name}.txt"
        p.write_text(text, encoding="utf-8")
        paths.append(str(p))
    m = parse_batch(paths).metrics
    return m.with_columns(pl.col("path").str.extract(r"(\w+)\.txt$").alias("page"))


def _adcode(m: pl.DataFrame, page: str, text: str) -> str | None:
    rows = m.filter((pl.col("page") == page) & (pl.col("text") == text)).to_dicts()
    assert len(rows) == 1, (text, m.filter(pl.col("page") == page)["text"].to_list())
    return rows[0]["adcode"]


def test_a_sections_opening_place_carries_to_its_later_figures(metrics: pl.DataFrame) -> None:
    # the later sentences of the story name no place: the opening's 黑龙江齐齐哈尔 is theirs
    assert _adcode(metrics, "broadcast", "300余件") == "230200"
    assert _adcode(metrics, "broadcast", "超过20万人次") == "230200"


def test_a_short_city_name_set_by_zai_or_said_twice_is_the_sections_place(metrics: pl.DataFrame) -> None:
    assert _adcode(metrics, "broadcast", "45个") == "320500"  # 在苏州举行
    assert _adcode(metrics, "broadcast", "18条") == "230100"  # 哈尔滨 in subheadline and lead


def test_a_national_or_foreign_section_of_a_broadcast_has_no_region(metrics: pl.DataFrame) -> None:
    assert _adcode(metrics, "broadcast", "1500万亩") is None  # 全国 in the opening
    assert _adcode(metrics, "broadcast", "1250万人次") is None
    assert _adcode(metrics, "broadcast", "600多架次") is None


def test_institution_words_do_not_outweigh_a_pages_mainland_places() -> None:
    # 港币 and 总统府 on a page naming divisions: not Hong Kong's or Taiwan's page
    assert institution_region(BROADCAST, divisions=12.0) is None
    assert institution_region("港币兑换，港币汇率，港元存款", divisions=0.0) == "810000"


def test_a_county_pages_sections_keep_the_county(metrics: pl.DataFrame) -> None:
    # sections naming no place on a page that is one county's: the county
    assert _adcode(metrics, "county", "12条") == "361025"
    assert _adcode(metrics, "county", "8处") == "361025"


def test_quan_sheng_on_a_page_of_stories_is_the_nearest_story_places_province() -> None:
    from tests.transforms.enrich.test_regions import _metric_regions

    got = _metric_regions(
        [
            "各地加力稳就业。",
            "湖北组织企业进校园招聘。",
            "安徽对吸纳毕业生的企业给予补贴；同时，全省新开发见习岗位2.1万个。",
        ],
        [[], [], ["2.1万个"]],
        paras=[0, 1, 1],
    )
    assert got == [[], [], ["340000"]]


def test_a_corps_named_after_its_region_is_not_the_region_in_a_clause() -> None:
    from transforms.enrich.regions.mentions import _mentions
    from transforms.enrich.regions.naming import _named

    text = "31个省（自治区、直辖市）和新疆生产建设兵团报告新增病例120例"
    assert _named(text, _mentions(pl.Series([text]))[0], None) == []
    text = "新疆新增病例120例"
    assert _named(text, _mentions(pl.Series([text]))[0], None) == ["650000"]


def test_a_roll_of_names_or_a_topic_short_name_sets_no_section_place() -> None:
    from transforms.enrich.regions.mentions import _mentions
    from transforms.enrich.regions.sections import _opening_place

    def place(text: str) -> str | None:
        return _opening_place(text, _mentions(pl.Series([text]))[0], frozenset())

    assert place("（以姓氏笔画为序）\n丁一 丁二 万三 马四 王五 王六（河南） 王七 王八 王九 王十") is None
    assert place("大会拒绝涉台提案\n大会决定，不将所谓邀请台湾参会的提案列入议程。") is None
    assert place("航运论坛在香港举行\n第三届航运论坛今天在香港举行。") == "810000"
    assert place("四川盆地发现大型气田\n气田位于重庆市綦江区和贵州省习水县境内。") is None
    assert place("西宁至拉萨航线加密\n西宁至拉萨航线今起加密。") is None


def test_an_earlier_clause_locating_its_subject_passes_its_place_on() -> None:
    from tests.transforms.enrich.test_regions import _metric_regions

    got = _metric_regions(
        ["四川推进交通建设。", "大桥位于四川雅安市石棉县，桥长约1800米。", "四川新开工项目，桥梁增至12座。"],
        [[], ["1800米"], ["12座"]],
        meta={"region": "510000"},
    )
    assert got == [[], ["511824"], ["510000"]]
