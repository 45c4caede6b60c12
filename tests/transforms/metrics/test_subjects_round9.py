"""Subject rules of round 9: a scope word before a predicate read after a metric, the locative of a
在…中 frame before a metric, and a demonstrative between a count and its noun.

Every sentence here is made up for the rule it pins down; none is taken from a test text.
"""

from __future__ import annotations

import pytest

from tests.transforms.metrics.frames import subject


@pytest.mark.parametrize(
    ("sentence", "metric", "expected"),
    [
        # a place of scope and the predicate after the counted noun are neither part of its name
        ("园区能耗、水耗、排放强度3项指标全省领先。", "3项", "指标"),
        ("去年有4家企业全国领先。", "4家", "企业"),
        # 在…中 / 在…上: the frame's locative says where the figure was earned
        ("在全省营商环境评价中连续3年位居第一。", "3年", "营商环境评价"),
        # a demonstrative between the count and its noun points back; the noun is the subject
        ("全县已建成60多个这样的农家书屋。", "60多个", "农家书屋"),
        ("目前已培育20家这类龙头企业。", "20家", "龙头企业"),
        # a count before a place and 的 counts the places, not the thing each has
        ("全省已有80个社区的养老驿站投入运营。", "80个", "社区"),
        ("完成12个行政村的污水管网改造。", "12个", "行政村"),
        # a grade, 及 and a range word after a count stay in the phrase read after it
        ("全市48家二级及以上医院实现结果互认。", "48家", "二级及以上医院"),
        ("试点覆盖20个县级及以上城市。", "20个", "县级及以上城市"),
        # 脱贫 qualifies the places or people measured; 重复 is part of a rate's name
        ("脱贫人口人均纯收入增长9%。", "9%", "脱贫人口人均纯收入"),
        ("脱贫县农民收入增长7%。", "7%", "脱贫县农民收入"),
        ("全市工业用水重复利用率达到90%。", "90%", "工业用水重复利用率"),
        # bare nouns listed under one verb before one count: the count is of the list
        ("今年新建口袋公园、街心花园12处。", "12处", "口袋公园、街心花园"),
        ("新增托育机构、社区食堂40家。", "40家", "托育机构、社区食堂"),
    ],
)
def test_round9_subjects(sentence: str, metric: str, expected: str) -> None:
    assert subject(sentence, metric) == expected


def test_locative_kept_without_frame() -> None:
    """Without 在 the locative may belong to the name (规模以上 is no frame)."""
    assert subject("规模以上工业企业达120家。", "120家") == "规模以上工业企业"


@pytest.mark.parametrize(
    ("sentence", "metric", "expected"),
    [
        # one metric per item (80家、16家): each item keeps its own count
        ("新增托育机构、社区食堂40家、25家。", "40家", "社区食堂"),
        # a later item with its own verb lists two acts, not one list of things
        ("改造背街小巷、加装路灯300盏。", "300盏", "路灯"),
        # 的 after a noun that is no place: the thing after it is what is counted
        ("建成20个具有地方特色的文化驿站。", "20个", "具有地方特色的文化驿站"),
        # after a verb the grade belongs to its object, past the noun counted
        ("新增9个乡镇通二级及以上公路。", "9个", "乡镇"),
    ],
)
def test_list_not_taken(sentence: str, metric: str, expected: str) -> None:
    assert subject(sentence, metric) == expected
