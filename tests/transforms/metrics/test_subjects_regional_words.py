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
    ("警方同期检控醉酒驾驶个案380宗。", "380宗", "醉酒驾驶个案"),
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
]


@pytest.mark.parametrize(("sentence", "metric", "subject"), CASES)
def test_subject(sentence: str, metric: str, subject: str | None) -> None:
    assert facts(sentence)[metric].subject == subject


def test_travellers_via_the_control_points_name_nothing() -> None:
    """经 (via) after a count of travellers opens their route, which is not what is counted."""
    assert facts("假期共有约95万人次经各口岸出入境。")["约95万人次"].subject is None
