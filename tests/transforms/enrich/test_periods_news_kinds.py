"""News kinds of years and modality (sample 4417 of the CCTV bench pages, heldout misses): each
test a made-up sentence of the construction, decided through the whole walk."""

from __future__ import annotations

from tests.transforms.enrich.test_periods import decide

NEWS = "20230505.txt"  # a dated file name: the publication year is 2023


def one(text: str) -> dict[str, tuple]:
    got = decide([[("headline", "某地新闻")], [text]], name=NEWS)
    return {k.split(":", 1)[1]: v for k, v in got.items()}


def test_a_clause_opened_by_a_conjunction_continues_a_planned_chain() -> None:
    got = one("卫生局将于年内增加病床400个，并额外招聘医生150人，涉及开支约12亿元。")
    assert [got[k][2] for k in ("400个", "150人", "12亿元")] == ["target"] * 3
    got = one("该国防长称，将向邻国提供军事援助，包括价值约3000万元的装备。")
    assert got["3000万元"][2] == "target"
    got = one("今年，该局将在两区新增托育中心两间，提供约160个托位。")
    assert got["160个"][2] == "target"


def test_a_conjunction_after_a_done_clause_stays_done() -> None:
    got = one("去年全市新建公园5个，并改造老旧小区30个，同时新增绿地100亩。")
    assert [got[k] for k in ("5个", "30个", "100亩")] == [(2022, 2022, "actual")] * 3


def test_a_pair_start_dated_in_a_sentence_does_not_date_the_sentences_after_its_semicolon() -> None:
    report = [
        [("headline", "2031年某县人民政府工作报告")],
        ["一、2030年工作回顾"],
        [
            "过去五年，全县产值由2025年的300亿元增加到480亿元；累计完成投资1000亿元；城镇化率由2025年的55%提高到60%。"
        ],
    ]
    got = {k.split(":", 1)[1]: v for k, v in decide(report).items()}
    assert got["300亿元"][:2] == (2025, 2025)
    assert got["1000亿元"][:2] == (2026, 2030)
    assert got["60%"][:2] == (2030, 2030)


def test_a_base_value_dated_at_a_year_end_or_a_year_back_takes_that_year() -> None:
    got = one("截至2022年8月底，全国市场主体达1.6亿户，相比2012年底的5500万户，净增超1亿户。")
    assert got["5500万户"][:2] == (2012, 2012)
    assert got["1.6亿户"][:2] == (2022, 2022)
    got = one("截至2022年12月底，平均轮候时间为5个月，较一年前的6个月缩短1个月。")
    assert got["6个月"][:2] == (2021, 2021)


def test_a_recalled_event_or_a_decade_of_the_last_century_gives_no_year() -> None:
    assert one("那次，渔船在海上漂了4个月，他靠喝酱油活了下来。")["4个月"][:2] == (None, None)
    assert one("上世纪九十年代，他在当地兼任了6个月的校长。")["6个月"][:2] == (None, None)
    # a decade that only describes a noun leaves the figure in the page's year
    assert one("始建于上世纪80年代的某某社区有4个小区。")["4个"][:2] == (2023, 2023)


def test_a_paragraph_opening_with_a_bare_verb_goes_on_with_the_list_broken_off_after_a_semicolon() -> None:
    paras = [
        [("headline", "某地新闻")],
        ["据悉，去年该区共改造老旧小区39个；"],
        ["新增停车位1600个，改造管网48公里。"],
    ]
    got = {k.split(":", 1)[1]: v for k, v in decide(paras, name=NEWS).items()}
    assert got["1600个"][:2] == (2022, 2022)
    # a new item of a bulletin's list starts afresh
    paras = [[("headline", "某地新闻")], ["（1）去年全国新建公园39个；"], ["（2）全国铁路发送旅客1600万人；"]]
    got = {k.split(":", 1)[1]: v for k, v in decide(paras, name=NEWS).items()}
    assert got["1600万人"][:2] == (2023, 2023)


