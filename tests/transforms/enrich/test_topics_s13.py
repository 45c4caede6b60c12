"""Session 13's topic kinds (made-up sentences): the people a water project reaches are not population."""

from __future__ import annotations

from pathlib import Path

from transforms.parse import parse_batch


def _topics(tmp_path: Path, sentence: str) -> list[str]:
    page = tmp_path / "p.txt"
    page.write_text(sentence, encoding="utf-8")
    return parse_batch([str(page)]).metrics["topic"].to_list()


def test_people_a_programme_reaches_take_its_theme(tmp_path: Path) -> None:
    assert _topics(tmp_path, "某镇新建农村饮水安全工程4处，受益人口2.3万人。") == ["rural", "rural"]


def test_a_place_s_population_as_such_is_still_other(tmp_path: Path) -> None:
    assert _topics(tmp_path, "全县常住人口达到46万人。") == ["other"]


def test_an_industry_s_size_is_the_economy_s(tmp_path: Path) -> None:
    assert _topics(tmp_path, "生物医药产业规模突破2000亿元。") == ["economy"]


def test_telecom_base_stations_are_science_and_technology(tmp_path: Path) -> None:
    assert _topics(tmp_path, "今年新建农村地区基站520个。") == ["science_tech"]


def test_visitor_spending_is_tourism_not_transport(tmp_path: Path) -> None:
    assert _topics(tmp_path, "旅客人均消费为1,980澳门元，按年上升3.4%。") == ["culture_tourism"] * 2
