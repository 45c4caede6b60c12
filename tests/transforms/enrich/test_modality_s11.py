"""Session 11's modality kinds (made-up pages): 预料 as a forecast (出乎预料 is none), 将 before a bound
verb that the figure's span holds (将超过), a deadline with 再 (年底前再建成), a chained verb after 还将
(…，培训…), and a budget for a fiscal year still running on."""

from __future__ import annotations

from pathlib import Path

import pytest

from transforms.parse import parse_batch

HEAD = "2026年9月30日 本市新闻\n"

CASES = [
    ("天文台预料下月有两个台风影响本港。", {"两个": "target"}),
    ("结果出乎预料，共有300人报名。", {"300人": "actual"}),
    ("预计全年降雨量将超过2,500毫米。", {"超过2,500毫米": "target"}),
    ("今年旅客人数将突破3000万人次。", {"突破3000万人次": "target"}),
    ("去年旅客人数超过2800万人次。", {"超过2800万人次": "actual"}),
    ("区里年底前再建成口袋公园12个。", {"12个": "target"}),
    ("去年年底前已建成口袋公园10个。", {"10个": "actual"}),
    ("明年还将新增托位800个，培训保育员2000人次。", {"800个": "target", "2000人次": "target"}),
    ("去年新增托位600个，培训保育员1500人次。", {"600个": "actual", "1500人次": "actual"}),
    ("2026-27年度的预算开支为3,200万元。", {"3,200万元": "target"}),
    ("一般公共预算收入86亿元。", {"86亿元": "actual"}),
    ("今年至今已完成全年预算的76.5%。", {"76.5%": "actual"}),
]


@pytest.mark.parametrize(("body", "expected"), CASES)
def test_modality_kinds(tmp_path: Path, body: str, expected: dict[str, str]) -> None:
    page = tmp_path / "p.txt"
    page.write_text(HEAD + body, encoding="utf-8")
    got = dict(parse_batch([str(page)]).metrics.select("text", "modality").rows())
    assert got == expected
