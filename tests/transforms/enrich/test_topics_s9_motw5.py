"""Topic rules by kind (session 9, helper motw5): Macau and Taiwan release vocabulary.

Every sentence is made up; the helpers are those of test_topics.
"""

from __future__ import annotations

import pytest

from tests.transforms.enrich.test_topics import _assert_story_topics

# made up: one figure per kind that a weaker or wrong word decided before this round
VOCABULARY = [
    # road accidents are public safety, even when the transport ministry reports them
    ("交通部昨日发布道路交通事故统计，上月死亡人数为210人", "210人", "死亡人数", "public_safety"),
    # Taiwan's housing-burden ratios and mortgage rates are housing
    ("第3季全台房价所得比为9.4倍", "9.4倍", "房价所得比", "housing"),
    ("全台贷款负担率升至41.2%", "41.2%", "贷款负担率", "housing"),
    # a CPI class index is a price, economy, whatever the class names
    ("上月交通类指数按年下跌1.1%", "1.1%", "交通类指数", "economy"),
    # motor fuel is a price, not the oil crops 油料
    ("当月油料费上涨2.8%", "2.8%", "油料费", "economy"),
    # hotel occupancy and lodging are tourism
    ("暑假期间旅馆平均住房率为71.3%", "71.3%", "平均住房率", "culture_tourism"),
    ("旅客入住合法旅宿者每晚可获补助600元", "600元", "补助", "culture_tourism"),
    # a long-term-care worker is social security; training such workers stays vocational training
    ("县府每月发给每位照顾服务员津贴5,000元", "5,000元", "照顾服务员津贴", "social_security"),
    ("今年开办照顾服务员训练180班次", "180班次", "照顾服务员训练", "employment"),
]


@pytest.mark.parametrize("row", VOCABULARY, ids=[r[2] for r in VOCABULARY])
def test_macau_taiwan_release_vocabulary(row: tuple[str, str, str, str]) -> None:
    _assert_story_topics([row])
