"""Years and modality per metric: clause, sentence, paragraph, part or story, publication year."""

from __future__ import annotations

import json
import re

import polars as pl
import pytest

from transforms.enrich.context import Context
from transforms.enrich.periods import metric_periods
from transforms.enrich.structure import text_year
from transforms.enrich.timewords import plan_years, resolve, scan

METRIC = re.compile(r"\d+(?:,\d{3})*(?:\.\d+)?(?:万|亿)?(?:件|个月|个|人|户|亩|台|所|项|公里|%|亿元|万元|元)")


def frames(
    paragraphs: list[list[str | tuple[str, str]]], *, name: str = "x.txt", meta: dict | None = None
) -> Context:
    """A one-document Context: each paragraph a list of sentences (text, or (role, text)); every
    number with a unit is a metric, its id ``"<sent_ix>:<span>"``."""
    rows, figs, pos, ix = [], [], 0, 0
    for para_ix, para in enumerate(paragraphs):
        for item in para:
            role, text = item if isinstance(item, tuple) else ("body", item)
            rows.append(("d", 0, para_ix, ix, role, pos, text))
            for m in METRIC.finditer(text):
                figs.append((f"{ix}:{m.group(0)}", "d", 0, ix, pos + m.start(), m.group(0), text))
            pos += len(text)
            ix += 1
    sentences = pl.DataFrame(
        rows, schema=["sha256", "story_ix", "para_ix", "sent_ix", "role", "char_start", "text"], orient="row"
    ).with_columns(pl.col("story_ix", "para_ix", "sent_ix").cast(pl.Int32))
    metrics = pl.DataFrame(
        figs,
        schema={
            "metric_id": pl.String,
            "sha256": pl.String,
            "story_ix": pl.Int32,
            "sent_ix": pl.Int32,
            "char_start": pl.Int64,
            "text": pl.String,
            "sentence": pl.String,
        },
        orient="row",
    )
    text = "".join(r[-1] for r in rows)
    documents = pl.DataFrame({"sha256": ["d"], "name": [name], "text": [text]})
    files = pl.DataFrame({"sha256": ["d"], "meta": [json.dumps(meta) if meta else None]})
    return Context.of(metrics, documents, sentences, files, None)


def decide(paragraphs: list, **kw) -> dict[str, tuple]:
    got = metric_periods(frames(paragraphs, **kw))
    return {r[0]: (r[1], r[2], r[3]) for r in got.iter_rows()}


def test_a_year_heading_a_sentence_governs_its_clauses_and_the_sentences_joined_by_semicolons() -> None:
    got = decide([["全县新建公园3个，2021年新建口袋绿地12个；", "改造背街小巷20公里。", "另修建步道8公里。"]])
    assert got["0:3个"][:2] == (None, None)  # a year opening a later clause does not reach back
    assert got["0:12个"][:2] == got["1:20公里"][:2] == (2021, 2021)
    assert got["2:8公里"][:2] == (None, None)  # a full stop ends its reach; the page has no date


def test_a_year_inside_an_earlier_clause_does_not_reach_the_metric() -> None:
    got = decide([["这个镇是2019年确定的示范镇，全镇种植茶叶500亩。"]])
    assert got["0:500亩"][:2] == (None, None)
    got = decide([["全镇种植茶叶500亩，比2019年增长8%。"]], meta={"published": "2022-06-01"})
    assert got["0:500亩"][:2] == got["0:8%"][:2] == (2022, 2022)  # 比2019年 is the base of the rate


def test_since_runs_to_the_publication_year_or_stays_one_year_without_it() -> None:
    para = [["2018年以来，累计帮扶困难家庭500户。"]]
    assert decide(para, meta={"published": "2022-03-01"})["0:500户"][:2] == (2018, 2022)
    assert decide(para)["0:500户"][:2] == (2018, 2018)
    assert decide([["自开展结对活动以来，共结对200户。"]], meta={"published": "2022"})["0:200户"][:2] == (
        None,
        None,
    )


def test_relative_words_need_a_publication_year_and_the_clock_never_supplies_it() -> None:
    para = [["今年以来，街道共办结群众诉求320件。"], ["近年来，社区累计调解纠纷45件。"]]
    assert decide(para)["0:320件"][:2] == (None, None)  # no metadata, dateline or dated name
    dated = decide(para, meta={"published": "2019-05-01"})
    assert dated["0:320件"][:2] == (2019, 2019)
    assert dated["1:45件"][:2] == (None, None)  # 近年来: no stated start
    # a page that only mentions past years does not get its year from them
    assert decide([["2015年曾获评先进。"], ["今年新建驿站6个。"]])["1:6个"][:2] == (None, None)


def test_publication_year_sources() -> None:
    assert text_year("news/20230415_s02.txt", "某地新闻") == 2023
    assert text_year("007_2a20190f1c3d.txt", "没有日期的正文") is None  # digits inside a hash
    assert text_year("x.txt", "本报讯 2020年9月3日，记者从区里获悉") == 2020
    assert text_year("x.txt", "2027年某某县人民政府工作报告\n各位代表") == 2027
    assert decide([["今年新建驿站6个。"]], name="20230415_s02.txt")["0:6个"][:2] == (2023, 2023)
    got = decide([["今年新建驿站6个。"]], name="20230415_s02.txt", meta={"published": "2021-01-01"})
    assert got["0:6个"][:2] == (2021, 2021)  # the sidecar beats the file name


def test_a_paragraph_frame_and_a_sub_headline_lead_give_later_sentences_their_period() -> None:
    got = decide(
        [
            [("subheadline", "小巷换新颜")],
            ["2018年秋天，东门社区启动背街小巷改造。"],
            ["居民自筹资金3万元，修复路面200平方米，安装路灯12盏，新增座椅8个。"],
            ["五年来，社区累计调解纠纷130件。", "化解信访积案9件。"],
        ],
        meta={"published": "2024-01-05"},
    )
    assert got["2:8个"][:2] == (2018, 2018)  # the section's lead dates the anecdote
    assert got["3:130件"][:2] == got["4:9件"][:2] == (2019, 2023)


