"""Reporting years: sidecar metadata over dateline over the most frequent stated year."""

from __future__ import annotations

import datetime as dt
import json

import polars as pl

from transforms.enrich.periods import document_years, sentence_years


def test_document_year_rules() -> None:
    docs = pl.DataFrame(
        {
            "sha256": ["meta", "dateline", "frequent", "future", "none"],
            "text": [
                "2019年以来，共办结诉求300件。",
                "本报讯 2021年7月5日，武隆区召开会议。2019年以来2019年2019年",
                "2020年完成改造，2021年新增，2021年目标，2019年以来",
                "2035年远景目标。2024年完成。",
                "今年以来办实事43件。",
            ],
        }
    )
    files = pl.DataFrame(
        {"sha256": ["meta", "dateline"], "meta": [json.dumps({"published": "2022-03-01"}), None]}
    )
    got = dict(document_years(docs, files, today=dt.date(2025, 1, 1)).iter_rows())
    assert got == {"meta": 2022, "dateline": 2021, "frequent": 2021, "future": 2024, "none": None}


def test_seed_years_come_from_the_text() -> None:
    from tests.transforms.enrich.test_regions import seed_frames

    documents, _ = seed_frames()
    got = document_years(documents)
    assert got.height == 5
    assert got["year"].drop_nulls().is_between(2019, 2024).all()


def test_sentence_states_its_own_year_unless_it_is_a_start() -> None:
    sents = pl.DataFrame(
        {
            "sha256": ["d"] * 4,
            "sent_ix": [0, 1, 2, 3],
            "text": [
                "2021年，全区收集诉求5880件",
                "2020年以来，惠及群众16.1万人次",
                "2020年和2021年分别完成3个",
                "无年份",
            ],
        }
    ).with_columns(pl.col("sent_ix").cast(pl.Int32))
    assert dict(sentence_years(sents).select("sent_ix", "year").iter_rows()) == {0: 2021}
