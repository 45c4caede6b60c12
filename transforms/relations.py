"""Part-of relations: 收集群众困难诉求5880件，其中已办结4899件、跟办981件 -> two parts of one whole.

The whole is the last figure before 其中 in the same sentence; the parts are the figures of the
clause 其中 opens (up to the next ，), with the whole's unit. Later clauses continue the list only
while their figures keep the unit and the parts still sum to no more than the whole
(…跟办981件，化解纠纷30余件 is a new count, not a third part). Part and whole must agree in unit:
其中 followed by a figure of another unit names an attribute, not a part.
"""

from __future__ import annotations

import polars as pl

from transforms.schemas import RELATIONS, empty

MARKER = "其中"


_CLAUSE_END = "，,；;。"


def _clause_of(sentence: str, pos: int) -> int:
    """Index of the clause (counted by ，；) that ``pos`` falls in, from the start of the sentence."""
    return sum(1 for ch in sentence[:pos] if ch in _CLAUSE_END)


def _pairs(rows: list[dict]) -> list[tuple[str, str]]:
    sentence = rows[0]["sentence"]
    out: list[tuple[str, str]] = []
    at = sentence.find(MARKER)
    while at >= 0:
        before = [r for r in rows if r["local_end"] <= at]
        after = [r for r in rows if r["local_start"] >= at + len(MARKER)]
        if before and after:
            whole = before[-1]
            first_clause = _clause_of(sentence, after[0]["local_start"])
            total = 0.0
            for r in after:
                if r["unit"] != whole["unit"]:
                    break
                total += r["value"]
                if _clause_of(sentence, r["local_start"]) > first_clause and total > whole["value"]:
                    break
                out.append((whole["metric_id"], r["metric_id"]))
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
