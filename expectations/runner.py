"""Run the declared expectations (expectations/suites.py) with Great Expectations and sort the rows.

``validate`` is one batch's gate: it derives the helper columns, asks GX for each expectation's
verdict (result format BOOLEAN_ONLY, one validation per frame) and, for the few that fail, GX's
failing count (BASIC without per-row lists, on the same batch), takes the failing rows from the
same declaration's polars predicate, and decides what loads, what is held back and why. It
writes nothing -- no HTML, no GX store: an in-memory GX context is built once per process. Results
of several batches add up with :meth:`GateResult.merge`; :func:`expectations.report.write_report`
renders them once per run.

Fail closed: an expectation that cannot be evaluated (a module or column missing, GX raising, GX's
count and the row predicate's disagreeing) gets ``success = null`` with its reason, and blocks.
"""

from __future__ import annotations

import json
import logging
import os
import threading
import types
import warnings
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

import polars as pl

from expectations import suites
from expectations.result import (
    BAD_FILES,
    FAILURES,
    HOLDING,
    LOADED_BY,
    MAX_FAILURE_ROWS,
    MAX_OFFENDING_KEYS,
    RESULTS,
    WAIVED,
    GateResult,
)
from expectations.suites import CHECKED, EXPECTATIONS, SCHEMAS, Derived, Expectation, GxKwargs, NotEvaluated
from expectations.waivers import load_waivers, match
from transforms.schemas import METRICS, QUARANTINE, RELATIONS, empty

if TYPE_CHECKING:
    import pandas as pd
    from great_expectations.core.batch_definition import BatchDefinition
    from great_expectations.core.expectation_validation_result import ExpectationValidationResult
    from polars._typing import PolarsDataType

__all__ = ["QUARANTINE", "RESULTS", "GateResult", "gx_safe", "to_pandas", "validate"]

log = logging.getLogger(__name__)

# GX is asked for verdicts only (no count, no per-row list: row-level reasons come from polars); the
# few expectations that fail are asked again on the same batch for GX's failing count (BASIC without
# partial lists), which the polars predicate must match.
VERDICTS = {"result_format": "BOOLEAN_ONLY"}
COUNTS = {"result_format": "BASIC", "partial_unexpected_count": 0}
# Text handed to GX has its markup characters swapped for their full-width look-alikes: the same
# length, the same verdicts, and nothing GX prints can become markup.
_MARKUP = ["<", ">", "&", '"', "'"]
_FULLWIDTH = ["＜", "＞", "＆", "＂", "＇"]
_GX_LOCK = threading.Lock()  # one GX context per process; the thread runner may validate concurrently


@dataclass(frozen=True)
class _Outcome:
    success: bool | None
    unexpected_count: int = 0
    element_count: int = 0
    observed: str | None = None
    error: str | None = None


# Verdicts of the schema-only GX runs (column sets, column types) by structure: see _structure_key.
_BY_STRUCTURE: dict[tuple[object, ...], dict[str, _Outcome]] = {}
_BY_STRUCTURE_MAX = 64


def gx_safe(text: str) -> str:
    """Text as handed to GX: markup characters made inert."""
    for a, b in zip(_MARKUP, _FULLWIDTH, strict=True):
        text = text.replace(a, b)
    return text


def to_pandas(df: pl.DataFrame) -> pd.DataFrame:
    """Convert without pyarrow, keeping each column's kind visible to GX's type expectations:
    integers as nullable Int64, floats as float64 (null -> NaN), booleans as nullable boolean,
    strings as the nullable ``string`` dtype with markup characters made inert (see gx_safe)."""
    import numpy as np
    import pandas as pd

    data: dict[str, object] = {}
    for name, dtype in df.schema.items():
        s = df.get_column(name)
        mask = s.is_null().to_numpy()
        if dtype.is_integer():  # masked arrays straight from numpy: no Python object per value
            data[name] = pd.arrays.IntegerArray(s.cast(pl.Int64).fill_null(0).to_numpy(), mask)
        elif dtype.is_float():
            data[name] = s.cast(pl.Float64).to_numpy().astype(np.float64)
        elif dtype == pl.Boolean:
            data[name] = pd.arrays.BooleanArray(s.fill_null(False).to_numpy(), mask)
        elif dtype == pl.String:
            data[name] = pd.array(s.str.replace_many(_MARKUP, _FULLWIDTH).to_list(), dtype="string")
        else:
            data[name] = pd.array(
                [None if v is None else gx_safe(str(v)) for v in s.to_list()], dtype="string"
            )
    return pd.DataFrame(data, index=pd.RangeIndex(df.height))


