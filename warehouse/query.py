"""Read-only SQL on the published warehouse, returned as polars frames.

Read-only mode is what protects the data (DuckDB refuses writes on such a connection), so no SQL is
rejected by string matching. Results are built from ``fetchall`` with types taken from DuckDB's
result description rather than through Arrow: this environment has no pyarrow, and DuckDB 2.0's
Arrow export to polars leaks nanobind objects (noisy warnings at interpreter exit).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import duckdb
import polars as pl

_SIMPLE: dict[str, pl.DataType] = {
    "BOOLEAN": pl.Boolean(),
    "TINYINT": pl.Int8(),
    "SMALLINT": pl.Int16(),
    "INTEGER": pl.Int32(),
    "BIGINT": pl.Int64(),
    "HUGEINT": pl.Int64(),  # sums of integers; exceeding int64 is not a real case here
    "UTINYINT": pl.UInt8(),
    "USMALLINT": pl.UInt16(),
    "UINTEGER": pl.UInt32(),
    "UBIGINT": pl.UInt64(),
    "FLOAT": pl.Float32(),
    "DOUBLE": pl.Float64(),
    "VARCHAR": pl.String(),
    "DATE": pl.Date(),
    "TIME": pl.Time(),
    "TIMESTAMP": pl.Datetime("us"),
    "TIMESTAMP WITH TIME ZONE": pl.Datetime("us", "UTC"),
    "INTERVAL": pl.Duration("us"),
    "BLOB": pl.Binary(),
    "UUID": pl.String(),
}


class WarehouseMissing(FileNotFoundError):
    """No warehouse has been published at this path yet."""


def polars_type(duckdb_type: object) -> pl.DataType | None:
    """The polars dtype for a DuckDB result type, or None to let polars infer (nested types)."""
    name = str(duckdb_type).upper()
    if name in _SIMPLE:
        return _SIMPLE[name]
    if re.fullmatch(r"DECIMAL\(\d+,\s*\d+\)", name):
        return pl.Float64()
    return None


def fetch(con: duckdb.DuckDBPyConnection, sql: str, params: Sequence[Any] | dict | None = None) -> pl.DataFrame:
    """Run one query on an open connection and return its result as a typed polars frame."""
    cur = con.execute(sql, params) if params is not None else con.execute(sql)
    if cur.description is None:
        return pl.DataFrame()
    names = [d[0] for d in cur.description]
    kinds = [str(d[1]).upper() for d in cur.description]
    rows = cur.fetchall()
    cols = {}
    for i, (name, kind) in enumerate(zip(names, kinds, strict=True)):
        values = [r[i] for r in rows]
        if kind.startswith("DECIMAL"):
            values = [None if v is None else float(v) for v in values]
        cols[name] = pl.Series(name, values, dtype=polars_type(kind), strict=False)
    return pl.DataFrame(cols) if cols else pl.DataFrame()


def connect_readonly(warehouse_path: Path) -> duckdb.DuckDBPyConnection:
    """A read-only connection to the published warehouse (never blocks or is blocked by a load)."""
    path = Path(warehouse_path)
    if not path.exists():
        raise WarehouseMissing(f"no warehouse at {path}; run `minsheng run` first")
    return duckdb.connect(str(path), read_only=True)


def run_sql(warehouse_path: Path, sql: str, params: Sequence[Any] | dict | None = None) -> pl.DataFrame:
    """Run a query on the published warehouse, read-only, and return a polars frame."""
    with connect_readonly(warehouse_path) as con:
        return fetch(con, sql, params)


# name -> query returning the offending rows; each must return nothing on a healthy warehouse.
INTEGRITY_CHECKS: dict[str, str] = {
    "span matches text at offsets": """
        SELECT f.metric_id FROM fact_metric f LEFT JOIN doc_text t ON t.sha256 = f.sha256
        WHERE t.text IS NULL OR substr(t.text, f.char_start + 1, f.char_end - f.char_start) <> f.span_text""",
    "facts belong to current file versions": """
        SELECT f.metric_id FROM fact_metric f LEFT JOIN dim_file d ON d.sha256 = f.sha256
        WHERE d.sha256 IS NULL OR NOT d.is_current""",
    "parts reference loaded facts": """
        SELECT b.part_metric_id FROM fact_metric_part b
        WHERE b.whole_metric_id NOT IN (SELECT metric_id FROM fact_metric)
           OR b.part_metric_id NOT IN (SELECT metric_id FROM fact_metric)""",
    "current files have their text": """
        SELECT d.sha256 FROM dim_file d WHERE d.is_current AND d.sha256 NOT IN (SELECT sha256 FROM doc_text)""",
    "paths point at known versions": """
        SELECT p.path FROM file_path p WHERE p.sha256 NOT IN (SELECT sha256 FROM dim_file WHERE is_current)""",
    "facts reference known periods": """
        SELECT f.metric_id FROM fact_metric f
        WHERE f.period_key IS NOT NULL AND f.period_key NOT IN (SELECT period_key FROM dim_period)""",
    "every loaded run is recorded": """
        SELECT d.first_seen_run FROM dim_file d
        WHERE d.first_seen_run NOT IN (SELECT run_id FROM audit_load_run)""",
}


def check_integrity(warehouse_path: Path) -> list[str]:
    """Names of the integrity checks the published warehouse fails (empty list = healthy)."""
    failed: list[str] = []
    with connect_readonly(warehouse_path) as con:
        for name, sql in INTEGRITY_CHECKS.items():
            if con.execute(f"SELECT count(*) FROM ({sql})").fetchone()[0]:
                failed.append(name)
    return failed
