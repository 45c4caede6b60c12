"""What every enrichment rule may look at: the batch's metrics and the text around them.

Each field of ``fact-spec.md`` is decided for the metric (clause, then sentence, then story, then
document), so every rule gets the same pre-filtered frames -- only the documents and sentences that
hold metrics -- and returns one row per ``metric_id``.
"""

from __future__ import annotations

import dataclasses

import polars as pl


@dataclasses.dataclass(frozen=True)
class Context:
    """The frames one enrichment rule works from (all restricted to documents with metrics)."""

    metrics: pl.DataFrame  # schema METRICS
    documents: pl.DataFrame  # schema DOCUMENTS, one row per sha256
    sentences: pl.DataFrame  # schema SENTENCES, one row per (sha256, sent_ix)
    files: pl.DataFrame | None  # schema FILES (sidecar ``meta``), may be None
    relations: pl.DataFrame | None  # schema RELATIONS (其中 parts), may be None
    # what one rule derives and another reuses (the page regions serve the metrics and the currency)
    memo: dict[str, object] = dataclasses.field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def of(
        cls,
        metrics: pl.DataFrame,
        documents: pl.DataFrame,
        sentences: pl.DataFrame,
        files: pl.DataFrame | None = None,
        relations: pl.DataFrame | None = None,
    ) -> Context:
        shas = metrics.select("sha256").unique()
        docs = documents.join(shas, on="sha256", how="semi").unique(
            "sha256", keep="first", maintain_order=True
        )
        # the same content under two paths shares a sha256: keep one copy so joins never multiply rows
        sents = sentences.join(shas, on="sha256", how="semi").unique(
            ["sha256", "sent_ix"], keep="first", maintain_order=True
        )
        if files is not None:
            files = files.join(shas, on="sha256", how="semi")
        return cls(metrics, docs, sents, files, relations)