# ------------------------------------------------------------------------------------------ GX

# Imported by GX at start-up only for expectations this gate never declares (KL divergence, KS
# tests): about a quarter of GX's import time. Loaded lazily, so the module is executed for real on
# first use of any of its attributes -- never, unless such an expectation is added.
_UNUSED_BY_THE_GATE = ("scipy.stats",)
# The same for modules that ``import x`` (not ``from x import``): Python 3.11 reads a module's
# ``__spec__`` on every ``import x``, which executes a LazyLoader module at once, so these get a
# :class:`_Deferred` stand-in instead. altair (~0.3-0.5 s CPU) is imported only by GX's KL-divergence
# expectation, for its Data Docs chart.
_DEFERRED_BY_THE_GATE = ("altair",)
_DEFER_LOCK = threading.RLock()


class _Deferred(types.ModuleType):
    """A module not executed until one of its attributes is used: then the real module is imported
    (replacing this stand-in in ``sys.modules``) and its namespace copied here, so references taken
    before (``import altair as alt``) keep working."""

    def __getattr__(self, attr: str) -> object:
        if attr.startswith("__") and attr not in ("__path__", "__file__", "__all__", "__version__"):
            raise AttributeError(attr)
        import importlib
        import sys

        with _DEFER_LOCK:
            name = self.__dict__["__name__"]
            if sys.modules.get(name) is self:
                del sys.modules[name]
            real = importlib.import_module(name)
            self.__dict__.update(real.__dict__)
        return getattr(real, attr)


@contextmanager
def _cyclic_gc_paused() -> Iterator[None]:
    """No cyclic garbage collection while GX is imported: the import allocates hundreds of thousands of
    long-lived objects (pydantic model classes and their deep-copied fields), so the collector runs
    over and over through a heap that only grows; what cycles the import leaves are collected at the
    next collection after it. Restores the collector's state as it found it."""
    import gc

    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


@contextmanager
def _atomic_inline_deepcopy() -> Iterator[None]:
    """``copy.deepcopy`` of dicts, lists and tuples without a call per atomic item: GX's import
    deep-copies every pydantic base class's fields for each of its ~370 model classes (455k
    ``deepcopy`` calls, ~90 % of them on str, None, bool, int, classes and functions). ``deepcopy`` of
    an atomic value returns the value and leaves the memo alone (an atomic object is never a memo
    key: the memo keeps every copied original alive, so no id is reused), so returning it inline is
    the same copy; everything else goes to ``deepcopy`` exactly as before, in the same order. The
    copiers are put in ``copy``'s dispatch table while GX is imported and the originals restored
    after; they are equivalent, so another thread's copy in between is unchanged."""
    import copy

    dispatch: dict[type, object] = copy._deepcopy_dispatch  # type: ignore[attr-defined]
    atomic = frozenset(t for t, f in dispatch.items() if f is copy._deepcopy_atomic)  # type: ignore[attr-defined]
    deepcopy = copy.deepcopy

    def copy_list(x: list[object], memo: dict[int, object]) -> list[object]:
        y: list[object] = []
        memo[id(x)] = y
        append = y.append
        for a in x:
            append(a if type(a) in atomic else deepcopy(a, memo))
        return y

    def copy_tuple(x: tuple[object, ...], memo: dict[int, object]) -> object:
        items = [a if type(a) in atomic else deepcopy(a, memo) for a in x]
        try:
            return memo[id(x)]
        except KeyError:
            pass
        for k, j in zip(x, items, strict=True):
            if k is not j:
                return tuple(items)
        return x

    def copy_dict(x: dict[object, object], memo: dict[int, object]) -> dict[object, object]:
        y: dict[object, object] = {}
        memo[id(x)] = y
        for key, value in x.items():
            y[key if type(key) in atomic else deepcopy(key, memo)] = (
                value if type(value) in atomic else deepcopy(value, memo)
            )
        return y

    saved: dict[type, object] = {t: dispatch[t] for t in (list, tuple, dict)}
    dispatch.update({list: copy_list, tuple: copy_tuple, dict: copy_dict})
    try:
        yield
    finally:
        dispatch.update(saved)


