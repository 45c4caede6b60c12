"""A figure whose clause names nothing takes the topic of the figure-free clause before it
(subjects._topic_carried), with guards: a real noun of its own, a figure between, a time, an
abstract object, or people counted after a non-person topic keep it from carrying."""

from __future__ import annotations

from tests.transforms.metrics.test_subjects import facts


def test_an_adjective_predicate_leaves_its_subject_the_topic() -> None:
    # 电信骗案仍然猖獗，全年共有|逾3万宗: the cases counted are the fraud cases
    assert facts("不过，电信骗案仍然猖獗，全年共有逾3万宗。")["逾3万宗"].subject == "电信骗案"


def test_an_object_of_the_clause_before_is_the_topic() -> None:
    # 兴建公营房屋，至今已落成|20处、共|9,000户: both figures count the flats
    found = facts("政府自2010年起兴建公营房屋，至今已落成20处、共9,000户。")
    assert found["20处"].subject == "公营房屋"
    assert found["9,000户"].subject == "公营房屋"


def test_a_noun_of_the_figure_clause_is_kept() -> None:
    # 减轻|负担|300亿元: the clause names its own thing (it may stay unread, but is never the topic)
    assert facts("落实减税政策，今年将减轻企业负担300亿元。")["300亿元"].subject != "减税政策"


def test_no_carry_over_a_figure_clause() -> None:
    # the clause between holds a figure of its own
    found = facts("推进旧区改造，完成投资50亿元，另有12处待建。")
    assert found["12处"].subject != "旧区改造"


def test_no_carry_of_an_abstract_object_or_to_a_time() -> None:
    assert facts("加快老旧小区改造步伐，年内完成2600户。")["2600户"].subject != "步伐"
    assert facts("组建数据集团，仅用60天建成。")["60天"].subject is None


def test_people_are_carried_only_from_people() -> None:
    # 发放消费补贴，约500万人|受益: the people are not the subsidy
    assert facts("向低收入群众发放消费补贴，约500万人受益。")["约500万人"].subject != "消费补贴"


def test_an_attribute_alone_takes_the_published_statistic_before() -> None:
    # 发布…出口订单|统计，金额为|…: the amount is the orders'; the rate after it follows it
    found = facts("统计处今日发布9月出口订单统计，金额为512亿美元，较上月增加2.5%。")
    assert found["512亿美元"].subject == "出口订单"
    assert found["2.5%"].subject == "出口订单"


def test_an_attribute_after_a_figure_clause_stays() -> None:
    # the clause before holds a figure: 金额 is not carried across it
    found = facts("全年批出申请共120宗，涉及金额约3,000万元。")
    assert found["约3,000万元"].subject != "申请"


def test_a_headline_space_ends_the_topic_clause() -> None:
    # 兴建公营房屋 第三期再增建|逾三千户: a headline's space parts its clauses as a comma does
    assert facts("市府兴建公营房屋 第三期再增建逾三千户")["逾三千户"].subject == "公营房屋"
