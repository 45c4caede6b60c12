"""Subjects of Hong Kong, Macau and Taiwan release phrasing that hang on words the dictionary lacks or
tags wrong (word_tags.csv) and on their stop and place lexicons (subjects round 7).

Every sentence here is made up for the rule it pins down; none is taken from the gold.
"""

from __future__ import annotations

import pytest

from tests.transforms.metrics.test_subjects import facts

CASES = [
    # inspection, prosecution and attraction verbs govern the counted thing after them
    ("食环署上月共巡查街头食肆2,100多次。", "2,100多次", "街头食肆"),
    ("警方同期共检控醉酒驾驶个案380宗。", "380宗", "醉酒驾驶个案"),
    ("署方去年就违例泊车提出的检控共2,300宗。", "2,300宗", "检控"),
    ("卫生署派员巡查无牌诊所逾90次。", "逾90次", "无牌诊所"),
    ("市府今年计划每月加发长照人员津贴1,500元。", "1,500元", "长照人员津贴"),
    ("交通部门今年目标吸引来台旅客900万人次。", "900万人次", "来台旅客"),
    ("运输署共检控超速驾驶约1.2万宗。", "约1.2万宗", "超速驾驶"),
    # 现有 (there now are) and the whole-territory place words open no subject
    ("署方表示，全港现有公共图书馆70间。", "70间", "公共图书馆"),
    ("全澳现有长者中心38个，另有日间护理中心十余个。", "38个", "长者中心"),
    ("该局现有前线人员约900人。", "约900人", "前线人员"),
    # terms the dictionary cuts apart
    ("本年度护养院宿位3,100个。", "3,100个", "护养院宿位"),
    ("明年岁入岁出差短约320亿元。", "约320亿元", "岁入岁出差短"),
    ("按地区别观察，来自日本接单31.2亿美元。", "31.2亿美元", "日本接单"),
    ("9月海外生产比为4成8。", "4成8", "海外生产比"),
    ("全市3个国家级经开区已全部完成扩区。", "3个", "国家级经开区"),
    ("医管局辖下逾三百间私家诊所参与计划。", "逾三百间", "私家诊所"),
    ("去年共处理约5万宗签证申请。", "约5万宗", "签证申请"),
    ("今年首季出生数仅2万1,300人。", "2万1,300人", "出生数"),
    ("市府将释出约8公顷市有土地兴建社宅。", "约8公顷", "市有土地"),
    # 获批 governs the thing approved before a metric, and ends the phrase after one
    ("今年新获批国家级专精特新企业12家。", "12家", "国家级专精特新企业"),
    ("全省5个县获批国家乡村振兴示范县。", "5个", "县"),
    # a point of the year (年末, 年底前) opening the phrase says when, never what
    ("年末全市户籍人口496.8万人。", "496.8万人", "户籍人口"),
    ("力争年底前物业服务覆盖率提高5个百分点。", "5个百分点", "物业服务覆盖率"),
    ("年末规模以上工业企业4,380家。", "4,380家", "规模以上工业企业"),
    # Taiwan's long-term care words, and 据点 a noun
    ("县府已布建214处长照服务据点，其中巷弄长照站158处。", "158处", "巷弄长照站"),
    ("县府已布建214处长照服务据点。", "214处", "长照服务据点"),
]


@pytest.mark.parametrize(("sentence", "metric", "subject"), CASES)
def test_subject(sentence: str, metric: str, subject: str | None) -> None:
    assert facts(sentence)[metric].subject == subject


def test_travellers_via_the_control_points_name_nothing() -> None:
    """经 (via) after a count of travellers opens their route, which is not what is counted."""
    assert facts("假期共有约95万人次经各口岸出入境。")["约95万人次"].subject is None


def test_a_range_takes_the_noun_after_its_upper_end() -> None:
    """5%至40%的共付额: the noun after a range's upper end names what its lower end counts too."""
    found = facts("受助人每月须按收入支付10%至30%的共付额。")
    assert (found["10%"].subject, found["30%"].subject) == ("共付额", "共付额")
    found = facts("违者可处新台币3,000元至1万元罚锾。")
    assert found["新台币3,000元"].subject == "罚锾"


def test_a_portion_of_a_sum_is_the_thing_named_before() -> None:
    """所得额100万元至300万元部分: 部分 names the portion of the sum, not what is counted."""
    found = facts("对个体工商户年应纳税所得额50万元至200万元部分减半征收。")
    assert (found["50万元"].subject, found["200万元"].subject) == ("个体工商户年应纳税所得额",) * 2


