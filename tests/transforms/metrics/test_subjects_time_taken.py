"""A duration in a clause of an average and a verb of taking time, right after a count, is how long each
counted thing takes (subjects._time_taken)."""

from __future__ import annotations

from tests.transforms.metrics.test_subjects import facts


def test_the_time_each_counted_thing_takes() -> None:
    found = facts("今年共审批约五万宗牌照申请，平均需时约三星期。")
    assert found["约三星期"].subject == "牌照申请"


def test_a_named_thing_in_the_clause_is_not_read_by_it() -> None:
    # 工程|历时: the clause names what took the time
    assert facts("共完成120宗维修，整体工程历时约两年。")["约两年"].subject != "维修"
