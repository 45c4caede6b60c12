"""Crops and livestock are farming: 农作物种植面积 holds 物种 (species), which must not make it
biodiversity. Made-up sentences."""

from __future__ import annotations

from pathlib import Path

from transforms.parse import parse_batch


def _topics(tmp_path: Path, sentence: str) -> list[str]:
    page = tmp_path / "p.txt"
    page.write_text(sentence, encoding="utf-8")
    return parse_batch([str(page)]).metrics["topic"].to_list()


def test_crop_area_and_livestock_are_rural(tmp_path: Path) -> None:
    got = _topics(tmp_path, "全旗农作物种植面积62.5万亩，牲畜存栏18.4万头。")
    assert got == ["rural", "rural"]


def test_species_as_such_stay_environment(tmp_path: Path) -> None:
    assert _topics(tmp_path, "保护区内记录珍稀野生物种36种。") == ["environment"]


def test_running_schools_is_education(tmp_path: Path) -> None:
    assert _topics(tmp_path, "全省中外合作办学项目达到45个。") == ["education"]
