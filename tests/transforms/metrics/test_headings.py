"""Rows of a list or table under a heading take the heading's subject (transforms.metrics.headings)."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest

from transforms.metrics.headings import _noun_of_heading, inherit_headings
from transforms.parse import extract_capped, parse_batch


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


def _rows(lines: list[str]) -> dict[str, str | None]:
    """Subjects after the post-pass, for a page of ``lines`` given as its sentences (one paragraph
    each): the layout is fixed here, whatever the page joiner would make of it."""
    starts = [sum(len(t) + 1 for t in lines[:i]) for i in range(len(lines))]
    n = len(lines)
    sentences = pl.DataFrame(
        {
            "path": ["x.txt"] * n,
            "name": ["x.txt"] * n,
            "sha256": ["ab" * 32] * n,
            "story_ix": [0] * n,
            "para_ix": list(range(n)),
            "sent_ix": list(range(n)),
            "role": ["body"] * n,
            "char_start": starts,
            "char_end": [a + len(t) for a, t in zip(starts, lines, strict=True)],
            "text": lines,
        }
    ).with_columns(pl.col("story_ix", "para_ix", "sent_ix").cast(pl.Int32))
    metrics = inherit_headings(extract_capped(sentences)[0], sentences)
    return dict(zip(metrics["text"].to_list(), metrics["subject"].to_list(), strict=True))


def test_a_heading_joined_to_its_first_row_still_heads_the_rows() -> None:
    got = _rows(["（三）各类个案的平均处理时间如下：家庭个案：12天", "长者个案：9天"])
    assert got["12天"] == "平均处理时间"
    assert got["9天"] == "平均处理时间"


def test_rows_joined_into_one_sentence_share_the_heading() -> None:
    got = _rows(["过去三年新增的公共泊车位数目如下：", "2023年：320个2024年：410个", "2025年：505个"])
    assert [got[k] for k in ("320个", "410个", "505个")] == ["公共泊车位"] * 3


def test_a_colon_in_prose_is_no_heading() -> None:
    got = _rows(["发言人表示，当局会继续跟进，详情如下：", "据了解，目前另有约80个正在筹备中。"])
    assert got["约80个"] != "详情"


def test_a_bare_label_line_over_rows_heads_them() -> None:
    # a table caption on its own line, without a colon, over label：figure rows
    got = _rows(["署方回覆的资料如下。", "登记轮候人数", "2023年：740人", "2024年：812人"])
    assert got["740人"] == got["812人"]
    assert got["740人"] is not None and "轮候" in got["740人"]


def test_a_sentence_of_prose_over_rows_heads_nothing() -> None:
    got = _rows(["当局去年继续推展有关计划，成效理想。", "2023年：740人"])
    assert got["740人"] is None


def test_a_salutation_is_no_heading() -> None:
    # a LegCo answer opens 主席： before its rows: the rows count no 主席
    got = _rows(["主席：", "2023年：740宗", "2024年：812宗"])
    assert got["740宗"] is None and got["812宗"] is None
