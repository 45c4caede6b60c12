"""Places of news figures: a written chain carried whole, a province before 社区 as a modifier, and
region words that name one item or lie inside one province."""

from __future__ import annotations

import polars as pl

from tests.transforms.enrich.test_regions import _metric_regions
from transforms.enrich.regions import sentence_areas


def test_a_chain_opening_an_earlier_clause_is_carried_whole() -> None:
    # the chain starts inside the carry window but ends past it: the city, not only its province
    got = _metric_regions(["新华街位于河南洛阳东部，是当地的主要商业街，周边有3万多商户"], [["3万多"]])
    assert got == [["410300"]]


def test_a_province_before_a_community_service_noun_is_the_province() -> None:
    got = _metric_regions(["目前，江西社区卫生服务中心数量达到了900个。"], [["900个"]])
    assert got == [["360000"]]
    sents = pl.DataFrame(
        {
            "sha256": ["p", "p"],
            "sent_ix": [0, 1],
            "text": ["目前，江西社区卫生服务中心数量达到了900个。", "目前，幸福社区卫生服务中心有医生12名。"],
        }
    ).with_columns(pl.col("sent_ix").cast(pl.Int32))
    got_areas = dict(sentence_areas(sents).select("sent_ix", "area").iter_rows())
    assert got_areas == {1: "幸福社区"}  # a real community's centre keeps its community
