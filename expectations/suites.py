"""Every expectation of the quality gate, declared once, with its severity and a human description.

Why one list: a reviewer must be able to read in one place what the gate checks and what happens to a
row that fails -- ``block`` (the whole load is refused, nothing changes), ``quarantine`` (the row is
held back with its reason) or ``warn`` (loaded, flagged). The runner turns each entry into a Great
Expectations expectation on the frame named by ``frame``; GX decides which rows fail.

Some checks need facts from another frame (the span against its document's text, the parts of a 其中
relation against their whole). Those facts are computed here as *derived columns* with polars
(:func:`derive`) and GX then checks the derived column, so every verdict still comes from GX.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, Literal

import polars as pl

from transforms.schemas import DOCUMENTS, FILES, METRICS, RELATIONS, SENTENCES

Severity = Literal["block", "quarantine", "warn"]
Frames = Mapping[str, pl.DataFrame]

SCHEMAS: dict[str, dict[str, pl.DataType]] = {
    "files": FILES,
    "documents": DOCUMENTS,
    "sentences": SENTENCES,
    "metrics": METRICS,
    "relations": RELATIONS,
}
FRAMES = tuple(SCHEMAS)
BOUNDS = ("exact", "approx", "at_least", "at_most")
SCRIPTS = ("simplified", "traditional")
RATE_WORDS_FILE = Path(__file__).with_name("rate_words.txt")
RATE_WINDOW = 12  # characters of the clause before a figure searched for a share word
CLAUSE_BREAKS = "，,、；;：:。！？!?"
# How far a document's metric count may stray from the run's usual range before we warn:
# Tukey's far-out fences (Q1 - 3 IQR, Q3 + 3 IQR), never narrower than median * 4 + 40, so a
# handful of seed pages does not flag normal variation.
COUNT_FENCE_IQR = 3.0
COUNT_FENCE_FLOOR = (4.0, 40)
# Parts of a 其中 relation may exceed an approximate whole by this much (近5000人 vs parts 5100).
WHOLE_TOLERANCE = {"exact": 0.0, "at_most": 0.0, "approx": 0.1}  # at_least wholes: no upper limit


class NotEvaluated(Exception):
    """An expectation cannot run yet (a module it needs is missing); reported, never silently passed."""


@dataclass(frozen=True)
class Expectation:
    """One declared expectation.

    ``kwargs`` is either the GX keyword arguments or a function of the (derived) frames that
    returns them -- for values known only at run time, such as the unit list or count fences.
    ``reason`` is formatted with the failing row of ``frame`` to tell a reviewer what is wrong.
    """

    name: str
    frame: str
    gx_type: str  # class name in great_expectations.expectations
    kwargs: Mapping[str, Any] | Callable[[Frames], dict[str, Any]]
    severity: Severity
    description: str
    reason: str = ""
    meta: Mapping[str, Any] = field(default_factory=dict)

    def resolve(self, frames: Frames) -> dict[str, Any]:
        """The GX kwargs for this run; raises :class:`NotEvaluated` when a dependency is missing."""
        return dict(self.kwargs(frames) if callable(self.kwargs) else self.kwargs)

    def explain(self, row: Mapping[str, Any]) -> str:
        """The reason for one failing row (missing fields and nulls read as '?')."""
        clean = {k: ("?" if v is None else f"{v:g}" if isinstance(v, float) else v) for k, v in row.items()}
        return self.reason.format_map(_Fields(clean)) if self.reason else self.description


class _Fields(dict):
    def __missing__(self, key: str) -> str:
        return "?"


# ---------------------------------------------------------------- lexicons and run-time parameters


@cache
def rate_words() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(share words, veto words) from rate_words.txt, longest first."""
    shares, vetoes = set(), set()
    for line in RATE_WORDS_FILE.read_text(encoding="utf-8").splitlines():
        word = line.strip()
        if not word or word.startswith("#"):
            continue
        (vetoes if word.startswith("!") else shares).add(word.lstrip("!"))
    order = lambda ws: tuple(sorted(ws, key=lambda w: (-len(w), w)))  # noqa: E731
    return order(shares), order(vetoes)


def known_units() -> list[str]:
    """Canonical units the warehouse knows (dim_unit), from transforms.figures.units or its lexicon."""
    from transforms.figures.units import unit_table

    return sorted(unit_table()["unit"].unique().to_list())


