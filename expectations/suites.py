"""Every expectation of the quality gate, declared once, with its severity and a human description.

Why one list: a reviewer must be able to read in one place what the gate checks and what happens to a
row that fails -- ``block`` (the whole load is refused, nothing changes), ``quarantine`` (the row is
held back with its reason) or ``warn`` (loaded, flagged). The runner turns each entry into a Great
Expectations expectation on the frame named by ``frame``; GX gives the verdict and the count of
failing rows.

Some checks need facts from another frame (the span against its document's text, the parts of a 其中
relation against their whole) or a repair only the normaliser knows. Those facts are computed here
as *derived columns* with polars (:func:`derive`) and GX checks the derived column. The same
declaration also gives a polars predicate per row (:func:`row_ok`): the runner takes the failing
rows from it (GX is asked only for counts, never for per-row lists) and refuses to trust a check
whose two counts disagree.

Fail closed: a check that cannot be evaluated -- a module it needs does not import, a column is
missing, GX raises -- blocks the load with its reason. Nothing here can pass by accident. Why this
shape: docs/decisions/0012-expectations-declared-once.md.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Literal

import polars as pl

from transforms.schemas import DOCUMENTS, FILES, METRICS, RELATIONS, SENTENCES

if TYPE_CHECKING:
    from polars._typing import PolarsDataType

Severity = Literal["block", "quarantine", "warn"]
Frames = Mapping[str, pl.DataFrame]
# GX keyword arguments: column names, value sets, bounds, regexes -- JSON-like values only.
GxValue = str | int | float | bool | None | list[str] | list[bool] | list[int]
GxKwargs = dict[str, GxValue]

Schema = Mapping[str, "PolarsDataType"]  # a frame contract: column -> polars dtype (class or instance)
SCHEMAS: dict[str, Schema] = {
    "files": FILES,
    "documents": DOCUMENTS,
    "sentences": SENTENCES,
    "metrics": METRICS,
    "relations": RELATIONS,
}
FRAMES = tuple(SCHEMAS)
CHECKED = (*FRAMES, "columns")  # the frames expectations run on: the inputs plus their column types
BOUNDS = ("exact", "approx", "at_least", "at_most")
SCRIPTS = ("simplified", "traditional")
MODALITIES = ("actual", "target")
HERE = Path(__file__).parent
RATE_WORDS_FILE = HERE / "rate_words.txt"
MARKUP_FILE = HERE / "markup_patterns.txt"
EXTRA_DIVISIONS_FILE = HERE / "extra_divisions.txt"
RATE_WINDOW = 12  # characters of the clause before a metric searched for a share word
CLAUSE_BREAKS = "，,、；;：:。！？!?"
# How far a document's metric count may stray from the run's usual range before we warn:
# Tukey's far-out fences (Q1 - 3 IQR, Q3 + 3 IQR), never narrower than median * 4 + 40, so a
# handful of seed pages does not flag normal variation.
COUNT_FENCE_IQR = 3.0
COUNT_FENCE_FLOOR = (4.0, 40)
# Parts of a 其中 relation may exceed an approximate whole by this much (近5000人 vs parts 5100).
WHOLE_TOLERANCE = {"exact": 0.0, "at_most": 0.0, "approx": 0.1}  # at_least wholes: no upper limit
# Cheap polars superset of markup_patterns.txt: only these sentences go through Python's re.
MARKUP_PREFILTER = r"[<>{}&]|\]\(|[A-Za-z]\s*[(.=]"
# Cheap polars superset of PINYIN_PATTERN: a Han character, a parenthesis, a lowercase letter (a
# syllable starts with one, toned or not); a parenthesis alone is in one sentence of ten.
PINYIN_PREFILTER = r"[\p{Han}][(（]\p{Ll}"


class NotEvaluated(Exception):
    """An expectation cannot be evaluated (a module, column or lexicon it needs is missing): it blocks."""


@dataclass(frozen=True)
class Expectation:
    """One declared expectation.

    ``kwargs`` is either the GX keyword arguments or a function of the (derived) frames that
    returns them -- for values known only at run time, such as the unit list or count fences.
    ``reason`` is formatted with the failing row of ``frame`` to tell a reviewer what is wrong.
    ``mark`` names the column whose text a report marks in the sentence (see :func:`mark_span`).
    """

    name: str
    frame: str
    gx_type: str  # class name in great_expectations.expectations
    kwargs: GxKwargs | Callable[[Frames], GxKwargs]
    severity: Severity
    description: str
    reason: str = ""
    meta: Mapping[str, str] = field(default_factory=dict)

    @property
    def table_level(self) -> bool:
        """True for checks of the frame's shape (columns, types): they have no failing rows."""
        return self.gx_type in TABLE_LEVEL

    def resolve(self, frames: Frames) -> GxKwargs:
        """The GX kwargs for this run; raises :class:`NotEvaluated` when a dependency is missing."""
        kwargs = dict(self.kwargs(frames) if callable(self.kwargs) else self.kwargs)
        missing = getattr(frames, "unavailable", {})
        for key in ("column", "column_A", "column_B"):
            col = kwargs.get(key)
            if isinstance(col, str) and col in missing:
                raise NotEvaluated(missing[col])
            if isinstance(col, str) and not self.table_level and col not in frames[self.frame].columns:
                raise NotEvaluated(f"column {self.frame}.{col} is missing")
        return kwargs

    def explain(self, row: Mapping[str, object]) -> str:
        """The reason for one failing row (missing fields and nulls read as '?')."""
        clean = {k: ("?" if v is None else f"{v:g}" if isinstance(v, float) else v) for k, v in row.items()}
        return self.reason.format_map(_Fields(clean)) if self.reason else self.description


