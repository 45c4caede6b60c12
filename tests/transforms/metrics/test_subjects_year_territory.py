"""A year or a whole-territory word opening a subject, and the local people of Hong Kong and Macau
releases (subjects.trim and subjects.local).

Every sentence here is made up for the rule it pins down; none is taken from the gold.
"""

from __future__ import annotations

import pytest

from tests.transforms.metrics.test_subjects import facts

CASES = [
    # a written-out year, and 全|台 the dictionary cuts in two: when and where, never what
    ("二○二五年全港登记电单车约七万辆。", "约七万辆", "电单车"),
    ("2024年全台长照服务使用人数为3万人。", "3万人", "长照服务使用人数"),
    ("全台共有公共自行车站约一千二百座。", "约一千二百座", "公共自行车站"),
    ("2023年度全澳社会房屋轮候家团约四千个。", "约四千个", "社会房屋轮候家团"),
    # 本地/本港 before people names the local ones, a class of the people counted
    ("第三季本地居民就业人口为二十七万人。", "二十七万人", "本地居民就业人口"),
    ("本港居民失业率为百分之三点一。", "百分之三点一", "本港居民失业率"),
    # 本地 before anything else only points at the place
    ("本地新增公共充电桩三百个。", "三百个", "公共充电桩"),
]


@pytest.mark.parametrize(("sentence", "metric", "subject"), CASES)
def test_subject(sentence: str, metric: str, subject: str | None) -> None:
    assert facts(sentence)[metric].subject == subject
