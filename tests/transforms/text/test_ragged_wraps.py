"""A ragged page (lines wrapped at any width) cut right before a figure is joined whatever the widths
(…按年上升 / 0.9%，…), but a heading with commas before a paragraph opening with a year (第五，商品购销
两旺… / 1979年…) stays a line of its own."""

from __future__ import annotations

from pathlib import Path

from transforms.parse import parse_batch


def _sentences(tmp_path: Path, text: str) -> dict[str, str]:
    page = tmp_path / "mo-ragged.txt"
    page.write_text(text, encoding="utf-8")
    m = parse_batch([str(page)]).metrics
    return dict(zip(m["text"].to_list(), m["sentence"].to_list(), strict=True))


def test_a_line_cut_before_its_figure_is_joined(tmp_path: Path) -> None:
    page = (
        "澳門日報　2026年9月2日　星期三　A02版\n\n八月酒店入住率按年升3.5個百分點\n\n"
        "【本報消息】旅遊局昨日公布，八月份全澳酒店客房平均入住率按年上升\n"
        "3.5個百分點，升幅較七月份擴大0.4個百分點，主要是暑假旅\n客增加所致。\n\n"
        "另外，旅遊局同日公布第三季旅行團統計，入境旅行團旅客有\n"
        "約18萬人次，按年增加一成，樓面\n面積。\n"
    )
    got = _sentences(tmp_path, page)
    assert got["3.5个百分点"].startswith("【本报消息】旅游局昨日公布")
    assert got["约18万人次"].startswith("另外，旅游局同日公布")


def test_a_comma_heading_before_a_year_stays_apart(tmp_path: Path) -> None:
    page = (
        "第五，商品購銷兩旺，城鄉零售市場活躍\n2025年全市社會消費品零售總額1,992億元，比上年增長4.5%。\n"
        "第六，科學、文教事業有了新的發展\n2025年全市取得重大科技成果300多項。\n"
    )
    got = _sentences(tmp_path, page)
    assert got["1,992亿元"].startswith("2025年全市")
    assert got["300多项"].startswith("2025年全市")
