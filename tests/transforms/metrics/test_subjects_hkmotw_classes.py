"""Subjects of Hong Kong, Macau and Taiwan statistics whose qualifier names a class or a statistic:
本地居民 (a population class, not the place word 本地) and 平均 before the attribute of an act
(平均轮候时间: the mean of the wait, not the bridge 平均 of 平均增长).

Every sentence here is made up for the rule it pins down; none is taken from the gold.
"""

from __future__ import annotations

import pytest

from tests.transforms.metrics.test_subjects import facts

CASES = [
    # 本地居民 is a class of the population counted (word_tags.csv), so 本地 stays in the subject
    ("本季本地居民失业率为3.1%。", "3.1%", "本地居民失业率"),
    ("本地居民就业人口为27万4千人。", "27万4千人", "本地居民就业人口"),
    ("上月本地居民月收入中位数为19,800澳门元。", "19,800澳门元", "本地居民月收入中位数"),
    # the place word 本地 alone still opens no subject
    ("本地现有私营安老院约520间。", "约520间", "私营安老院"),
    # 平均 before an act and its attribute names the statistic measured
    ("一般申请者的平均轮候时间为4.1年。", "4.1年", "平均轮候时间"),
    ("本港公立诊所的平均等候时间约为40分钟。", "40分钟", "平均等候时间"),
    ("院舍服务方面，平均轮候时间已由2022年的约9个月缩短至约6个月。", "约9个月", "平均轮候时间"),
    ("院舍服务方面，平均轮候时间已由2022年的约9个月缩短至约6个月。", "约6个月", "平均轮候时间"),
    # 平均 before a verb of change is the bridge of the figure, not part of what is counted
    ("全市地区生产总值平均增长5.1%。", "5.1%", "地区生产总值"),
]


@pytest.mark.parametrize(("sentence", "metric", "subject"), CASES)
def test_subject(sentence: str, metric: str, subject: str | None) -> None:
    assert facts(sentence)[metric].subject == subject
