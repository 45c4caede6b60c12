"""A news story's lead and a page's dateline: where the story's year and the publication year come
from when the lead opens with a dateline and a source, or the page's date line was dropped."""

from __future__ import annotations

import dataclasses

import polars as pl

from tests.transforms.enrich.test_periods import decide, frames
from transforms.enrich.periods import head_expr, metric_periods
from transforms.enrich.structure import text_year
from transforms.enrich.timewords import scan


def test_a_lead_opening_with_a_day_and_a_reporters_source_is_headed_by_the_year_after_them() -> None:
    head = head_expr("5月8日，记者从某县统计局获悉，2024年，全县完成植树3万亩。")
    assert head is not None and (head.kind, head.first) == ("year", 2024)
    head = head_expr("本报讯（记者 张三）9月2日，记者从市教育局了解到，2023年，全市新建学校5所。")
    assert head is not None and head.first == 2023
    # a source clause with a time word of its own is no source clause: its time heads nothing
    assert head_expr("5月8日，记者从今年新设的机构获悉，全县植树3万亩。") is None


def test_the_year_of_a_lead_after_its_source_dates_the_story_that_follows() -> None:
    got = decide(
        [
            ["5月8日，记者从某县统计局获悉，2024年，全县完成植树3万亩。"],
            ["从树种看，经济林最多，共1.2万亩。"],
            ["今年，全县将再植树2万亩。"],
        ],
        meta={"published": "2025-05-09"},
    )
    assert got["0:3万亩"][:2] == (2024, 2024)
    assert got["1:1.2万亩"][:2] == (2024, 2024)
    assert got["2:2万亩"][:2] == (2025, 2025)


def test_a_date_and_source_line_or_a_broken_line_does_not_take_the_lead_from_the_story() -> None:
    got = decide(
        [
            [("headline", "某县植树造林成效明显")],
            ["2025-05-09 08:30  来源：某县日报  作者：张三"],
            ["记者从某县林业局"],
            ["获悉，2024年，全县完成植树3万亩。"],
            ["其中经济林1.2万亩。"],
        ],
        meta={"published": "2025-05-09"},
    )
    assert got["4:1.2万亩"][:2] == (2024, 2024)


def test_a_full_stop_line_still_leads_without_a_year_as_before() -> None:
    got = decide(
        [["全县今春完成植树3万亩。"], ["2024年，全县植树2万亩。"], ["经济林1.2万亩。"]],
        meta={"published": "2025-05-09"},
    )
    assert got["2:1.2万亩"][:2] == (2025, 2025)  # a paragraph's frame is not the story's lead


def test_the_raw_pages_date_line_dates_a_page_whose_normalised_text_lost_it() -> None:
    raw = "某市举办招聘会\n来源：某市人民政府网  发布时间：2025-02-18  浏览次数：100\n正文"
    assert text_year("x.txt", "某市举办招聘会\n正文", raw) == 2025
    assert text_year("x.txt", "某市举办招聘会\n正文", "某市举办招聘会\n正文") is None
    # the normalised text's own dateline comes first
    assert text_year("x.txt", "2024年3月1日 正文", "2026-01-01 首页\n2024年3月1日 正文") == 2024


def test_a_page_without_a_sidecar_takes_this_year_from_its_raw_date_line() -> None:
    ctx = frames([["今年，某市计划新增就业6500人。"], ["去年新增就业6200人。"]])
    raw = "来源：某市人民政府网  发布时间：2025-02-18\n今年，某市计划新增就业6500人。"
    files = pl.DataFrame(
        {"sha256": ["d"], "raw_text": [raw], "meta": [None]}, schema_overrides={"meta": pl.String}
    )
    got = {r[0]: r[1:] for r in metric_periods(dataclasses.replace(ctx, files=files)).iter_rows()}
    assert got["0:6500人"][:2] == (2025, 2025)
    assert got["1:6200人"][:2] == (2024, 2024)


def test_the_release_day_inside_a_source_clause_leaves_the_year_after_it_to_head_the_lead() -> None:
    head = head_expr("某部今（5）日发布新闻稿指出，112年全国回收量约300万公吨。", True)
    assert head is not None and head.first == 2023
    got = decide(
        [["某部今（5）日发布新闻稿指出，民国112年全国志工约300万人。"], ["青年志工约120万人。"]],
    )
    assert got["1:120万人"][:2] == (2023, 2023)


def test_a_measures_start_year_after_a_short_subject_dates_the_clauses_after_it() -> None:
    got = decide([["为推动减塑，某局自2025年3月起扩大补贴措施，每户补贴至少500元，全年受惠约2万户。"]])
    assert got["0:500元"][:2] == (2025, 2025)
    assert got["0:2万户"][:2] == (2025, 2025)


def test_a_date_run_into_the_figure_before_it_opens_a_row_of_its_own() -> None:
    # a table's rows joined with no break: 2024年： starts the next row, whose figures are its own
    got = decide(
        [
            [
                "轮候人数如下：2023年：甲类5,620人；",
                "乙类17,480人2024年：甲类5,310人；",
                "乙类16,950人截至2024年12月底，平均轮候时间为18个月。",
            ]
        ]
    )
    assert got["0:5,620人"][:2] == (2023, 2023)
    assert got["1:17,480人"][:2] == (2023, 2023)
    assert got["1:5,310人"][:2] == (2024, 2024)
    assert got["2:16,950人"][:2] == (2024, 2024)
    assert got["2:18个月"][:2] == (2024, 2024)
    # a year in brackets after a price is a note, not a row
    got = decide([["2011年，标准定为2300元（2010年不变价），比2009年提高92%。"]])
    assert got["0:92%"][:2] == (2011, 2011)