@cache
def _import_gx() -> None:
    """Import GX once per process, with the modules only unused expectations need made lazy."""
    import importlib.util
    import sys

    os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")
    for name in _UNUSED_BY_THE_GATE:
        if name in sys.modules:
            continue
        try:
            spec = importlib.util.find_spec(name)
        except ImportError:  # not installed: GX copes (or fails) exactly as without this
            continue
        if spec is None or spec.loader is None:
            continue
        spec.loader = importlib.util.LazyLoader(spec.loader)
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
        parent, _, child = name.rpartition(".")
        if parent in sys.modules:
            setattr(sys.modules[parent], child, module)
    with _DEFER_LOCK:
        for name in _DEFERRED_BY_THE_GATE:
            if name in sys.modules:
                continue
            try:
                spec = importlib.util.find_spec(name)
            except ImportError:
                continue
            if spec is None:  # not installed: GX copes (or fails) exactly as without this
                continue
            stand_in = _Deferred(name)
            stand_in.__spec__ = spec
            sys.modules[name] = stand_in
    # GX's import builds thousands of pydantic classes: the collector ~20 % of its CPU; the deep copies
    # of their inherited fields' atomic values ~15 % (1.40-1.58 -> 1.18-1.25 s CPU, docs/performance.md)
    with _cyclic_gc_paused(), _atomic_inline_deepcopy():
        import great_expectations  # noqa: F401


@cache
def _batch_definition() -> BatchDefinition:
    """An in-memory GX context with one dataframe asset and one batch definition, built once: every
    frame is a batch of it (GX saves the whole project configuration as YAML for every asset or
    batch definition added, ~10 ms each)."""
    _import_gx()
    import great_expectations as gx
    from great_expectations.data_context.types.base import ProgressBarsConfig

    context = gx.get_context(mode="ephemeral")
    context.variables.progress_bars = ProgressBarsConfig(globally=False, metric_calculations=False)
    source = context.data_sources.add_or_update_pandas("minsheng_frames")
    return source.add_dataframe_asset("frame").add_batch_definition_whole_dataframe("whole")


@contextmanager
def _configuration_memo() -> Iterator[None]:
    """Within one GX validation, each expectation is built from its configuration, and builds its own
    configuration, once; GX's metric ids skip its type ladder for plain JSON values.

    GX rebuilds an expectation's ``configuration`` (a pydantic ``dict()`` of every field, value sets
    included) each time it reads a kwarg -- about 70 times per expectation per validation -- and
    rebuilds the expectation itself from its configuration (``to_domain_obj``, a pydantic validation)
    once per metric it asks for. The objects GX makes for a validation are not changed while it
    runs, so the rebuilt ones are equal: each memo holds its object (its id cannot be reused) and is
    dropped when the validation ends; a configuration whose type, kwargs or meta changed is rebuilt.
    Metric ids (``IDDict.to_id``) JSON-encode their kwargs through GX's converter, which tries
    pydantic, numpy and pandas types before it returns a ``str``; :func:`_plain_json` returns exact
    ``str``/``int``/``bool``/``None``/``float`` values, lists, tuples and dicts of them as the converter
    does and hands anything else to it. Only the gate uses GX in this process, under :data:`_GX_LOCK`."""
    from great_expectations.core import id_dict
    from great_expectations.expectations.expectation import Expectation
    from great_expectations.expectations.expectation_configuration import ExpectationConfiguration

    original = Expectation.__dict__["configuration"]
    original_domain = ExpectationConfiguration.__dict__["to_domain_obj"]
    original_json = id_dict.convert_to_json_serializable
    memo: dict[int, tuple[object, object]] = {}
    domains: dict[int, tuple[object, object, Expectation]] = {}

    def configuration(self: Expectation) -> object:
        hit = memo.get(id(self))
        if hit is None or hit[0] is not self:
            hit = memo[id(self)] = (self, original.fget(self))
        return hit[1]

    def to_domain_obj(self: ExpectationConfiguration) -> Expectation:
        state = (self.type, self.id, self.notes, self.description, self.severity, self.rendered_content,
                 id(self.meta), tuple(self.kwargs.items()))  # fmt: skip
        hit = domains.get(id(self))
        if hit is None or hit[0] is not self or hit[1] != state:
            hit = domains[id(self)] = (self, state, original_domain(self))
        return hit[2]

    def _plain_json(data: object) -> object:
        kind = type(data)
        if kind is str or kind is int or kind is bool or data is None:
            return data
        if kind is float:
            return None if data != data else data  # NaN, as GX: None
        if kind is list or kind is tuple:
            return [_plain_json(v) for v in data]  # type: ignore[attr-defined]
        if kind is dict:
            return {str(k): _plain_json(v) for k, v in data.items()}  # type: ignore[attr-defined]
        return original_json(data)

    Expectation.configuration = property(configuration, doc=original.__doc__)  # type: ignore[method-assign,assignment]
    ExpectationConfiguration.to_domain_obj = to_domain_obj  # type: ignore[method-assign]
    id_dict.convert_to_json_serializable = _plain_json  # type: ignore[assignment]
    try:
        yield
    finally:
        Expectation.configuration = original  # type: ignore[method-assign]
        ExpectationConfiguration.to_domain_obj = original_domain  # type: ignore[method-assign]
        id_dict.convert_to_json_serializable = original_json
        memo.clear()
        domains.clear()


