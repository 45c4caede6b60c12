"""Read-only SQL on the published warehouse, returned as polars frames.

Read-only mode is what protects the data (DuckDB refuses writes on such a connection), so no SQL is
rejected by string matching. Results are built from ``fetchall`` with types taken from DuckDB's
result description, not through Arrow (why: docs/decisions/0007-query-results-without-arrow.md).
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


def fetch(
    con: duckdb.DuckDBPyConnection, sql: str, params: Sequence[Any] | dict | None = None
) -> pl.DataFrame:
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


def connect_readonly(warehouse_path: Path | str) -> duckdb.DuckDBPyConnection:
    """A read-only connection to the warehouse as published right now (never blocks or is blocked
    by a load).

    A file warehouse is opened by ``warehouse.readers.open_readonly`` (unfenced: this is the
    project's own trusted SQL), the one way to open a reader: ``duckdb.connect(path)`` would hand a
    long-lived process DuckDB's cached instance of the file it first opened, and it would never see
    a newer load. ``ducklake:<catalog>`` attaches the DuckLake read-only (its last published snapshot).
    """
    from warehouse.backends import connect_lake, parse_target
    from warehouse.readers import open_readonly

    target = parse_target(warehouse_path)
    if not target.path.exists():
        raise WarehouseMissing(f"no warehouse at {target.path}; run `minsheng run` first")
    if target.lake:
        return connect_lake(target, read_only=True)
    return open_readonly(target.path, fenced=False)


def run_sql(warehouse_path: Path | str, sql: str, params: Sequence[Any] | dict | None = None) -> pl.DataFrame:
    """Run a query on the published warehouse, read-only, and return a polars frame."""
    with connect_readonly(warehouse_path) as con:
        return fetch(con, sql, params)


def check_integrity(warehouse_path: Path | str) -> list[str]:
    """Names of the checks (``warehouse/sql/checks/*.sql``) the published warehouse fails; [] = healthy."""
    from warehouse.sqlfiles import run_checks

    with connect_readonly(warehouse_path) as con:
        return run_checks(con)
