"""News kinds of years and modality (sample 4417 of the CCTV bench pages, heldout misses): each
test a made-up sentence of the construction, decided through the whole walk."""

from __future__ import annotations

from tests.transforms.enrich.test_periods import decide

NEWS = "20230505.txt"  # a dated file name: the publication year is 2023


def one(text: str) -> dict[str, tuple]:
    got = decide([[("headline", "某地新闻")], [text]], name=NEWS)
    return {k.split(":", 1)[1]: v for k, v in got.items()}


def test_a_clause_opened_by_a_conjunction_continues_a_planned_chain() -> None:
    got = one("卫生局将于年内增加病床400个，并额外招聘医生150人，涉及开支约12亿元。")
    assert [got[k][2] for k in ("400个", "150人", "12亿元")] == ["target"] * 3
    got = one("该国防长称，将向邻国提供军事援助，包括价值约3000万元的装备。")
    assert got["3000万元"][2] == "target"
    got = one("今年，该局将在两区新增托育中心两间，提供约160个托位。")
    assert got["160个"][2] == "target"


def test_a_conjunction_after_a_done_clause_stays_done() -> None:
    got = one("去年全市新建公园5个，并改造老旧小区30个，同时新增绿地100亩。")
    assert [got[k] for k in ("5个", "30个", "100亩")] == [(2022, 2022, "actual")] * 3
