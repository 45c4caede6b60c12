"""A share after a recovery verb and a time is the level of the metric before (subjects._recovered)."""

from __future__ import annotations

from tests.transforms.metrics.test_subjects import facts


def test_a_recovered_share_counts_the_metric_before() -> None:
    # 恢复至|2019年同期的|九成: the visitors' level against that year
    found = facts("全年入境旅客达120万人次，恢复至2019年同期的九成。")
    assert found["九成"].subject == "入境旅客"
    # 疫前 (before the pandemic) is a time word, never the thing
    assert facts("入境旅客近80万人次 恢复至疫前7成")["7成"].subject == "入境旅客"


def test_a_recovery_to_a_named_thing_is_not_read_by_it() -> None:
    # 恢复至|产能|的八成: the clause names a noun of its own
    assert facts("全年产量达50万吨，恢复至设计产能的八成。")["八成"].subject != "产量"
