"""`minsheng sql` is read-only in effect: the allow-list and DuckDB's fences, each tested on its own.

A real DuckDB warehouse file with a secret file beside it: every abuse of issue 17 (COPY over the
warehouse, read_text/read_csv of other files, ATTACH, INSTALL/LOAD, SET) must be refused and leave
both files untouched, and a reconnect in the same process must see a newly published file.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import duckdb
import pytest

from warehouse.query import WarehouseMissing
from warehouse.readers import (
    BadStatement,
    RefusedStatement,
    check_statements,
    fence,
    open_readonly,
    run_statements,
)


def _build(path: Path, rows: int) -> None:
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE fact_demo (metric_id VARCHAR, value DOUBLE)")
    con.execute("INSERT INTO fact_demo SELECT 'm' || i, i * 1.5 FROM range(?) t(i)", [rows])
    con.execute("CREATE VIEW v_demo AS SELECT * FROM fact_demo WHERE value > 0")
    con.execute("CHECKPOINT")
    con.close()


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def warehouse(tmp_path: Path) -> Path:
    path = tmp_path / "wh" / "minsheng.duckdb"
    path.parent.mkdir()
    _build(path, 3)
    (tmp_path / "secret.csv").write_text("user,password\nroot,hunter2\n", encoding="utf-8")
    return path


def test_queries_of_every_allowed_kind_run_in_order(warehouse: Path) -> None:
    sql = """
        SELECT count(*) AS n FROM fact_demo;
        WITH x AS (SELECT max(value) AS top FROM v_demo) SELECT top FROM x;
        FROM fact_demo ORDER BY metric_id LIMIT 1;
        DESCRIBE fact_demo; SUMMARIZE fact_demo; SHOW TABLES;
        PRAGMA show_tables; PRAGMA table_info('fact_demo');
    """
    results = run_statements(warehouse, sql)
    assert len(results) == 8
    assert results[0][1]["n"].to_list() == [3]
    assert results[1][1]["top"].to_list() == [3.0]
    assert results[2][1]["metric_id"].to_list() == ["m0"]
    assert set(results[6][1].to_series().to_list()) == {"fact_demo", "v_demo"}
    assert results[0][0].startswith("SELECT count(*)")


@pytest.mark.parametrize(
    "sql",
    [
        "COPY fact_demo TO '{wh}'",
        "COPY (SELECT 1) TO '{dir}/leak.csv'",
        "EXPORT DATABASE '{dir}/dump'",
        "ATTACH '{dir}/other.duckdb' AS other",
        "ATTACH ':memory:' AS scratch",
        "DETACH minsheng",
        "INSTALL httpfs",
        "LOAD httpfs",
        "SET enable_external_access = true",
        "RESET lock_configuration",
        "PRAGMA threads = 1",
        "PRAGMA enable_profiling",
        "CREATE TEMP TABLE t AS SELECT 1",
        "UPDATE fact_demo SET value = 0",
        "CALL checkpoint()",
        "USE memory",
        "EXPLAIN ANALYZE SELECT 1",
        "SELECT 1; COPY (SELECT 1) TO '{dir}/after.csv'",
    ],
)
def test_everything_but_a_query_is_refused_before_it_runs(warehouse: Path, sql: str) -> None:
    before = _digest(warehouse)
    sql = sql.format(wh=warehouse, dir=warehouse.parent)
    with pytest.raises(RefusedStatement):
        run_statements(warehouse, sql)
    assert _digest(warehouse) == before
    assert sorted(p.name for p in warehouse.parent.iterdir()) == ["minsheng.duckdb"]


@pytest.mark.parametrize(
    "sql",
    [
        "SELECT * FROM read_text('{secret}')",
        "SELECT * FROM read_csv('{secret}')",
        "SELECT * FROM '{secret}'",
        "SELECT * FROM glob('{dir}/*')",
        "SELECT * FROM read_parquet('{dir}/*.parquet')",
    ],
)
def test_queries_that_reach_for_other_files_are_fenced_by_duckdb(warehouse: Path, sql: str) -> None:
    sql = sql.format(secret=warehouse.parent.parent / "secret.csv", dir=warehouse.parent.parent)
    check_statements(sql)  # a SELECT passes the allow-list: only the connection's fence stops it
    with pytest.raises((RefusedStatement, BadStatement)) as info:
        run_statements(warehouse, sql)
    assert "hunter2" not in str(info.value)


def test_the_fences_cannot_be_lifted_on_the_connection_itself(warehouse: Path) -> None:
    """Bypassing the allow-list (a direct execute) still meets DuckDB's locked configuration."""
    secret = warehouse.parent.parent / "secret.csv"
    with open_readonly(warehouse) as con:
        for sql in ("SET enable_external_access = true", "SET lock_configuration = false"):
            with pytest.raises(duckdb.InvalidInputException, match="locked"):
                con.execute(sql)
        with pytest.raises(duckdb.PermissionException):
            con.execute(f"SELECT * FROM read_text('{secret}')")
        with pytest.raises(duckdb.PermissionException):
            con.execute(f"COPY fact_demo TO '{warehouse.parent}/x.csv'")
        with pytest.raises(duckdb.PermissionException):
            con.execute(f"ATTACH '{warehouse.parent}/other.duckdb' AS other")
        with pytest.raises(duckdb.Error):
            con.execute("CREATE TABLE minsheng.main.x (a INT)")
        assert con.execute("SELECT current_setting('enable_external_access')").fetchone()[0] is False
    assert sorted(p.name for p in warehouse.parent.iterdir()) == ["minsheng.duckdb"]