def test_a_work_report_is_read_by_parts() -> None:
    report = [
        ["2024年某某市人民政府工作报告"],
        ["——2024年1月10日在某某市第五届人民代表大会第三次会议上"],
        ["一、2023年工作回顾"],
        ["过去一年，全市新增就业1.2万人，争取上级资金15亿元。"],
        ["五年来，累计建成学校30所。", "新建公园40个。"],
        ["二、2024年主要任务"],
        ["今年经济社会发展的主要预期目标是：地区生产总值增长6%左右；", "新增就业1万人。"],
        ["全市现有国家级园区4个，新建口袋公园25个。"],
        ["到2027年，建成社区食堂50个。"],
    ]
    got = decide(report)
    assert got["3:1.2万人"] == (2023, 2023, "actual")
    assert got["3:15亿元"] == (2023, 2023, "actual")  # 争取 in a review: money secured
    assert got["4:30所"] == got["5:40个"] == (2019, 2023, "actual")  # the frame holds across paragraphs
    assert got["7:6%"] == got["8:1万人"] == (2024, 2024, "target")
    assert got["9:4个"] == (2024, 2024, "actual")  # plainly a fact: 现有
    assert got["9:25个"] == (2024, 2024, "target")
    assert got["10:50个"] == (2027, 2027, "target")


def test_an_excerpt_without_a_title_takes_its_year_from_the_part_heading() -> None:
    got = decide([["三、2031年重点工作"], ["实施技改项目120个。"]])
    assert got["1:120个"] == (2031, 2031, "target")
    got = decide([["一、2030年工作回顾"], ["过去一年，实施技改项目120个。"]])
    assert got["1:120个"] == (2030, 2030, "actual")


def test_target_cues_govern_only_the_metrics_of_their_own_clause() -> None:
    got = decide(
        [
            ["街道计划年底前改造老旧小区12个，目前已完成改造5个。"],
            ["120个计划新建项目全部开工。"],
            ["将近300人参加活动，预计明年将惠及居民2000户。"],
            ["会议决定开展8项专项行动。"],
            ["共梳理实事15件，并确保年底前办结。"],
        ]
    )
    assert got["0:12个"][2] == "target"
    assert got["0:5个"][2] == "actual"
    assert got["1:120个"][2] == "actual"  # 计划 after the metric is part of its noun
    assert got["2:300人"][2] == "actual"  # 将近 is "nearly"
    assert got["2:2000户"][2] == "target"
    assert got["3:8项"][2] == "target"  # a verb of decision
    assert got["4:15件"][2] == "actual"


def test_a_horizon_is_a_target_only_while_it_is_ahead_of_the_text() -> None:
    para = [["到2023年底，全县农村自来水普及率达到85%。"]]
    assert decide(para, meta={"published": "2026-01-01"})["0:85%"] == (2023, 2023, "actual")
    assert decide(para, meta={"published": "2021-01-01"})["0:85%"] == (2023, 2023, "target")


def test_a_part_takes_the_modality_of_its_whole() -> None:
    ctx = frames([["计划安装电梯20台，其中5台已完工。"]])
    relations = pl.DataFrame({"whole_metric_id": ["0:20台"], "part_metric_id": ["0:5台"], "sha256": ["d"]})
    ctx = Context.of(ctx.metrics, ctx.documents, ctx.sentences, ctx.files, relations)
    got = {r[0]: r[3] for r in metric_periods(ctx).iter_rows()}
    assert got == {"0:20台": "target", "0:5台": "target"}


def test_five_year_plans_and_expressions() -> None:
    assert plan_years("十三五") == (2016, 2020)
    assert plan_years("十一五") == (2006, 2010)
    assert plan_years("“十五”") == (2001, 2005)
    (e,) = scan("“十三五”以来，")
    assert resolve(e, 2018, False) == (2016, 2018)  # still running
    assert resolve(e, 2023, False) == (2016, 2020)  # over
    (e,) = scan("2016—2020年")
    assert (e.first, e.last) == (2016, 2020)
    assert scan("比2015年增长") == ()


def test_empty_batch() -> None:
    ctx = frames([["没有数字。"]])
    assert metric_periods(ctx).is_empty()


def test_a_cue_reaches_the_verbs_chained_after_it_but_not_a_clause_with_its_own_subject() -> None:
    got = decide(
        [
            ["明年，全县将聚焦养老服务，新建助餐点30个，改造日间照料中心12个。"],
            ["全县计划安装电梯20台，目前已有6台投入使用，9台正在加装。"],
        ]
    )
    assert got["0:30个"][2] == got["0:12个"][2] == "target"
    assert got["1:20台"][2] == "target"
    assert got["1:6台"][2] == got["1:9台"][2] == "actual"


def test_years_ago_and_descriptions_that_are_not_times() -> None:
    got = decide(
        [["而12年前，这个村还有贫困户86户。"], ["曾经的贫困村，如今人均收入达到2.1万元。"]],
        meta={"published": "2024-06-30"},
    )
    assert got["0:86户"][:2] == (2012, 2012)
    assert got["1:2.1万元"][:2] == (2024, 2024)  # 曾经的 describes the village; 如今 dates the metric
    got = decide([["村里的养殖户从过去的8户增加到120户。"]], meta={"published": "2024-06-30"})
    assert got["0:8户"][:2] == (None, None)  # the start of a pair in an unknown past
    assert got["0:120户"][:2] == (2024, 2024)  # its end stands now: the publication year


def test_a_dated_heading_is_review_or_plan_by_its_year_and_frames_decide_inside_a_part() -> None:
    report = [
        ["2029年某某区人民政府工作报告"],
        ["一、2028年工作回顾"],
        ["全区新建公园6个。"],
        ["二、关于2029年工作"],  # no part word: the year, ahead of the report's, makes it the plan
        ["新建公园8个。"],
        ["三、“十四五”成就和“十六五”目标"],
        ["“十六五”时期，累计建成公园60个。"],
        ["“十四五”时期，累计建成公园45个。"],
    ]
    got = decide(report)
    assert got["2:6个"] == (2028, 2028, "actual")
    assert got["4:8个"] == (2029, 2029, "target")
    assert got["6:60个"] == (2031, 2035, "target")
    assert got["7:45个"] == (2021, 2025, "actual")


def test_in_a_plan_a_running_total_is_still_a_target_and_a_review_reports_shares_of_its_targets() -> None:
    report = [
        ["2030年某某县人民政府工作报告"],
        ["一、2029年工作回顾"],
        ["植树造林完成年度目标任务的115%。"],
        ["二、2030年重点工作"],
        ["新建充电桩500个、累计达到3000个。"],
    ]
    got = decide(report)
    assert got["2:115%"] == (2029, 2029, "actual")
    assert got["4:500个"] == got["4:3000个"] == (2030, 2030, "target")


