"""The frames that pass between stages, declared once.

Every stage is a pure function from frames to frames; these schemas are the contract between
them (ingest -> normalise -> extract -> expectations -> warehouse). Offsets are Python string
indices (code points) into ``documents.text`` -- the normalised text of one file -- half-open
``[char_start, char_end)``, so ``text[char_start:char_end]`` is always the span.
"""

from __future__ import annotations

from collections.abc import Mapping

import polars as pl
from polars._typing import PolarsDataType

# A frame contract: column name -> polars dtype (a class such as pl.String or an instance).
Schema = Mapping[str, PolarsDataType]

# One raw file as read from disk (transforms.ingest.read_files).
FILES = {
    "path": pl.String,  # the path as given by the caller (provenance; the scorer uses its basename)
    "name": pl.String,  # basename
    "sha256": pl.String,  # of the raw bytes: the file's identity (content key)
    "bytes": pl.Int64,  # size in bytes
    "encoding": pl.String,  # detected encoding, null when undecodable
    "raw_text": pl.String,  # decoded text before any repair, null when undecodable
    "error": pl.String,  # why the file could not be read/decoded, else null
    "meta": pl.String,  # JSON of the optional sidecar metadata (published, source, region), else null
}

# One file after normalisation (transforms.text.normalise.normalise_files): its clean Simplified text.
DOCUMENTS = {
    "path": pl.String,
    "name": pl.String,
    "sha256": pl.String,
    "encoding": pl.String,
    "script": pl.String,  # 'traditional' | 'simplified' (of the raw text)
    "text": pl.String,  # the normalised text; all offsets point into it
    "repairs": pl.String,  # JSON object {repair kind: count}
    "error": pl.String,  # normalisation failure, else null
}

# One story of a page (headline + byline + body + captions, or a teaser block).
STORIES = {
    "sha256": pl.String,
    "story_ix": pl.Int32,  # 0-based order on the page
    "kind": pl.String,  # 'article' | 'teaser'
    "title": pl.String,  # headline text, may be null
    "byline": pl.String,  # byline text, may be null
    "char_start": pl.Int64,
    "char_end": pl.Int64,
}

# One sentence (split at 。！？；, full- or half-width, and at paragraph ends).
SENTENCES = {
    "path": pl.String,
    "name": pl.String,
    "sha256": pl.String,
    "story_ix": pl.Int32,
    "para_ix": pl.Int32,  # 0-based paragraph index within the document
    "sent_ix": pl.Int32,  # 0-based sentence index within the document
    "role": pl.String,  # 'headline' | 'subheadline' | 'byline' | 'body' | 'caption' | 'teaser'
    "char_start": pl.Int64,
    "char_end": pl.Int64,
    "text": pl.String,  # == documents.text[char_start:char_end]
}

# One extracted metric (transforms.metrics.extract.extract_metrics), the metric-spec fields + provenance.
METRICS = {
    "metric_id": pl.String,  # f"{sha256[:16]}:{char_start}:{char_end}" -- natural key
    "path": pl.String,  # 'file' in the CLI output
    "name": pl.String,
    "sha256": pl.String,
    "story_ix": pl.Int32,
    "sent_ix": pl.Int32,
    "char_start": pl.Int64,  # into documents.text
    "char_end": pl.Int64,
    "text": pl.String,  # the span
    "value": pl.Float64,
    "low": pl.Float64,
    "high": pl.Float64,
    "unit": pl.String,  # canonical unit
    "unit_kind": pl.String,  # count, people, households, area, length, money, percent, duration, ...
    "bound": pl.String,  # exact | approx | at_least | at_most
    "sentence": pl.String,
    "subject": pl.String,  # the counted thing, a short phrase, may be null (fact-spec: subject)
    "measure": pl.String,  # what happened to it: 收集, 办结, 增长 ... (fact-spec: measure), may be null
    "topic": pl.String,  # topic code (see transforms/enrich/lexicons/topics.csv)
    "region": pl.String,  # document region name (e.g. 武隆区), may be null
    "adcode": pl.String,  # GB/T 2260 code of that region, may be null
    "region_level": pl.String,  # province | city | county
    "area": pl.String,  # finer area the sentence names (街道/镇/乡/村/社区), may be null
    "year_from": pl.Int32,  # first year the metric refers to (fact-spec), null when nothing tells
    "year_to": pl.Int32,  # last year; equal to year_from for one year
    "modality": pl.String,  # actual | target
}

# One part-of relation: 收集诉求5880件，其中已办结4899件 -> part 4899件 of whole 5880件.
RELATIONS = {
    "whole_metric_id": pl.String,
    "part_metric_id": pl.String,
    "sha256": pl.String,
}

# One row held back by the quality gate, per failed expectation (expectations -> quarantine_metric).
QUARANTINE = {
    "run_id": pl.String,
    "metric_id": pl.String,
    "expectation": pl.String,
    "severity": pl.String,  # block | quarantine | warn
    "reason": pl.String,
    "row_json": pl.String,  # the metric row as JSON
    "text": pl.String,  # the span
    "sentence": pl.String,
    "path": pl.String,
}

# One expectation's outcome in one run (expectations -> audit_validation).
VALIDATION = {
    "run_id": pl.String,
    "suite": pl.String,  # the frame validated
    "expectation": pl.String,
    "severity": pl.String,
    "success": pl.Boolean,  # null: not evaluated
    "unexpected_count": pl.Int64,
    "element_count": pl.Int64,
    "details": pl.String,  # JSON: description, GX type, observed value, sample of offending keys, errors
}


def empty(schema: Schema) -> pl.DataFrame:
    """An empty frame of a declared schema (stages return these rather than None)."""
    return pl.DataFrame(schema=schema)


def conform(df: pl.DataFrame, schema: Schema) -> pl.DataFrame:
    """Select and cast to a declared schema; missing columns become nulls, so stages stay decoupled."""
    cols = [
        (pl.col(c).cast(t) if c in df.columns else pl.lit(None, dtype=t)).alias(c) for c, t in schema.items()
    ]
    return df.select(cols)
