"""Session 15 region readings: a count closing on 之一 sizes a set the page's place belongs to."""

from __future__ import annotations

from pathlib import Path

from transforms.parse import parse_batch


def _regions(tmp_path: Path, text: str) -> dict[str, str | None]:
    page = tmp_path / "page.txt"
    page.write_text(text, encoding="utf-8")
    m = parse_batch([page]).metrics
    return dict(zip(m["text"].to_list(), m["region"].to_list(), strict=True))


def test_a_national_set_the_place_is_one_of_has_no_region(tmp_path: Path) -> None:
    got = _regions(
        tmp_path,
        "丽水市2026年政府工作报告\n过去一年，我市入选全国首批12个生态产品价值实现试点城市之一，"
        "新增规上工业企业186家。松阳县成为国家第二批30个乡村振兴示范县之一。",
    )
    assert got["12个"] is None
    assert got["30个"] is None
    assert got["186家"] == "丽水市"


def test_a_set_without_a_national_word_keeps_the_page_s_place(tmp_path: Path) -> None:
    got = _regions(
        tmp_path,
        "丽水市2026年政府工作报告\n我市把城市口袋公园建设列为今年18件民生实事之一，全年建成口袋公园40个。",
    )
    assert got["18件"] == "丽水市"
    assert got["40个"] == "丽水市"


def _areas(tmp_path: Path, text: str) -> dict[str, str | None]:
    page = tmp_path / "page.txt"
    page.write_text(text, encoding="utf-8")
    m = parse_batch([page]).metrics
    return dict(zip(m["text"].to_list(), m["area"].to_list(), strict=True))


def test_a_clause_opening_on_the_whole_county_drops_an_earlier_clause_s_area(tmp_path: Path) -> None:
    got = _areas(
        tmp_path,
        "泗洪县融媒体中心讯\n青阳街道新建老年助餐点9个，全县农村低保对象医保参保率达到100%。"
        "青阳街道新建老年助餐点9个，覆盖老人1200名。",
    )
    assert got["100%"] is None
    assert got["1200名"] == "青阳街道"


def test_a_place_inside_a_later_item_of_a_list_closed_by_deng_is_that_item_s(tmp_path: Path) -> None:
    got = _regions(
        tmp_path,
        "云南省2026年政府工作报告\n过去五年，建成高原特色千亩蓝莓基地、昭通5万吨级苹果冷链仓储中心等现代农业园区46个。"
        "建成丽江、大理、保山等地州城市快速路12条。",
    )
    assert got["46个"] == "云南省"
    assert got["12条"] == "云南省"


def test_a_place_acting_before_a_list_closed_by_deng_keeps_the_count(tmp_path: Path) -> None:
    got = _regions(
        tmp_path,
        "央视网消息（新闻联播）：今年以来，各地加大稳就业力度。\n"
        "宁波北仑区出台了社保补贴、租房补助、创业担保贷款等28项措施。",
    )
    assert got["28项"] == "北仑区"
    got = _regions(
        tmp_path, "浙江省2026年政府工作报告\n开工建设宁波舟山港梅山码头、温州瓯江口大桥等15个项目。"
    )
    assert got["15个"] == "浙江省"


def test_respectively_pairs_only_the_figures_of_its_own_clause(tmp_path: Path) -> None:
    got = _areas(
        tmp_path,
        "泗洪县融媒体中心讯\n龙泉镇、石桥镇分别新建农村文化礼堂5个和3个，两镇礼堂总数占全县的三成。",
    )
    assert got["5个"] == "龙泉镇"
    assert got["3个"] == "石桥镇"
    assert got["三成"] is None


def test_a_clause_counting_areas_names_none_of_them(tmp_path: Path) -> None:
    got = _areas(
        tmp_path,
        "泗洪县融媒体中心讯\n龙泉镇今年种植西瓜3.6万亩，两大主产镇产量占全县的六成。",
    )
    assert got["3.6万亩"] == "龙泉镇"
    assert got["六成"] is None


def test_a_two_character_compound_name_after_another_area_is_read_in_its_chain(tmp_path: Path) -> None:
    got = _areas(
        tmp_path,
        "台州日报讯\n在路桥区路南街道金湖小区，8个单元加装了电梯。全区改造老旧小区15个。",
    )
    assert got["8个"] == "金湖小区"
    assert got["15个"] is None


def test_a_district_name_that_is_an_everyday_word_counts_only_in_its_own_province(tmp_path: Path) -> None:
    got = _regions(
        tmp_path,
        "呼伦贝尔市海拉尔区2019年政府工作报告\n全区完成棚改区、平房区改造面积35万平方米。",
    )
    assert got["35万平方米"] == "海拉尔区"
    got = _regions(tmp_path, "哈尔滨市2025年政府工作报告\n平房区新增规上工业企业12家。")
    assert got["12家"] == "平房区"


def test_a_slogan_counting_places_by_round_numbers_names_no_area(tmp_path: Path) -> None:
    got = _areas(
        tmp_path,
        "某省2026年政府工作报告\n深入实施“百县千镇万村”工程，首批建设20个典型镇。",
    )
    assert got["20个"] is None


def test_a_desert_holding_a_province_s_short_name_is_no_mention_of_it(tmp_path: Path) -> None:
    got = _regions(
        tmp_path, "内蒙古自治区2026年政府工作报告\n实现巴丹吉林沙漠锁边林带合龙，完成治沙1500万亩。"
    )
    assert got["1500万亩"] == "内蒙古自治区"
