"""Session 14: a local paper's masthead, an autonomous county's everyday name, and an area named
after 的. Pages made up."""

from __future__ import annotations

from pathlib import Path

import polars as pl

from transforms.enrich.regions.areas import area_mentions
from transforms.enrich.regions.page import resolve_region
from transforms.parse import parse_batch


def _sentences(texts: list[str]) -> pl.DataFrame:
    """One page's sentences, numbered in order, as area_mentions reads them."""
    return pl.DataFrame({"sha256": ["p"] * len(texts), "sent_ix": list(range(len(texts))), "text": texts})


def _facts(tmp_path: Path, text: str) -> list[tuple[str, str | None, str | None]]:
    page = tmp_path / "page.txt"
    page.write_text(text, encoding="utf-8")
    got = parse_batch([str(page)]).metrics
    return list(got.select("text", "adcode", "area").iter_rows())


def test_a_local_paper_s_masthead_names_the_page_s_place(tmp_path: Path) -> None:
    # 绍兴日报 in the first line: the page is 绍兴市's even though the body says only 全市
    text = "绍兴日报 2026年10月9日 第A2版\n\n就业帮扶见成效\n\n今年以来，全市新增城镇就业1.2万人，帮扶困难人员就业800人。\n"
    assert [adcode for _, adcode, _ in _facts(tmp_path, text)] == ["330600", "330600"]
    # the same short name once in the body is no evidence of the page's place (it could be an origin)
    assert (
        resolve_region("就业帮扶见成效\n今年以来，全市新增就业1.2万人，其中来自绍兴的务工人员800人。") is None
    )
    # a national paper is no place: 经济日报 names none
    assert resolve_region("经济日报 2026年10月9日\n今年以来，全国新增城镇就业1000万人。") is None


def test_an_autonomous_county_is_read_by_its_everyday_name_when_its_stem_is_a_common_word() -> None:
    # 大通 is stoplisted as a bare word (大通关), but 大通县 is the everyday name of 大通回族土族自治县
    assert resolve_region("西宁市教育局消息\n大通县新建寄宿制学校2所，大通县今年招生800人。") == "630121"


def test_an_area_named_after_de_is_read_with_its_left_edge() -> None:
    # 九曲街道的沂河花园小区: after 的 the name's start is known, so a four-character 小区 name is read
    sentences = _sentences(["城南街道的金桂花园小区共有住户600余户。", "位于龙泉镇的石板滩村新建道路3公里。"])
    got = area_mentions(sentences)
    assert got.filter(pl.col("sent_ix") == 0)["area"].to_list() == ["城南街道", "金桂花园小区"]
    assert got.filter(pl.col("sent_ix") == 1)["area"].to_list() == ["龙泉镇", "石板滩村"]


def test_a_figure_after_a_chain_with_de_takes_the_finest_area(tmp_path: Path) -> None:
    text = "某某区融媒体中心\n\n城南街道的金桂花园小区建于上世纪90年代，共有住户600余户，新增充电桩80个。\n"
    assert [area for _, _, area in _facts(tmp_path, text)] == ["金桂花园小区", "金桂花园小区"]


def test_a_dateline_names_the_page_s_place() -> None:
    # an agency's dateline (社|网 + place + date + 电/讯/消息) says where the story is from
    body = "\n今年以来，全市新增城镇就业岗位3000个，帮扶困难人员就业500人。"
    assert resolve_region("新华社洛阳11月3日电（记者 某某）" + body) == "410300"
    assert resolve_region("掌上南昌11月3日讯" + body) == "360100"
    # the same city named once in the body, not as a dateline, is no evidence of the page's place
    assert resolve_region("记者11月3日获悉" + body + "其中赴洛阳务工人员800人。") is None


def test_a_street_or_community_named_by_its_rank_is_no_area() -> None:
    # 主要街道 (main streets) and 重点社区 (key communities) are kinds of places, not names
    sentences = _sentences(
        [
            "投入800万元对城区主要街道破损路面进行修复。",
            "在全区重点社区新建服务站30个。",
            "在城关镇主要街道新增路灯200盏。",  # the named town stays
        ]
    )
    assert area_mentions(sentences)["area"].to_list() == ["城关镇"]


def test_a_short_name_right_after_a_county_is_a_feature_of_that_county() -> None:
    # 田林县右江…: the 右江 river valley inside the county, not the sibling district 右江区
    from transforms.enrich.regions.mentions import _mentions
    from transforms.enrich.regions.naming import _named

    text = "百色市田林县右江河谷灌区完成渠道改造30公里"
    found = _mentions(pl.Series([text]))[0]
    assert _named(text, found, "450000") == ["451000", "451029"]


def test_an_area_name_may_end_in_zhou_or_he() -> None:
    # 州 and 和 are boundary words (黔东南州…, 市和县), but they also end names: 古州镇, 元和街道
    sentences = _sentences(
        [
            "在南州镇，全镇新建学校2所。",
            "永和乡新建道路8公里。",
            "送课下乡50次。",
            "快递进村覆盖率达90%。",
        ]
    )
    got = area_mentions(sentences)
    assert got["area"].to_list() == ["南州镇", "永和乡"]


def test_a_figure_about_a_list_of_areas_has_none_unless_respectively_pairs_them(tmp_path: Path) -> None:
    text = (
        "某某县融媒体中心\n\n"
        "城关街道、新华街道分别建成5所和3所幼儿园。\n"
        "在东关街道、西关街道等8个街道试点新机制。\n"
        "红星乡和龙泉乡共新建道路13公里。\n"
        "青石镇新建道路3公里。\n"
    )
    assert [area for _, _, area in _facts(tmp_path, text)] == ["城关街道", "新华街道", None, None, "青石镇"]


def test_a_market_town_with_a_name_and_words_before_community_are_read() -> None:
    # 胡集镇 is a name built on the kind 集镇; 现有/举办 before 社区 are no part of a name
    sentences = _sentences(
        [
            "在李集镇，设立劝导站32个。",
            "推进特色集镇建设，新建公厕10座。",
            "全港现有社区回收点逾200个。",
        ]
    )
    assert area_mentions(sentences)["area"].to_list() == ["李集镇"]
