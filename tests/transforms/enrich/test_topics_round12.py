"""Topic rules by kind (round 12): Hong Kong, Macau and Taiwan release vocabulary, population shares.

Every sentence is made up; the helpers are those of test_topics.
"""

from __future__ import annotations

import pytest

from tests.transforms.enrich.test_topics import _assert_story_topics

# made up: one figure per kind that no keyword read before this round (or a weaker word outweighed)
VOCABULARY = [
    # the urbanisation rate is a share of the population (other), not the economy
    ("年末全县城镇化率达到55.2%", "55.2%", "城镇化率", "other"),
    # the unemployed population is employment, not people as such
    ("第三季失业人口为9,800人", "9,800人", "失业人口", "employment"),
    # Taiwan's parental-leave allowance and employment insurance are social insurance
    ("全年核发育婴留职停薪津贴45亿元", "45亿元", "育婴留职停薪津贴", "social_security"),
    ("就业保险给付增加到3亿元", "3亿元", "就业保险给付", "social_security"),
    # Taiwan's verb for claiming a benefit is a social transfer whoever pays it
    ("符合资格者每月可请领3,000元", "3,000元", "符合资格者", "social_security"),
    # Hong Kong's health-care vouchers and public clinics are health
    ("今年医疗券申报宗数达到500万宗", "500万宗", "医疗券申报宗数", "health"),
    ("普通科门诊求诊人次增至600万", "600万", "普通科门诊求诊人次", "health"),
    # residential care places are care homes' places
    ("本年度新增护养院宿位900个", "900个", "护养院宿位", "social_security"),
    ("社会福利署年内资助的服务单位共200个", "200个", "服务单位", "social_security"),
    # Macau's police and labour bureaux name their field
    ("司法警察局上半年立案调查的诈骗有420宗", "420宗", "诈骗", "public_safety"),
    # hotline call volume counts requests
    ("热线来电量同比下降9%", "9%", "来电量", "petitions"),
    # repairing subsidence land over old coal mines is ecological repair
    ("全年治理采煤塌陷地2000亩", "2000亩", "采煤塌陷地", "environment"),
]


@pytest.mark.parametrize("row", VOCABULARY, ids=[r[2] for r in VOCABULARY])
def test_regional_release_vocabulary(row: tuple[str, str, str, str]) -> None:
    _assert_story_topics([row])


# made up: war and armed conflict abroad fall in none of the 15 codes (other), like defence
WAR = [
    ("边境地区的交火已持续12天", "12天", "交火", "other"),
    ("该国空袭次数比上月增加40次", "40次", "空袭次数", "other"),
    ("邻国境内的难民营收容了30万人", "30万人", "难民营", "other"),
]


@pytest.mark.parametrize("row", WAR, ids=[r[2] for r in WAR])
def test_war_abroad_is_other(row: tuple[str, str, str, str]) -> None:
    _assert_story_topics([row])


# the second reader of round 12 (worked beside the first on the same kinds)
# made up: one figure per kind, in words no page of the development sets uses
SECOND_KINDS = [
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


@pytest.mark.parametrize("row", SECOND_KINDS, ids=[r[2] for r in SECOND_KINDS])
def test_each_kind_of_the_second_reader_reads_its_theme(row: tuple[str, str, str, str]) -> None:
    _assert_story_topics([row])
