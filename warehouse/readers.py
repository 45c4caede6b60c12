"""Read-only SQL for analysts that is read-only in effect, not only in name.

A DuckDB connection opened with ``read_only=True`` protects the database file from writes through
that connection, but it is not a sandbox: ``COPY ... TO`` writes any file (the published warehouse
included), ``read_text()``/``read_csv()`` read any file, ``ATTACH`` opens other databases read-write,
``INSTALL``/``LOAD`` bring in code and ``SET`` undoes any setting. So ``minsheng sql`` / ``shell`` get
two independent fences:

1. An allow-list checked on DuckDB's own parse (``duckdb.extract_statements`` gives each
   statement's type; ``duckdb.tokenize`` names a PRAGMA): only queries (SELECT, WITH, FROM-first,
   VALUES, DESCRIBE, SUMMARIZE, SHOW) and the introspection PRAGMAs in ``READ_PRAGMAS``. Anything
   else is a ``RefusedStatement`` before it runs; SQL DuckDB cannot parse is a ``BadStatement``.
2. DuckDB's own fences on the connection, set after the warehouse is attached and then locked:
   ``enable_external_access = false`` (no file or network access beyond the attached warehouse),
   ``allow_community_extensions = false``, no extension autoload/autoinstall, and
   ``lock_configuration = true`` so no statement can lift them. A statement that slipped past the
   allow-list still cannot reach a file outside the warehouse.

Every reader is a fresh unnamed ``:memory:`` instance that ATTACHes the warehouse, so it opens the
file published *now* (why not ``duckdb.connect(path)``: docs/decisions/0004-fenced-readers.md).
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

import duckdb
import polars as pl

from warehouse.query import WarehouseMissing, fetch

# Settings DuckDB only accepts at start-up; the rest are set once the warehouse is attached.
_STARTUP_FENCES: dict[str, bool] = {
    "allow_community_extensions": False,
    "allow_unsigned_extensions": False,
    "autoload_known_extensions": False,
    "autoinstall_known_extensions": False,
}
# PRAGMAs that only describe the database (DuckDB 1.5 rewrites most of them into SELECTs itself).
READ_PRAGMAS = frozenset(
    {
        "show",
        "show_tables",
        "show_tables_expanded",
        "show_databases",
        "table_info",
        "storage_info",
        "database_size",
        "database_list",
        "metadata_info",
        "version",
        "platform",
        "user_agent",
        "functions",
        "collations",
    }
)


class ReaderError(ValueError):
    """SQL that ``run_statements`` will not run; the CLI maps it to exit code 2."""


class BadStatement(ReaderError):
    """Empty SQL or SQL that DuckDB's parser rejects."""


class RefusedStatement(ReaderError):
    """A statement that parses but is not a read-only query (COPY, ATTACH, SET, INSTALL, CREATE...)."""


def _quote(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _ident(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def fence(
    con: duckdb.DuckDBPyConnection, allowed_directories: Sequence[Path] = ()
) -> duckdb.DuckDBPyConnection:
    """Switch off file and network access on ``con`` (except ``allowed_directories``) and lock its
    configuration so no statement can switch it back. Call after attaching and loading what the
    connection needs (a DuckLake catalog, its extension, its data directory as an allowed one)."""
    if allowed_directories:
        dirs = ", ".join(_quote(str(Path(d).resolve()) + os.sep) for d in allowed_directories)
        con.execute(f"SET allowed_directories = [{dirs}]")
    con.execute("SET enable_external_access = false")
    con.execute("SET lock_configuration = true")
    return con


def open_readonly(warehouse_path: Path, *, fenced: bool = True) -> duckdb.DuckDBPyConnection:
    """A connection to the warehouse as published right now, read-only and (by default) fenced.

    ``fenced=False`` keeps file access on: only for the project's own trusted SQL such as the Parquet
    export, which must write files. The catalog is named after the file's stem, as with
    ``duckdb.connect(path)``, so fully qualified names keep working.
    """
    from warehouse.backends import connect_lake, parse_target

    target = parse_target(warehouse_path)
    if not target.path.is_file():
        raise WarehouseMissing(f"no warehouse at {warehouse_path}; run `minsheng run` first")
    if target.lake:  # the last published snapshot; its Parquet files are the only files it may read
        lake = connect_lake(target, read_only=True)
        return fence(lake, [target.data_path]) if fenced else lake
    path = target.path
    real = path.resolve()
    con = duckdb.connect(":memory:", config=dict(_STARTUP_FENCES))
    try:
        alias = path.stem or "warehouse"
        con.execute(f"ATTACH {_quote(str(real))} AS {_ident(alias)} (READ_ONLY)")
        con.execute(f"USE {_ident(alias)}")
        if fenced:
            fence(con)
    except BaseException:
        con.close()
        raise
    return con


def _pragma_name(query: str) -> str:
    """The PRAGMA's name: the token after the keyword, as DuckDB's own tokenizer splits it."""
    tokens = duckdb.tokenize(query)
    if len(tokens) < 2:
        return ""
    start = tokens[1][0]
    end = tokens[2][0] if len(tokens) > 2 else len(query)
    return query[start:end].strip().strip('"').lower()


def check_statements(sql: str) -> list[duckdb.Statement]:
    """The parsed statements of ``sql`` if every one is allowed; raise BadStatement/RefusedStatement."""
    if not sql or not sql.strip():
        raise BadStatement("empty SQL: give a query, e.g. SELECT * FROM v_metric LIMIT 10")
    try:
        statements = duckdb.extract_statements(sql)
    except duckdb.Error as exc:
        raise BadStatement(str(exc).strip()) from None
    if not statements:
        raise BadStatement("no statement in the SQL (only comments or semicolons)")
    for st in statements:
        kind = st.type
        if kind == duckdb.StatementType.SELECT:
            continue
        if kind == duckdb.StatementType.PRAGMA and _pragma_name(st.query) in READ_PRAGMAS:
            continue
        name = str(kind).rsplit(".", 1)[-1]
        raise RefusedStatement(
            f"refused {name} statement: `minsheng sql` runs only read-only queries "
            f"(SELECT, WITH, DESCRIBE, SUMMARIZE, SHOW, PRAGMA show_tables/table_info...): {st.query.strip()[:120]}"
        )
    return statements


def run_statements(warehouse_path: Path, sql: str) -> list[tuple[str, pl.DataFrame]]:
    """Run every statement of ``sql`` on a fresh fenced connection; (statement text, result) each.

    All statements are checked before the first one runs, so a refused statement at the end never
    leaves half of a script executed.
    """
    statements = check_statements(sql)
    out: list[tuple[str, pl.DataFrame]] = []
    with open_readonly(warehouse_path) as con:
        for st in statements:
            text = st.query.strip().rstrip(";").strip()
            try:
                frame = fetch(con, text)
            except duckdb.PermissionException as exc:  # the connection's fences held
                raise RefusedStatement(f"{text[:120]}: {str(exc).strip()}") from None
            except duckdb.Error as exc:
                raise BadStatement(f"{text[:120]}: {str(exc).strip()}") from None
            out.append((text, frame))
    return out