def test_a_heading_that_reviews_five_years_gives_its_part_the_span() -> None:
    report = [
        ["政府工作报告"],
        ["——2033年3月5日在第十九届全国人民代表大会第一次会议上"],
        ["一、过去五年工作回顾"],
        ["主要城市轨道交通里程增加到1.2万公里。"],
        ["二、对今年政府工作的建议"],
        ["新增城镇就业1200万人以上。"],
    ]
    got = decide(report)
    assert got["3:1.2万公里"] == (2028, 2032, "actual")
    assert got["5:1200万人"] == (2033, 2033, "target")


def test_the_ends_of_a_change_over_a_span_take_its_first_and_last_year() -> None:
    got = decide([["2016年到2021年，农业用水比重从41.5%提升到58%，新增泵站12个。"]])
    assert got["0:41.5%"][:2] == (2016, 2016)  # the start value
    assert got["0:58%"][:2] == (2021, 2021)  # the end value
    assert got["0:12个"][:2] == (2016, 2021)  # no pair: the span
    got = decide([["2016年到2021年，农业用水比重提升到58%。"]])
    assert got["0:58%"][:2] == (2016, 2021)  # a level reached, with no start value: the span
    # a plan period's first year is not the year of its base: the start value keeps the span
    got = decide([["“十三五”时期，农业用水比重从41.5%提升到58%。"]])
    assert got["0:41.5%"][:2] == (2016, 2020)
    assert got["0:58%"][:2] == (2020, 2020)


def test_next_year_is_the_year_after_publication_and_a_target_when_promised() -> None:
    got = decide([["明年，全市将新建学校12所。"]], meta={"published": "2031-11-20"})
    assert got["0:12所"] == (2032, 2032, "target")


def test_a_metric_that_is_the_value_of_a_named_target() -> None:
    got = decide([["全区确定了7%左右的增长目标，全年实际增长6.8%。"]])
    assert got["0:7%"][2] == "target"
    assert got["0:6.8%"][2] == "actual"


def test_a_contrast_paragraph_in_a_plan_does_not_hold_for_the_next_one() -> None:
    report = [
        ["2034年某某市人民政府工作报告"],
        ["二、2034年重点任务"],
        ["去年，全市新增就业4万人。"],
        ["稳定就业岗位，新增就业4.5万人。"],
        ["今后五年，全市地区生产总值年均增长6%。"],
    ]
    got = decide(report)
    assert got["2:4万人"] == (2033, 2033, "actual")
    assert got["3:4.5万人"] == (2034, 2034, "target")
    assert got["4:6%"] == (2034, 2038, "target")


def test_a_numbered_part_without_part_words_after_the_review_is_the_plan() -> None:
    report = [
        ["2035年某某省人民政府工作报告"],
        ["一、砥砺奋进，全省建设取得新成效"],
        ["新建高速公路300公里。"],
        ["二、勇毅前行，奋力谱写新篇章"],
        ["新建高速公路200公里。"],
    ]
    got = decide(report)
    assert got["2:300公里"] == (2034, 2034, "actual")
    assert got["4:200公里"] == (2035, 2035, "target")


def test_a_metric_without_its_sentence_still_gets_a_row() -> None:
    ctx = frames([["新建公园3个。"]])
    orphan = ctx.metrics.with_columns(
        pl.lit("lost").alias("metric_id"), pl.lit(99, dtype=pl.Int32).alias("sent_ix")
    )
    ctx = Context.of(pl.concat([ctx.metrics, orphan]), ctx.documents, ctx.sentences, ctx.files, None)
    got = {r[0]: r[1:] for r in metric_periods(ctx).iter_rows()}
    assert got["lost"] == (None, None, "actual")
    assert got["0:3个"][2] == "actual"


def test_every_time_expression_holds_a_key_of_the_prefilter() -> None:
    """scan() skips a sentence without any key of _keys(): each kind of expression must hold one."""
    from transforms.enrich.timewords import _keys, _pattern
    from transforms.lexicon import table

    made_up = [
        "比2019年增长",
        "2016—2020年",
        "由2018年的",
        "截至2023年",
        "到2030年",
        "自2015年起",
        "自开展某项活动以来",
        "“十三五”时期",
        "“十五”期间",
        "2024年",
        "三年前",
        "5年前",
    ]
    for text in [*made_up, *(r["word"] for r in table("time_words.csv"))]:
        for m in _pattern().finditer(text):
            assert _keys().search(m.group(0)), m.group(0)
    assert scan("全县新建公园3个，改造背街小巷20公里") == ()


def _eager_chains(text: str) -> dict[int, str]:
    """The verb chains of every clause, worked out as the sentence is read (the lazy rule's reference)."""
    from transforms.enrich import modality as cue
    from transforms.enrich.periods import _clauses

    chains, chain = {}, ""
    for cs, ce in _clauses(text):
        body = text[cs:ce]
        if chain and cue.opens_with_verb(body):
            chains[cs] = chain
        else:
            chain = ""
        chain += body + "，"
    return chains


def test_the_chain_a_clause_continues_is_the_one_read_in_order() -> None:
    from transforms.enrich.periods import analyse, chain_before

    for text in [
        "明年，全县将聚焦养老服务，新建助餐点30个，改造日间照料中心12个。",
        "全县计划安装电梯20台，目前已有6台投入使用，9台正在加装。",
        "新建公园3个，改造小巷20公里，建设步道8公里；",
        "",
        "，，新建学校2所",
    ]:
        s = analyse(text)
        lazy = {cs: c for k, (cs, _) in enumerate(s.clauses) if (c := chain_before(s, text, k)) is not None}
        assert lazy == _eager_chains(text), text


