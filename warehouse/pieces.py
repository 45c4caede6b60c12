"""Cut a batch's normalised texts into doc_chunk's pieces in Python, before they are staged.

The pieces are the ones ``warehouse/sql/load/30_content.sql`` stores (schema 005): about 4000
characters each, every piece starting at a sentence start (the first at 0), so no sentence crosses
a boundary. DuckDB cut them with ``substr``, which counts code points from the start of the string:
cutting ~250 pieces out of a 1 MB text walked it ~250 times (the batch's third-costliest statement
on the bench corpus). A Python ``str`` indexes code points directly, so here each piece costs its
own length. The SQL keeps the choice of which document row a version's text comes from
(``stg_file``, by the ``doc_row`` staged with the documents), so the pieces stored are the same.
"""

from __future__ import annotations

import polars as pl

PIECE_CHARS = 4000  # a new piece starts at the first sentence start of each 4000-character block
DOC_ROW = "doc_row"  # a document row's index in the batch: what stg_file and the pieces join on
PIECES = {
    DOC_ROW: pl.UInt32,
    "sha256": pl.String,
    "chunk_ix": pl.Int32,
    "char_start": pl.Int64,
    "char_end": pl.Int64,
    "text": pl.String,
}


def with_doc_row(documents: pl.DataFrame) -> pl.DataFrame:
    """The staged documents with their row index (the key the pieces carry)."""
    return documents.with_row_index(DOC_ROW)


def piece_starts(sentences: pl.DataFrame) -> dict[str, list[int]]:
    """sha256 -> the starts (> 0, ascending) of its pieces after the first: the first sentence start
    of each 4000-character block, over every sentence row of the version (any path)."""
    found = (
        sentences.lazy()
        .select("sha256", "char_start")
        .filter(
            pl.col("sha256").is_not_null() & pl.col("char_start").is_not_null() & (pl.col("char_start") > 0)
        )
        .group_by("sha256", (pl.col("char_start") // PIECE_CHARS).alias("block"))
        .agg(pl.col("char_start").min().alias("start"))
        .group_by("sha256")
        .agg(pl.col("start").sort())
        .collect()
    )
    return dict(zip(found.get_column("sha256").to_list(), found.get_column("start").to_list(), strict=True))


def cut_pieces(documents: pl.DataFrame, sentences: pl.DataFrame) -> pl.DataFrame:
    """Every readable document row's pieces (``PIECES``): ``documents`` carries ``doc_row``
    (:func:`with_doc_row`); the last piece ends at the text's length."""
    starts = piece_starts(sentences)
    readable = documents.filter(
        pl.col("error").is_null() & pl.col("text").is_not_null() & pl.col("sha256").is_not_null()
    ).select(DOC_ROW, "sha256", "text")
    rows: dict[str, list] = {name: [] for name in PIECES}
    for doc_row, sha256, text in readable.iter_rows():
        bounds = [0, *starts.get(sha256, ())]
        n = len(text)
        for ix, start in enumerate(bounds):
            end = bounds[ix + 1] if ix + 1 < len(bounds) else n
            rows[DOC_ROW].append(doc_row)
            rows["sha256"].append(sha256)
            rows["chunk_ix"].append(ix)
            rows["char_start"].append(start)
            rows["char_end"].append(end)
            rows["text"].append(text[start:end])  # substr(text, start + 1, end - start) in DuckDB
    return pl.DataFrame(rows, schema=PIECES)
