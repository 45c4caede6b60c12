"""Which livelihood theme a sentence is about, from a weighted keyword lexicon (lexicons/topics.csv).

One Aho-Corasick pass (leftmost-longest) finds every keyword in every sentence; weights are summed per
topic. A sentence with no keyword takes its story's dominant topic (a figure in "其中已办结4899件" belongs
to the petitions story it sits in), then 'other'. Vectorised: it runs on the whole sentences frame.
"""

from __future__ import annotations

from functools import lru_cache

import polars as pl

from transforms.enrich.context import Context
from transforms.lexicon import table

TOPICS = {"topic": pl.String, "name_zh": pl.String, "name_en": pl.String}
SENTENCE_TOPICS = {"sha256": pl.String, "sent_ix": pl.Int32, "topic": pl.String}

_NAMES = (
    ("education", "教育", "education"),
    ("social_security", "社保", "social security"),
    ("health", "医疗", "health"),
    ("housing", "住房", "housing"),
    ("environment", "环保", "environment"),
    ("public_safety", "治安", "public safety"),
    ("transport", "交通", "transport"),
    ("rural", "乡村振兴", "rural revitalisation"),
    ("culture_tourism", "文旅", "culture & tourism"),
    ("party_building", "党建", "party building"),
    ("petitions", "诉求", "petitions"),
    ("other", "其他", "other"),
)


@lru_cache(maxsize=1)
def topic_table() -> pl.DataFrame:
    """The topic dimension: code, Chinese and English names (dim_topic)."""
    return pl.DataFrame(_NAMES, schema=TOPICS, orient="row")


@lru_cache(maxsize=1)
def keywords() -> pl.DataFrame:
    """The keyword lexicon (keyword, topic, weight), longest keyword first."""
    rows = [(r["keyword"], r["topic"], float(r["weight"])) for r in table("topics.csv")]
    frame = pl.DataFrame(
        rows, schema={"keyword": pl.String, "topic": pl.String, "weight": pl.Float64}, orient="row"
    )
    unknown = set(frame["topic"]) - set(topic_table()["topic"])
    if unknown:
        raise ValueError(f"topics.csv names unknown topics: {sorted(unknown)}")
    return frame.unique("keyword", keep="first").sort(
        pl.col("keyword").str.len_chars(), "keyword", descending=[True, False]
    )


def _scores(sentences: pl.DataFrame) -> pl.DataFrame:
    """(row, topic, score) for every sentence row with at least one keyword."""
    lex = keywords()
    return (
        sentences.select(
            pl.int_range(pl.len(), dtype=pl.UInt32).alias("row"),
            pl.col("text")
            .fill_null("")
            .str.extract_many(lex["keyword"].to_list(), leftmost=True)
            .alias("keyword"),
        )
        .explode("keyword")
        .drop_nulls("keyword")
        .join(lex, on="keyword")
        .group_by("row", "topic")
        .agg(pl.col("weight").sum().alias("score"))
    )


def _best(scores: pl.DataFrame, keys: list[str]) -> pl.DataFrame:
    """The top-scoring topic per key (ties broken by topic order in topic_table, so results are stable)."""
    order = topic_table().select("topic", pl.int_range(pl.len()).alias("rank"))
    return (
        scores.join(order, on="topic")
        .sort([*keys, "score", "rank"], descending=[*([False] * len(keys)), True, False])
        .unique(keys, keep="first", maintain_order=True)
        .select(*keys, "topic")
    )


def classify_sentences(sentences: pl.DataFrame) -> pl.DataFrame:
    """(sha256, sent_ix, topic) for every sentence: its keywords, else its story's topic, else 'other'."""
    story = pl.col("story_ix") if "story_ix" in sentences.columns else pl.lit(0, dtype=pl.Int32)
    base = sentences.select(
        pl.int_range(pl.len(), dtype=pl.UInt32).alias("row"),
        "sha256",
        pl.col("sent_ix").cast(pl.Int32),
        story.cast(pl.Int32).fill_null(-1).alias("story_ix"),
    )
    scores = _scores(sentences)
    own = _best(scores, ["row"]).rename({"topic": "own"})
    story_scores = (
        scores.join(base, on="row").group_by("sha256", "story_ix", "topic").agg(pl.col("score").sum())
    )
    dominant = _best(story_scores, ["sha256", "story_ix"]).rename({"topic": "story_topic"})
    return (
        base.join(own, on="row", how="left")
        .join(dominant, on=["sha256", "story_ix"], how="left")
        .sort("row")
        .select("sha256", "sent_ix", pl.coalesce("own", "story_topic", pl.lit("other")).alias("topic"))
    )


def figure_topics(ctx: Context) -> pl.DataFrame:
    """(metric_id, topic) for every figure of the batch."""
    keys = ["sha256", "sent_ix"]
    return (
        ctx.metrics.select("metric_id", *keys)
        .join(classify_sentences(ctx.sentences), on=keys, how="left")
        .select("metric_id", "topic")
    )
