"""The fallback theme of a sentence naming none is its own section's, not the whole page's.

A broadcast page (新闻联播-style) is one story under single-line subheadlines, opened by a numbered
list of headlines: a figure whose sentence and paragraph name no theme took the page's dominant
theme (a war abroad for the box office). Made-up page, run through the real parse chain.
"""

from __future__ import annotations

from pathlib import Path

from transforms.parse import parse_batch

PAGE = """# 《晚间新闻》 (20250101)

## 新闻摘要

本期节目主要内容：

1.边境冲突持续 多地遭袭；

2.暑期档电影市场火热；

（1）今年上半年全国规模以上工业增加值同比增长6.1%；

（2）某国宣布延长边境临时管控措施90天；

详细新闻

边境冲突持续 多地遭袭

边境地区的交火已持续12天，空袭和炮击仍在继续。军方称冲突仍在升级，停火谈判陷入僵局。

暑期档电影市场火热

今年暑期档电影票房突破100亿元，多部国产影片热映。

截至昨天，累计观看已达1.2亿人次。

工业生产稳中有升

今年上半年，全国规模以上工业企业利润同比增长3.2%，工业投资保持较快增长。制造业增加值占比稳定。
"""


def _topics(tmp_path: Path) -> dict[str, str]:
    page = tmp_path / "broadcast.txt"
    page.write_text(PAGE, encoding="utf-8")
    metrics = parse_batch([str(page)]).metrics
    return dict(metrics.select("text", "topic").iter_rows())


def test_a_sentence_naming_no_theme_takes_its_sections(tmp_path: Path) -> None:
    got = _topics(tmp_path)
    assert got["1.2亿人次"] == "culture_tourism"  # the box-office section's, not the war's
    assert got["12天"] == "other" and got["3.2%"] == "economy"


def test_a_numbered_headline_is_a_section_of_its_own(tmp_path: Path) -> None:
    # a border-control measure names no theme: not the digest's neighbouring economy headline
    assert _topics(tmp_path)["90天"] == "other"


def test_a_budgets_totals_are_the_economy_in_a_section_of_its_own(tmp_path: Path) -> None:
    # made up: a budget release in sections: the totals (总开支, 政府收入, 赤字) are public finance
    # (economy) even where a field's spending line in the same section names welfare
    page = tmp_path / "budget.txt"
    page.write_text(
        "新闻公报\n\n预算案摘要\n\n财政司今日公布预算案。\n\n二○二六年度预算\n\n"
        "本年度政府总开支预算为9,100亿元。社会福利开支为1,300亿元。\n\n"
        "政府收入预算为8,400亿元，综合赤字约700亿元。\n\n经济预测\n\n预测经济增长2%至3%。\n",
        encoding="utf-8",
    )
    got = dict(parse_batch([str(page)]).metrics.select("text", "topic").iter_rows())
    assert got["9,100亿元"] == got["8,400亿元"] == got["约700亿元"] == "economy"
    assert got["1,300亿元"] == "social_security"


def test_a_paragraph_opening_on_a_decimal_is_no_numbered_headline(tmp_path: Path) -> None:
    # made up: a hard-wrapped release whose second line opens on the figure (0.9%，…) stays in its
    # section: the CPI's theme, not a headline of its own naming none
    page = tmp_path / "cpi.txt"
    page.write_text(
        "澳门日报2026年9月24日 星期四 A02版\n八月综合消费物价指数按年升0.9%\n"
        "【本报消息】统计暨普查局昨日公布，八月份综合消费物价指数按年上升\n"
        "0.9%，升幅较七月份扩大0.2个百分点，主要是外出用膳\n收费及租金上调所致。\n",
        encoding="utf-8",
    )
    got = parse_batch([str(page)]).metrics.select("text", "char_start", "topic").sort("char_start")
    assert got["topic"].to_list()[-2:] == ["economy", "economy"]
