"""Topic rules by kind (round 12): HK/MO/TW welfare, health and labour vocabulary; urbanisation.

Every sentence is made up; the helpers are those of test_topics.
"""

from __future__ import annotations

import pytest

from tests.transforms.enrich.test_topics import _assert_story_topics

# made up: one figure per kind, in words no page of the development sets uses
KINDS = [
    # the unemployed counted are employment, not population (人口)
    ("本季失业人口为9,300人", "9,300人", "失业人口", "employment"),
    # residential care places and care homes are social security
    ("新增资助护养院宿位640个", "640个", "资助护养院宿位", "social_security"),
    ("全港安老院共有730间", "730间", "安老院", "social_security"),
    # a fiscal year is a period, no fiscal theme: the care places decide
    ("本财政年度新增安老宿位300个", "300个", "安老宿位", "social_security"),
    # health-care vouchers are primary care whoever uses them
    ("本年度医疗券申报达到800万宗", "800万宗", "医疗券申报", "health"),
    # employment-insurance benefits and the insured wage are social insurance
    ("去年核发失业给付42亿元", "42亿元", "失业给付", "social_security"),
    ("就业保险基金规模达到1,500亿元", "1,500亿元", "就业保险基金规模", "social_security"),
    ("育婴留职停薪申请人数增加12%", "12%", "育婴留职停薪申请人数", "social_security"),
    # the urbanisation rate is a share of the population (other)
    ("全县户籍人口城镇化率达到55.2%", "55.2%", "户籍人口城镇化率", "other"),
]


@pytest.mark.parametrize("row", KINDS, ids=[r[2] for r in KINDS])
def test_each_kind_reads_its_theme(row: tuple[str, str, str, str]) -> None:
    _assert_story_topics([row])
