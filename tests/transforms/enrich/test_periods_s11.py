"""Session 11's year kinds (made-up pages dated 2026): last year's value after 较去年同月的 / 比上年同季的,
a 其中 part read with its whole's year, and a sentence opening with 同年 read with the year just stated."""

from __future__ import annotations

from pathlib import Path

from transforms.parse import parse_batch

HEAD = "2026年10月15日 本市新闻\n"


def _years(tmp_path: Path, body: str) -> dict[str, tuple[int | None, int | None]]:
    page = tmp_path / "p.txt"
    page.write_text(HEAD + body, encoding="utf-8")
    rows = parse_batch([str(page)]).metrics.select("text", "year_from", "year_to").rows()
    return {t: (a, b) for t, a, b in rows}


def test_the_value_after_last_years_same_month_is_last_years(tmp_path: Path) -> None:
    got = _years(tmp_path, "9月份旅客总数为310万人次，较去年同月的280万人次上升10.7%。")
    assert got == {"310万人次": (2026, 2026), "280万人次": (2025, 2025), "10.7%": (2026, 2026)}
    got = _years(tmp_path, "三季度税收收入86亿元，比上年同季的79亿元增长8.9%。")
    assert got["79亿元"] == (2025, 2025) and got["86亿元"] == (2026, 2026)


def test_a_part_is_of_its_wholes_year(tmp_path: Path) -> None:
    got = _years(tmp_path, "海关于2024年共查获走私案件620宗，其中约四成涉及冻肉。")
    assert got == {"620宗": (2024, 2024), "约四成": (2024, 2024)}
    # a part with a time of its own keeps it
    got = _years(tmp_path, "全区2025年新增就业1.5万人，其中今年以来新增4000人。")
    assert got == {"1.5万人": (2025, 2025), "4000人": (2026, 2026)}


def test_a_sentence_opening_with_tong_nian_is_of_the_year_just_stated(tmp_path: Path) -> None:
    got = _years(
        tmp_path, "消防处于2025年共处理火警3,200宗。同年，处方巡查楼宇1万2千幢。今年以来共处理火警2,100宗。"
    )
    assert got == {"3,200宗": (2025, 2025), "1万2千幢": (2025, 2025), "2,100宗": (2026, 2026)}


def test_a_plan_period_after_a_comparison_word_is_the_base(tmp_path: Path) -> None:
    page = tmp_path / "r.txt"
    page.write_text(
        "2026年政府工作报告\n五年来，全省发展迈上新台阶。"
        "铁路、水运投资分别比“十三五”时期增长36%、58%。“十四五”时期，全省新增就业280万人。",
        encoding="utf-8",
    )
    rows = parse_batch([str(page)]).metrics.select("text", "year_from", "year_to").rows()
    assert {t: (a, b) for t, a, b in rows} == {
        "36%": (2021, 2025),
        "58%": (2021, 2025),
        "280万人": (2021, 2025),
    }