class _Fields(dict[str, object]):
    def __missing__(self, key: str) -> str:
        return "?"


class Derived(dict[str, pl.DataFrame]):
    """The frames with their derived columns, plus why a derived column could not be computed."""

    def __init__(self, frames: Mapping[str, pl.DataFrame], unavailable: Mapping[str, str]) -> None:
        super().__init__(frames)
        self.unavailable = dict(unavailable)


TABLE_LEVEL = frozenset({"ExpectTableColumnsToMatchSet"})


# ------------------------------------------------------------------------- row-level predicates


def _missing(col: pl.Expr, dtype: pl.DataType | None) -> pl.Expr:
    """What GX counts as missing (and so never as unexpected): null, and NaN for floats (pandas)."""
    return col.is_null() | col.is_nan() if dtype is not None and dtype.is_float() else col.is_null()


def row_ok(e: Expectation, kwargs: GxKwargs, df: pl.DataFrame) -> pl.Series | None:
    """True for each row of ``df`` that passes ``e`` as GX decides it; None for table-level checks.

    The same semantics as GX's column-map expectations (missing values are skipped, except by the
    null checks), so the runner can cross-check the failing count against GX's.
    """
    if e.table_level:
        return None
    if e.gx_type == "ExpectColumnPairValuesAToBeGreaterThanB":  # GX skips a row only if both are missing
        na, nb = str(kwargs["column_A"]), str(kwargs["column_B"])
        a, b = pl.col(na), pl.col(nb)
        a_missing, b_missing = _missing(a, df.schema.get(na)), _missing(b, df.schema.get(nb))
        cmp = a >= b if kwargs.get("or_equal") else a > b
        ok = (a_missing & b_missing) | (~a_missing & ~b_missing & cmp)
        return df.select(ok.fill_null(False).alias("ok")).to_series()
    name = str(kwargs["column"])
    col, dtype = pl.col(name), df.schema.get(name)
    missing = _missing(col, dtype)
    match e.gx_type:
        case "ExpectColumnValuesToBeNull":
            ok = missing
        case "ExpectColumnValuesToNotBeNull":
            ok = ~missing
        case "ExpectColumnValuesToMatchRegex":
            ok = missing | col.str.contains(str(kwargs["regex"]))
        case "ExpectColumnValuesToNotMatchRegex":
            ok = missing | ~col.str.contains(str(kwargs["regex"]))
        case "ExpectColumnValuesToBeInSet":
            values = kwargs["value_set"]
            ok = missing | col.is_in(pl.Series(values if isinstance(values, list) else [values]).implode())
        case "ExpectColumnValuesToBeBetween":
            ok = pl.lit(True)
            if kwargs.get("min_value") is not None:
                ok = ok & (col >= kwargs["min_value"])
            if kwargs.get("max_value") is not None:
                ok = ok & (col <= kwargs["max_value"])
            ok = missing | ok
        case "ExpectColumnValuesToBeUnique":
            ok = missing | ~col.is_duplicated()
        case other:
            raise NotEvaluated(f"no row predicate for {other}")
    return df.select(ok.fill_null(False).alias("ok")).to_series()


# ---------------------------------------------------------------- lexicons and run-time parameters


def _data_lines(path: Path) -> list[str]:
    text = path.read_text(encoding="utf-8")
    return [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]