def test_a_repeated_sentence_is_decided_in_its_own_place() -> None:
    """analyse() is cached per text: the same sentence under another paragraph frame or year still
    gets the years of its own place, as when each copy is decided alone."""
    line = "新建公园3个，改造背街小巷20公里。"
    together = decide(
        [["2020年以来，" + line, line], ["2023年，全县如下。", line], [line]], name="2024-01-05.txt"
    )
    alone = [
        decide([["2020年以来，" + line, line]], name="2024-01-05.txt"),
        decide([["2023年，全县如下。", line]], name="2024-01-05.txt"),
        decide([[line]], name="2024-01-05.txt"),
    ]
    assert together["1:3个"] == alone[0]["1:3个"] == (2020, 2024, "actual")
    assert together["3:3个"] == alone[1]["1:3个"] == (2023, 2023, "actual")
    assert alone[2]["0:20公里"] == (2024, 2024, "actual")
    assert together["4:20公里"] == (2020, 2024, "actual")  # here the story's lead frames it


def test_clauses_are_the_spans_between_terminators() -> None:
    from transforms.enrich.periods import CLAUSE_END, _clauses

    def reference(text: str) -> tuple[tuple[int, int], ...]:
        out, start = [], 0
        for m in CLAUSE_END.finditer(text):
            out.append((start, m.start()))
            start = m.end()
        if start < len(text):
            out.append((start, len(text)))
        return tuple(out) or ((0, 0),)

    for text in ["", "。", "新建3所", "新建3所。", "甲，乙；丙：", "甲。。乙", "，，甲", "甲，，"]:
        assert _clauses(text) == reference(text), text


def test_the_frame_wide_head_key_agrees_with_head_expr() -> None:
    """A paragraph's opening is looked at only when its first clause holds a key (one Rust regex
    pass over the column): it must hold one whenever head_expr finds an expression there."""
    from transforms.enrich.periods import _head_key_pattern, head_expr

    texts = [
        "2025年，全县新建公园3个。",
        "全县新建公园3个，2025年改造小巷20公里。",
        "近年来，村里修路8公里。",
        "目前全县有学校12所。",
        "“十四五”时期，累计建成5个。",
        "新建公园3个",
        "",
    ]
    flags = pl.Series(texts).str.contains(_head_key_pattern()).to_list()
    assert flags == [True, False, True, True, True, False, False]
    for text, flag in zip(texts, flags, strict=True):
        assert flag or head_expr(text) is None, text


def test_a_line_ruled_out_as_a_heading_frame_wide_is_none_to_heading_part() -> None:
    import sys

    from transforms.enrich.periods import _may_be_heading
    from transforms.enrich.structure import HEADING_MAX, heading_part

    long = "二、2025年工作安排" + "和" * HEADING_MAX
    texts = ["二、2025年工作安排", long, f"\u3000{long}", f"{long}\x1c", "一、" + "甲" * (HEADING_MAX - 2)]
    flags = pl.DataFrame({"t": texts}).select(_may_be_heading(pl.col("t")))["t"].to_list()
    assert flags == [True, False, True, True, True]
    for text, flag in zip(texts, flags, strict=True):
        assert flag or heading_part(text, single=True, report=True, published=2025) is None
    # every character Python strips is whitespace to the frame-wide test
    spaces = [chr(i) for i in range(sys.maxunicode + 1) if chr(i).isspace()]
    padded = pl.DataFrame({"t": [s + "x" * 50 for s in spaces]})
    assert padded.select(_may_be_heading(pl.col("t")))["t"].all()


def test_a_clause_without_a_cue_character_holds_no_cue() -> None:
    from transforms.enrich import modality as cue
    from transforms.lexicon import words

    for name in ("target_cues.txt", "target_weak_cues.txt", "actual_cues.txt", "future_verbs.txt"):
        for word in words(name):
            text = "全县" + ("将" + word if name == "future_verbs.txt" else word)
            assert cue.may_cue(text), text  # every cue word opens with a character it looks for
    quiet = "全县新建公园3个"
    assert not cue.may_cue(quiet)
    assert not (cue.target_cue(quiet) or cue.actual_cue(quiet) or cue.weak_target_cue(quiet))


def test_the_frame_wide_list_end_test_lets_every_list_item_through() -> None:
    """A sentence the column test marks as not ending a list item (；) resets the carry without a
    look: it must never be one that text.rstrip().endswith(；) would call a list item."""
    from transforms.enrich.periods import LIST_ENDS, STRIPPED

    texts = ["甲；", "甲； ", "甲;\u3000", "甲；\x1c\n", "甲；乙", "；", "", "甲。"]
    flags = pl.Series(texts).str.contains(f"[{''.join(LIST_ENDS)}]{STRIPPED}*$").to_list()
    assert flags == [True, True, True, True, False, True, False, False]
    assert all(flag or not text.rstrip().endswith(LIST_ENDS) for text, flag in zip(texts, flags, strict=True))


def test_opening_with_a_target_cue_is_checked_on_the_first_character_first() -> None:
    from transforms.enrich import modality as cue
    from transforms.lexicon import words

    def unguarded(text: str) -> bool:
        return bool(cue._finder("target_cues.txt").match(cue._blanked(text)))

    texts = [w + "新建3所" for w in words("target_cues.txt")] + ["", "同时", "全县计划新建", "计划生育"]
    for text in texts:
        assert cue.starts_with_target_cue(text) == unguarded(text), text


def test_republic_of_china_years_and_datelines() -> None:
    # a Republic of China year is 1911 + N, written bare (113年) or after 民国; a dateline gives the
    # publication year; an age (已有120年历史) is no year
    assert text_year("x.txt", "某部新闻稿\n发布日期：民国112年3月5日\n") == 2023
    assert text_year("x.txt", "某部新闻稿\n112年3月5日\n") == 2023
    assert [(e.kind, e.first) for e in scan("民国112年全年补助8千人")] == [("year", 2023)]
    assert [(e.kind, e.first, e.last) for e in scan("110年至112年间投入5亿元")] == [("range", 2021, 2023)]
    assert [(e.kind, e.first) for e in scan("自111年以来新增3处")] == [("since", 2022)]
    assert scan("这座老街已有120年历史") == ()
    assert [(e.kind, e.first) for e in scan("到新中国成立100年时建成强国")] == []
    got = decide([["某部新闻稿"], ["发布日期：民国112年3月5日"], ["111年新增据点30个，今年再增20个。"]])
    assert got["2:30个"][:2] == (2022, 2022)
    assert got["2:20个"][:2] == (2023, 2023)


def test_a_cue_word_inside_a_quoted_name_plans_nothing() -> None:
    # 计划 inside the scheme's name (「…计划」, “…计划”) names it; 将向 promises the grant
    got = decide(
        [["「助学计划」已资助学生300人，“春苗计划”惠及2000人。"], ["政府将向低收入家庭发放补贴800户。"]]
    )
    assert got["0:300人"][2] == got["0:2000人"][2] == "actual"
    assert got["1:800户"][2] == "target"