def _run_gx(derived: Derived, plans: dict[str, GxKwargs]) -> dict[str, _Outcome]:
    """GX's verdict and failing count per expectation: the column-set checks on a zero-row frame (the
    columns do not depend on rows), the row checks on only the columns they read, one GX batch and one
    validation per frame (plus one for the few expectations that fail, for their counts)."""
    with _GX_LOCK:
        _import_gx()
    outcomes: dict[str, _Outcome] = {}
    with _GX_LOCK:
        definition = _batch_definition()
        for frame in CHECKED:
            for part, table_level in (("schema", True), ("rows", False)):
                planned = [e for e in EXPECTATIONS if e.frame == frame and e.name in plans
                           and e.table_level == table_level]  # fmt: skip
                if not planned:
                    continue
                df = derived[frame]
                if table_level:
                    data = df.head(0)
                else:
                    cols = {
                        str(v) for e in planned for k, v in plans[e.name].items() if k.startswith("column")
                    }
                    data = df.select([c for c in df.columns if c in cols])
                key = _structure_key(frame, part, data, planned, plans)
                if key is not None and (known := _BY_STRUCTURE.get(key)) is not None:
                    outcomes.update(known)
                    continue
                got = _validate_on_gx(definition, f"{frame}_{part}", data, planned, plans, counts=table_level)
                outcomes.update(got)
                if key is not None and all(o.success is not None for o in got.values()):
                    if len(_BY_STRUCTURE) >= _BY_STRUCTURE_MAX:
                        _BY_STRUCTURE.pop(next(iter(_BY_STRUCTURE)))
                    _BY_STRUCTURE[key] = got
    return outcomes