@pytest.mark.parametrize(
    "sql", ["", "   ", ";;", "-- only a comment", "SELEC 1", "SELECT * FROM no_such_table"]
)
def test_empty_or_bad_sql_is_a_bad_statement(warehouse: Path, sql: str) -> None:
    with pytest.raises(BadStatement):
        run_statements(warehouse, sql)


def test_a_missing_warehouse_says_so(tmp_path: Path) -> None:
    with pytest.raises(WarehouseMissing):
        run_statements(tmp_path / "none.duckdb", "SELECT 1")


def test_a_reconnect_in_the_same_process_sees_the_new_load(warehouse: Path) -> None:
    """DuckDB caches instances by path: a plain connect while another is open sees the old file."""
    first = open_readonly(warehouse)
    plain = duckdb.connect(str(warehouse), read_only=True)
    new = warehouse.with_name("new.duckdb")
    _build(new, 5)
    os.replace(new, warehouse)  # what publishing does
    try:
        stale = duckdb.connect(str(warehouse), read_only=True)
        assert stale.execute("SELECT count(*) FROM fact_demo").fetchone()[0] == 3  # the trap
        stale.close()
        assert first.execute("SELECT count(*) FROM fact_demo").fetchone()[0] == 3  # its snapshot
        with open_readonly(warehouse) as fresh:
            assert fresh.execute("SELECT count(*) FROM fact_demo").fetchone()[0] == 5
        assert run_statements(warehouse, "SELECT count(*) AS n FROM fact_demo")[0][1]["n"].to_list() == [5]
    finally:
        plain.close()
        first.close()


def test_a_symlinked_warehouse_is_read_through_its_target(warehouse: Path, tmp_path: Path) -> None:
    link = tmp_path / "current.duckdb"
    link.symlink_to(warehouse)
    assert run_statements(link, "SELECT count(*) AS n FROM current.fact_demo")[0][1]["n"].to_list() == [3]


def test_fence_can_allow_one_data_directory_and_nothing_else(tmp_path: Path) -> None:
    """For backends whose data lives beside the catalog (DuckLake): one directory readable, no more."""
    data = tmp_path / "data"
    data.mkdir()
    maker = duckdb.connect()
    maker.execute(f"COPY (SELECT 42 AS answer) TO '{data}/part.parquet' (FORMAT parquet)")
    maker.close()
    (tmp_path / "secret.csv").write_text("password\nhunter2\n", encoding="utf-8")
    con = fence(duckdb.connect(), [data])
    try:
        assert con.execute(f"SELECT answer FROM '{data}/part.parquet'").fetchone()[0] == 42
        for sql in (
            f"SELECT * FROM read_csv('{tmp_path}/secret.csv')",
            f"SELECT * FROM read_text('{data}/../secret.csv')",
        ):
            with pytest.raises(duckdb.PermissionException):
                con.execute(sql)
        with pytest.raises(duckdb.InvalidInputException, match="locked"):
            con.execute("SET allowed_directories = ['/']")
    finally:
        con.close()
