"""Session 9 (hk5) regressions from the Hong Kong breadth set (tests/heldout5): each case is a
made-up sentence or page of the same kind, not a gold page."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest

from transforms.enrich.regions import institution_region
from transforms.parse import parse_batch

# a works-department release under many short headings, naming no division: the headings are not
# a broadcast's stories, so every figure keeps the page's Hong Kong
HEADINGS = """新闻公报

渠务署公布年度工作进展

二○二六年四月九日（星期四）

渠务署今日（四月九日）公布年度工作进展。

雨水排放

年内完成改善雨水渠约18公里。

污水处理

污水处理厂每日处理污水约280万立方米。

河道保养

全年清理河道淤泥约4.2万立方米。

工程开支

年度工程开支约31亿元。

社区设施

年内把长者社区照顾服务券增至8,000张。

完
"""


# a budget release: its title (under the masthead) names the bill; figures of the fiscal year the bill
# plans are its estimates even with no cue word, the revised figures of the year it closes are not
BUDGET = """新闻公报

财政司司长发表2027-28年度财政预算案

二○二七年二月二十四日（星期三）

2026-27年度的修订预算显示，综合赤字为约420亿元。

2027-28年度教育经常开支为1,120亿元，卫生经常开支为1,260亿元。

完
"""


def _rows(tmp: Path, pages: dict[str, str]) -> pl.DataFrame:
    paths = []
    for name, text in pages.items():
        p = tmp / f"{name}.txt"
        p.write_text(text, encoding="utf-8")
        paths.append(str(p))
    m = parse_batch(paths).metrics
    return m.with_columns(pl.col("path").str.extract(r"(\w+)\.txt$").alias("page"))


@pytest.fixture(scope="module")
def metrics(tmp_path_factory: pytest.TempPathFactory) -> pl.DataFrame:
    return _rows(tmp_path_factory.mktemp("hk5"), {"headings": HEADINGS, "budget": BUDGET})


def _one(m: pl.DataFrame, page: str, text: str) -> dict:
    rows = m.filter((pl.col("page") == page) & (pl.col("text") == text)).to_dicts()
    assert len(rows) == 1, (text, m.filter(pl.col("page") == page)["text"].to_list())
    return rows[0]


def test_a_hong_kong_release_under_many_headings_is_not_a_broadcast(metrics: pl.DataFrame) -> None:
    for text in ("约18公里", "约280万立方米", "约4.2万立方米", "约31亿元"):
        assert _one(metrics, "headings", text)["adcode"] == "810000", text


def test_a_budget_bills_figures_of_the_year_it_plans_are_targets(metrics: pl.DataFrame) -> None:
    assert _one(metrics, "budget", "1,120亿元")["modality"] == "target"
    assert _one(metrics, "budget", "1,260亿元")["modality"] == "target"
    assert _one(metrics, "budget", "约420亿元")["modality"] == "actual"  # the year it closes


def test_community_care_for_the_elderly_is_no_community(metrics: pl.DataFrame) -> None:
    assert _one(metrics, "headings", "8,000张")["area"] is None


def test_hong_kong_departments_and_programmes_point_to_hong_kong() -> None:
    assert institution_region("教育局公布小一学位分配结果，统一派位阶段已完成。") == "810000"
    assert institution_region("水务署与食环署联合巡查，渔护署派员协助。") == "810000"


# --- modality: Hong Kong releases (made-up sentences) ---

from tests.transforms.enrich.test_periods import decide  # noqa: E402
from tests.transforms.enrich.test_topics import _assert_story_topics  # noqa: E402
from transforms.enrich import modality as cue  # noqa: E402


def test_an_offices_hui_with_a_preposition_plans_its_figures() -> None:
    assert cue.target_cue("社署会在下一学年为")
    assert cue.target_cue("房屋局会由明年起每年")
    assert cue.target_cue("消防处今年内会对")
    assert not cue.target_cue("研讨会在会展中心举行，共有")  # an event noun ending in 会


def test_a_budget_estimate_and_a_forecast_are_targets() -> None:
    assert cue.target_cue("下年度政府总开支预算为")
    assert cue.target_cue("较原来预算的")
    assert not cue.target_cue("工程费较原来预算超支")  # the overrun is a fact
    assert cue.target_cue("政府预测明年出口增长")
    assert not cue.target_cue("大数据监测预测平台显示，目前")


def test_an_advance_estimate_a_passive_arrangement_and_a_scheme_plan_nothing() -> None:
    assert not cue.target_cue("根据预先估计，第二季本地生产总值按年实质上升")
    assert not cue.target_cue("即场获安排面试的人士")
    assert not cue.target_cue("招聘会提供")
    assert not cue.target_cue("计划成员方面，参与强积金计划的雇员")


def test_a_run_of_months_across_two_years_is_a_range_not_a_horizon() -> None:
    got = decide([["最新（2025年11月至2026年1月）的失业率为3.9%。"]], meta={"published": "2026-02-20"})
    assert got["0:3.9%"] == (2025, 2026, "actual")


def test_a_school_year_named_by_both_years_spans_them() -> None:
    got = decide([["2027/28学年将开办60个班。"]], meta={"published": "2026-06-01"})
    assert got["0:60个"][:2] == (2027, 2028)


def test_a_period_opening_quoted_speech_in_corner_brackets_dates_it() -> None:
    got = decide([["署长表示：「过去五年，我们修复了80公里斜坡。」"]], meta={"published": "2026-05-19"})
    assert got["0:80公里"][:2] == (2021, 2025)


# --- topics: Hong Kong vocabulary (made-up sentences) ---

VOCABULARY = [
    ("上月总雨量为380毫米", "380毫米", "总雨量", "other"),
    ("本周平均气温较正常高1.2度", "1.2度", "平均气温", "other"),
    ("寒冷天气警告共生效约60小时", "约60小时", "寒冷天气警告", "public_safety"),
    ("日本旅客按年增加15%", "15%", "日本旅客", "culture_tourism"),
    ("每名学员可获培训津贴每月4,000元", "4,000元", "培训津贴", "employment"),
    ("转运货物按年下跌2%", "2%", "转运货物", "transport"),
]


@pytest.mark.parametrize("row", VOCABULARY, ids=[r[2] for r in VOCABULARY])
def test_hong_kong_release_vocabulary(row: tuple[str, str, str, str]) -> None:
    _assert_story_topics([row])