def test_a_horizon_after_a_target_word_and_a_year_closed_off_by_a_base_phrase() -> None:
    meta = {"published": "2030-03-01"}
    # 预计到2033年，… / 并力争到2032年底，…: the horizon still opens its clause after the target word
    got = decide([["预计到2033年，全国将建成驿站300个，并力争到2032年底，完成改造5000户。"]], meta=meta)
    assert got["0:300个"] == (2033, 2033, "target")
    assert got["0:5000户"] == (2032, 2032, "target")
    # 去年 dates the base (在去年…的基础上), not the metric after it; 多年前 is an unknown past
    got = decide(
        [["今年，某市在去年改造小区120个的基础上再改造80个。", "多年前，村里只有3户养殖户。"]], meta=meta
    )
    assert got["0:120个"][:2] == (2029, 2029)
    assert got["0:80个"][:2] == (2030, 2030)
    assert got["1:3户"][:2] == (None, None)


def test_fiscal_years_and_the_future_would_of_hong_kong_releases() -> None:
    # 2031-32年度 spans both years; 会 + a verb of giving is the future, but not the 会 of 社会
    assert [(e.kind, e.first, e.last) for e in scan("预计2031-32年度赤字为500亿元")] == [
        ("range", 2031, 2032)
    ]
    assert [(e.kind, e.first, e.last) for e in scan("2099-00年度盈余")] == [("range", 2099, 2100)]
    got = decide(
        [["政府会增加拨款约8%，未来五年将兴建公营房屋3万个。"], ["全社会提供就业岗位5000个。"]],
        meta={"published": "2031-02-26"},
    )
    assert got["0:8%"][2] == got["0:3万个"][2] == "target"
    assert got["1:5000个"][2] == "actual"


def test_the_period_a_scheme_runs_plans_nothing() -> None:
    got = decide([["居民于计划期内已领取优惠券5000个。"]], meta={"published": "2031-05-01"})
    assert got["0:5000个"][2] == "actual"


def test_a_clause_detailing_a_promise_is_promised_too() -> None:
    # 每户最高…, 涉及… only detail the grant the clause before promises; a fact's details stay facts
    got = decide(
        [["政府将向低收入家庭发放津贴，每户最高5000元，涉及约12万户。"], ["去年发放津贴，涉及约9万户。"]],
        meta={"published": "2031-03-01"},
    )
    assert got["0:12万户"][2] == "target"
    assert got["1:9万户"][2] == "actual"


@pytest.mark.parametrize(
    ("sentence", "first"),
    [
        ("党的十八大以来，全省累计减贫120万人", 2012),
        ("十九大以来新建学校8所", 2017),
        ("党的二十大以来", 2022),
    ],
)
def test_a_party_congress_starts_a_period(sentence: str, first: int) -> None:
    """党的十八大以来 is X年以来 with X the congress's year (they meet every five years from 2002)."""
    exprs = [e for e in scan(sentence) if e.kind == "since"]
    assert [resolve(e, 2026, True) for e in exprs] == [(first, 2026)]
    assert [resolve(e, None, False) for e in exprs] == [(first, first)]


def test_a_start_year_reaches_every_start_value_of_a_joined_pair() -> None:
    # 从X年的A和B分别提高到C和D: A and B are the start year's, C and D the last year's
    report = [
        ["2040年某某州人民政府工作报告"],
        ["一、过去五年工作回顾"],
        ["五年来，职工和农民年收入从2035年的3.2万元和1.1万元分别提高到4.5万元和1.9万元。"],
        ["城乡月补助分别从2035年的210万元、96万元提高到2039年的300万元、150万元。"],
    ]
    got = decide(report)
    assert got["2:3.2万元"][:2] == got["2:1.1万元"][:2] == (2035, 2035)
    assert got["2:4.5万元"][:2] == got["2:1.9万元"][:2] == (2039, 2039)
    assert got["3:210万元"][:2] == got["3:96万元"][:2] == (2035, 2035)


def test_a_plan_sentence_describing_the_place_as_it_stands_is_a_fact() -> None:
    report = [
        ["2041年某某省人民政府工作报告"],
        ["一、2040年工作回顾"],
        ["全省新建学校20所。"],
        ["二、2041年工作安排"],
        ["我省每年迎来候鸟近50万人，这里的服务还有很大潜力。"],  # the situation the plan answers
        ["我省有12个边境口岸，要提升口岸功能。"],
        ["我省要新建养老院30所。"],  # a modal: planned
        ["我省将新建公园8个。"],  # a target cue
        ["我省是农业大省，力争粮食产量达到700万亩。"],  # a cue before the metric in the sentence
        ["新建口袋公园25个。"],  # no self-description: the plan's target
    ]
    got = decide(report)
    assert got["4:50万人"] == (2041, 2041, "actual")
    assert got["5:12个"][2] == "actual"
    assert got["6:30所"][2] == got["7:8个"][2] == got["8:700万亩"][2] == got["9:25个"][2] == "target"


def test_a_year_dating_its_own_sentence_does_not_end_a_five_year_frame() -> None:
    report = [
        ["2046年某某省人民政府工作报告"],
        ["一、过去五年工作回顾"],
        ["五年来，我们坚持改革。新建园区40个。"],
        ["2045年三大主导产业占生产总值比重达到40%。"],  # the year of its own noun, inside the span
        ["新增产业集群5个。"],  # still the five years
        ["2045年很不平凡，全省新增企业300家。"],  # a frame: the one-year review starts
        ["新增就业60万人。"],
    ]
    got = decide(report)
    assert got["3:40%"][:2] == (2045, 2045)
    assert got["4:5个"][:2] == (2041, 2045)
    assert got["6:60万人"][:2] == (2045, 2045)


def test_a_promise_reaches_its_parallel_clause_and_a_clause_opened_by_a_preposition() -> None:
    got = decide(
        [
            ["力争城区供水覆盖率达到95%以上，农村供水覆盖率达到80%以上，新建水厂3个。"],
            ["今年计划新建公园12个，对老旧楼栋加装电梯500台，完成管网改造20公里。"],
            ["城区供水覆盖率达到95%，农村供水覆盖率达到80%。"],  # no cue: facts
        ],
        meta={"published": "2031-05-01"},
    )
    assert got["0:95%"][2] == got["0:80%"][2] == "target"
    assert got["0:3个"][2] == "actual"  # another verb, another figure: the cue does not reach it
    assert got["1:12个"][2] == got["1:500台"][2] == got["1:20公里"][2] == "target"
    assert got["2:95%"][2] == got["2:80%"][2] == "actual"


