"""Parts of a work report and the year a text names for itself (transforms.enrich.structure)."""

from __future__ import annotations

from transforms.enrich.structure import heading_part, text_year


def test_outside_a_report_only_a_numbered_dated_line_opens_a_part() -> None:
    """heading_part decides "no part" for an unnumbered line of a page not known to be a report
    before scanning its time expressions; what it decides is the same as before (made-up lines)."""
    for line in ("2025年工作回顾", "过去五年工作回顾", "回顾过去 展望未来", "今年以来的主要工作"):
        assert heading_part(line, single=True, report=False, published=2026) is None
    numbered = heading_part("一、2025年工作回顾", single=True, report=False, published=2026)
    assert numbered is not None and numbered.kind == "review" and numbered.period == (2025, 2025)
    assert heading_part("一、回顾过去 展望未来", single=True, report=False, published=2026) is None
    in_report = heading_part("2026年工作安排", single=True, report=True, published=2026)
    assert in_report is not None and in_report.kind == "plan"


def test_this_year_in_brackets_in_the_lead_is_the_publication_year() -> None:
    assert text_year("x.txt", "某部会新闻稿\n经济部今（112）年首度公布统计，出口额成长5%") == 2023
    assert text_year("x.txt", "县政府今(2024)年编列预算3亿元") == 2024


def test_a_day_or_a_past_year_in_brackets_is_not_the_publication_year() -> None:
    assert text_year("x.txt", "交通部今（5）日表示，去（111）年旅次减少") is None


def test_a_full_date_still_comes_first() -> None:
    assert text_year("x.txt", "2022年3月1日 某署今（113）年计划") == 2022


def test_a_start_date_in_the_lead_is_not_the_publication_date() -> None:
    # 自…起 / 从…起 says when a measure begins; the text's own date is another one, or none
    assert text_year("x.txt", "劳动部公告\n基本工资自115年1月1日起调升至29,500元") is None
    assert text_year("x.txt", "新规从2027年3月1日起施行。2026年12月1日 本报讯") == 2026
    assert text_year("x.txt", "2026年12月1日 本报讯 新规自2027年3月1日起施行") == 2026


def test_a_taiwan_pages_numeric_dateline_gives_the_publication_year() -> None:
    from transforms.enrich.structure import text_year

    assert text_year(None, "某县政府全球资讯网\n发布单位：社会处　发布日期：115-04-22\n县长表示") == 2026
    assert text_year(None, "更新时间 114/12/3") == 2025
    # an identifier is no date: a fourth digit, or 第…号
    assert text_year(None, "编号 115-04-223") is None
    assert text_year(None, "依第115-4-2号函办理") is None
