"""Subjects on Hong Kong, Macau and Taiwan pages (session 15): kinds of error read across the spent
HK/MO/TW halves, each with made-up sentences, simplified and traditional."""

from __future__ import annotations

from pathlib import Path

import pytest

from transforms.metrics.grammar import find_metrics
from transforms.metrics.subjects import Span, facts_of
from transforms.parse import parse_batch


def subject(sentence: str, text: str) -> str | None:
    """The subject read for the figure ``text`` of a simplified ``sentence``."""
    metrics = find_metrics(sentence)
    found = facts_of(sentence, [Span(f.start, f.end, f.unit, f.kind) for f in metrics])
    return next(fact.subject for m, fact in zip(metrics, found, strict=True) if m.text == text)


def parsed(tmp_path: Path, text: str) -> dict[str, str | None]:
    """Figure text -> subject of a page through the whole parse (traditional is read as simplified)."""
    page = tmp_path / "hk-page.txt"
    page.write_text(text, encoding="utf-8")
    m = parse_batch([page]).metrics
    return dict(zip(m["text"], m["subject"], strict=True))


# --- a sum and what it is spent on: the sum does not count the thing bought or run ------------------


@pytest.mark.parametrize(
    ("sentence", "text"),
    [
        ("水务署将预留约2亿元更换老化水管。", "约2亿元"),
        ("体育局明年将再拨款约900万元推行长者健体计划。", "约900万元"),
        ("政府明年将再编列新台币15亿元推动社区营造计划。", "新台币15亿元"),
    ],
)
def test_a_sum_spent_on_a_thing_does_not_count_it(sentence: str, text: str) -> None:
    assert subject(sentence, text) is None


def test_a_fund_after_the_verb_is_the_sums_own_noun() -> None:
    assert subject("今年下达3000亿元增发国债资金。", "3000亿元") == "国债资金"
    assert subject("省里追加5亿元配套建设资金。", "5亿元") == "配套建设资金"


def test_a_sum_spent_on_a_thing_traditional(tmp_path: Path) -> None:
    got = parsed(tmp_path, "渠務署將預留約2億元更換老化水管，並下達50億元增發國債資金。\n")
    assert got["约2亿元"] is None
    assert got["50亿元"] == "国债资金"


# --- a verb that names a class of the noun after it is kept (the qualifier changes what is counted) ---


@pytest.mark.parametrize(
    ("sentence", "text", "expected"),
    [
        ("截至6月底，全市行驶车辆共12万辆。", "12万辆", "行驶车辆"),
        ("上月新登记车辆2,300辆。", "2,300辆", "新登记车辆"),
        ("海关共拘捕涉嫌人士85人。", "85人", "涉嫌人士"),
        ("另设有自助服务机40部。", "40部", "自助服务机"),
        ("其中加班工时6.5小时。", "6.5小时", "加班工时"),
    ],
)
def test_a_classing_verb_before_the_noun_is_kept(sentence: str, text: str, expected: str) -> None:
    assert subject(sentence, text) == expected


def test_a_classing_verb_traditional(tmp_path: Path) -> None:
    got = parsed(tmp_path, "截至6月底，全市行駛車輛共12萬輛，上月新登記車輛2,300輛。\n")
    assert got["12万辆"] == "行驶车辆"
    assert got["2,300辆"] == "新登记车辆"


# --- a date's localiser and the causative 使 after it say by when and make, never what ---------------


@pytest.mark.parametrize(
    ("sentence", "text", "expected"),
    [
        ("力争明年年底前使光纤覆盖率达95%。", "95%", "光纤覆盖率"),
        ("目标在118年底前使公共充电桩增至8,000座。", "8,000座", "公共充电桩"),
        ("力争2029年底前垃圾回收率提升至60%。", "60%", "垃圾回收率"),
        ("将于117年起扩大自行车租借站至1,500处。", "1,500处", "自行车租借站"),
    ],
)
def test_a_dates_localiser_and_shi_are_no_part_of_the_subject(
    sentence: str, text: str, expected: str
) -> None:
    assert subject(sentence, text) == expected


def test_a_dates_localiser_traditional(tmp_path: Path) -> None:
    got = parsed(tmp_path, "環保署表示，力爭2029年底前垃圾回收率提升至60%。\n")
    assert got["60%"] == "垃圾回收率"


# --- a word of taking part or running after the counted noun is its predicate -----------------------


@pytest.mark.parametrize(
    ("sentence", "text", "expected"),
    [
        ("共有12支龙舟队伍参赛。", "12支", "龙舟队伍"),
        ("今年共有8座焚化炉营运，另有3座在建。", "8座", "焚化炉"),
        # before an attribute it qualifies it
        ("已获得30个项目参赛资格。", "30个", "项目参赛资格"),
    ],
)
def test_taking_part_or_running_after_the_noun_is_its_predicate(
    sentence: str, text: str, expected: str
) -> None:
    assert subject(sentence, text) == expected