def test_a_lead_announcing_a_list_dates_it_and_a_named_scheme_plans_nothing() -> None:
    got = decide(
        [
            [("headline", "某某局通告")],
            ["本局现公布二〇三一年度助学金发放安排如下："],
            ["一、全市学生可获发助学金3000万元。"],
            ["二、参与计划的学校为学生提供午餐补贴200万元。"],  # the scheme exists: a fact
        ]
    )
    assert got["2:3000万元"] == (2031, 2031, "actual")
    assert got["3:200万元"] == (2031, 2031, "actual")


def test_a_thousands_comma_is_no_clause_end_and_a_repeated_copula_shares_the_cue() -> None:
    # 预计A为X，B为Y: B's clause repeats the copula 为 and is A's parallel; 1,015 stays one clause
    got = decide(
        [["某局昨日提交预算案，预计总收入为1,120亿元，总开支为1,015亿元，每户补贴2,000元，涉及约3万户。"]]
    )
    assert got["0:1,120亿元"][2] == got["0:1,015亿元"][2] == "target"
    got = decide([["去年总收入为1,120亿元，总开支为1,015亿元。"]])
    assert got["0:1,015亿元"][2] == "actual"  # no cue to share


def test_a_plan_spelling_out_what_is_to_be_done_makes_its_figures_targets() -> None:
    got = decide([["新近印发的《某某行动方案》明确提出新建步道3000公里、改造公园120个。"]])
    assert got["0:3000公里"][2] == got["0:120个"][2] == "target"
    got = decide([["方案明确提出后，全市已新建步道300公里。"]])
    assert got["0:300公里"][2] == "actual"  # done (已): not a plan's figure


def test_regional_forecast_words_and_their_scope_over_the_forecast_s_next_figures() -> None:
    # 料 / 估计 forecast; a forecast's scope runs on over the clauses that go on giving its figures
    got = decide([["新码头明年启用，料每日接待旅客逾2万人。"]])
    assert got["0:2万人"][2] == "target"
    got = decide([["当局估计，甲类受惠住户约3万户，乙类受惠住户约1万户，合计约4万户。"]])
    assert got["0:3万户"][2] == got["0:1万户"][2] == got["0:4万户"][2] == "target"
    got = decide([["某局预计下年度盈余为80亿元，储备升至900亿元。"]])
    assert got["0:80亿元"][2] == got["0:900亿元"][2] == "target"
    # the 料 of a noun (材料, 照料) forecasts nothing
    got = decide([["去年共收到申请材料300件，照料长者20人。"]])
    assert got["0:300件"][2] == got["0:20人"][2] == "actual"


def test_regional_wishes_studies_budgets_and_reachable_levels_are_targets() -> None:
    got = decide([["议员希望当局把候车时间缩短至5%以内。"]])
    assert got["0:5%"][2] == "target"
    got = decide([["养老院床位最多可增至800个。"]])
    assert got["0:800个"][2] == "target"
    got = decide([["下年度文化预算编列45亿元。", "明年补助总额达12亿元。"]])
    assert got["0:45亿元"][2] == got["1:12亿元"][2] == "target"


def test_a_change_s_start_value_is_the_level_as_it_stands() -> None:
    # 研究把A由X调高至Y: X stands, Y is studied; 自某日起由X调升至Y: Y is decided, not yet in force
    got = decide([["当局研究把停车费由每小时3万元调高至5万元。"]])
    assert got["0:3万元"][2] == "actual"
    assert got["0:5万元"][2] == "target"
    got = decide([["部门宣布，自116年1月1日起，每月津贴由1万元调升至2万元。"]])
    assert got["0:1万元"][2] == "actual"
    assert got["0:2万元"][2] == "target"


def test_a_scheme_already_running_and_a_past_dated_end_value_are_facts() -> None:
    # the 计划 of a scheme's name in a clause saying it runs already (已) plans nothing
    got = decide([["当局已于各区推行长者支援计划，每宗补助2万元。"]])
    assert got["0:2万元"][2] == "actual"
    # 已从A增至某年的B with no page year: B is a fact of a year gone by
    got = decide([["服务人数已从106年的3万人增至113年的9万人。"]])
    assert got["0:9万人"][2] == "actual"


def test_a_causative_or_a_time_phrase_opening_a_clause_continues_the_promised_chain() -> None:
    # …，令X增至N / …，并于三年内增聘N / 并预留N: the chain of the first clause's 会 / 将
    got = decide([["当局会增加拨款约6%，令学位增至约9000个，并于两年内增聘300人。"]])
    assert got["0:9000个"][2] == got["0:300人"][2] == "target"
    got = decide([["新区将设约3公里的单车径，并预留约5000个车位。"]])
    assert got["0:3公里"][2] == got["0:5000个"][2] == "target"
    got = decide([["当局将释出土地约80亩。"]])
    assert got["0:80亩"][2] == "target"
    # 将 as the object marker before 设施 is no future
    got = decide([["去年该区将设施开放时间延至每日12个小时，共开放球场30个。"]])
    assert got["0:30个"][2] == "actual"


def test_a_list_marker_before_a_sentence_head_year_does_not_stop_it_governing() -> None:
    got = decide(
        [["（三）2024年，甲类个案的平均处理时间为40万元，乙类个案则为60万元；", "约70%个案获即时处理。"]]
    )
    assert got["0:40万元"][:2] == got["0:60万元"][:2] == (2024, 2024)
    assert got["1:70%"][:2] == (2024, 2024)  # joined by ；: the same sentence


def test_a_news_page_s_figure_dated_after_its_publication_year_is_planned() -> None:
    # no plan part on a news page: the year after the page's own still makes the figure a target
    got = decide([["记者2025年3月1日报道，补贴自2026年起扩大至50万户。"]])
    assert got["0:50万户"] == (2026, 2026, "target")


