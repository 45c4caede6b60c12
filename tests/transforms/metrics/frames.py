"""A sentences frame of one made-up sentence, as normalise gives it, for the extraction tests."""

from __future__ import annotations

import polars as pl


def one_sentence(text: str, *, path: str = "x.txt", char_start: int = 0) -> pl.DataFrame:
    """``text`` as the only sentence of a one-paragraph page at ``path``."""
    return pl.DataFrame(
        {
            "path": [path],
            "name": [path],
            "sha256": ["cd" * 32],
            "story_ix": [0],
            "para_ix": [0],
            "sent_ix": [0],
            "role": ["body"],
            "char_start": [char_start],
            "char_end": [char_start + len(text)],
            "text": [text],
        }
    ).with_columns(pl.col("story_ix", "para_ix", "sent_ix").cast(pl.Int32))
