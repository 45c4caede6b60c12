"""A glossary entry of a report is a target when the term it defines is only the plan's."""

from __future__ import annotations

from pathlib import Path

from transforms.enrich.glossary import TermUse, entry_term
from transforms.parse import parse_batch


def test_the_entry_term_is_its_quoted_name_or_its_head() -> None:
    assert entry_term("32.“三免三便利”政策：我省为5个国家免费提供1万平方米海外仓。") == "三免三便利"
    assert (
        entry_term("18．农业龙头企业全覆盖：国家级农业龙头企业16个州（市）全覆盖。") == "农业龙头企业全覆盖"
    )
    assert entry_term("全省新增就业45万人。") is None


def test_a_term_used_by_the_review_is_not_the_plan_s() -> None:
    use = TermUse()
    use.add("review", "“四向八廊”综合交通走廊基本建成。")
    use.add("plan", "推动“四向八廊”提质，实施“银龄人才计划”。")
    assert not use.plan_term("16.“四向八廊”综合交通走廊：东南西北4个方向8条走廊。")
    assert use.plan_term("40.“银龄人才计划”：用3年时间引进1万名人才。")
    assert not use.plan_term("41.“无名计划”：引进人才200人。")  # the glossary alone names it


REPORT = (
    "某省2026年政府工作报告\n"
    "一、2025年工作回顾\n"
    "过去一年，“四向八廊”综合交通走廊基本建成，新增进出省通道6条。\n"
    "二、2026年工作安排\n"
    "实施“银龄人才计划”，推进“四向八廊”提质。\n"
    "名词解释\n"
    "1.“四向八廊”综合交通走廊：东南西北4个方向8条进出省综合交通走廊。\n"
    "2.“银龄人才计划”：用3年时间，引进留用1万名左右高层次退休人才。\n"
)


def test_glossary_figures_follow_the_part_that_uses_their_term(tmp_path: Path) -> None:
    page = tmp_path / "report.txt"
    page.write_text(REPORT, encoding="utf-8")
    m = parse_batch([page]).metrics
    got = dict(zip(m["text"].to_list(), m["modality"].to_list(), strict=True))
    assert got["6条"] == "actual"
    assert (got["4个"], got["8条"]) == ("actual", "actual")
    assert (got["3年"], got["1万名左右"]) == ("target", "target")
