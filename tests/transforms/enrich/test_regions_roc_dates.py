"""A Traditional-script release dated only by the Republic-of-China calendar (115年, 115-03-12) is
Taiwan's, though it names neither 台湾 nor a Taiwan-only ministry: its bare 元 is 新台币 and its
figures' region is 台湾省. Made-up pages; the same numbers as ages decide nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from transforms.enrich.regions.page import ROC_YEAR
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


@pytest.mark.parametrize(
    ("text", "dates"),
    [
        ("115年起實施", 1),  # a date
        ("發布日期：115-03-12", 1),
        ("114年底的調查", 1),
        ("本校已有115年历史", 0),  # an age
        ("建校110年来", 0),
        ("共1115年", 0),  # a piece of a bigger number
        ("第115年", 0),
    ],
)
def test_roc_dates_are_dates_not_ages(text: str, dates: int) -> None:
    assert len(ROC_YEAR.findall(text)) == dates