def test_last_year_after_a_scheme_name_frames_its_clause_and_the_list_after_it() -> None:
    got = one(
        "此外，某某门诊公私营协作计划去年共提供约68万个名额，较前年增加一倍；参与计划的医生由210个增至近380个。"
    )
    assert got["68万个"] == (2022, 2022, "actual")
    assert got["380个"][:2] == (2022, 2022)
    # a comparison's base is no frame
    assert one("全市社会消费品零售总额比去年同期增长5%。")["5%"][:2] == (2023, 2023)


def test_a_year_after_the_metric_dating_its_own_verb_dates_it() -> None:
    assert one("首批约2100个单位已于2021年12月入伙。")["2100个"][:2] == (2021, 2021)
    assert one("全市5个项目于2020年建成投用。")["5个"][:2] == (2020, 2020)
    # a year before the metric still governs, and one in a later clause does not reach back
    assert one("2019年，全市建成5个项目，于2021年投用。")["5个"][:2] == (2019, 2019)
    assert one("全市建成5个项目，并于2021年投用。")["5个"][:2] == (2023, 2023)


def test_a_horizon_after_a_plans_verb_of_statement_frames_the_clauses_after_it() -> None:
    got = one("某部门印发行动方案，提出到2027年，建设50个示范场馆，全国示范基地增至150个。")
    assert got["50个"] == (2027, 2027, "target")
    assert got["150个"] == (2027, 2027, "target")
    got = one("印发方案，明确到2026年，新建公园30个。")
    assert got["30个"] == (2026, 2026, "target")


def test_a_year_ahead_in_an_earlier_clause_dates_the_planned_figures_after_it() -> None:
    assert one("县府兴建的社宅预计2025年完工，将提供326户住宅。")["326户"] == (2025, 2025, "target")
    got = one("该署计划推行急救计划，目标在2028年底前培训3万人，每期课程为时约3个月。")
    assert got["3万人"] == (2028, 2028, "target")
    assert got["3个月"] == (2028, 2028, "target")
    # a past year does not, nor does a year ahead date a figure stated as done
    assert one("该馆于2020年建成，现有藏书5万元。")["5万元"][:2] == (2023, 2023)
    assert one("该社宅2025年完工，目前已完成投资300万元。")["300万元"] == (2023, 2023, "actual")


def test_a_total_after_its_noun_details_the_planned_clause_before_it() -> None:
    got = one("该署今年计划新种植树木约2000个，并翻新5个街心公园，公园总面积约12亩。")
    assert got["12亩"][2] == "target"
    assert one("去年该署翻新5个街心公园，公园总面积约12亩。")["12亩"] == (2022, 2022, "actual")


def test_last_year_as_a_pairs_start_dates_only_the_start_value() -> None:
    got = one("预计今年全省经济增速将从去年的3.8%升至4.6%。")
    assert got["3.8%"][:2] == (2022, 2022)
    assert got["4.6%"] == (2023, 2023, "target")
    got = one("今年，检查范围从去年的23个省份扩大到31个省份。")
    assert got["31个"][:2] == (2023, 2023)


def test_an_unknown_past_inside_a_comparisons_base_is_the_bases() -> None:
    assert one("新品种比当地以往品种平均亩产增加59.5%。")["59.5%"][:2] == (2023, 2023)
    assert one("该班列较以往运输模式缩短12个月。")["12个月"][:2] == (2023, 2023)
    assert one("以往，全村每年外出务工500人。")["500人"][:2] == (None, None)


def test_a_value_dated_after_a_word_of_comparison_takes_its_year() -> None:
    assert one("今年全球经济增速预期为2.1%，但仍低于2021年的3.1%。")["3.1%"][:2] == (2021, 2021)
    assert one("今年进口量达9473万元，远高于2021年的5727万元。")["5727万元"][:2] == (2021, 2021)
    # 相当于 states the figure as a multiple of that year's: the figure keeps its own year
    assert one("2022年的产值为114万元，相当于2012年的180%。")["180%"][:2] == (2022, 2022)