def _pattern(module: str, attr: str) -> dict[str, Any]:
    """A leftover-detecting regex owned by the normalisation stage, imported lazily."""
    try:
        mod = __import__(module, fromlist=[attr])
        value = getattr(mod, attr)
    except (ImportError, AttributeError) as exc:
        raise NotEvaluated(f"not evaluated: {module}.{attr} is not available ({exc})") from exc
    regex = value() if callable(value) else value
    re.compile(regex)
    return {"column": "text", "regex": regex}


@cache
def _division_codes() -> tuple[str, ...] | None:
    """GB/T 2260 codes of dim_region, or None while transforms.enrich.regions is missing."""
    try:
        from transforms.enrich.regions import division_table
    except ImportError:
        return None
    return tuple(division_table()["adcode"].to_list())


def _regions_ready(_: Frames) -> dict[str, Any]:
    if _division_codes() is None:
        raise NotEvaluated("not evaluated: transforms.enrich.regions.division_table is not available")
    return {"column": "adcode_known", "value_set": [True]}


def _count_fences(frames: Frames) -> dict[str, Any]:
    counts = frames["documents"]["metric_count"].drop_nulls().cast(pl.Float64)
    if counts.is_empty():
        return {"column": "metric_count", "min_value": 0, "max_value": None}
    q1, q3, med = counts.quantile(0.25), counts.quantile(0.75), counts.median()
    iqr = q3 - q1
    factor, floor = COUNT_FENCE_FLOOR
    high = max(q3 + COUNT_FENCE_IQR * iqr, med * factor + floor)
    low = min(q1 - COUNT_FENCE_IQR * iqr, med / factor - floor)
    return {"column": "metric_count", "min_value": max(int(low), 0), "max_value": int(high)}


# ------------------------------------------------------------------------------- derived columns


def _safe(df: pl.DataFrame, schema: dict[str, pl.DataType]) -> pl.DataFrame:
    """The frame in its declared schema for computing derived facts, tolerating a broken contract
    (missing columns become null, bad casts null) -- the schema expectations report the breakage."""
    cols = [
        (pl.col(c).cast(t, strict=False) if c in df.columns else pl.lit(None, dtype=t)).alias(c)
        for c, t in schema.items()
    ]
    return df.select(cols)


def _alternation(words: tuple[str, ...]) -> str:
    return "|".join(re.escape(w) for w in words) or "(?!)"


def _leftover_free(sentences: pl.DataFrame, name: str) -> pl.Series:
    """True where the normaliser's own repair would change nothing in the sentence.

    A regex alone also matches honest text (OpenCC keeps 乾 in 乾陵; …工程,达到一级A标准 is no
    mojibake), so the regex only picks the few candidates fast (polars has no look-ahead, so the
    mojibake regex is cut to a superset) and the repair itself decides: a leftover is what OpenCC
    t2s or the mojibake realignment would still change.
    """
    try:
        from transforms.text.repairs import MOJIBAKE_PATTERN, fix_mojibake
        from transforms.text.script import to_simplified, traditional_pattern
    except ImportError:
        return pl.Series(name, [True] * sentences.height, dtype=pl.Boolean)
    if name == "script_clean":
        prefilter, changes = traditional_pattern(), lambda t: to_simplified(t)[0] != t
    else:
        prefilter, changes = MOJIBAKE_PATTERN.split("(?!")[0], lambda t: fix_mojibake(t)[1] > 0
    text = sentences.get_column("text") if "text" in sentences.columns else pl.Series([], dtype=pl.String)
    suspect = text.str.contains(prefilter).fill_null(False)
    clean = [not flag or t is None or not changes(t) for t, flag in zip(text.to_list(), suspect.to_list(), strict=True)]
    return pl.Series(name, clean, dtype=pl.Boolean)