def _validate_on_gx(
    definition: BatchDefinition,
    name: str,
    data: pl.DataFrame,
    planned: list[Expectation],
    plans: dict[str, GxKwargs],
    *,
    counts: bool,
) -> dict[str, _Outcome]:
    """One GX batch of ``data`` and one validation of ``planned`` on it: verdicts only
    (:data:`VERDICTS`) unless ``counts``; the expectations that fail (or could pass with failing rows,
    ``mostly``) are validated again with :data:`COUNTS` for GX's failing count -- by the same validator,
    so on the same batch: GX fingerprints (hashes) a dataframe each time it builds a batch of it, and
    ``Batch.validate`` builds its own again."""
    import great_expectations as gx
    import great_expectations.expectations as gxe
    from great_expectations.validator.v1_validator import Validator

    def suite(names: list[Expectation]) -> gx.ExpectationSuite:
        expectations = [getattr(gxe, e.gx_type)(**plans[e.name], meta={"name": e.name}) for e in names]
        return gx.ExpectationSuite(name=f"minsheng_{name}", expectations=expectations)

    validator = Validator(batch_definition=definition, batch_parameters={"dataframe": to_pandas(data)},
                          result_format=COUNTS if counts else VERDICTS)  # fmt: skip
    with _configuration_memo():
        run = validator.validate_expectation_suite(suite(planned))
    out = {declared: _outcome(r) if counts else _verdict(r, data.height)
           for r, declared in zip(run.results, _by_meta(run.results, planned), strict=True)}  # fmt: skip
    recount = [
        e for e in planned if not counts and (out[e.name].success is False or "mostly" in plans[e.name])
    ]
    if recount:
        validator.result_format = COUNTS
        with _configuration_memo():
            run = validator.validate_expectation_suite(suite(recount))
        for r, declared in zip(run.results, _by_meta(run.results, recount), strict=True):
            out[declared] = _outcome(r)
    return out


def _structure_key(
    frame: str, part: str, data: pl.DataFrame, planned: list[Expectation], plans: dict[str, GxKwargs]
) -> tuple[object, ...] | None:
    """A key for the GX runs whose verdicts depend on the frames' schemas only -- the column sets
    (on zero rows) and the column types (one row per contract column) -- so that a run's windows,
    which share their schemas, ask GX once; None for the row checks, which depend on the rows."""
    if part != "schema" and frame != "columns":
        return None
    rows = tuple(data.rows()) if data.height else ()
    kwargs = json.dumps([[e.name, e.gx_type, plans[e.name]] for e in planned], sort_keys=True, default=str)
    return frame, part, tuple((c, repr(t)) for c, t in data.schema.items()), rows, kwargs


def _by_meta(results: list[ExpectationValidationResult], planned: list[Expectation]) -> list[str]:
    """The declared name of each GX result (GX may reorder them), from the meta we gave it."""
    names = []
    for r in results:
        config = r.expectation_config
        name = (config.meta or {}).get("name") if config is not None else None
        if name is None:
            raise RuntimeError(
                f"GX returned a result without its expectation's name ({len(planned)} planned)"
            )
        names.append(str(name))
    return names


def _raised(info: object) -> str | None:
    """The first exception GX caught, however deep it nests it (per metric for missing columns)."""
    if isinstance(info, Mapping):
        if info.get("raised_exception"):
            return str(info.get("exception_message") or "GX raised an exception")
        for v in info.values():
            found = _raised(v)
            if found:
                return found
    return None


def _verdict(r: ExpectationValidationResult, rows: int) -> _Outcome:
    """A verdict-only (BOOLEAN_ONLY) result: a column-map check that passes has no failing row of the
    ``rows`` GX counted (``mostly`` is recounted); a failing one is recounted by the caller."""
    error = _raised(r.exception_info or {})
    if error:
        return _Outcome(success=None, error=f"GX could not evaluate it: {error}")
    return _Outcome(success=bool(r.success), element_count=rows)


def _outcome(r: ExpectationValidationResult) -> _Outcome:
    res = dict(r.result or {})
    error = _raised(r.exception_info or {})
    if error:
        return _Outcome(success=None, error=f"GX could not evaluate it: {error}")
    observed = res.get("observed_value")
    return _Outcome(
        success=bool(r.success),
        unexpected_count=int(res.get("unexpected_count") or 0),
        element_count=int(res.get("element_count") or 0),
        observed=None if observed is None else json.dumps(observed, ensure_ascii=False, default=str),
    )


# ----------------------------------------------------------------------------------- the gate


def _plan(derived: Derived) -> tuple[dict[str, GxKwargs], dict[str, str]]:
    plans, skipped = {}, {}
    for e in EXPECTATIONS:
        try:
            plans[e.name] = e.resolve(derived)
        except NotEvaluated as exc:
            skipped[e.name] = f"not evaluated: {exc}"
        except Exception as exc:  # a broken lexicon or frame must not pass the check by accident
            skipped[e.name] = f"not evaluated: {type(exc).__name__}: {exc}"
    return plans, skipped


