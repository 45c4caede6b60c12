"""Ends of a subject that belong to the predicate or a frame (transforms.metrics.subjects.ends):
a modal or plan word, the 年/月 of 年人均, a 剔除…后 condition, a time word such as 年内."""

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


def parsed_subjects(tmp_path: Path, text: str) -> list[str | None]:
    """Subjects of a page through the whole parse (traditional text is read as simplified)."""
    page = tmp_path / "hk-page.txt"
    page.write_text(text, encoding="utf-8")
    return list(parse_batch([page]).metrics["subject"])


@pytest.mark.parametrize(
    ("sentence", "text", "expected"),
    [
        ("今年，市级财政赤字拟安排80亿元。", "80亿元", "市级财政赤字"),
        ("全市用水强度要降低5%。", "5%", "用水强度"),
        ("全区失业率应控制在4%以内。", "4%以内", "失业率"),
    ],
)
def test_a_modal_before_the_predicate_is_not_counted(sentence: str, text: str, expected: str) -> None:
    assert subject(sentence, text) == expected


def test_a_modal_before_the_predicate_in_traditional(tmp_path: Path) -> None:
    assert parsed_subjects(tmp_path, "今年，本市失業率擬控制在4%。\n全市用水強度要降低5%。\n") == [
        "失业率",
        "用水强度",
    ]


def test_a_condition_after_the_subject_is_dropped(tmp_path: Path) -> None:
    assert subject("税收收入剔除留抵退税因素后增长6.2%。", "6.2%") == "税收收入"
    assert subject("利润总额扣除汇兑损益后增长3.5%。", "3.5%") == "利润总额"
    assert parsed_subjects(tmp_path, "稅收收入剔除留抵退稅因素後增長6.2%。\n") == ["税收收入"]


def test_the_period_of_a_per_head_rate_is_not_a_noun() -> None:
    got = subject("退休职工基本养老金月人均提高150元。", "150元")
    assert got is not None and got.endswith("养老金")


def test_a_time_word_after_the_thing_is_dropped() -> None:
    assert subject("确保3万平方米商业综合体年内开业。", "3万平方米") == "商业综合体"


def test_a_modal_inside_a_word_stays() -> None:
    assert subject("全年电力供应达到120亿千瓦时。", "120亿千瓦时") != "电力供"


@pytest.mark.parametrize(
    ("sentence", "text", "expected"),
    [
        ("全港共有120间酒店及宾馆参与计划。", "120间", "酒店及宾馆"),
        ("新增300名学生和家长参加活动。", "300名", "学生和家长"),
        ("共有40家企业和机构签约。", "40家", "企业和机构"),
    ],
)
def test_a_count_of_two_joined_nouns_counts_both(sentence: str, text: str, expected: str) -> None:
    assert subject(sentence, text) == expected


def test_a_count_joined_in_traditional(tmp_path: Path) -> None:
    assert parsed_subjects(tmp_path, "全港共有120間酒店及賓館參與計劃。\n") == ["酒店及宾馆"]


def test_a_place_or_a_with_phrase_is_not_joined() -> None:
    assert subject("建设400万吨煤制油和天池准东项目。", "400万吨") == "煤制油"
    assert subject("推动50所中小学与本市学校结对。", "50所") == "中小学"


def test_a_classifier_of_one_kind_keeps_its_own_conjunct() -> None:
    assert subject("发放3000条毛毯和慰问金。", "3000条") == "毛毯"


def test_an_attribute_head_takes_its_owner_before_de(tmp_path: Path) -> None:
    assert subject("上月豪华酒店的入住率为72%。", "72%") == "豪华酒店的入住率"
    assert parsed_subjects(tmp_path, "上月豪華酒店的入住率為72%。\n") == ["豪华酒店的入住率"]


def test_the_base_of_a_share_is_not_an_owner() -> None:
    got = subject("研发经费支出相当于全区生产总值的比例达到3.2%。", "3.2%")
    assert got is None or "生产总值的" not in got
