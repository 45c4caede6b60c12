"""A 每 + time word after a per-head word (人均, 户均) is inside the noun phrase (subjects._with_per_head)."""

from __future__ import annotations

from tests.transforms.metrics.test_subjects import facts


def test_a_daily_word_after_a_per_head_word_is_inside_the_noun() -> None:
    # 人均|每日|用电量: the per-head daily amount is one indicator; 每日 opening a phrase says when
    assert facts("全市人均每日用电量为12.5度。")["12.5度"].subject == "人均每日用电量"
    assert facts("每日客流量料逾八万人次。")["逾八万人次"].subject == "客流量"
