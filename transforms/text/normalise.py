"""Normalise decoded files: repairs, Traditional -> Simplified, layout -> documents, stories, sentences.

Order matters: the mojibake repair needs the original characters (it re-encodes them as GBK) and
pinyin annotations follow the original characters, so both run before t2s; the web-residue lexicon
is Simplified, so it runs after. Offsets of stories and sentences point into ``documents.text``.
"""

from __future__ import annotations

import json
from operator import itemgetter

import polars as pl

from transforms.schemas import DOCUMENTS, SENTENCES, STORIES, Schema
from transforms.text import repairs
from transforms.text.encoding import label_repairs
from transforms.text.script import detect_script, has_traditional, to_simplified
from transforms.text.segment import Segmented, segment


def normalise_text(raw: str) -> tuple[str, str, dict[str, int], Segmented]:
    """(script of the raw text, normalised text, repair counts, layout) of one decoded page."""
    counts: dict[str, int] = {}
    text = repairs.apply(raw, repairs.BEFORE_SCRIPT, counts)
    script = "simplified"  # what detect_script and to_simplified make of a page without Traditional
    if has_traditional(text):  # one scan for both, on the pages that have none (nearly all)
        script = detect_script(text)
        text, changed = to_simplified(text)
        if changed:
            counts["t2s"] = changed
    text = repairs.apply(text, repairs.AFTER_SCRIPT, counts)
    assert repairs.AFTER_SCRIPT[-1][1] is repairs.tidy_spaces  # it strips every line
    seg = segment(text, stripped=True)
    for kind, n in seg.counts.items():
        counts[kind] = counts.get(kind, 0) + n
    return script, seg.text, counts, seg


def normalise_files(files: pl.DataFrame) -> tuple[pl.DataFrame, pl.DataFrame, pl.DataFrame]:
    """FILES -> (DOCUMENTS, STORIES, SENTENCES). A file with an ``error`` keeps a documents row with
    that error and gets no sentences; a failure here is recorded, never raised."""
    docs: list[dict[str, object]] = []
    stories: dict[str, list[object]] = {k: [] for k in STORIES}  # column by column
    sentences: dict[str, list[object]] = {k: [] for k in SENTENCES}
    for row in files.iter_rows(named=True):
        doc = {k: row.get(k) for k in ("path", "name", "sha256", "encoding", "error")}
        raw = row.get("raw_text")
        if doc["error"] is None and raw is None:
            doc["error"] = "no text"
        if doc["error"] is not None:
            docs.append(doc)
            continue
        assert raw is not None  # a missing text was turned into an error and skipped just above
        try:
            script, text, counts, seg = normalise_text(raw)
        except Exception as exc:  # one pathological page must not stop the batch
            doc["error"] = f"normalisation failed: {exc.__class__.__name__}: {exc}"
            docs.append(doc)
            continue
        for kind, n in label_repairs(row.get("encoding")).items():  # byte-level repairs of the decoder
            counts[kind] = counts.get(kind, 0) + n
        doc.update(script=script, text=text, repairs=json.dumps(counts, ensure_ascii=False, sort_keys=True))
        docs.append(doc)
        _add_rows(stories, seg.stories, {"sha256": row.get("sha256")})
        n = len(seg.sentence_columns["text"])
        for k, col in sentences.items():
            col.extend(seg.sentence_columns[k] if k in seg.sentence_columns else [row.get(k)] * n)
    return (
        _frame(docs, DOCUMENTS),
        pl.DataFrame(stories, schema=STORIES),
        pl.DataFrame(sentences, schema=SENTENCES),
    )


def _add_rows(
    columns: dict[str, list[object]], rows: list[dict[str, object]], same: dict[str, object]
) -> None:
    """Append ``rows`` (each also holding ``same``) to ``columns``; a missing key is null."""
    for k, col in columns.items():
        if k in same:
            col.extend([same[k]] * len(rows))
            continue
        try:
            values = list(map(itemgetter(k), rows))  # in C; segment writes every key
        except KeyError:
            values = [r.get(k) for r in rows]
        col.extend(values)


def _frame(rows: list[dict[str, object]], schema: Schema) -> pl.DataFrame:
    """Built column by column: one list per column instead of a dict per row."""
    return pl.DataFrame({k: [r.get(k) for r in rows] for k in schema}, schema=schema)