def test_hui_before_a_verb_of_provision_is_future_but_not_inside_a_noun() -> None:
    got = decide([["当局会兴建公园8个，并会发放津贴每户2万元。"]])
    assert got["0:8个"][2] == got["0:2万元"][2] == "target"
    got = decide([["去年区委员会兴建公园8个。"]])
    assert got["0:8个"][2] == "actual"  # the 会 of 委员会 says no "will"


def test_a_change_after_the_object_marker_jiang_and_a_budget_s_rise_are_planned() -> None:
    got = decide([["当局表示，五年内将候车时间缩短至10%以下。"]])
    assert got["0:10%"][2] == "target"
    got = decide([["下年度文化预算编列45亿元，较本年度增加3亿元。"]])
    assert got["0:3亿元"][2] == "target"


def test_a_detail_of_a_planned_figure_on_a_news_page_is_planned_too() -> None:
    got = decide([["记者2025年3月1日报道，补贴自2026年起扩大至50万户，每户每月补贴3万元。"]])
    assert got["0:50万户"][2] == got["0:3万元"][2] == "target"
    got = decide([["记者2025年3月1日报道，去年补贴扩大至50万户，每户每月补贴3万元。"]])
    assert got["0:3万元"][2] == "actual"  # the detail of a fact


def test_a_source_clause_before_the_lead_s_period_does_not_hide_it() -> None:
    # 统计处资料显示，2031年5月…: the lead's period dates the story's later paragraphs too
    got = decide(
        [
            [("headline", "五月份新建公园")],
            ["统计处资料显示，2031年5月全区新建公园3个。"],
            ["同期改造小巷20公里。"],
        ]
    )
    assert got["1:3个"][:2] == got["2:20公里"][:2] == (2031, 2031)
    # a source clause holding a figure of its own is no source clause: nothing reaches the next paragraph
    got = decide(
        [[("headline", "新建公园")], ["3个部门表示，2031年5月全区新建公园8个。"], ["同期改造小巷20公里。"]]
    )
    assert got["2:20公里"][:2] == (None, None)


def test_a_dated_start_after_a_short_subject_frames_the_clauses_after_it() -> None:
    got = decide([["该工程自二〇三一年动工以来，已聘用工人300人；", "区内投诉由每月30件减至12件。"]])
    assert got["0:300人"][:2] == got["1:30件"][:2] == got["1:12件"][:2] == (2031, 2031)
    got = decide(
        [["为支援青年，租金补贴自2032年起扩大至50万户，每户每月补贴3万元。"]],
        meta={"published": "2031-05-01"},
    )
    assert got["0:50万户"] == got["0:3万元"] == (2032, 2032, "target")
    # a year inside a longer phrase before the start still does not reach the clauses after it
    got = decide([["这个镇的示范项目2029年起步，全镇种植茶叶500亩。"]])
    assert got["0:500亩"][:2] == (None, None)


def test_a_fiscal_year_inside_a_clause_dates_the_measure_s_details_after_it() -> None:
    got = decide([["政府会宽减2031-32年度差饷，每户上限1万元，约30万户受惠，涉及开支约8亿元。"]])
    assert got["0:1万元"][:2] == got["0:30万户"][:2] == got["0:8亿元"][:2] == (2031, 2032)


def test_an_announced_measure_plans_the_figures_of_its_sentence() -> None:
    got = decide([["局长宣布一系列支援措施，包括向每名长者发放1万元，约30万人受惠，政府开支约30亿元。"]])
    assert got["0:1万元"][2] == got["0:30万人"][2] == got["0:30亿元"][2] == "target"
    # an announced result is a fact
    got = decide([["统计处公布，全区去年新建公园3个，约30万人受惠。"]])
    assert got["0:3个"][2] == got["0:30万人"][2] == "actual"


def test_averages_bounds_changes_and_parts_detailing_a_planned_figure_are_planned() -> None:
    got = decide(
        [
            [
                "未来五年将兴建约3万个单位，其中小型单位约1万个，平均造价约为1万元。",
                "政府将贷款额度提高至800万元，还款期最长12个月。",
                "当局将于3年内完成5个基地招商，每个基地开发期约18个月。",
            ]
        ]
    )
    assert got["0:1万个"][2] == got["0:1万元"][2] == "target"
    assert got["1:12个月"][2] == got["2:18个月"][2] == "target"
    got = decide([["去年兴建约3万个单位，平均造价约为1万元。", "政府将兴建3万个单位，护理员最高月薪1万元。"]])
    assert got["0:1万元"][2] == got["1:1万元"][2] == "actual"  # a fact's average; a bound before a noun


def test_a_part_after_a_semicolon_takes_the_planned_figure_before_it() -> None:
    got = decide([["明年文化预算编列45亿元，较今年增加3亿元；", "其中每间剧院每年最高资助1万元。"]])
    assert got["1:1万元"][2] == "target"
    got = decide([["去年文化开支45亿元，较前年增加3亿元；", "其中每间剧院每年最高资助1万元。"]])
    assert got["1:1万元"][2] == "actual"


def test_a_dated_start_carried_over_a_semicolon_plans_the_next_change_s_end() -> None:
    got = decide(
        [["劳动部公布，自2032年1月1日起，每月补助由2万元调升至3万元；", "每年奖励由20万元调升至30万元。"]]
    )
    assert got["0:2万元"][2] == got["1:20万元"][2] == "actual"  # the levels as they stand
    assert got["0:3万元"][2] == got["1:30万元"][2] == "target"
    got = decide([["劳动部公布，2031年每月补助由2万元调升至3万元；", "每年奖励由20万元调升至30万元。"]])
    assert got["1:30万元"][2] == "actual"  # no start date: a change stated as done


def test_the_size_of_a_change_over_an_explicit_pair_spans_its_two_years() -> None:
    got = decide([["服务人数已从2017年的10万人增至2025年的60万人，增长近500%。"]])
    assert got["0:10万人"][:2] == (2017, 2017)
    assert got["0:60万人"][:2] == (2025, 2025)
    assert got["0:500%"][:2] == (2017, 2025)
    got = decide([["服务人数达到60万人，增长近500%。"]])
    assert got["0:500%"][:2] == (None, None)


def test_a_run_of_fiscal_years_and_a_one_year_fiscal_year_frame_their_sentence() -> None:
    assert [(e.kind, e.first, e.last) for e in scan("在未来五年（即2031/32至2035/36年度），预计建屋")][
        -1
    ] == (
        "range",
        2031,
        2036,
    )
    got = decide([["司长向议会提交二〇三一年财政年度预算案，预计总收入为1,120亿元，总开支为1,015亿元。"]])
    assert got["0:1,120亿元"][:2] == got["0:1,015亿元"][:2] == (2031, 2031)