def _failing(
    e: Expectation, kwargs: GxKwargs, df: pl.DataFrame, gx: _Outcome
) -> tuple[_Outcome, pl.DataFrame]:
    """The rows that fail ``e`` (polars), checked against GX's count; a disagreement blocks."""
    if gx.success is None:
        return gx, df.clear()
    try:
        ok = suites.row_ok(e, kwargs, df)
    except Exception as exc:
        return _Outcome(
            None, error=f"not evaluated: row check failed: {type(exc).__name__}: {exc}"
        ), df.clear()
    if ok is None:
        return gx, df.clear()
    rows = df.filter(~ok)
    if rows.height != gx.unexpected_count or (rows.height == 0) != gx.success:
        why = f"not evaluated: GX counts {gx.unexpected_count} failing rows, the row check {rows.height}"
        return _Outcome(None, gx.unexpected_count, gx.element_count, error=why), df.clear()
    return gx, rows


def _reasons(e: Expectation, rows: pl.DataFrame) -> pl.Series:
    return pl.Series("reason", [e.explain(r) for r in rows.iter_rows(named=True)], dtype=pl.String)


def _held_metrics(e: Expectation, rows: pl.DataFrame, metrics: pl.DataFrame) -> pl.DataFrame:
    """(metric_id, reason) for the metrics a failing row of ``e.frame`` holds back."""
    rows = rows.with_columns(_reasons(e, rows))
    if e.frame == "metrics":
        return rows.select("metric_id", "reason")
    if e.frame == "relations":
        return rows.select(pl.col("part_metric_id").alias("metric_id"), "reason")
    keys = ["sha256", "sent_ix"] if e.frame == "sentences" else ["sha256"]
    if not set(keys) <= set(rows.columns) or not set(keys) <= set(metrics.columns):
        return pl.DataFrame(schema={"metric_id": pl.String, "reason": pl.String})
    held = rows.select(*keys, "reason").join(metrics.select("metric_id", *keys), on=keys)
    return held.select("metric_id", "reason")


def _failure_rows(e: Expectation, rows: pl.DataFrame) -> pl.DataFrame:
    """The first failing rows of ``e`` as the report shows them: reason, path, sentence, marked span."""
    rows = rows.head(MAX_FAILURE_ROWS)
    if rows.is_empty():
        return empty(FAILURES)

    def col(name: str, dtype: PolarsDataType = pl.String) -> pl.Series:
        return (
            rows[name].cast(dtype, strict=False)
            if name in rows.columns
            else pl.Series(name, [None] * rows.height, dtype)
        )

    if e.frame == "sentences":
        text = col("text").to_list()
        spans = [suites.mark_span(e.name, t) for t in text]
        sentence, span_text = col("text"), pl.Series([None] * rows.height, dtype=pl.String)
        start = pl.Series([s[0] if s else None for s in spans], dtype=pl.Int64)
        end = pl.Series([s[1] if s else None for s in spans], dtype=pl.Int64)
    else:
        sentence, span_text = col("sentence"), col("text")
        start, end = col("mark_start", pl.Int64), col("mark_end", pl.Int64)
    metric_id = col("part_metric_id") if e.frame == "relations" else col("metric_id")
    return pl.DataFrame({
        "expectation": [e.name] * rows.height, "severity": [e.severity] * rows.height,
        "frame": [e.frame] * rows.height, "reason": _reasons(e, rows), "metric_id": metric_id,
        "path": col("path"), "text": span_text, "sentence": sentence, "mark_start": start, "mark_end": end,
    }, schema=FAILURES)  # fmt: skip


def _sample_keys(rows: pl.DataFrame) -> list[str]:
    for key in ("metric_id", "part_metric_id", "path"):
        if key in rows.columns:
            return [str(v) for v in rows[key].head(MAX_OFFENDING_KEYS).to_list()]
    return []


