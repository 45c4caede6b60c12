"""The warehouse's SQL, kept in files (``warehouse/sql/``) and run from here.

Views are re-created on every publish, so a view change is an edit of its file and needs no
migration (why files: docs/decisions/0008-sql-in-files.md). Layout:

- ``open/``, ``load/``, ``retire/``, ``prune/``, ``publish/``: the steps, ``NN_name.sql``, run in
  name order; they read staged temp tables (``stg_*``) instead of bind parameters.
- ``views/NN_name.sql``: ``CREATE OR REPLACE VIEW`` plus its ``COMMENT ON``s.
- ``checks/name.sql``: one query each that must return no rows on a healthy warehouse.
- ``checks_run/name.sql``: the form a loader's publish runs instead of ``checks/name.sql`` where the
  run checked its own rows batch by batch (the whole-warehouse form would grow with the warehouse).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from pathlib import Path

import duckdb

SQL_DIR = Path(__file__).with_name("sql")
BASE_VIEW = "v_metric_all"  # views inherit its column comments for same-named columns


@cache
def _read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def step_files(step: str, sql_dir: Path = SQL_DIR) -> list[Path]:
    """The SQL files of a step directory, in name order."""
    return sorted((sql_dir / step).glob("*.sql"))


def run_step(con: duckdb.DuckDBPyConnection, step: str, *, only: Sequence[str] | None = None) -> None:
    """Run every file of ``warehouse/sql/<step>/`` (or just the names in ``only``) on ``con``."""
    for path in step_files(step):
        if only is None or path.name in only:
            con.execute(_read(path))


def view_names(sql_dir: Path = SQL_DIR) -> list[str]:
    """Names of the views the files define, in creation order."""
    names = []
    for path in step_files("views", sql_dir):
        for line in _read(path).splitlines():
            head = line.strip().upper()
            if head.startswith("CREATE OR REPLACE VIEW "):
                names.append(line.split()[4])
    return names


def statements(sql: str) -> list[str]:
    """Split a file of ours into statements: each ends with ``;`` at the end of a line."""
    out, current = [], []
    for line in sql.splitlines():
        current.append(line)
        if line.rstrip().endswith(";"):
            text = "\n".join(current).strip()
            if any(x.strip() and not x.strip().startswith("--") for x in current):
                out.append(text)
            current = []
    if any(x.strip() and not x.strip().startswith("--") for x in current):
        out.append("\n".join(current).strip())
    return out


def is_lake(con: duckdb.DuckDBPyConnection) -> bool:
    """Whether the connection's default database is a DuckLake."""
    row = con.execute(
        "SELECT type FROM duckdb_databases() WHERE database_name = current_database()"
    ).fetchone()
    return row is not None and row[0] == "ducklake"


def apply_views(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Drop every user view, re-create them from ``views/*.sql``; returns their names.

    A column a view leaves uncommented takes the comment of the same-named column of v_metric_all,
    so derived views (v_metric, v_metric_distinct) do not restate 40 comments. DuckLake cannot
    comment view columns: there the views keep their view comment only.
    """
    lake = is_lake(con)
    views = con.execute(
        "SELECT view_name FROM duckdb_views() WHERE NOT internal AND NOT temporary "
        "AND database_name = current_database()"
    ).fetchall()
    for (name,) in views:
        con.execute(f'DROP VIEW IF EXISTS "{name}"')
    for path in step_files("views"):
        if not lake:
            con.execute(_read(path))
            continue
        for stmt in statements(_read(path)):
            body = "\n".join(x for x in stmt.splitlines() if not x.strip().startswith("--")).lstrip()
            if not body.upper().startswith("COMMENT ON COLUMN"):
                con.execute(stmt)
    if lake:
        return view_names()
    # The base view's name is written into the query, not bound: binding a Python parameter makes
    # DuckDB import pandas and numpy (~0.4 s CPU), which a load otherwise never needs.
    inherited = con.execute(
        f"""
        SELECT c.table_name, c.column_name, b.comment
        FROM duckdb_columns() c
        JOIN duckdb_columns() b ON b.table_name = '{BASE_VIEW}' AND b.column_name = c.column_name
             AND b.database_name = c.database_name
        JOIN duckdb_views() v ON v.view_name = c.table_name AND v.database_name = c.database_name AND NOT v.internal
        WHERE c.database_name = current_database() AND c.table_name <> '{BASE_VIEW}'
          AND coalesce(c.comment, '') = '' AND coalesce(b.comment, '') <> ''
        """
    ).fetchall()
    for table, column, comment in inherited:
        con.execute(f'COMMENT ON COLUMN "{table}"."{column}" IS ' + "'" + comment.replace("'", "''") + "'")
    return view_names()


def check_files(sql_dir: Path = SQL_DIR) -> list[Path]:
    """The integrity checks, one query per file."""
    return step_files("checks", sql_dir)


def run_checks(con: duckdb.DuckDBPyConnection, *, run: bool = False) -> list[str]:
    """Names (file stems) of the checks that return rows: empty list = healthy.

    ``run``: a loader's publish, on its own connection: a check with a ``checks_run/`` form runs
    that instead (it reads what the run's batches checked)."""
    failed = []
    for path in check_files():
        variant = path.parent.with_name("checks_run") / path.name
        sql = _read(variant if run and variant.exists() else path).strip().rstrip(";")
        row = con.execute(f"SELECT count(*) FROM ({sql})").fetchone()
        if row and row[0]:
            failed.append(path.stem)
    return failed
