"""A Traditional-script release dated only by the Republic-of-China calendar (115年, 115-03-12) is
Taiwan's, though it names neither 台湾 nor a Taiwan-only ministry: its bare 元 is 新台币 and its
figures' region is 台湾省. Made-up pages; the same dates in a Simplified page or as ages decide nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from transforms.enrich.regions.page import roc_dating
from transforms.parse import parse_batch

RELEASE = (
    "文化部新聞稿\n"
    "發布日期：115-04-08\n"
    "文化部今（8）日表示，115年青年文化體驗計畫共有約12萬人報名，編列經費3.5億元，每人補助2,000元。\n"
)


def _rows(tmp_path: Path, text: str, encoding: str = "utf-8") -> list[dict]:
    page = tmp_path / "page.txt"
    page.write_bytes(text.encode(encoding))
    return parse_batch([str(page)]).metrics.select("text", "unit", "region", "adcode").to_dicts()


@pytest.mark.parametrize("encoding", ["utf-8", "cp950"])
def test_a_roc_dated_traditional_release_is_taiwans(tmp_path: Path, encoding: str) -> None:
    rows = _rows(tmp_path, RELEASE, encoding)
    money = [r for r in rows if r["text"].endswith("元")]
    assert [r["unit"] for r in money] == ["新台币", "新台币"]
    assert {r["adcode"] for r in rows} == {"710000"}


def test_the_same_page_in_simplified_script_stays_unplaced(tmp_path: Path) -> None:
    simplified = RELEASE.replace("新聞稿", "新闻稿").replace("發布", "发布").replace("計畫", "计划")
    simplified = simplified.replace("體驗", "体验").replace("報名", "报名").replace("編列經費", "编列经费")
    simplified = (
        simplified.replace("補助", "补助").replace("萬", "万").replace("億", "亿").replace("約", "约")
    )
    simplified = simplified.replace("每人補助", "每人补助").replace("青年文化", "青年文化")
    rows = _rows(tmp_path, simplified)
    assert {r["unit"] for r in rows if r["text"].endswith("元")} == {"元"}
    assert {r["adcode"] for r in rows} == {None}


@pytest.mark.parametrize(
    ("text", "weight"),
    [
        ("115年起實施", 2.0),  # a date, in the head of the page
        ("發布日期：115-03-12", 2.0),
        ("115/3/12 公告", 2.0),
        ("本校已有115年历史", 0.0),  # an age
        ("建校110年来", 0.0),
        ("近110年间", 0.0),
        ("共1,115年", 0.0),  # a piece of a bigger number
        ("2115年", 0.0),
        ("99年", 0.0),  # 民国99 is 2010: before the range the rule trusts
    ],
)
def test_roc_dating_counts_dates_not_ages(text: str, weight: float) -> None:
    assert roc_dating(text) == weight
