"""Session 12's year kinds in work reports (made-up reports): a paragraph opened by the address to
the assembly (各位代表，刚刚过去的2025年，…) still frames the paragraphs after it, as the —— items of
its year go on in a part headed by a five-year period."""

from __future__ import annotations

from pathlib import Path

from transforms.parse import parse_batch

REPORT = """2026年某省政府工作报告

一、“十四五”时期和2025年工作回顾

“十四五”时期是我省发展极不平凡的五年。全省地区生产总值年均增长5.5%。

{address}刚刚过去的2025年，全省上下奋发进取，地区生产总值增长5.3%。

——“向新”的动能持续增强。高新技术企业新增1200家，研发投入增长8%。

——“向优”的质效稳步提升。规上工业企业利润增长6%。

二、2026年工作安排

今年全省地区生产总值预期增长5%左右。
"""


def _years(tmp_path: Path, address: str) -> dict[str, tuple[int | None, int | None, str]]:
    page = tmp_path / "r.txt"
    page.write_text(REPORT.format(address=address), encoding="utf-8")
    rows = parse_batch([str(page)]).metrics.select("text", "year_from", "year_to", "modality").rows()
    return {t: (a, b, m) for t, a, b, m in rows}


def test_an_address_before_the_years_lead_does_not_hide_it(tmp_path: Path) -> None:
    for address in ("", "各位代表，", "各位代表、各位委员："):
        got = _years(tmp_path, address)
        assert got["5.5%"] == (2021, 2025, "actual")
        assert got["5.3%"] == (2025, 2025, "actual")
        # the —— items after the lead are of its year, not of the five years the heading names first
        assert got["1200家"] == (2025, 2025, "actual"), address
        assert got["6%"] == (2025, 2025, "actual"), address
        assert got["5%左右"] == (2026, 2026, "target")


GLOSSARY = """2026年某省政府工作报告

一、2025年工作回顾

全省地区生产总值增长5.3%。

二、2026年工作安排

今年新建城市书房20个。

名词解释

1.“两横三纵”通道：由东西向2条、南北向3条高速通道组成的骨干路网。
"""


def test_a_glossary_defines_terms_as_they_stand(tmp_path: Path) -> None:
    page = tmp_path / "g.txt"
    page.write_text(GLOSSARY, encoding="utf-8")
    rows = parse_batch([str(page)]).metrics.select("text", "year_from", "modality").rows()
    got = {t: (y, m) for t, y, m in rows}
    assert got["5.3%"] == (2025, "actual")
    assert got["20个"] == (2026, "target")
    # the glossary after the plan is no part of it: its figures describe the term
    assert got["2条"] == (2026, "actual")
    assert got["3条"] == (2026, "actual")
