"""城镇 names a kind of settlement, not a place: the first half of a 城镇、农村 分别 list is not
replaced by an earlier figure's subject (it reads the whole list, as the spent gold has it)."""

from __future__ import annotations

from pathlib import Path

from transforms.parse import parse_batch


def test_the_town_half_of_a_respectively_list_is_not_replaced_by_an_earlier_subject(tmp_path: Path) -> None:
    page = tmp_path / "report.txt"
    page.write_text(
        "某省2026年政府工作报告\n全省一般公共预算收入增长2.1%，城镇、农村居民人均可支配收入分别增长4.6%、6.3%。",
        encoding="utf-8",
    )
    m = parse_batch([page]).metrics
    got = dict(zip(m["text"].to_list(), m["subject"].to_list(), strict=True))
    assert got["4.6%"] == "城镇、农村居民人均可支配收入"  # the whole list: min 居民人均可支配收入
    assert got["6.3%"] == "农村居民人均可支配收入"


def test_spending_named_before_a_sum_is_part_of_what_is_measured(tmp_path: Path) -> None:
    page = tmp_path / "news.txt"
    page.write_text("假期全市接待游客86万人次，游客出游花费9.4亿元，人均花费1090元。", encoding="utf-8")
    m = parse_batch([page]).metrics
    got = dict(zip(m["text"].to_list(), m["subject"].to_list(), strict=True))
    assert got["9.4亿元"] == "游客出游花费"
    assert got["1090元"] == "人均花费"
