"""Helpers of the extraction tests: a sentences frame of one made-up sentence, as normalise gives it,
and the subject the rules give one metric of a sentence."""

from __future__ import annotations

import polars as pl

from transforms.metrics.grammar import find_metrics
from transforms.metrics.subjects import Span, facts_of


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


def subject(sentence: str, metric: str) -> str | None:
    """The subject given to the metric written ``metric`` in ``sentence``."""
    found = find_metrics(sentence)
    facts = facts_of(sentence, [Span(f.start, f.end, f.unit, f.kind) for f in found])
    return next(fact.subject for f, fact in zip(found, facts, strict=True) if f.text == metric)