def derive(frames: Frames) -> dict[str, pl.DataFrame]:
    """Each input frame with the derived columns its expectations check, rows in the same order."""
    safe = {k: _safe(frames[k], SCHEMAS[k]) for k in FRAMES}
    docs, sents, mets, rels = safe["documents"], safe["sentences"], safe["metrics"], safe["relations"]
    doc_text = docs.select("sha256", pl.col("text").alias("_doc")).unique("sha256", keep="first")

    # sentences: the sentence text is the document text at its offsets
    s = sents.join(doc_text, on="sha256", how="left", maintain_order="left")
    sent_ok = (pl.col("_doc").str.slice(pl.col("char_start"), pl.col("char_end") - pl.col("char_start"))
               == pl.col("text")).fill_null(False)
    sentences = frames["sentences"].with_columns(
        s.select(sent_ok.alias("span_matches")).to_series(),
        _leftover_free(frames["sentences"], "script_clean"),
        _leftover_free(frames["sentences"], "mojibake_clean"),
    )

    # metrics: provenance, share-of-a-whole, region code
    shares, vetoes = rate_words()
    sent_start = sents.select("sha256", "sent_ix", pl.col("char_start").alias("_sent_start")).unique(
        ["sha256", "sent_ix"], keep="first"
    )
    m = mets.join(doc_text, on="sha256", how="left", maintain_order="left").join(
        sent_start, on=["sha256", "sent_ix"], how="left", maintain_order="left"
    )
    offset = (pl.col("char_start") - pl.col("_sent_start")).fill_null(pl.col("sentence").str.find(
        pl.col("text"), literal=True))
    before = pl.col("sentence").str.slice(0, offset.clip(0)).str.extract(f"([^{CLAUSE_BREAKS}]*)$", 1)
    window = before.str.slice(-RATE_WINDOW)
    is_share = (
        (pl.col("unit") == "%")
        & window.str.contains(_alternation(shares))
        & ~window.str.contains(_alternation(vetoes))
    ).fill_null(False)
    codes = _division_codes()
    adcode_ok = pl.col("adcode").is_null() | pl.col("adcode").is_in(pl.Series(list(codes or ()), dtype=pl.String).implode())
    metric_cols = m.select(
        (pl.col("_doc").str.slice(pl.col("char_start"), pl.col("char_end") - pl.col("char_start"))
         == pl.col("text")).fill_null(False).alias("span_matches"),
        pl.col("_doc").str.slice(pl.col("char_start"), pl.col("char_end") - pl.col("char_start"))
        .alias("doc_span"),
        pl.when(is_share).then(pl.col("value")).alias("share_value"),
        pl.when(is_share).then(window.str.extract(f"({_alternation(shares)})", 1)).alias("share_word"),
        adcode_ok.alias("adcode_known"),
    )
    metrics = frames["metrics"].with_columns(metric_cols)

    # documents: how many figures each document gave (documents without any count 0)
    per_doc = mets.group_by("sha256").agg(pl.len().cast(pl.Int64).alias("metric_count"))
    d = docs.join(per_doc, on="sha256", how="left", maintain_order="left")
    documents = frames["documents"].with_columns(d["metric_count"].fill_null(0))

    # relations: ends exist, and the parts of one whole sum to no more than the whole
    ends = mets.select(
        "metric_id", "value", "low", "high", "unit", "bound", "text"
    ).unique("metric_id", keep="first")
    r = rels.join(
        ends.rename(lambda c: f"whole_{c}" if c != "metric_id" else c),
        left_on="whole_metric_id", right_on="metric_id", how="left", maintain_order="left",
    ).join(
        ends.rename(lambda c: f"part_{c}" if c != "metric_id" else c),
        left_on="part_metric_id", right_on="metric_id", how="left", maintain_order="left",
    )
    same_unit = pl.col("part_unit") == pl.col("whole_unit")
    r = r.with_columns(
        pl.when(same_unit).then(pl.col("part_low").fill_null(pl.col("part_value"))).otherwise(0.0)
        .sum().over("whole_metric_id").alias("parts_sum")
    )
    tolerance = pl.col("whole_bound").replace_strict(WHOLE_TOLERANCE, default=None, return_dtype=pl.Float64)
    whole_top = pl.col("whole_high").fill_null(pl.col("whole_value")) * (1 + tolerance)
    within = (pl.col("parts_sum") <= whole_top).fill_null(True)  # not comparable: not a failure
    rel_cols = r.select(
        (pl.col("whole_value").is_not_null() & pl.col("part_value").is_not_null()).alias("ends_exist"),
        within.alias("parts_within_whole"),
        "parts_sum", "whole_value", "whole_unit", "whole_text", "part_text", "part_value",
    )
    relations = frames["relations"].with_columns(rel_cols)

    return {"files": frames["files"], "documents": documents, "sentences": sentences,
            "metrics": metrics, "relations": relations}


