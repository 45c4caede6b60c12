"""A sum right after a verb of funding takes the project that opens its clause (subjects._funded_project)."""

from __future__ import annotations

from tests.transforms.metrics.test_subjects import facts


def test_a_project_before_a_funding_verb_is_what_the_sum_is_for() -> None:
    # 第三期工程|预计|投入|80亿元: the sum funds the project
    assert facts("局方指出，第三期工程预计投入80亿元。")["80亿元"].subject == "第三期工程"
    assert facts("绿化项目将投入3000万元。")["3000万元"].subject == "绿化项目"


def test_a_phrase_without_a_project_head_is_not_read_by_it() -> None:
    # 该局|预计|投入: no project head, so this rule names nothing
    assert facts("该局预计投入80亿元。")["80亿元"].subject != "该局"
