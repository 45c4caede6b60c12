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
        # 实有 (on the register) qualifies the thing counted
        ("全县实有市场主体增长5.1%。", "5.1%", "实有市场主体"),
    ],
)
def test_a_noun_added_whole_keeps_its_qualifiers(sentence: str, metric: str, expected: str) -> None:
    assert subject(sentence, metric) == expected
