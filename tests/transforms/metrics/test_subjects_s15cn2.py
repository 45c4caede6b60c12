"""Subject rules of session 15 (second mainland pass, helper subjcn15b) drawn from the real-text misses of
docs/subject-misses-s15.md and from progress headlines of the news.

Every sentence here is made up for the rule it pins down; none is taken from a test text or the corpus.
"""

from __future__ import annotations

import pytest

from tests.transforms.metrics.frames import subject


@pytest.mark.parametrize(
    ("sentence", "metric", "expected"),
    [
        # a share after 过/超/近 in a progress line measures the activity before it, verb and all
        ("全省小麦机收过六成。", "六成", "小麦机收"),
        ("截至本周，全国早稻收购超四成。", "超四成", "早稻收购"),
        ("东北产区玉米收获近八成，进度快于常年。", "近八成", "东北产区玉米收获"),
        ("全国秋收过七成半。", "七成半", "秋收"),
    ],
)
def test_a_progress_share_measures_the_activity(sentence: str, metric: str, expected: str) -> None:
    assert subject(sentence, metric) == expected


@pytest.mark.parametrize(
    ("sentence", "metric", "expected"),
    [
        # a noun or a noun's verb (投资, 收入) before the share keeps the ordinary reading
        ("软件业务收入超三成来自云服务。", "超三成", "软件业务收入"),
        ("全市工业投资超三成用于技术改造。", "超三成", "工业投资"),
        ("新增就业岗位近四成来自民营企业。", "近四成", "就业岗位"),
    ],
)
def test_a_share_of_a_thing_is_no_progress(sentence: str, metric: str, expected: str) -> None:
    assert subject(sentence, metric) == expected


@pytest.mark.parametrize(
    ("sentence", "metric", "expected"),
    [
        # 落户/投用/零事故/节节发力 after the counted thing open its predicate, with or without a place
        ("今年共有12家研发机构落户高新区。", "12家", "研发机构"),
        ("全县30多个文化场馆投用。", "30多个", "文化场馆"),
        ("全年保障60余场大型赛事零事故。", "60余场", "大型赛事"),
        ("9家龙头企业节节发力，带动产业升级。", "9家", "龙头企业"),
    ],
)
def test_a_predicate_after_the_counted_thing_ends_its_name(sentence: str, metric: str, expected: str) -> None:
    assert subject(sentence, metric) == expected


def test_a_thing_apart_from_the_activity_keeps_its_reading() -> None:
    # 水稻|已|收获|近八成: an adverb between says how far the thing itself is (spent gold reads 水稻)
    assert subject("全乡两万亩玉米已收获近八成。", "近八成") == "玉米"


@pytest.mark.parametrize(
    ("sentence", "metric", "expected"),
    [
        # 落地 (land, attract) governs the projects or funds counted after it
        ("开发区今年落地十亿元以上项目16个。", "16个", "十亿元以上项目"),
        ("全市新引进落地科创平台25个。", "25个", "科创平台"),
    ],
)
def test_landing_governs_the_projects_counted(sentence: str, metric: str, expected: str) -> None:
    assert subject(sentence, metric) == expected


@pytest.mark.parametrize(
    ("sentence", "metric", "expected"),
    [
        # 建设用地 is one noun: its 建设 is no governing verb split off (word_tags.csv adds it whole)
        ("全县新增建设用地1.6万亩。", "1.6万亩", "建设用地"),
        ("盘活闲置建设用地3000亩。", "3000亩", "闲置建设用地"),
    ],
)
def test_a_noun_added_whole_is_not_split(sentence: str, metric: str, expected: str) -> None:
    assert subject(sentence, metric) == expected


@pytest.mark.parametrize(
    ("sentence", "metric", "expected"),
    [
        # an attribute alone (成交价, 通车里程, 单产, 全长) after the figure counting a thing measures that thing
        ("全年出让采矿权210宗、成交价88.6亿元。", "88.6亿元", "采矿权"),
        ("新开通城际铁路2条、通车里程超150公里。", "超150公里", "城际铁路"),
        ("油菜播种面积620万亩，单产180公斤。", "180公斤", "油菜"),
        ("新建隧道海拔4100米，全长5.2公里。", "5.2公里", "隧道"),
    ],
)
def test_an_attribute_alone_measures_the_thing_before(sentence: str, metric: str, expected: str) -> None:
    assert subject(sentence, metric) == expected


def test_total_investment_stays_as_written() -> None:
    # spent gold: 项目120个，总投资286亿元 reads 总投资 (not in subject_thing_attributes.txt)
    assert subject("今年实施老旧小区改造项目85个，总投资31亿元。", "31亿元") == "总投资"


@pytest.mark.parametrize(
    ("sentence", "metric", "expected"),
    [
        # a national honour title keeps its 全国: it is part of the name, not a scope word
        ("全市累计创建全国文明村镇31个。", "31个", "全国文明村镇"),
        ("新增全国卫生城市2个。", "2个", "全国卫生城市"),
    ],
)
def test_a_national_title_keeps_its_scope_word(sentence: str, metric: str, expected: str) -> None:
    assert subject(sentence, metric) == expected


@pytest.mark.parametrize(
    ("sentence", "metric", "expected"),
    [
        # a relocation programme names what the households or people counted went through
        ("今年启动1.2万户山洪灾害避险搬迁。", "1.2万户", "山洪灾害避险搬迁"),
        ("全县完成易地扶贫搬迁4600人。", "4600人", "易地扶贫搬迁"),
    ],
)
def test_a_relocation_programme_is_one_name(sentence: str, metric: str, expected: str) -> None:
    assert subject(sentence, metric) == expected


def test_every_ethnic_group_qualifies_the_noun_after_a_count() -> None:
    # 各民族 is one qualifier, not the determiner 各 that would leave the name after the count unread
    assert subject("全州8万余各民族家庭结对认亲。", "8万余") == "各民族家庭"