# ---------------------------------------------------------------------------------- declarations

# The pandas dtype a polars column of each kind arrives with (see runner.to_pandas), as GX names it.
# Integer widths are not told apart (Int32 vs Int64): the warehouse casts, a wrong *kind* blocks.
PANDAS_TYPES = {"int": ["Int64Dtype"], "float": ["float64"], "str": ["StringDtype"], "bool": ["BooleanDtype"]}


def _kind(dtype: pl.DataType) -> str:
    if dtype.is_integer():
        return "int"
    if dtype.is_float():
        return "float"
    return "bool" if dtype == pl.Boolean else "str"


def _schema_expectations() -> list[Expectation]:
    out = []
    for frame, schema in SCHEMAS.items():
        out.append(Expectation(
            f"{frame}.columns", frame, "ExpectTableColumnsToMatchSet",
            {"column_set": list(schema), "exact_match": False}, "block",
            f"The {frame} frame has every column of its contract (transforms/schemas.py).",
        ))
        for col, dtype in schema.items():
            out.append(Expectation(
                f"{frame}.{col}.type", frame, "ExpectColumnValuesToBeInTypeList",
                {"column": col, "type_list": PANDAS_TYPES[_kind(dtype)]}, "block",
                f"{frame}.{col} has the contract's type ({dtype}).",
            ))
    return out


def _is_true(column: str) -> dict[str, Any]:
    return {"column": column, "value_set": [True]}


