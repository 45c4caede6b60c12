"""A page whose text extraction spaced every digit apart (1 9 9 7年, 7 4 7 7 2亿元, 2 ．5亿千瓦, 1 1 %) is
joined back, so its figures are whole (before: 2亿元 out of 74772亿元, 7年 out of 1997年); a page
with one run of spaced digits (a list, a phone number) is left alone. An old page that groups
thousands with a full-width comma (1，992亿元 -> 1,992亿元, before: 992亿元), is joined too when it does so three times."""

from __future__ import annotations

from pathlib import Path

import pytest

from transforms.parse import parse_batch
from transforms.text.repairs import join_comma_groups, join_spaced_digits

DAMAGED = (
    "1 9 9 6年全市地区生产总值达到3 4 5 6亿元，比上年增长1 2 %。"
    "1 9 9 6年粮食产量达到2 ．5亿公斤，工业增加值年均增长9 ．8 %。"
)


def test_a_damaged_page_is_joined() -> None:
    text, n = join_spaced_digits(DAMAGED)
    assert text == (
        "1996年全市地区生产总值达到3456亿元，比上年增长12%。1996年粮食产量达到2.5亿公斤，工业增加值年均增长9.8%。"
    )
    assert n > 0


@pytest.mark.parametrize(
    "text", ["请选1 2 3其中一项。", "查询电话：2 8 5 6 2 3 2 2。", "分为1 2两组，共3 0人"]
)
def test_too_few_runs_is_no_damage(text: str) -> None:
    assert join_spaced_digits(text) == (text, 0)


def test_the_figures_of_a_damaged_page_are_whole(tmp_path: Path) -> None:
    page = tmp_path / "cn-report-1997.txt"
    page.write_text(DAMAGED + "\n", encoding="utf-8")
    texts = parse_batch([str(page)]).metrics["text"].to_list()
    assert texts == ["3456亿元", "12%", "2.5亿公斤", "9.8%"]


OLD_GROUPS = (
    "粮食产量33，212万吨，比上年增加2，737万吨；社会商品零售总额1，753亿元；取得重大科学技术成果3，000多项。"
)


def test_full_width_comma_groups_on_an_old_page_are_one_number() -> None:
    text, n = join_comma_groups(OLD_GROUPS)
    assert (
        text
        == "粮食产量33,212万吨，比上年增加2,737万吨；社会商品零售总额1,753亿元；取得重大科学技术成果3,000多项。"
    )
    assert n == 4


@pytest.mark.parametrize("text", ["收购商品总额1，992亿元，比上年增长。", "分为1，2，3组，共12，345人。"])
def test_one_comma_group_or_a_list_is_left(text: str) -> None:
    assert join_comma_groups(text) == (text, 0)


def test_the_figures_of_an_old_page_are_whole(tmp_path: Path) -> None:
    page = tmp_path / "cn-report-1980.txt"
    page.write_text(OLD_GROUPS + "\n", encoding="utf-8")
    texts = parse_batch([str(page)]).metrics["text"].to_list()
    assert texts == ["33,212万吨", "2,737万吨", "1,753亿元", "3,000多项"]
