"""Topic classification from the keyword lexicon, on crafted sentences and the seed pages."""

from __future__ import annotations

import polars as pl

from transforms.enrich.topics import classify_sentences, keywords, topic_table


def _sentences(texts: list[str], stories: list[int] | None = None) -> pl.DataFrame:
    return pl.DataFrame(
        {
            "sha256": ["d"] * len(texts),
            "story_ix": stories or [0] * len(texts),
            "sent_ix": list(range(len(texts))),
            "text": texts,
        }
    ).with_columns(pl.col("story_ix", "sent_ix").cast(pl.Int32))


def test_topic_table_lists_the_twelve_themes() -> None:
    table = topic_table()
    assert table.columns == ["topic", "name_zh", "name_en"]
    assert table["topic"].to_list()[-1] == "other"
    assert dict(table.select("topic", "name_zh").iter_rows())["rural"] == "乡村振兴"
    assert table.height == 12
    assert set(keywords()["topic"]) < set(table["topic"])


def test_sentences_get_the_topic_their_keywords_weigh_most() -> None:
    got = classify_sentences(
        _sentences(
            [
                "为小区居民加装电梯12部",
                "收集群众困难诉求5880件，其中已办结4899件",
                "新增公办幼儿园学位600个",
                "城乡居民医疗保险参保率达99.5%",
                "全区义诊1400余人次",
                "修复危桥3座，新建停车位200个",
            ]
        )
    )
    assert got["topic"].to_list() == [
        "housing",
        "petitions",
        "education",
        "social_security",  # 医疗保险 is social security, not health: the longer keyword wins
        "health",
        "transport",
    ]


def test_keywordless_sentences_fall_back_to_story_then_other() -> None:
    got = classify_sentences(
        _sentences(["修建污水管网5公里，垃圾分类", "累计完成12项", "今天天气晴朗"], stories=[0, 0, 1])
    )
    assert got["topic"].to_list() == ["environment", "environment", "other"]


def test_classifies_every_seed_sentence() -> None:
    from tests.transforms.enrich.test_regions import seed_frames

    _, sentences = seed_frames()
    got = classify_sentences(sentences)
    assert got.height == sentences.height
    assert got["topic"].is_in(topic_table()["topic"].implode()).all()
    share_other = (got["topic"] == "other").mean()
    assert share_other < 0.2