def validate(
    frames: Mapping[str, pl.DataFrame | None],
    *,
    run_id: str,
    waivers: pl.DataFrame | None = None,
    reports_dir: Path | None = None,
    history: pl.DataFrame | None = None,
) -> GateResult:
    """Validate one batch's frames: what may be loaded, what is held back and why. Writes nothing.

    ``waivers`` (expectations/waivers.csv when None) lets rows a reviewer accepted load.
    Reconciles: extracted metrics = loaded + quarantined (distinct metric ids) unless blocked, in
    which case nothing is loaded. ``reports_dir``/``history`` are a transitional shim for callers
    not yet calling :func:`expectations.report.write_report` themselves (deprecated).
    """
    full = {k: v if (v := frames.get(k)) is not None else empty(SCHEMAS[k]) for k in SCHEMAS}
    try:
        derived = suites.derive(full)
        plans, skipped = _plan(derived)
    except Exception as exc:  # the helper columns cannot be computed: nothing is checked, so all blocks
        log.exception("deriving the gate's columns failed")
        derived = suites.Derived({**full, "columns": suites.column_types(full)}, {})
        plans, skipped = (
            {},
            {e.name: f"not evaluated: derive failed: {type(exc).__name__}: {exc}" for e in EXPECTATIONS},
        )
    try:
        outcomes = _run_gx(derived, plans)
    except Exception as exc:  # GX itself broken: every planned check is unevaluated, so the batch blocks
        log.exception("Great Expectations failed")
        outcomes = {
            n: _Outcome(None, error=f"not evaluated: GX failed: {type(exc).__name__}: {exc}") for n in plans
        }
    waivers = load_waivers() if waivers is None else waivers

    metrics = full["metrics"]
    has_ids = "metric_id" in metrics.columns  # without it nothing can be held back by key: blocked anyway
    results, failures, held = [], [], []
    for e in EXPECTATIONS:
        if e.name in skipped:
            o, rows = _Outcome(None, error=skipped[e.name]), derived[e.frame].clear()
        else:
            gx_outcome = outcomes.get(e.name) or _Outcome(None, error="not evaluated: GX returned no result")
            o, rows = _failing(e, plans[e.name], derived[e.frame], gx_outcome)
        details: dict[str, object] = {"description": e.description, "gx_type": e.gx_type}
        if o.observed is not None:
            details["observed"] = o.observed
        if o.success is None:
            details["not_evaluated"] = o.error or "not evaluated"
        if keys := _sample_keys(rows):
            details["offending"] = keys
        results.append((run_id, e.frame, e.name, e.severity, o.success, o.unexpected_count, o.element_count,
                        json.dumps(details, ensure_ascii=False, default=str)))  # fmt: skip
        if rows.height:
            failures.append(_failure_rows(e, rows))
        if o.success is False and e.severity in HOLDING and rows.height and has_ids:
            held.append(_held_metrics(e, rows, metrics).with_columns(expectation=pl.lit(e.name),
                                                                      severity=pl.lit(e.severity)))  # fmt: skip
    results_df = pl.DataFrame(results, schema=RESULTS, orient="row")
    quarantine, waived = _quarantine(held, metrics, run_id, waivers)
    result = GateResult(run_id, metrics, full["relations"], quarantine, results_df, waived,
                        pl.concat([empty(FAILURES), *failures]), _bad_files(full))  # fmt: skip

    held_ids = quarantine.filter(pl.col("severity") == "quarantine")["metric_id"].unique()
    if result.blocked or not has_ids:
        passing = metrics.clear() if has_ids else empty(METRICS)
    else:
        passing = metrics.filter(~pl.col("metric_id").is_in(held_ids.implode()))
    relations = _passing_relations(derived["relations"], full["relations"], passing)
    ids = metrics["metric_id"] if has_ids else pl.Series([], dtype=pl.String)
    counts = {
        "files": full["files"].height,
        "unreadable_files": result.bad_files.height,
        "documents": full["documents"].height,
        "sentences": full["sentences"].height,
        "extracted": ids.n_unique(),
        "loaded": passing["metric_id"].n_unique() if has_ids else 0,
        "quarantined": held_ids.len(),
        "waived": waived["metric_id"].n_unique(),
        "relations": full["relations"].height,
        "relations_loaded": relations.height,
        "batches": 1,
    }
    if not result.blocked and counts["extracted"] != counts["loaded"] + counts["quarantined"]:
        raise AssertionError(f"counts do not reconcile (extracted != loaded + quarantined): {counts}")
    result = GateResult(run_id, passing, relations, quarantine, results_df, waived, result.failures,
                        result.bad_files, _loaded_by(passing), counts)  # fmt: skip
    if reports_dir is not None:  # deprecated shim, see the docstring
        from expectations.report import write_report

        warnings.warn("validate(reports_dir=...) is deprecated: call expectations.report.write_report",
                      DeprecationWarning, stacklevel=2)  # fmt: skip
        paths = write_report(result, reports_dir=Path(reports_dir), history=history)
        result = replace(result, report_path=paths.run)
    return result


