"""A work report's look back over five years, however it is introduced, frames the metrics after it
(fact-spec: years), and a count set as a span in a plan is a target (fact-spec: modality)."""

from __future__ import annotations

import re

import pytest

from tests.transforms.enrich import test_periods
from tests.transforms.enrich.test_periods import decide

HEAD = [["2031年某某省政府工作报告"], ["——2031年1月20日在某某省第九届人民代表大会第四次会议上"]]


def test_the_ways_of_saying_over_the_past_five_years_frame_the_review() -> None:
    for opener in ("回望过去五年，", "回顾过去五年，", "经过五年接续奋斗，", "五年间，", "近五年，"):
        report = [
            *HEAD,
            ["一、2030年和“十五五”时期工作回顾"],
            ["全省新建学校12所。"],
            [opener + "我们砥砺前行，累计建成公园40个。"],
            ["新增就业90万人。"],
        ]
        got = decide(report)
        assert got["3:12所"] == (2030, 2030, "actual"), opener
        assert got["4:40个"] == got["5:90万人"] == (2026, 2030, "actual"), opener


def test_a_five_year_frame_in_the_middle_of_a_paragraph_frames_the_rest() -> None:
    report = [
        *HEAD,
        ["一、2030年和“十五五”时期工作回顾"],
        ["2030年是收官之年，全省新建学校12所。", "五年来，我们累计建成公园40个。", "新增就业90万人。"],
        ["改造老旧小区300个。"],
        ["二、2031年主要任务"],
        ["新建公园10个。"],
    ]
    got = decide(report)
    assert got["3:12所"] == (2030, 2030, "actual")
    assert got["4:40个"] == got["5:90万人"] == got["6:300个"] == (2026, 2030, "actual")
    assert got["8:10个"] == (2031, 2031, "target")
    # a one-year word in the middle of a paragraph does not re-frame it
    got = decide(
        [
            *HEAD,
            ["一、2030年工作回顾"],
            ["五年来，累计建成公园40个。", "去年，新建学校12所。", "新增就业90万人。"],
        ]
    )
    assert got["5:90万人"] == (2026, 2030, "actual")


def test_a_sentence_judging_a_year_done_does_not_frame_its_paragraph() -> None:
    report = [
        *HEAD,
        ["一、2030年和“十五五”时期工作回顾"],
        ["2030年主要目标任务的完成，标志着“十五五”规划顺利收官。", "过去的五年，累计建成公园40个。"],
        ["新增就业90万人。"],
    ]
    got = decide(report)
    assert got["4:40个"] == got["5:90万人"] == (2026, 2030, "actual")
    # without the verdict the year opening the paragraph frames it
    got = decide([*HEAD, ["一、2030年工作回顾"], ["2030年，全省经济稳中向好。", "累计建成公园40个。"]])
    assert got["4:40个"] == (2030, 2030, "actual")


def test_a_count_set_as_a_span_in_a_plan_is_a_target_even_after_an_actual_cue(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(test_periods, "METRIC", re.compile(r"\d+(?:—\d+)?个"))
    report = [*HEAD, ["一、2031年主要任务"], ["每个县做大做强1—2个主导产业，做强3个国家级集群。"]]
    got = decide(report)
    assert got["3:1—2个"] == (2031, 2031, "target")
    assert got["3:3个"] == (2031, 2031, "actual")  # clusters that stand (REPORTS-DECISIONS sc_plan)


def test_ensuring_in_the_review_reports_what_was_delivered() -> None:
    # 确保 in the look back says the things were delivered; in the plan it promises them
    report = [
        *HEAD,
        ["一、2030年工作回顾"],
        ["各部门合力推进，确保12件惠民实事全部落地。"],
        ["二、2031年主要任务"],
        ["确保15件惠民实事按期完成。"],
    ]
    got = decide(report)
    assert got["3:12件"] == (2030, 2030, "actual")
    assert got["5:15件"] == (2031, 2031, "target")
