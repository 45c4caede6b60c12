"""The glue between the warehouse files (issues 14/17/18): one publish path that follows symlinks and
re-checks the lock, new files born in STORAGE_VERSION, lake leftovers cleaned by owner, one way to
open a reader, and an export without deprecated aliases."""

from __future__ import annotations

import os
from pathlib import Path

import duckdb
import pytest

from warehouse.backends import (
    STORAGE_VERSION,
    Target,
    _version_tuple,
    clean_lake_work,
    ensure_storage,
    storage_version,
)
from warehouse.export import export_parquet
from warehouse.lock import LockLost, load_lock
from warehouse.query import connect_readonly
from warehouse.snapshot import OWNER_SUFFIX, owner, work_dir, working_copy


def _old_file(path: Path, rows: int) -> Path:
    """A warehouse in DuckDB's older default storage version, as files written before 1.2 were."""
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE t (x INTEGER)")
    con.execute("INSERT INTO t SELECT * FROM range(?)", [rows])
    con.close()
    return path


def _new_enough(path: Path) -> bool:
    return _version_tuple(storage_version(path)) >= _version_tuple(STORAGE_VERSION)


def test_rewriting_an_old_file_through_a_link_replaces_the_target_not_the_link(tmp_path: Path) -> None:
    (tmp_path / "disk").mkdir()
    target = _old_file(tmp_path / "disk" / "wh-2026.duckdb", 3)
    link = tmp_path / "current.duckdb"
    link.symlink_to(target)
    assert not _new_enough(target)
    with load_lock(link, 0, run_id="rewrite"):
        assert ensure_storage(link) is True
    assert link.is_symlink() and link.resolve() == target.resolve()
    assert _new_enough(target)
    assert duckdb.connect(str(target), read_only=True).execute("SELECT count(*) FROM t").fetchone() == (3,)


def test_a_rewrite_needs_the_lock(tmp_path: Path) -> None:
    wh = _old_file(tmp_path / "wh.duckdb", 1)
    with pytest.raises(LockLost):
        ensure_storage(wh)
    assert not _new_enough(wh)  # nothing published


def test_a_new_warehouse_is_created_in_the_storage_version_by_its_first_load(tmp_path: Path) -> None:
    wh = tmp_path / "fresh.duckdb"
    with load_lock(wh, 0, run_id="first"):
        assert ensure_storage(wh) is False  # nothing to rewrite, nothing published ahead of the load
        assert not wh.exists()
        with working_copy(wh, "first") as con:
            con.execute("CREATE TABLE t (x INTEGER)")
    assert _new_enough(wh)


def test_lake_cleanup_leaves_a_catalog_whose_name_starts_the_same(tmp_path: Path) -> None:
    lake = Target(tmp_path / "lake.ducklake", lake=True)
    staging = Target(tmp_path / "lake-staging.ducklake", lake=True)
    top = tmp_path / ".work"
    top.mkdir()
    old_mine = top / "lake-20261122T054034Z-1379ce18.ducklake"
    old_theirs = top / "lake-staging-20261122T054034Z-1379ce18.ducklake"
    for p in (old_mine, old_theirs):
        p.write_bytes(b"half a catalog")
    live = work_dir(staging.path) / "run1.ducklake"
    dead = work_dir(lake.path) / "run2.ducklake"
    for p in (live, dead):
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_bytes(b"a catalog copy")
    with load_lock(lake.path, 0, run_id="cleanup"), owner(live):
        removed = clean_lake_work(lake)
        assert (live.parent / f"run1{OWNER_SUFFIX}").exists()
    assert sorted(p.name for p in removed) == sorted([old_mine.name, dead.name])
    assert live.exists() and old_theirs.exists()


def test_lake_cleanup_needs_the_lock(tmp_path: Path) -> None:
    with pytest.raises(LockLost):
        clean_lake_work(Target(tmp_path / "lake.ducklake", lake=True))


def test_a_long_lived_reader_process_sees_a_newer_publish(tmp_path: Path) -> None:
    wh = _old_file(tmp_path / "wh.duckdb", 1)
    first = connect_readonly(wh)  # e.g. a notebook or a server keeping a connection open
    try:
        newer = _old_file(tmp_path / "newer.duckdb", 5)
        os.replace(newer, wh)  # what a publish does
        with connect_readonly(wh) as second:
            assert second.execute("SELECT count(*) FROM t").fetchone() == (5,)
        assert first.execute("SELECT count(*) FROM t").fetchone() == (1,)  # its own snapshot
    finally:
        first.close()


def test_the_export_leaves_out_deprecated_aliases(tmp_path: Path) -> None:
    wh = tmp_path / "wh.duckdb"
    con = duckdb.connect(str(wh))
    con.execute("CREATE TABLE dim_story (story_id VARCHAR)")
    con.execute("INSERT INTO dim_story VALUES ('a:0')")
    con.execute("CREATE VIEW dim_document AS SELECT story_id AS document_id FROM dim_story")
    con.execute("COMMENT ON VIEW dim_document IS 'Deprecated alias of dim_story: use dim_story.'")
    con.execute("CREATE VIEW v_story AS SELECT * FROM dim_story")
    con.close()
    written = export_parquet(wh, tmp_path / "out")
    assert {p.name for p in written} == {"dim_story.parquet", "v_story.parquet"}


def test_new_warehouse_files_use_small_blocks_and_old_files_keep_theirs(tmp_path: Path) -> None:
    """Small tables cost a block each: new files use 16 KB blocks; a 256 KB file still opens as it is."""
    import duckdb

    from warehouse.snapshot import BLOCK_SIZE, connect_new

    new = tmp_path / "new.duckdb"
    con = connect_new(new)
    con.execute("CREATE TABLE t AS SELECT 1 AS i")
    assert con.execute("SELECT block_size FROM pragma_database_size()").fetchone() == (BLOCK_SIZE,)
    con.close()

    old = tmp_path / "old.duckdb"
    duckdb.connect(str(old)).execute("CREATE TABLE t AS SELECT 7 AS i").close()
    con = connect_new(old)
    assert con.execute("SELECT i FROM t").fetchone() == (7,)
    assert con.execute("SELECT block_size FROM pragma_database_size()").fetchone() == (262_144,)
    con.close()