def _quarantine(
    held: list[pl.DataFrame], metrics: pl.DataFrame, run_id: str, waivers: pl.DataFrame
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """(quarantine rows, waived rows): a quarantine row a reviewer waived loads and is listed apart."""
    if not held:
        return empty(QUARANTINE), empty(WAIVED)
    rows = pl.concat(held, how="vertical_relaxed").unique(["metric_id", "expectation"], keep="first",
                                                          maintain_order=True)  # fmt: skip
    cols = [c for c in METRICS if c in metrics.columns]
    facts = (
        metrics.select(cols)
        .unique("metric_id", keep="first")
        .select(
            "metric_id",
            pl.struct(cols).struct.json_encode().alias("row_json"),
            *[
                pl.col(c) if c in cols else pl.lit(None, pl.String).alias(c)
                for c in ("text", "sentence", "path")
            ],
        )
    )
    out = rows.join(facts, on="metric_id", how="left", maintain_order="left").with_columns(
        run_id=pl.lit(run_id)
    )
    out = match(out, waivers)
    is_waived = pl.col("waiver_reason").is_not_null() & (pl.col("severity") == "quarantine")
    waived = out.filter(is_waived).select(
        "run_id", "metric_id", "expectation", "path", "text", "sentence", pl.col("reason").alias("failure"),
        pl.col("waiver_reason").alias("reason"), pl.col("waiver_who").alias("who"),
    )  # fmt: skip
    kept = out.filter(~is_waived).select([pl.col(c).cast(t) for c, t in QUARANTINE.items()])
    return kept, waived.select([pl.col(c).cast(t) for c, t in WAIVED.items()])


def _passing_relations(derived: pl.DataFrame, relations: pl.DataFrame, passing: pl.DataFrame) -> pl.DataFrame:
    if passing.is_empty() or relations.is_empty() or "whole_metric_id" not in relations.columns:
        return relations.clear() if relations.width else empty(RELATIONS)
    ok = passing["metric_id"].implode()
    keep = derived.select(
        pl.col("whole_metric_id").is_in(ok) & pl.col("part_metric_id").is_in(ok)
        & pl.col("parts_within_whole").fill_null(True)
    ).to_series()  # fmt: skip
    return relations.filter(keep)


def _bad_files(frames: Mapping[str, pl.DataFrame]) -> pl.DataFrame:
    """Each file that could not be read or normalised, once, with every reason."""
    parts = []
    for name in ("files", "documents"):
        df = frames[name]
        if {"path", "error"} <= set(df.columns):
            size = (
                pl.col("bytes").cast(pl.Int64, strict=False)
                if "bytes" in df.columns
                else pl.lit(None, pl.Int64)
            )
            parts.append(df.filter(pl.col("error").is_not_null()).select(
                pl.col("path").cast(pl.String), size.alias("bytes"), pl.col("error").cast(pl.String)))  # fmt: skip
    if not parts:
        return empty(BAD_FILES)
    both = pl.concat(parts)
    return (
        both.group_by("path", maintain_order=True)
        .agg(pl.col("bytes").drop_nulls().first(), pl.col("error").unique(maintain_order=True).str.join("; "))
        .select(list(BAD_FILES))
    )


def _loaded_by(passing: pl.DataFrame) -> pl.DataFrame:
    parts = [empty(LOADED_BY)]
    for dim in ("region", "topic"):
        if dim in passing.columns and passing.height:
            parts.append(passing.group_by(pl.col(dim).cast(pl.String).fill_null("unknown").alias("key")).len()
                         .select(pl.lit(dim).alias("dimension"), "key", pl.col("len").cast(pl.Int64).alias("n")))  # fmt: skip
    return pl.concat(parts)