def test_taking_part_traditional(tmp_path: Path) -> None:
    assert parsed(tmp_path, "今年共有12支龍舟隊伍參賽。\n")["12支"] == "龙舟队伍"


# --- corner quotes (「」) read as curly ones, the subject given back as written -----------------------


@pytest.mark.parametrize(
    ("sentence", "text", "expected"),
    [
        ("明年再增设600支「天眼」镜头。", "600支", "「天眼」镜头"),
        ("今年推出了5个「长者友善」计划。", "5个", "「长者友善」计划"),
        ("今年推出了5个“长者友善”计划。", "5个", "“长者友善”计划"),
    ],
)
def test_a_corner_quoted_name_after_a_count_is_read(sentence: str, text: str, expected: str) -> None:
    assert subject(sentence, text) == expected


def test_a_corner_quoted_name_traditional(tmp_path: Path) -> None:
    assert parsed(tmp_path, "警方明年再增設600支「天眼」鏡頭。\n")["600支"] == "「天眼」镜头"


# --- a 与X有关/相关的 clause says which things are counted: part of the subject ---------------------


@pytest.mark.parametrize(
    ("sentence", "text", "expected"),
    [
        ("今年收到与噪音有关的投诉300宗。", "300宗", "与噪音有关的投诉"),
        ("与毒品相关的案件则有420宗，下跌3.1%。", "420宗", "与毒品相关的案件"),
        ("与毒品相关的案件则有420宗，下跌3.1%。", "3.1%", "与毒品相关的案件"),
        ("海关共拘捕65名与走私有关的人士。", "65名", "与走私有关的人士"),
    ],
)
def test_a_relation_clause_before_the_noun_is_kept(sentence: str, text: str, expected: str) -> None:
    assert subject(sentence, text) == expected


def test_a_relation_clause_traditional(tmp_path: Path) -> None:
    got = parsed(tmp_path, "與毒品相關的案件則有420宗，海關共拘捕65名與走私有關的人士。\n")
    assert got["420宗"] == "与毒品相关的案件"
    assert got["65名"] == "与走私有关的人士"


# --- births, marriages and campaign people named by a verb or a head the lexicons lacked ------------


@pytest.mark.parametrize(
    ("sentence", "text", "expected"),
    [
        ("今年首季累计出生2万3,100人。", "2万3,100人", "出生"),
        ("上月结婚8,450对。", "8,450对", "结婚"),
        ("明年将增聘约80名推广大使。", "约80名", "推广大使"),
    ],
)
def test_births_marriages_and_envoys_are_named(sentence: str, text: str, expected: str) -> None:
    assert subject(sentence, text) == expected


def test_births_traditional(tmp_path: Path) -> None:
    assert parsed(tmp_path, "統計顯示，今年首季累計出生2萬3,100人。\n")["2万3,100人"] == "出生"


# --- a list of figures whose last names its noun after it: all count that noun, not the agent -------


def test_a_list_of_figures_before_one_noun_counts_it() -> None:
    sentence = "卫生署在2024年及2025年分别巡查约3千间、约3千5百间食肆。"
    assert subject(sentence, "约3千间") == "食肆"
    assert subject(sentence, "约3千5百间") == "食肆"
    sentence = "两个街道分别建成2所和3所托儿所。"
    assert subject(sentence, "2所") == "托儿所"


def test_a_count_of_the_items_after_a_list_is_no_noun_of_theirs() -> None:
    assert subject("出口规模连续跨过3万亿元、4万亿元两个台阶。", "3万亿元") == "出口规模"


def test_a_list_of_figures_traditional(tmp_path: Path) -> None:
    got = parsed(tmp_path, "衞生署在2024年及2025年分別巡查約3千間、約3千5百間食肆。\n")
    assert got["约3千间"] == "食肆"


# --- the SAR government before a public account says whose, as 全澳 does, never what -----------------


def test_the_sar_government_before_an_account_is_no_part_of_it() -> None:
    sentence = "今年首季特区政府公共财政收入为210亿澳门元，较去年同期增加3.5%。"
    assert subject(sentence, "210亿澳门元") == "公共财政收入"
    assert subject(sentence, "3.5%") == "公共财政收入"


def test_the_sar_government_traditional(tmp_path: Path) -> None:
    got = parsed(tmp_path, "今年首季特區政府公共財政收入為210億澳門元。\n")
    assert got["210亿澳门元"] == "公共财政收入"
