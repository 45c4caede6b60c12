"""warehouse.pieces cuts the same pieces as the SQL it replaced (DuckDB substr over the whole text)."""

from __future__ import annotations

import random

import duckdb
import polars as pl

from warehouse.pieces import PIECES, cut_pieces, with_doc_row

# The statement of warehouse/sql/load/30_content.sql before the pieces were cut in Python (stg_file
# then carried the text): the reference the Python cut must match row for row.
REFERENCE_SQL = """
WITH starts AS (
    SELECT sha256, min(char_start) AS char_start
    FROM stg_sentences
    WHERE sha256 IN (SELECT sha256 FROM stg_file) AND char_start IS NOT NULL AND char_start > 0
    GROUP BY sha256, char_start // 4000
    UNION
    SELECT sha256, 0 FROM stg_file
),
bounds AS (
    SELECT sha256,
           list({'chunk_ix': chunk_ix, 'char_start': char_start, 'next_start': next_start} ORDER BY chunk_ix) AS pieces
    FROM (
        SELECT sha256, char_start,
               lead(char_start) OVER (PARTITION BY sha256 ORDER BY char_start) AS next_start,
               row_number() OVER (PARTITION BY sha256 ORDER BY char_start) - 1 AS chunk_ix
        FROM starts
    )
    GROUP BY sha256
),
cut AS (
    SELECT b.sha256,
           unnest(list_transform(b.pieces, x -> {
               'chunk_ix': x.chunk_ix,
               'char_start': x.char_start,
               'char_end': coalesce(x.next_start, length(f.text)),
               'text': substr(f.text, x.char_start + 1, coalesce(x.next_start, length(f.text)) - x.char_start)
           })) AS piece
    FROM bounds b JOIN stg_file f ON f.sha256 = b.sha256
)
SELECT sha256, CAST(piece.chunk_ix AS INTEGER) AS chunk_ix, piece.char_start, piece.char_end, piece.text
FROM cut ORDER BY ALL
"""

_ALPHABET = "民生政府工作报告全年新增就业人口万元。，；、abc 123\n"


def _random_batch(rng: random.Random, docs: int) -> tuple[pl.DataFrame, pl.DataFrame]:
    documents: dict[str, list] = {"path": [], "sha256": [], "text": [], "error": []}
    sentences: dict[str, list] = {"path": [], "sha256": [], "sent_ix": [], "char_start": [], "char_end": []}
    for d in range(docs):
        n = rng.choice([0, 1, 50, 3999, 4000, 4001, rng.randrange(20_000)])
        text = "".join(rng.choice(_ALPHABET) for _ in range(n))
        sha = f"sha{d}"
        documents["path"].append(f"/raw/{d}.txt")
        documents["sha256"].append(sha)
        documents["text"].append(text)
        documents["error"].append(None)
        starts = sorted(rng.sample(range(n + 1), min(n + 1, rng.randrange(1, 40))))
        if rng.random() < 0.2:
            starts.append(n + rng.randrange(3))  # a start at or past the end (malformed input)
        for ix, start in enumerate(starts):
            sentences["path"].append(f"/raw/{d}.txt")
            sentences["sha256"].append(sha)
            sentences["sent_ix"].append(ix)
            sentences["char_start"].append(None if rng.random() < 0.02 else start)
            sentences["char_end"].append(start)
    return pl.DataFrame(documents), pl.DataFrame(sentences)


class _Stream:
    """A polars frame for DuckDB through the Arrow C stream (no pyarrow here)."""

    def __init__(self, df: pl.DataFrame) -> None:
        self.df = df

    def __arrow_c_stream__(self, requested_schema: object = None) -> object:
        return self.df.__arrow_c_stream__(requested_schema)


def _reference(documents: pl.DataFrame, sentences: pl.DataFrame) -> list[tuple]:
    con = duckdb.connect()
    stg_file = documents.filter(pl.col("error").is_null() & pl.col("text").is_not_null()).select(
        "sha256", "text"
    )
    con.register("stg_file", _Stream(stg_file))
    con.register("stg_sentences", _Stream(sentences))
    return con.execute(REFERENCE_SQL).fetchall()


def _python(documents: pl.DataFrame, sentences: pl.DataFrame) -> list[tuple]:
    got = cut_pieces(with_doc_row(documents), sentences).drop("doc_row")
    return sorted(got.iter_rows())


def test_cut_pieces_matches_the_sql_cut_on_made_up_texts() -> None:
    rng = random.Random(14)
    for _ in range(20):
        documents, sentences = _random_batch(rng, 12)
        assert _python(documents, sentences) == _reference(documents, sentences)


def test_every_readable_document_row_gets_its_pieces_keyed_by_row() -> None:
    documents = pl.DataFrame(
        {
            "path": ["/a.txt", "/b.txt", "/c.txt"],
            "sha256": ["s1", "s1", "s2"],
            "text": ["民生" * 3000, "民生" * 3000, None],
            "error": [None, None, "undecodable"],
        }
    )
    sentences = pl.DataFrame(
        {"path": ["/a.txt", "/b.txt"], "sha256": ["s1", "s1"], "char_start": [4500, 100], "sent_ix": [1, 0]}
    )
    got = cut_pieces(with_doc_row(documents), sentences)
    assert got.schema == pl.Schema(PIECES)
    # both rows of s1 (the SQL picks one of them by doc_row), cut at the starts of every path's
    # sentences of the version; the unreadable row has none
    assert got.get_column("doc_row").to_list() == [0, 0, 0, 1, 1, 1]
    assert got.select("char_start", "char_end").rows() == [(0, 100), (100, 4500), (4500, 6000)] * 2
    assert "".join(got.filter(pl.col("doc_row") == 0).get_column("text")) == "民生" * 3000