def test_a_case_verb_before_a_count_of_cases_names_them() -> None:
    """收到…援助计划申请1,236宗: before 宗 a case verb (subject_case_verbs.txt) after a noun is the case."""
    found = facts("署方去年共收到工业贷款计划申请860宗，当中获批702宗。")
    assert found["860宗"].subject == "工业贷款计划申请"
    assert found["702宗"].subject == "工业贷款计划申请"
    assert facts("环保署上月共接获噪音投诉320宗。")["320宗"].subject == "噪音投诉"
    assert facts("全区共办结投诉1,200件。")["1,200件"].subject == "投诉"  # no count of cases: no rule


def test_a_share_of_a_base_alone_is_of_the_thing_before() -> None:
    """，占总预算的26.8%: a clause of a bridge and a base only is a share of what the metric before it
    counts, never of the base."""
    found = facts("教育预算编列5,200亿元，居各类支出第二，占总预算的17.1%。")
    assert found["17.1%"].subject == "教育预算"
    found = facts("规上工业增加值达900亿元，占全区生产总值四成。")
    assert found["四成"].subject == "规上工业增加值"


def test_a_thing_as_a_share_of_a_base_with_wei() -> None:
    """租金约为市价的7至8折: before B的 + metric, 为 relates the thing to B as 占 does."""
    assert facts("社宅租金约为市价的六折。")["六折"].subject == "社宅租金"


def test_a_share_word_alone_after_a_metric_takes_its_thing_as_it_stands() -> None:
    """共4.1万件，占比18.4%: the share is of the thing the metric before counts (not 诉求占比); a change
    of the share (占比由45%提升至51%) keeps the share as its indicator (test_subjects)."""
    found = facts("交通类投诉共2.3万件，占比15.2%。")
    assert found["15.2%"].subject == "交通类投诉"
    found = facts("民营企业出口额增长8.1%、占比达到62%。")
    assert found["62%"].subject == "民营企业出口额"


def test_a_numeral_count_names_nothing() -> None:
    """9万亿三个大台阶: a count in numerals and a measure word (三个) is never what is counted."""
    found = facts("全市经济总量连跨5千亿元、6千亿元两个台阶。")
    assert found["6千亿元"].subject == "经济总量"
    assert found["两个"].subject != "两个"


@pytest.mark.parametrize(
    ("sentence", "metric", "subject"),
    [
        # a name opening with Latin letters after the metric is read as a Han one
        ("全县新增3个AAAA级旅游景区。", "3个", "AAAA级旅游景区"),
        ("深圳、佛山2个B类飞行服务站建成投用。", "2个", "B类飞行服务站"),
        # a day or month word opening the phrase says when, never what
        ("据统计，当天进场求职人数超过3200人次。", "超过3200人次", "进场求职人数"),
        ("十月份全市公立医院门诊约41万人次。", "约41万人次", "公立医院门诊"),
    ],
)
def test_openings_of_the_phrase(sentence: str, metric: str, subject: str) -> None:
    assert facts(sentence)[metric].subject == subject


@pytest.mark.parametrize(
    ("sentence", "metric", "subject"),
    [
        # a serving verb before the people a count of people counts is the measure, not the subject
        ("社区食堂日均服务老年人350余人次。", "350余人次", "老年人"),
        ("驿站今年累计服务零工1200余人次。", "1200余人次", "零工"),
        ("全年培训家政服务人员8000人次。", "8000人次", "家政服务人员"),
        # the number served is the indicator itself
        ("全市便民服务圈服务人数超过120万人。", "超过120万人", "便民服务圈服务人数"),
    ],
)
def test_served_people(sentence: str, metric: str, subject: str) -> None:
    assert facts(sentence)[metric].subject == subject


def test_a_count_of_cases_takes_a_longer_relative_clause() -> None:
    """412宗须入住深切治疗部或死亡的严重个案: after a count of cases the clause with 的 says which cases
    and may run longer than elsewhere; an adjective may open its head noun."""
    found = facts("上月共录得86宗须送院治理或留医的严重个案。")
    assert found["86宗"].subject == "须送院治理或留医的严重个案"


def test_xushi_is_the_verb_of_a_duration() -> None:
    """平均需时约四星期: 需时 (takes) is the duration's verb, never what is timed."""
    assert facts("每宗申请平均需时约三星期。")["约三星期"].subject != "需时"


def test_the_sum_involved_is_one_noun() -> None:
    # 涉款 (Hong Kong usage: the sum a case involves) is cut whole, not 涉|款 with 款 a numeral
    assert facts("涉款由数千元至逾50万元不等。")["逾50万元"].subject == "涉款"
