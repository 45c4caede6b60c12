"""Part-of relations: 收集群众困难诉求5880件，其中已办结4899件、跟办981件 -> two parts of one whole.

The whole is the last figure before 其中 in the same sentence; the parts are the figures after it,
up to the end of the sentence, that share the whole's unit. Part and whole must agree in unit:
其中 followed by a figure of another unit names an attribute, not a part.
"""

from __future__ import annotations

import polars as pl

from transforms.schemas import RELATIONS, empty

MARKER = "其中"


def _pairs(rows: list[dict]) -> list[tuple[str, str]]:
    sentence = rows[0]["sentence"]
    out: list[tuple[str, str]] = []
    at = sentence.find(MARKER)
    while at >= 0:
        before = [r for r in rows if r["local_end"] <= at]
        after = [r for r in rows if r["local_start"] >= at + len(MARKER)]
        if before and after:
            whole = before[-1]
            out += [(whole["metric_id"], r["metric_id"]) for r in after if r["unit"] == whole["unit"]]
        at = sentence.find(MARKER, at + len(MARKER))
    return out


def part_of_relations(metrics: pl.DataFrame) -> pl.DataFrame:
    """RELATIONS rows for a metrics frame that still has the sentence and local offsets."""
    cand = metrics.filter(pl.col("sentence").str.contains(MARKER, literal=True))
    if cand.is_empty():
        return empty(RELATIONS)
    rows: list[tuple[str, str, str]] = []
    for (sha, _), group in cand.group_by(["sha256", "sent_ix"], maintain_order=True):
        ordered = group.sort("local_start").to_dicts()
        rows += [(w, p, str(sha)) for w, p in _pairs(ordered)]
    return pl.DataFrame(rows, schema=RELATIONS, orient="row") if rows else empty(RELATIONS)
