"""The one parse chain: raw files -> files -> documents, stories, sentences -> metrics (+ relations), enriched.

Every caller -- the flow's batch task, ``minsheng extract``/``normalise``, the bench and the tests --
goes through :func:`parse_batch` (paths) or :func:`parse_files` (an already-read files frame), so the
stages are chained in exactly one place (dlt's pipeline module is the model). Reading the disk
happens only in :mod:`transforms.ingest`, at the edge; everything after it is pure.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

import polars as pl

from transforms.schemas import DOCUMENTS, FILES, METRICS, RELATIONS, SENTENCES, STORIES, conform, empty


@dataclasses.dataclass
class Parsed:
    """The frames of one batch (or of several, concatenated with :func:`concat`)."""

    files: pl.DataFrame
    documents: pl.DataFrame
    stories: pl.DataFrame
    sentences: pl.DataFrame
    metrics: pl.DataFrame
    relations: pl.DataFrame

    def frames(self) -> dict[str, pl.DataFrame]:
        """The frames the quality gate validates, by suite name."""
        return {
            "files": self.files,
            "documents": self.documents,
            "sentences": self.sentences,
            "metrics": self.metrics,
            "relations": self.relations,
        }


def parse_files(files: pl.DataFrame) -> Parsed:
    """FILES -> every frame of the batch: normalise, extract figures, decide what each is about."""
    from transforms.enrich.metrics import enrich_metrics
    from transforms.figures.extract import extract_metrics
    from transforms.text.normalise import normalise_files

    documents, stories, sentences = normalise_files(files)
    metrics, relations = extract_metrics(sentences)
    metrics = conform(enrich_metrics(metrics, documents, sentences, files, relations), METRICS)
    return Parsed(files, documents, stories, sentences, metrics, relations)


def parse_batch(paths: Sequence[str]) -> Parsed:
    """Read ``paths`` (a bad file becomes a row with ``error``, never an exception) and parse them."""
    from transforms.ingest import read_files

    return parse_files(read_files(list(paths)))


def concat(parts: Sequence[Parsed]) -> Parsed:
    """Concatenate batch frames in batch order; empty input gives empty frames of each schema."""

    def cat(name: str, schema: dict[str, pl.DataType]) -> pl.DataFrame:
        frames = [getattr(p, name) for p in parts if getattr(p, name).height]
        return pl.concat(frames, how="diagonal_relaxed") if frames else empty(schema)

    return Parsed(
        files=cat("files", FILES),
        documents=cat("documents", DOCUMENTS),
        stories=cat("stories", STORIES),
        sentences=cat("sentences", SENTENCES),
        metrics=cat("metrics", METRICS),
        relations=cat("relations", RELATIONS),
    )