@cache
def rate_words() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(share words, veto words) from rate_words.txt, longest first."""
    shares: set[str] = set()
    vetoes: set[str] = set()
    for word in _data_lines(RATE_WORDS_FILE):
        (vetoes if word.startswith("!") else shares).add(word.lstrip("!"))

    def order(ws: set[str]) -> tuple[str, ...]:
        return tuple(sorted(ws, key=lambda w: (-len(w), w)))

    return order(shares), order(vetoes)


@cache
def markup_pattern() -> re.Pattern[str]:
    """One regex of every line of markup_patterns.txt (ASCII word boundaries: 的alert( is markup)."""
    return re.compile("|".join(f"(?:{p})" for p in _data_lines(MARKUP_FILE)), re.IGNORECASE | re.ASCII)


def known_units() -> list[str]:
    """Canonical units the warehouse knows (dim_unit), from transforms.metrics.units."""
    try:
        from transforms.metrics.units import unit_table
    except Exception as exc:  # ImportError, or a module broken mid-edit (SyntaxError): the check blocks
        raise NotEvaluated(f"transforms.metrics.units does not import ({exc})") from exc
    return sorted(unit_table()["unit"].unique().to_list())


def known_topics() -> list[str]:
    """Topic codes of dim_topic (transforms.enrich.topics.topic_table)."""
    try:
        from transforms.enrich.topics import topic_table
    except Exception as exc:  # ImportError, or a module broken mid-edit (SyntaxError): the check blocks
        raise NotEvaluated(f"transforms.enrich.topics does not import ({exc})") from exc
    return sorted(topic_table()["topic"].unique().to_list())


@cache
def division_codes() -> tuple[str, ...]:
    """GB/T 2260 codes of dim_region plus extra_divisions.txt (Hong Kong, Macao, Taiwan)."""
    try:
        from transforms.enrich.regions import division_table
    except Exception as exc:  # ImportError, or a module broken mid-edit (SyntaxError): the check blocks
        raise NotEvaluated(f"transforms.enrich.regions does not import ({exc})") from exc
    return tuple(sorted({*division_table()["adcode"].to_list(), *_data_lines(EXTRA_DIVISIONS_FILE)}))


def _count_fences(frames: Frames) -> GxKwargs:
    counts = frames["documents"]["metric_count"].drop_nulls().cast(pl.Float64)
    if counts.is_empty():
        return {"column": "metric_count", "min_value": 0, "max_value": None}
    q1, q3, med = counts.quantile(0.25), counts.quantile(0.75), counts.median()
    assert q1 is not None and q3 is not None and isinstance(med, float)
    iqr = q3 - q1
    factor, floor = COUNT_FENCE_FLOOR
    high = max(q3 + COUNT_FENCE_IQR * iqr, med * factor + floor)
    low = min(q1 - COUNT_FENCE_IQR * iqr, med / factor - floor)
    return {"column": "metric_count", "min_value": max(int(low), 0), "max_value": int(high)}


# ------------------------------------------------------------------------------- derived columns


def _safe(df: pl.DataFrame, schema: Schema) -> pl.DataFrame:
    """The frame in its declared schema for computing derived facts, tolerating a broken contract
    (missing columns become null, bad casts null) -- the schema expectations report the breakage."""
    cols = [
        (pl.col(c).cast(t, strict=False) if c in df.columns else pl.lit(None, dtype=t)).alias(c)
        for c, t in schema.items()
    ]
    return df.select(cols)


def _alternation(words: tuple[str, ...]) -> str:
    return "|".join(re.escape(w) for w in words) or "(?!)"


# A leftover check: (prefilter regex for polars, the repair that decides on its candidates, column).
Leftover = tuple[str, Callable[[str], bool], str]


def _clean_where(text: pl.Series, checks: list[Leftover]) -> list[pl.Series]:
    """True where a sentence is clean, per check: polars picks the few candidates, Python decides on
    those only. One scan of every sentence for all the prefilters at once (an alternation of them:
    a sentence matches it exactly when it matches one of them), then each prefilter on the
    candidates alone -- each prefilter scanned every sentence again, for a few dozen candidates."""
    if not checks:
        return []
    either = "|".join(f"(?:{prefilter})" for prefilter, _, _ in checks)
    candidates = text.str.contains(either).fill_null(False).arg_true()
    suspects = text.gather(candidates)
    out = []
    for prefilter, changes, name in checks:
        clean = pl.repeat(True, text.len(), dtype=pl.Boolean, eager=True).alias(name)
        hit = suspects.str.contains(prefilter).fill_null(False).arg_true()
        if hit.len():
            verdicts = [t is None or not changes(t) for t in suspects.gather(hit).to_list()]
            clean = clean.scatter(candidates.gather(hit), pl.Series(verdicts, dtype=pl.Boolean))
        out.append(clean)
    return out


def _leftovers(sentences: pl.DataFrame) -> tuple[list[pl.Series], dict[str, str]]:
    """Clean flags per sentence for every kind of leftover the normaliser should have removed.

    A regex alone also matches honest text (OpenCC keeps 乾 in 乾陵; …工程,达到一级A标准 is no
    mojibake), so for script and mojibake the repair itself decides: a leftover is what OpenCC t2s
    or the mojibake realignment would still change. A repair that does not import leaves its
    column out, with the reason, and the expectation on it blocks.
    """
    text = sentences.get_column("text") if "text" in sentences.columns else pl.Series("text", [], pl.String)
    checks: list[Leftover] = []
    unavailable: dict[str, str] = {}
    try:
        from transforms.text.script import to_simplified, traditional_pattern

        checks.append((traditional_pattern(), lambda t: to_simplified(t)[0] != t, "script_clean"))
    except Exception as exc:  # ImportError, or a module broken mid-edit (SyntaxError): the check blocks
        unavailable["script_clean"] = f"transforms.text.script does not import ({exc})"
    try:
        from transforms.text.repairs import MOJIBAKE_PATTERN, PINYIN_PATTERN, fix_mojibake

        moji_prefilter = MOJIBAKE_PATTERN.split("(?!")[0]  # polars has no look-around: a superset
        pinyin = re.compile(PINYIN_PATTERN)
        checks.append((moji_prefilter, lambda t: fix_mojibake(t)[1] > 0, "mojibake_clean"))
        checks.append((PINYIN_PREFILTER, lambda t: pinyin.search(t) is not None, "pinyin_clean"))
    except Exception as exc:  # ImportError, or a module broken mid-edit (SyntaxError): the check blocks
        for col in ("mojibake_clean", "pinyin_clean"):
            unavailable[col] = f"transforms.text.repairs does not import ({exc})"
    markup = markup_pattern()
    checks.append((MARKUP_PREFILTER, lambda t: markup.search(t) is not None, "markup_clean"))
    return _clean_where(text, checks), unavailable


def mark_span(expectation: str, text: str | None) -> tuple[int, int] | None:
    """Where in a sentence the leftover a sentence expectation found is, for the report's <mark>."""
    if not text:
        return None
    pattern: str | re.Pattern[str] | None = None
    try:
        if expectation == "sentences.no_markup":
            pattern = markup_pattern()
        elif expectation == "sentences.no_pinyin":
            from transforms.text.repairs import PINYIN_PATTERN as pattern
        elif expectation == "sentences.no_mojibake":
            from transforms.text.repairs import MOJIBAKE_PATTERN as pattern
        elif expectation == "sentences.no_traditional":
            from transforms.text.script import traditional_pattern

            pattern = traditional_pattern()
    except Exception:  # a broken module: nothing to mark
        return None
    m = re.search(pattern, text) if pattern is not None else None
    return (m.start(), m.end()) if m else None


def _doc_slices(texts: Mapping[str, str | None], df: pl.DataFrame) -> pl.Series:
    """documents.text[char_start:char_end] for each row (null where the document or offsets are missing).

    A plain slice per row: joining the document text onto every sentence would copy it once per row.
    """
    out: list[str | None] = []
    for sha, start, end in zip(df["sha256"].to_list(), df["char_start"].to_list(), df["char_end"].to_list(),
                               strict=True):  # fmt: skip
        doc = texts.get(sha) if sha is not None else None
        ok = doc is not None and start is not None and end is not None and 0 <= start <= end <= len(doc)
        out.append(doc[start:end] if ok else None)  # type: ignore[index]
    return pl.Series("doc_span", out, dtype=pl.String)


def derive(frames: Frames) -> Derived:
    """Each input frame with the derived columns its expectations check, rows in the same order."""
    safe = {k: _safe(frames[k], SCHEMAS[k]) for k in FRAMES}
    docs, sents, mets, rels = safe["documents"], safe["sentences"], safe["metrics"], safe["relations"]
    unavailable: dict[str, str] = {}
    texts = dict(zip(docs["sha256"].to_list(), docs["text"].to_list(), strict=True))

    # sentences: the sentence text is the document text at its offsets, and no leftover is in it
    sent_ok = (_doc_slices(texts, sents) == sents["text"]).fill_null(False).alias("span_matches")
    clean_flags, unavailable_cols = _leftovers(safe["sentences"])
    unavailable.update(unavailable_cols)
    sentences = frames["sentences"].with_columns(sent_ok, *clean_flags)

    # metrics: provenance, share-of-a-whole, region code, years, key unique per copy of a content
    shares, vetoes = rate_words()
    sent_start = sents.select("sha256", "sent_ix", pl.col("char_start").alias("_sent_start")).unique(
        ["sha256", "sent_ix"], keep="first"
    )
    m = mets.with_columns(_doc_slices(texts, mets).alias("doc_span")).join(
        sent_start, on=["sha256", "sent_ix"], how="left", maintain_order="left"
    )
    # The metric's offset in its sentence, the clause before it and the share check, each computed
    # once as a column (an expression used twice in one select is evaluated twice).
    m = m.with_columns(
        (pl.col("char_start") - pl.col("_sent_start"))
        .fill_null(pl.col("sentence").str.find(pl.col("text"), literal=True))
        .alias("_offset")
    )
    offset = pl.col("_offset")
    before = pl.col("sentence").str.slice(0, offset.clip(0)).str.extract(f"([^{CLAUSE_BREAKS}]*)$", 1)
    m = m.with_columns(before.str.slice(-RATE_WINDOW).alias("_window"))
    window = pl.col("_window")
    m = m.with_columns(
        (
            (pl.col("unit") == "%")
            & window.str.contains(_alternation(shares))
            & ~window.str.contains(_alternation(vetoes))
        )
        .fill_null(False)
        .alias("_is_share")
    )
    is_share = pl.col("_is_share")
    try:
        codes = pl.Series(division_codes(), dtype=pl.String).implode()
        adcode_ok: pl.Expr | None = pl.col("adcode").is_null() | pl.col("adcode").is_in(codes)
    except NotEvaluated as exc:
        adcode_ok, unavailable["adcode_known"] = None, str(exc)
    doc_span = pl.col("doc_span")
    years_ok = (pl.col("year_from").is_null() & pl.col("year_to").is_null()) | (
        pl.col("year_from") <= pl.col("year_to")
    ).fill_null(False)
    # Identical content under two paths gives the same metric ids: that is one fact with two paths,
    # not a collision. A key is duplicated only within one path, or across different contents.
    id_unique = ~pl.struct("metric_id", "path").is_duplicated() & (
        pl.col("sha256").n_unique().over("metric_id") == 1
    )
    metric_cols = m.select(
        (doc_span == pl.col("text")).fill_null(False).alias("span_matches"),
        doc_span.alias("doc_span"),
        pl.when(is_share).then(pl.col("value")).alias("share_value"),
        pl.when(is_share).then(window.str.extract(f"({_alternation(shares)})", 1)).alias("share_word"),
        *([adcode_ok.alias("adcode_known")] if adcode_ok is not None else []),
        years_ok.alias("years_ordered"),
        (
            pl.col("value").is_null()
            | pl.col("value").is_nan()
            | (pl.col("value") >= 0)
            | pl.col("text").str.contains(r"^(?:[-−－﹣负]|零下)")
        )
        .fill_null(False)
        .alias("sign_written"),
        pl.when(pl.col("metric_id").is_not_null()).then(id_unique.fill_null(False)).alias("key_unique"),
        offset.cast(pl.Int64).alias("mark_start"),
        (offset + pl.col("text").str.len_chars()).cast(pl.Int64).alias("mark_end"),
    )
    metrics = frames["metrics"].with_columns(metric_cols)

    # documents: how many distinct metrics each document gave (documents without any count 0)
    per_doc = mets.group_by("sha256").agg(pl.col("metric_id").n_unique().cast(pl.Int64).alias("metric_count"))
    d = docs.join(per_doc, on="sha256", how="left", maintain_order="left")
    documents = frames["documents"].with_columns(d["metric_count"].fill_null(0))

    # relations: ends exist, and the parts of one whole sum to no more than the whole
    ends = m.select(
        "metric_id", "value", "low", "high", "unit", "bound", "text", "sentence", "path",
        offset.cast(pl.Int64).alias("mark_start"),
    ).unique("metric_id", keep="first")  # fmt: skip
    r = rels.join(
        ends.rename(lambda c: f"whole_{c}" if c != "metric_id" else c),
        left_on="whole_metric_id", right_on="metric_id", how="left", maintain_order="left",
    ).join(
        ends.rename(lambda c: f"part_{c}" if c != "metric_id" else c),
        left_on="part_metric_id", right_on="metric_id", how="left", maintain_order="left",
    )  # fmt: skip
    same_unit = pl.col("part_unit") == pl.col("whole_unit")
    r = r.with_columns(
        # a relation repeated by a copy of the same content under another path counts once
        pl.when(same_unit & pl.struct("whole_metric_id", "part_metric_id").is_first_distinct())
        .then(pl.col("part_low").fill_null(pl.col("part_value")))
        .otherwise(0.0)
        .sum()
        .over("whole_metric_id")
        .alias("parts_sum")
    )
    tolerance = pl.col("whole_bound").replace_strict(WHOLE_TOLERANCE, default=None, return_dtype=pl.Float64)
    whole_top = pl.col("whole_high").fill_null(pl.col("whole_value")) * (1 + tolerance)
    within = (pl.col("parts_sum") <= whole_top).fill_null(True)  # not comparable: not a failure
    rel_cols = r.select(
        (pl.col("whole_value").is_not_null() & pl.col("part_value").is_not_null()).alias("ends_exist"),
        within.alias("parts_within_whole"),
        "parts_sum", "whole_value", "whole_unit", "whole_text", "part_text", "part_value",
        pl.col("part_sentence").alias("sentence"), pl.col("part_path").alias("path"),
        pl.col("part_text").alias("text"), pl.col("part_mark_start").alias("mark_start"),
        (pl.col("part_mark_start") + pl.col("part_text").str.len_chars()).alias("mark_end"),
    )  # fmt: skip
    relations = frames["relations"].with_columns(rel_cols)

    out = {"files": frames["files"], "documents": documents, "sentences": sentences, "metrics": metrics}
    return Derived({**out, "relations": relations, "columns": column_types(frames)}, unavailable)


# ---------------------------------------------------------------------------------- declarations


def _kind(dtype: PolarsDataType) -> str:
    """What the warehouse needs of a column: integer widths are not told apart (it casts), a kind is."""
    if dtype.is_integer():
        return "int"
    if dtype.is_float():
        return "float"
    if dtype == pl.Boolean:
        return "bool"
    return "str" if dtype == pl.String else str(dtype)


def column_types(frames: Frames) -> pl.DataFrame:
    """One row per contract column of every frame: its kind, the contract's kind, and for the row's own
    frame ``types_ok_<frame>`` (null for other frames' rows, which GX and row_ok skip). A dtype is a
    property of the frame, not of its rows, so GX checks the types on this small frame."""
    rows = []
    for frame, contract in SCHEMAS.items():
        present = frames[frame].schema if frame in frames else {}
        for col, dtype in contract.items():
            kind = _kind(present[col]) if col in present else "missing"
            rows.append({"frame": frame, "column": col, "kind": kind, "expected": _kind(dtype),
                         **{f"types_ok_{f}": (kind == _kind(dtype)) if f == frame else None for f in SCHEMAS}})  # fmt: skip
    schema: dict[str, PolarsDataType] = {"frame": pl.String, "column": pl.String, "kind": pl.String,
                                         "expected": pl.String, **{f"types_ok_{f}": pl.Boolean for f in SCHEMAS}}  # fmt: skip
    return pl.DataFrame(rows, schema=schema)


def _schema_expectations() -> list[Expectation]:
    out: list[Expectation] = []
    for frame, schema in SCHEMAS.items():
        out.append(
            Expectation(
                f"{frame}.columns",
                frame,
                "ExpectTableColumnsToMatchSet",
                {"column_set": list(schema), "exact_match": False},
                "block",
                f"The {frame} frame has every column of its contract (transforms/schemas.py).",
            )
        )
        out.append(
            Expectation(
                f"{frame}.types",
                "columns",
                "ExpectColumnValuesToBeInSet",
                {"column": f"types_ok_{frame}", "value_set": [True]},
                "block",
                f"Every column of the {frame} frame has the contract's type (transforms/schemas.py; "
                "integer widths are not told apart).",
                f"{frame}.{{column}} is {{kind}}, the contract says {{expected}}",
            )
        )
    return out


def _is_true(column: str) -> GxKwargs:
    return {"column": column, "value_set": [True]}


EXPECTATIONS: list[Expectation] = [
    *_schema_expectations(),
    # files -----------------------------------------------------------------------------------
    Expectation(
        "files.readable",
        "files",
        "ExpectColumnValuesToBeNull",
        {"column": "error"},
        "warn",
        "Every raw file could be read and decoded; those that could not are reported.",
        "file {path} could not be read: {error}",
    ),
    Expectation(
        "files.sha256_format",
        "files",
        "ExpectColumnValuesToMatchRegex",
        {"column": "sha256", "regex": r"^[0-9a-f]{64}$"},
        "block",
        "A file's identity is the hex SHA-256 of its bytes (the natural key of every fact).",
        "file {path} has a malformed sha256 {sha256}",
    ),
    Expectation(
        "files.bytes_non_negative",
        "files",
        "ExpectColumnValuesToBeBetween",
        {"column": "bytes", "min_value": 0},
        "block",
        "File sizes are not negative.",
        "file {path} has size {bytes}",
    ),
    # documents -------------------------------------------------------------------------------
    Expectation(
        "documents.normalised",
        "documents",
        "ExpectColumnValuesToBeNull",
        {"column": "error"},
        "warn",
        "Every document was normalised without error.",
        "document {path} failed to normalise: {error}",
    ),
    Expectation(
        "documents.script_known",
        "documents",
        "ExpectColumnValuesToBeInSet",
        {"column": "script", "value_set": list(SCRIPTS)},
        "warn",
        "The detected script of the raw text is simplified or traditional.",
        "document {path} has script {script}",
    ),
    Expectation(
        "documents.metric_count_usual",
        "documents",
        "ExpectColumnValuesToBeBetween",
        _count_fences,
        "warn",
        "A document's number of metrics is within the far-out fences of this run's documents.",
        "document {path} gave {metric_count} metrics, far outside the usual range",
    ),
    # sentences -------------------------------------------------------------------------------
    Expectation(
        "sentences.offsets_match",
        "sentences",
        "ExpectColumnValuesToBeInSet",
        _is_true("span_matches"),
        "quarantine",
        "A sentence is exactly documents.text[char_start:char_end].",
        "sentence {sent_ix} of {path} does not match its document text at [{char_start}, {char_end})",
    ),
    Expectation(
        "sentences.no_traditional",
        "sentences",
        "ExpectColumnValuesToBeInSet",
        _is_true("script_clean"),
        "quarantine",
        "No Traditional character is left after conversion to Simplified script (OpenCC t2s would "
        "change nothing).",
        "Traditional characters left in sentence {sent_ix} of {path}",
    ),
    Expectation(
        "sentences.no_pinyin",
        "sentences",
        "ExpectColumnValuesToBeInSet",
        _is_true("pinyin_clean"),
        "quarantine",
        "No pinyin annotation is left in the normalised text.",
        "pinyin annotation left in sentence {sent_ix} of {path}",
    ),
    Expectation(
        "sentences.no_mojibake",
        "sentences",
        "ExpectColumnValuesToBeInSet",
        _is_true("mojibake_clean"),
        "quarantine",
        "No mojibake (text decoded with the wrong encoding) is left in the normalised text.",
        "mojibake left in sentence {sent_ix} of {path}",
    ),
    Expectation(
        "sentences.no_markup",
        "sentences",
        "ExpectColumnValuesToBeInSet",
        _is_true("markup_clean"),
        "quarantine",
        "No markup is left in the normalised text: no HTML tag or comment, no script or style body, "
        "no Markdown link target (markup_patterns.txt).",
        "markup left in sentence {sent_ix} of {path}",
    ),
    # metrics ---------------------------------------------------------------------------------
    Expectation(
        "metrics.metric_id_unique",
        "metrics",
        "ExpectColumnValuesToBeInSet",
        _is_true("key_unique"),
        "block",
        "No two metrics of one file share a natural key (file sha256, char_start, char_end); "
        "identical content under several paths is one set of facts, not a collision.",
        "duplicate metric_id {metric_id}",
    ),
    Expectation(
        "metrics.metric_id_present",
        "metrics",
        "ExpectColumnValuesToNotBeNull",
        {"column": "metric_id"},
        "block",
        "Every metric has its natural key.",
        "metric {text} has no metric_id",
    ),
    Expectation(
        "metrics.value_present",
        "metrics",
        "ExpectColumnValuesToNotBeNull",
        {"column": "value"},
        "quarantine",
        "Every metric has a value.",
        "{text} has no value",
    ),
    Expectation(
        "metrics.sign_written",
        "metrics",
        "ExpectColumnValuesToBeInSet",
        _is_true("sign_written"),
        "quarantine",
        "A value is negative only where the text writes it so (-3℃, 增速为-0.3%, 负0.6%, 零下8度): "
        "any other negative value is a parse error.",
        "{text}: value {value} is negative, but no sign is written",
    ),
    Expectation(
        "metrics.low_le_value",
        "metrics",
        "ExpectColumnPairValuesAToBeGreaterThanB",
        {"column_A": "value", "column_B": "low", "or_equal": True},
        "quarantine",
        "A range's low end is at most its value.",
        "{text}: low {low} > value {value}",
    ),
    Expectation(
        "metrics.value_le_high",
        "metrics",
        "ExpectColumnPairValuesAToBeGreaterThanB",
        {"column_A": "high", "column_B": "value", "or_equal": True},
        "quarantine",
        "A range's high end is at least its value.",
        "{text}: value {value} > high {high}",
    ),
    Expectation(
        "metrics.unit_known",
        "metrics",
        "ExpectColumnValuesToBeInSet",
        lambda _: {"column": "unit", "value_set": known_units()},
        "quarantine",
        "The unit is one of the canonical units of dim_unit.",
        "{text}: unknown unit {unit}",
    ),
    Expectation(
        "metrics.unit_present",
        "metrics",
        "ExpectColumnValuesToNotBeNull",
        {"column": "unit"},
        "quarantine",
        "Every metric has a unit.",
        "{text} has no unit",
    ),
    Expectation(
        "metrics.bound_known",
        "metrics",
        "ExpectColumnValuesToBeInSet",
        {"column": "bound", "value_set": list(BOUNDS)},
        "quarantine",
        "The bound is exact, approx, at_least or at_most.",
        "{text}: unknown bound {bound}",
    ),
    Expectation(
        "metrics.rate_le_100",
        "metrics",
        "ExpectColumnValuesToBeBetween",
        {"column": "share_value", "max_value": 100},
        "quarantine",
        "A share of a whole (a percentage after 率, 满意度, 覆盖面, 占比 ...; see rate_words.txt) "
        "is at most 100%.",
        "{text}: {share_word} of {value}% exceeds 100%",
    ),
    Expectation(
        "metrics.span_matches_document",
        "metrics",
        "ExpectColumnValuesToBeInSet",
        _is_true("span_matches"),
        "quarantine",
        "Provenance: the span is exactly documents.text[char_start:char_end].",
        "span «{text}» != document text «{doc_span}» at [{char_start}, {char_end})",
    ),
    Expectation(
        "metrics.adcode_known",
        "metrics",
        "ExpectColumnValuesToBeInSet",
        _is_true("adcode_known"),
        "quarantine",
        "The region code is null or a GB/T 2260 code of dim_region (or 810000, 820000, "
        "710000: extra_divisions.txt).",
        "{text}: unknown region code {adcode}",
    ),
    Expectation(
        "metrics.topic_known",
        "metrics",
        "ExpectColumnValuesToBeInSet",
        lambda _: {"column": "topic", "value_set": known_topics()},
        "quarantine",
        "The topic is null or a code of dim_topic (transforms.enrich.topics.topic_table).",
        "{text}: unknown topic {topic}",
    ),
    Expectation(
        "metrics.modality_known",
        "metrics",
        "ExpectColumnValuesToBeInSet",
        {"column": "modality", "value_set": list(MODALITIES)},
        "quarantine",
        "The modality is actual (achieved) or target (planned).",
        "{text}: unknown modality {modality}",
    ),
    Expectation(
        "metrics.years_ordered",
        "metrics",
        "ExpectColumnValuesToBeInSet",
        _is_true("years_ordered"),
        "quarantine",
        "year_from and year_to are both null or both set, and year_from <= year_to.",
        "{text}: years {year_from} to {year_to}",
    ),
    # relations -------------------------------------------------------------------------------
    Expectation(
        "relations.ends_exist",
        "relations",
        "ExpectColumnValuesToBeInSet",
        _is_true("ends_exist"),
        "warn",
        "Both ends of a part-of relation are extracted metrics (else the relation is dropped).",
        "relation {whole_metric_id} -> {part_metric_id} points at a missing metric",
    ),
    Expectation(
        "relations.parts_within_whole",
        "relations",
        "ExpectColumnValuesToBeInSet",
        _is_true("parts_within_whole"),
        "quarantine",
        "The parts of a 其中 relation sum to no more than the whole (same unit).",
        "part {part_text} of whole {whole_text} ({whole_metric_id}): parts sum to {parts_sum} "
        "{whole_unit}, more than the whole {whole_value}",
    ),
]

BY_NAME = {e.name: e for e in EXPECTATIONS}
assert len(BY_NAME) == len(EXPECTATIONS), "expectation names must be unique"
assert all(e.frame in CHECKED for e in EXPECTATIONS)
