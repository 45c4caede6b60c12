"""Budgets and planned measures of regional pages (issue 12, modality round 8): a budget bill's
figures are planned spending; 将研议 and 将…加发至 plan what follows; the share of a planned figure
is planned too."""

from __future__ import annotations

from tests.transforms.enrich.test_periods import decide
from transforms.enrich import modality as cue


def test_a_budget_bill_plans_the_figures_after_it_in_its_clause() -> None:
    assert cue.target_cue("县议会通过的下年度总预算案岁出规模达")
    assert cue.target_cue("市政府提交的预算草案中，教育支出")
    assert not cue.target_cue("去年预算执行情况良好，一般公共预算收入完成")


def test_will_deliberate_and_will_raise_an_allowance_to_plan_their_figures() -> None:
    assert cue.target_cue("社会局回应，将研议每月加发补助")
    assert cue.object_change_cue("另将育儿津贴第3胎以上加发至每月")
    assert not cue.object_change_cue("去年已将育儿津贴加发至每月")  # done


def test_the_share_a_planned_figure_takes_is_planned_too() -> None:
    got = decide([["下年度总预算案岁出规模达3,000亿元，其中社福支出约800亿元，占26.7%。"]])
    assert got["0:3,000亿元"][2] == "target"
    assert got["0:800亿元"][2] == "target"
    assert got["0:26.7%"][2] == "target"
    got = decide(
        [["去年全市支出3,000亿元，其中社福支出约800亿元，占26.7%。"]], meta={"published": "2025-01-01"}
    )
    assert got["0:26.7%"][2] == "actual"


def test_the_applications_to_a_plan_are_no_plan_of_their_figures() -> None:
    assert not cue.target_cue("今年一月至九月共收到中小企业援助计划申请")
    assert not cue.target_cue("获批的青年创业资助计划申请共")
    assert cue.target_cue("局方计划明年推出新一期资助")  # 计划 as a verb still plans
    assert cue.announces_measure("政府宣布新一轮资助计划")  # and a plan announced is a measure


def test_plan_next_month_is_a_plan_though_plan_under_is_a_scheme() -> None:
    assert cue.target_cue("局方计划下月起增设接种服务")
    assert cue.target_cue("公司计划下半年推出")
    assert not cue.target_cue("输入劳工计划下获批的申请")


def test_a_legislatures_cuts_are_done_but_the_budget_it_passes_is_planned() -> None:
    got = decide([["议会今天三读通过下年度总预算案，岁出原编列3,000亿元，删减约31亿元、冻结约14亿元。"]])
    assert got["0:3,000亿元"][2] == "target"
    assert got["0:31亿元"][2] == "actual"
    assert got["0:14亿元"][2] == "actual"


def test_plans_to_open_and_to_renovate_plan_their_figures() -> None:
    assert cue.target_cue("另规划增开直航航线")
    got = decide(
        [["市政署今年计划新种植树木约2,000株，并翻新5个街心公园，另规划增设公厕3个，每个约20万元。"]]
    )
    assert got["0:5个"][2] == "target"
    assert got["0:3个"][2] == "target"
    assert got["0:20万元"][2] == "target"


def test_an_agency_that_will_act_in_a_period_plans_its_figures() -> None:
    assert cue.target_cue("社署会于下年度再增加")
    assert cue.target_cue("当局会于明年推出")
    assert not cue.target_cue("博览会于去年举办，吸引")  # an event, not a modal 会
    got = decide([["某署会于2027-28年度再增加3,000个名额，所涉额外开支每年约1.2亿元。"]])
    assert got["0:3,000个"][2] == "target"
    assert got["0:1.2亿元"][2] == "target"


def test_money_set_aside_is_planned_spending() -> None:
    got = decide([["署方预留3亿元推行资助，预计受惠约2万人。"]], meta={"published": "2026-02-25"})
    assert got["0:3亿元"][2] == "target"
    assert got["0:2万人"][2] == "target"
    # set aside already: a reserve that exists
    done = decide([["院方已预留隔离病床150个，以备不时之需。"]], meta={"published": "2026-02-25"})
    assert done["0:150个"][2] == "actual"


def test_the_capacity_of_a_facility_in_use_stands_but_a_planned_ones_is_planned() -> None:
    got = decide([["今年新建的2所小学投入使用，设36个教学班，可容纳学生1620人。"]])
    assert got["0:1620人"][2] == "actual"
    got = decide([["新院舍将于明年落成，设36个房间，可容纳长者1620人。"]])
    assert got["0:1620人"][2] == "target"


def test_a_part_opening_the_sentence_after_a_planned_total_is_planned_too() -> None:
    got = decide(
        [
            ["议会通过下年度总预算案，岁出编列3,000亿元。"],
            ["其中国防预算达500亿元，占16.7%，较上年度增加约8%。"],
        ]
    )
    assert got["1:500亿元"][2] == "target"
    assert got["1:16.7%"][2] == "target"
    assert got["1:8%"][2] == "target"
    got = decide([["去年全市支出3,000亿元。"], ["其中教育支出500亿元。"]], meta={"published": "2026-01-05"})
    assert got["1:500亿元"][2] == "actual"


def test_taiwan_and_hong_kong_words_of_a_plan() -> None:
    # 预定 (scheduled), 力拚 (strive for), 期望 (hope to); HK's 会 + a verb of provision
    assert cue.target_cue("本部115年预定新增")
    assert cue.target_cue("力拚后年达到")
    assert cue.target_cue("当局期望把轮候时间缩短至")
    assert cue.target_cue("政府会增拨")
    # not the 会 of an organisation or an event, nor life expectancy
    assert not cue.target_cue("红十字会提供")
    assert not cue.target_cue("广交会投入使用的展馆")
    assert not cue.target_cue("人均期望寿命达")