EXPECTATIONS: list[Expectation] = [
    *_schema_expectations(),
    # files -----------------------------------------------------------------------------------
    Expectation("files.readable", "files", "ExpectColumnValuesToBeNull", {"column": "error"}, "warn",
                "Every raw file could be read and decoded; those that could not are reported.",
                "file {path} could not be read: {error}"),
    Expectation("files.sha256_format", "files", "ExpectColumnValuesToMatchRegex",
                {"column": "sha256", "regex": r"^[0-9a-f]{64}$"}, "block",
                "A file's identity is the hex SHA-256 of its bytes (the natural key of every fact).",
                "file {path} has a malformed sha256 {sha256}"),
    Expectation("files.bytes_non_negative", "files", "ExpectColumnValuesToBeBetween",
                {"column": "bytes", "min_value": 0}, "block", "File sizes are not negative.",
                "file {path} has size {bytes}"),
    # documents -------------------------------------------------------------------------------
    Expectation("documents.normalised", "documents", "ExpectColumnValuesToBeNull", {"column": "error"}, "warn",
                "Every document was normalised without error.", "document {path} failed to normalise: {error}"),
    Expectation("documents.script_known", "documents", "ExpectColumnValuesToBeInSet",
                {"column": "script", "value_set": list(SCRIPTS)}, "warn",
                "The detected script of the raw text is simplified or traditional.",
                "document {path} has script {script}"),
    Expectation("documents.metric_count_usual", "documents", "ExpectColumnValuesToBeBetween", _count_fences,
                "warn", "A document's number of figures is within the far-out fences of this run's documents.",
                "document {path} gave {metric_count} figures, far outside the usual range"),
    # sentences -------------------------------------------------------------------------------
    Expectation("sentences.offsets_match", "sentences", "ExpectColumnValuesToBeInSet", _is_true("span_matches"),
                "quarantine", "A sentence is exactly documents.text[char_start:char_end].",
                "sentence {sent_ix} of {path} does not match its document text at [{char_start}, {char_end})"),
    Expectation("sentences.no_traditional", "sentences", "ExpectColumnValuesToBeInSet",
                _is_true("script_clean"), "quarantine",
                "No Traditional character is left after conversion to Simplified script (OpenCC t2s would "
                "change nothing).",
                "Traditional characters left in sentence {sent_ix} of {path}"),
    Expectation("sentences.no_pinyin", "sentences", "ExpectColumnValuesToNotMatchRegex",
                lambda _: _pattern("transforms.text.repairs", "PINYIN_PATTERN"), "quarantine",
                "No pinyin annotation is left in the normalised text.",
                "pinyin annotation left in sentence {sent_ix} of {path}"),
    Expectation("sentences.no_mojibake", "sentences", "ExpectColumnValuesToBeInSet",
                _is_true("mojibake_clean"), "quarantine",
                "No mojibake (text decoded with the wrong encoding) is left in the normalised text.",
                "mojibake left in sentence {sent_ix} of {path}"),
    # metrics ---------------------------------------------------------------------------------
    Expectation("metrics.metric_id_unique", "metrics", "ExpectColumnValuesToBeUnique", {"column": "metric_id"},
                "block", "No two metrics share a natural key (file sha256, char_start, char_end).",
                "duplicate metric_id {metric_id}"),
    Expectation("metrics.metric_id_present", "metrics", "ExpectColumnValuesToNotBeNull", {"column": "metric_id"},
                "block", "Every metric has its natural key.", "metric {text} has no metric_id"),
    Expectation("metrics.value_present", "metrics", "ExpectColumnValuesToNotBeNull", {"column": "value"},
                "quarantine", "Every metric has a value.", "{text} has no value"),
    Expectation("metrics.value_non_negative", "metrics", "ExpectColumnValuesToBeBetween",
                {"column": "value", "min_value": 0}, "quarantine",
                "Figures count or measure something: value >= 0.", "{text}: value {value} is negative"),
    Expectation("metrics.low_le_value", "metrics", "ExpectColumnPairValuesAToBeGreaterThanB",
                {"column_A": "value", "column_B": "low", "or_equal": True}, "quarantine",
                "A range's low end is at most its value.", "{text}: low {low} > value {value}"),
    Expectation("metrics.value_le_high", "metrics", "ExpectColumnPairValuesAToBeGreaterThanB",
                {"column_A": "high", "column_B": "value", "or_equal": True}, "quarantine",
                "A range's high end is at least its value.", "{text}: value {value} > high {high}"),
    Expectation("metrics.unit_known", "metrics", "ExpectColumnValuesToBeInSet",
                lambda _: {"column": "unit", "value_set": known_units()}, "quarantine",
                "The unit is one of the canonical units of dim_unit.", "{text}: unknown unit {unit}"),
    Expectation("metrics.unit_present", "metrics", "ExpectColumnValuesToNotBeNull", {"column": "unit"},
                "quarantine", "Every metric has a unit.", "{text} has no unit"),
    Expectation("metrics.bound_known", "metrics", "ExpectColumnValuesToBeInSet",
                {"column": "bound", "value_set": list(BOUNDS)}, "quarantine",
                "The bound is exact, approx, at_least or at_most.", "{text}: unknown bound {bound}"),
    Expectation("metrics.rate_le_100", "metrics", "ExpectColumnValuesToBeBetween",
                {"column": "share_value", "max_value": 100}, "quarantine",
                "A share of a whole (a percentage after 率, 满意度, 覆盖面, 占比 ...; see rate_words.txt) "
                "is at most 100%.", "{text}: {share_word} of {value}% exceeds 100%"),
    Expectation("metrics.span_matches_document", "metrics", "ExpectColumnValuesToBeInSet",
                _is_true("span_matches"), "quarantine",
                "Provenance: the span is exactly documents.text[char_start:char_end].",
                "span «{text}» != document text «{doc_span}» at [{char_start}, {char_end})"),
    Expectation("metrics.adcode_known", "metrics", "ExpectColumnValuesToBeInSet", _regions_ready,
                "quarantine", "The region code is null or a GB/T 2260 code of dim_region.",
                "{text}: unknown region code {adcode}"),
    # relations -------------------------------------------------------------------------------
    Expectation("relations.ends_exist", "relations", "ExpectColumnValuesToBeInSet", _is_true("ends_exist"),
                "warn", "Both ends of a part-of relation are extracted metrics (else the relation is dropped).",
                "relation {whole_metric_id} -> {part_metric_id} points at a missing metric"),
    Expectation("relations.parts_within_whole", "relations", "ExpectColumnValuesToBeInSet",
                _is_true("parts_within_whole"), "quarantine",
                "The parts of a 其中 relation sum to no more than the whole (same unit).",
                "part {part_text} of whole {whole_text} ({whole_metric_id}): parts sum to {parts_sum} "
                "{whole_unit}, more than the whole {whole_value}"),
]

BY_NAME = {e.name: e for e in EXPECTATIONS}
assert len(BY_NAME) == len(EXPECTATIONS), "expectation names must be unique"
assert all(e.frame in SCHEMAS for e in EXPECTATIONS)
