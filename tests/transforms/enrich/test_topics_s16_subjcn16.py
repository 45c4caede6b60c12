"""Topics of session 16 (helper subjcn16): a 分别 run of figures after a list of places shares the
theme of its first figure. Every page here is made up."""

from __future__ import annotations

from pathlib import Path

from tests.transforms.enrich.pages import topics_of


def test_a_respective_run_shares_its_first_figures_theme(tmp_path: Path) -> None:
    # 38家's own window is only 和: it is about what 46家 is about (the gig-job stations' firms)
    found = topics_of(
        tmp_path, "零工驿站建设\n\n青石镇、白沙镇零工驿站分别对接企业46家和38家。县人社局开展培训。\n"
    )
    assert found["38家"] == found["46家"]


def test_a_pair_of_incomes_still_splits(tmp_path: Path) -> None:
    found = topics_of(tmp_path, "报告\n\n城镇居民和农村居民人均可支配收入分别达到4.1万元和2.2万元。\n")
    assert (found["4.1万元"], found["2.2万元"]) == ("economy", "rural")