def test_a_long_source_clause_with_a_bracketed_date_and_now_words_of_hong_kong() -> None:
    got = decide(
        [
            [("headline", "公屋轮候时间")],
            ["房屋委员会今日（十一月二十五日）公布，截至2031年9月底，共有申请13万件。"],
            ["另有家庭获配单位1850个。"],
        ]
    )
    assert got["2:1850个"][:2] == (2031, 2031)
    got = decide([["房委会现时辖下共有出租单位80万个。"]], meta={"published": "2031-11-25"})
    assert got["0:80万个"][:2] == (2031, 2031)  # 现时 is 目前


def test_a_start_date_in_the_lead_dates_its_measure_but_not_the_story() -> None:
    got = decide(
        [
            [("headline", "长者津贴新安排")],
            ["政府今日公布，由2032年1月1日起，长者每月可获津贴1万元，涉及开支约12亿元。"],
            ["局长表示，计划推出首日已收到申请3万件。"],
        ],
        meta={"published": "2031-11-30"},
    )
    assert got["1:1万元"] == got["1:12亿元"] == (2032, 2032, "target")
    assert got["2:3万件"] == (2031, 2031, "actual")  # the publication year; done (已), not planned


def test_last_year_after_a_short_subject_frames_the_clauses_after_it() -> None:
    got = decide([["另外，教育局去年向学校发放津贴，共惠及学生34万人。"]], meta={"published": "2031-03-08"})
    assert got["0:34万人"][:2] == (2030, 2030)
    got = decide([["这个镇是去年确定的示范镇，全镇种植茶叶500亩。"]], meta={"published": "2031-03-08"})
    assert got["0:500亩"][:2] == (2031, 2031)  # after a copula it dates the noun only


def test_a_forecast_s_scope_goes_on_over_a_semicolon() -> None:
    got = decide([["预算案估计明年博彩收入为2,400亿元，较今年上调一成；", "博彩税收入约840亿元。"]])
    assert got["1:840亿元"][2] == "target"
    got = decide([["去年博彩收入为2,400亿元，较前年上调一成；", "博彩税收入约840亿元。"]])
    assert got["1:840亿元"][2] == "actual"


def test_a_contrasted_parallel_a_comparison_and_a_part_of_a_planned_figure_are_planned() -> None:
    got = decide(
        [
            [
                "政府将继续向永久性居民每人发放1万元，非永久性居民则每人6000元，涉及开支约73亿元。",
                "公共投资计划明年拨款约220亿元，较今年增加约5%，当中轻轨工程占近30%。",
                "政府将向住户发放电费补贴，每户1000元；",
                "公屋租户则获代缴租金2个月。",
                "当局将于明年提供职位约1万个，每名参加者每月可获5000元。",
            ]
        ]
    )
    assert got["0:73亿元"][2] == got["1:5%"][2] == got["1:30%"][2] == "target"
    assert got["3:2个月"][2] == got["4:5000元"][2] == "target"
    got = decide([["去年向永久性居民每人发放1万元，非永久性居民则每人6000元，较前年增加5%。"]])
    assert got["0:5%"][2] == "actual"


def test_a_school_year_is_the_year_it_starts_in() -> None:
    assert [(e.kind, e.first) for e in scan("134学年度新生注册率为")] == [("year", 2045)]
    assert [(e.kind, e.first) for e in scan("2031学年全市新增学位")] == [("year", 2031)]


def test_a_deadline_year_a_same_period_base_and_a_base_value_s_year() -> None:
    assert [(e.kind, e.first) for e in scan("目标在137年前让总量突破1万户", True)] == [("to", 2048)]
    assert [(e.kind, e.first) for e in scan("力争于2040年底前完成")] == [("to", 2040)]
    assert scan("恢复至2029年同期的8成") == ()  # the same period of a base year
    got = decide([["全年共录得8万件，较2030年的9万件下跌4%。"]], meta={"published": "2032-02-05"})
    assert got["0:9万件"][:2] == (2030, 2030)
    assert got["0:8万件"][:2] == got["0:4%"][:2] == (2032, 2032)


def test_a_lead_announcing_a_year_s_statistics_dates_the_story() -> None:
    got = decide(
        [
            [("headline", "去年来台旅客创新高")],
            ["观光署今（22）日公布134年观光统计，全年来台旅客达886万人。"],
            ["日本旅客约157万人居首。"],
            ["观光署表示，今年目标吸引旅客1000万人，每周增聘导游约60人。"],
        ],
        meta={"published": "2046-01-22", "region": "台湾"},
    )
    assert got["1:886万人"][:2] == got["2:157万人"][:2] == (2045, 2045)
    assert got["3:1000万人"] == (2046, 2046, "target")


def test_hiring_to_come_is_planned() -> None:
    got = decide([["警队现有约3万人，2032年将招聘不少于1500人。"]], meta={"published": "2032-02-05"})
    assert got["0:1500人"][2] == "target"
    assert got["0:3万人"][2] == "actual"


def test_five_years_in_digits_and_an_original_start_in_an_unknown_past() -> None:
    got = decide([["近5年，全国累计改造小区24万个。"]], meta={"published": "2036-06-29"})
    assert got["0:24万个"][:2] == (2031, 2035)
    got = decide([["湿地面积从原有的9万亩扩大到了现在的17万亩。"]], meta={"published": "2032-10-08"})
    assert got["0:9万亩"][:2] == (None, None)  # the start in an unknown past
    assert got["0:17万亩"][:2] == (2032, 2032)  # the end as it stands now


def test_a_count_of_principles_a_plan_takes_into_account_is_actual() -> None:
    report = [
        ["2034年某某市人民政府工作报告"],
        ["一、2033年工作回顾"],
        ["过去一年，全市新增就业1.2万人。"],
        ["二、2034年主要任务"],
        ["我们要统筹好5个重要关系，把握好3个“必须坚持”，重点做好以下10个方面工作。"],
    ]
    got = decide(report)
    assert got["4:5个"][2] == got["4:3个"][2] == "actual"
    assert got["4:10个"][2] == "target"  # the plan's task areas stay planned
