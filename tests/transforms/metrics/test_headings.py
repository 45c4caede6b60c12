"""Rows of a list or table under a heading take the heading's subject (transforms.metrics.headings)."""

from __future__ import annotations

from pathlib import Path

import pytest

from transforms.metrics.headings import _noun_of_heading
from transforms.parse import parse_batch


def _subjects(tmp_path: Path, text: str) -> dict[str, str | None]:
    page = tmp_path / "page.txt"
    page.write_text(text, encoding="utf-8")
    metrics = parse_batch([str(page)]).metrics
    return dict(zip(metrics["text"].to_list(), metrics["subject"].to_list(), strict=True))


FISCAL_ROWS = """立法會二題：資助宿位

以下是今日在立法會會議上的書面答覆：

（一）過去三個財政年度新增的日間護理名額數目如下：

2022-23年度：1,234個

2023-24年度（截至2024年3月底）：2,345個

（二）整體而言，新增名額將於明年全數投入服務，另有50個正在籌備。
"""


def test_fiscal_year_rows_take_the_heading_noun_and_prose_after_them_does_not(tmp_path: Path) -> None:
    got = _subjects(tmp_path, FISCAL_ROWS)
    assert got["1,234个"] == "日间护理名额"
    assert got["2,345个"] == "日间护理名额"
    assert got["50个"] is None  # a clause of prose after the list: not a row


QUALIFIER_ROWS = """勞福局答覆

就議員的提問，現答覆如下：

（二）安老院舍的平均輪候時間如下：

獨居長者申請者：2.4年

雙老家庭申請者：3.1年
"""


def test_a_category_label_only_narrows_the_heading(tmp_path: Path) -> None:
    got = _subjects(tmp_path, QUALIFIER_ROWS)
    assert got["2.4年"] == "平均轮候时间"  # not 独居长者申请者: it narrows, it is not what is measured
    assert got["3.1年"] == "平均轮候时间"


TABLE = """消防處年報

過去兩年的召喚數字如下：

年份 | 火警宗數 | 宗數

2023 | 30,100宗 | 80,000宗

2024 | 31,200宗 | 82,000宗
"""


def test_a_table_row_takes_its_column_header(tmp_path: Path) -> None:
    got = _subjects(tmp_path, TABLE)
    assert got["30,100宗"] == "火警"
    assert got["31,200宗"] == "火警"
    assert got["80,000宗"] is None  # 宗数 alone names nothing counted


BROKEN_RUN = """社署通告

各區新增的資助宿位數目如下：

當局表示，有關數字會定期更新，並會按需要作出調整。

沙田：120個
"""


def test_prose_between_heading_and_row_ends_the_run(tmp_path: Path) -> None:
    assert _subjects(tmp_path, BROKEN_RUN)["120个"] is None


@pytest.mark.parametrize(
    ("heading", "noun"),
    [
        ("（一）过去五个财政年度落成的过渡性房屋单位数目如下：", "过渡性房屋单位"),
        ("各区的平均轮候时间如下：", "平均轮候时间"),
        ("过去三年，轮候资助宿位的人数如下：", "轮候资助宿位的人数"),
        ("二、消防处接获的火警召唤宗数如下：", "火警召唤"),
        ("数目如下：", None),
    ],
)
def test_noun_of_heading(heading: str, noun: str | None) -> None:
    assert _noun_of_heading(heading) == noun