def test_next_year_after_will_frames_the_clauses_of_the_plan_after_it() -> None:
    got = decide(
        [["某局表示，为支援企业转型，将于明年推出新一期资助计划，预计受惠企业约500个，每个最多资助5万元。"]],
        meta={"published": "2026-10-01"},
    )
    assert got["0:500个"] == (2027, 2027, "target")
    assert got["0:5万元"] == (2027, 2027, "target")
    # a copula before last year still dates its noun only (该镇是去年确定的…)
    got = decide([["该镇是去年确定的示范镇，现有人口3万人。"]], meta={"published": "2026-10-01"})
    assert got["0:3万人"][:2] == (2026, 2026)


def test_the_past_year_of_a_text_dated_late_in_its_year_is_that_year() -> None:
    paras = [["过去一年，本澳入境旅客约3,900万人次。"], ["去年入境旅客约3,300万人次。"]]
    got = decide(paras, meta={"published": "2025-11-18"})
    assert got["0:3,900万人"][:2] == (2025, 2025)
    assert got["1:3,300万人"][:2] == (2024, 2024)  # 去年 stays the year before
    got = decide(paras, meta={"published": "2025-03-05"})
    assert got["0:3,900万人"][:2] == (2024, 2024)


def test_next_year_qualifying_a_noun_frames_nothing() -> None:
    got = decide([["做好明年的工作，会议部署了12个项目。"]], meta={"published": "2023-12-17"})
    assert got["0:12个"][:2] == (2023, 2023)


def test_a_sentence_opening_with_the_same_period_takes_the_period_just_stated() -> None:
    got = decide(
        [["2024年，全港回收站处理约480万件。"], ["同期，署方巡查黑点逾1,350个。"], ["署方今年再增设20个。"]],
        meta={"published": "2025-05-01"},
    )
    assert got["1:1,350个"][:2] == (2024, 2024)
    assert got["2:20个"][:2] == (2025, 2025)
    # with no year known, the same period is no year either (去年 of an undated page)
    got = decide([["环保署去年检控共486件。"], ["同期，署方巡查黑点逾1,350个。"]])
    assert got["1:1,350个"][:2] == (None, None)


def test_years_ago_as_a_comparisons_base_date_nothing_but_as_the_figures_own_they_do() -> None:
    assert scan("平均轮候时间较一年前缩短约两个月") == ()
    assert scan("转移支付资金比五年前增长66.8%") == ()
    e = scan("增量相当于5年前1.5个百分点")
    assert [x.kind for x in e] == ["ago"]


def test_what_a_planned_measure_costs_covers_and_holds_is_planned_to_the_end_of_its_chain() -> None:
    # the plan's cost and reach (总投资, 惠及) detail it; a 其中 part does not break the chain either
    got = decide(
        [
            ["今年，某区计划实施32件民生实事，总投资约15亿元，其中新建农贸市场5个，改造老旧小区20个。"],
            ["去年全区完成改造39个，总投资5亿元，惠及居民2000户。"],
        ],
        meta={"published": "2026-05-20"},
    )
    for key in ("0:32件", "0:15亿元", "0:5个", "0:20个"):
        assert got[key][2] == "target", key
    for key in ("1:39个", "1:5亿元", "1:2000户"):
        assert got[key][2] == "actual", key


def test_a_later_item_of_a_list_details_a_planned_measure_as_its_first_does() -> None:
    got = decide(
        [["今年该区计划实施老旧小区改造46个，涉及楼栋612个、居民18000户。"]],
        meta={"published": "2026-05-20"},
    )
    assert [got[k][2] for k in ("0:46个", "0:612个", "0:18000户")] == ["target"] * 3


def test_details_of_a_dated_measure_take_its_date() -> None:
    # 每人…, 受惠…, 涉及… state the same measure as the clause they detail, so its year dates them; an
    # average after an explicit pair still spans the pair (the pair's end dates only its own value)
    got = decide(
        [["某局于2024年向长者发放敬老金，每人10,000元，受惠长者约10600人，涉及开支约10亿元。"]],
        meta={"published": "2026-03-27"},
    )
    assert [got[k][:2] for k in ("0:10,000元", "0:10600人", "0:10亿元")] == [(2024, 2024)] * 3


def test_lead_date_in_chinese_digits_dates_the_page() -> None:
    """二〇二五年十一月五日 (or with ○/零) in the first lines dates a page with no sidecar; a start
    date (自…起) does not."""
    assert text_year("x.txt", "立法會五題：公共圖書館\n二〇二五年十一月五日（星期三）\n正文") == 2025
    assert text_year("x.txt", "某署公布\n二○一九年一月三十日\n正文") == 2019
    assert text_year("x.txt", "新措施自二〇二五年一月一日起實施") is None
