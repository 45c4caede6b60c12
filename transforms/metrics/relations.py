"""Part-of relations: 收集群众困难诉求5880件，其中已办结4899件、跟办981件 -> two parts of one whole.

The whole is the last metric before 其中 in the same sentence; the parts are the metrics of the
clause 其中 opens (up to the next ，), with the whole's unit. Later clauses continue the list only
while their metrics keep the unit and the parts still sum to no more than the whole
(…跟办981件，化解纠纷30余件 is a new count, not a third part). Part and whole must agree in unit:
其中 followed by a metric of another unit names an attribute, not a part. Rates do not add up
(``non_additive_kinds.txt``), a rate per something is no whole (``rate_markers.txt``: 每千人6.5批次),
and a 其中 inside parentheses ends at the closing one.
"""

from __future__ import annotations

from operator import itemgetter

import polars as pl

from transforms.lexicon import words
from transforms.schemas import RELATIONS, empty

MARKER = "其中"


_CLAUSE_END = "，,；;。"
# what the rules read of a metric row (the metrics frame has thirty-odd columns)
_COLUMNS = (
    "sha256",
    "sent_ix",
    "sentence",
    "local_start",
    "local_end",
    "value",
    "unit",
    "unit_kind",
    "metric_id",
)


def _clause_of(sentence: str, pos: int) -> int:
    """Index of the clause (counted by ，；) that ``pos`` falls in, from the start of the sentence."""
    return sum(1 for ch in sentence[:pos] if ch in _CLAUSE_END)


def _first_clause_sum(sentence: str, after: list[dict], marker: int, unit: str) -> float:
    """Sum of the parts in the clause 其中 opens that share ``unit``."""
    clause = _clause_of(sentence, after[0]["local_start"]) if after else 0
    total = 0.0
    for r in after:
        if r["unit"] != unit or _closes_parenthesis(sentence, marker, r["local_start"]):
            break
        if _clause_of(sentence, r["local_start"]) > clause:
            break
        total += r["value"]
    return total


def _whole(sentence: str, before: list[dict], after: list[dict], marker: int) -> dict | None:
    """The metric 其中 breaks down: the nearest one before it that is not a change (…赤字12000亿元，
    比去年增加4000亿元，其中…) -- or, when the parts would overrun it, the nearest earlier metric of
    the same unit that can hold them (处分647人，移送司法机关73人，其中，处分…54人、…285人). With no
    such metric the nearest stays, so the quality gate sees parts that really exceed their whole."""
    candidates = [
        r
        for r in reversed(before)
        if not any(
            w in sentence[max(0, r["local_start"] - 6) : r["local_start"]]
            for w in words("change_markers.txt")
        )
    ] or list(reversed(before))
    if not candidates:
        return None
    nearest = candidates[0]
    parts = _first_clause_sum(sentence, after, marker, nearest["unit"])
    for row in candidates:
        if row["unit"] == nearest["unit"] and row["value"] * (1 + 1e-9) >= parts:
            return row
    return nearest


def _can_be_whole(sentence: str, whole: dict) -> bool:
    if whole["unit_kind"] in words("non_additive_kinds.txt"):
        return False
    before = sentence[max(0, whole["local_start"] - 8) : whole["local_start"]]
    return not any(m in before for m in words("rate_markers.txt"))


def _closes_parenthesis(sentence: str, marker: int, start: int) -> bool:
    between = sentence[marker:start]
    return "）" in between or ")" in between


def _pairs(rows: list[dict]) -> list[tuple[str, str]]:
    sentence = rows[0]["sentence"]
    out: list[tuple[str, str]] = []
    at = sentence.find(MARKER)
    while at >= 0:
        before = [r for r in rows if r["local_end"] <= at]
        after = [r for r in rows if r["local_start"] >= at + len(MARKER)]
        whole = _whole(sentence, before, after, at)
        if whole is not None and after and _can_be_whole(sentence, whole):
            first_clause = _clause_of(sentence, after[0]["local_start"])
            total = 0.0
            for r in after:
                if r["unit"] != whole["unit"] or _closes_parenthesis(sentence, at, r["local_start"]):
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
    # one conversion and plain-Python grouping: a group_by and a sort per sentence cost ~0.2 ms each
    groups: dict[tuple[str, int], list[dict]] = {}  # in order of first appearance, as before
    for row in cand.select(_COLUMNS).to_dicts():
        groups.setdefault((row["sha256"], row["sent_ix"]), []).append(row)
    rows: list[tuple[str, str, str]] = []
    for (sha, _), group in groups.items():
        ordered = sorted(group, key=itemgetter("local_start"))
        rows += [(w, p, str(sha)) for w, p in _pairs(ordered)]
    return pl.DataFrame(rows, schema=RELATIONS, orient="row") if rows else empty(RELATIONS)
