"""Where the warehouse lives: one DuckDB file (default) or a DuckLake (``ducklake:<catalog>``).

**File** (``var/minsheng.duckdb``): loads write a private copy and publish it by rename
(``warehouse.snapshot``). The file is written in DuckDB storage version :data:`STORAGE_VERSION`
(why, and why DuckLake: docs/decisions/0006-storage-version-and-ducklake.md). DuckDB and its CLI
1.5.x read it; :func:`ensure_storage` rewrites an older file once.

**DuckLake** (``MINSHENG_WAREHOUSE=ducklake:var/lake.ducklake``): the catalog is a small
DuckDB file, the rows are Parquet files under ``<catalog>.files/``. Same schema (built from the
same migrations, less what DuckLake lacks: primary keys and per-column compression), same views,
same comments. A load copies only the *catalog* (kilobytes to megabytes, never the data) to a
private file, writes new Parquet files through it, and publishes the catalog by rename: readers
attach the published catalog read-only and keep the snapshot they opened; a killed load leaves the
published catalog as it was (its Parquet files are unreferenced garbage). The extension is loaded
from the installed ``duckdb-extension-ducklake`` package, never downloaded.

Many machines: a Postgres catalog with the data path on shared storage (not exercised here; see
the decision record).
"""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import duckdb

from warehouse.lock import real_warehouse

STORAGE_VERSION = "v1.5.0"
LAKE_PREFIX = "ducklake:"
LAKE_ALIAS = "lake"
_NO_DOWNLOADS = {"autoinstall_known_extensions": False, "autoload_known_extensions": False}


@dataclass(frozen=True)
class Target:
    """A parsed warehouse setting: ``path`` is the DuckDB file or the DuckLake catalog file."""

    path: Path
    lake: bool

    @property
    def data_path(self) -> Path:
        """Where a DuckLake keeps its Parquet files."""
        return self.path.with_name(self.path.name + ".files")


def parse_target(warehouse: str | os.PathLike[str]) -> Target:
    """``ducklake:<catalog>`` -> a DuckLake; anything else -> a DuckDB file."""
    text = os.fspath(warehouse)
    if text.startswith(LAKE_PREFIX):
        return Target(Path(text[len(LAKE_PREFIX) :]), lake=True)
    return Target(Path(text), lake=False)


def exists(warehouse: str | os.PathLike[str]) -> bool:
    """Whether a warehouse has been published at this setting."""
    return parse_target(warehouse).path.exists()


# ------------------------------------------------------------------------------ file storage


def _version_tuple(tag: str | None) -> tuple[int, ...]:
    found = re.findall(r"\d+", tag or "")
    return tuple(int(x) for x in found[:3]) if found else (0,)


def storage_version(path: Path) -> str | None:
    """The storage version tag of a DuckDB file (e.g. 'v1.0.0+'), None when there is no file."""
    if not Path(path).exists():
        return None
    con = duckdb.connect()
    try:
        con.execute(f"ATTACH {_quote(str(path))} AS probe (READ_ONLY)")
        row = con.execute("SELECT tags FROM duckdb_databases() WHERE database_name = 'probe'").fetchone()
        tags = (row[0] if row else None) or {}
        return tags.get("storage_version")
    finally:
        con.close()


def _quote(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def ensure_storage(path: Path) -> bool:
    """Make the published file use :data:`STORAGE_VERSION`; returns True when it rewrote one.

    An older-format file is rewritten with ``COPY FROM DATABASE`` (same tables, rows, views,
    comments) and published like a load (``warehouse.snapshot.publish``: lock re-checked, renamed
    onto the *real* file, so a symlinked warehouse keeps its link). A missing warehouse needs
    nothing: ``snapshot.working_copy`` creates new files in this version. Call only while holding
    the load lock.
    """
    from warehouse.snapshot import identity, owner, publish, work_dir

    current = storage_version(path)
    if current is None or _version_tuple(current) >= _version_tuple(STORAGE_VERSION):
        return False
    published = real_warehouse(path)
    copied = identity(published)
    wd = work_dir(path)
    wd.mkdir(parents=True, exist_ok=True)
    fresh = wd / "storage.duckdb"
    with owner(fresh):
        for leftover in (fresh, fresh.with_name(fresh.name + ".wal")):
            leftover.unlink(missing_ok=True)
        con = duckdb.connect()
        try:
            con.execute(f"ATTACH {_quote(str(fresh))} AS fresh (STORAGE_VERSION '{STORAGE_VERSION}')")
            con.execute(f"ATTACH {_quote(str(published))} AS old (READ_ONLY)")
            con.execute("COPY FROM DATABASE old TO fresh")
            con.execute("DETACH old")
            con.execute("CHECKPOINT fresh")
            con.execute("DETACH fresh")
            con.close()
            publish(fresh, path, copied)
        except BaseException:
            con.close()
            fresh.unlink(missing_ok=True)
            raise
    return True


# ------------------------------------------------------------------------------ DuckLake


def ducklake_extension() -> Path:
    """The DuckLake extension binary shipped by the ``duckdb-extension-ducklake`` package."""
    spec = importlib.util.find_spec("duckdb_extension_ducklake")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError(
            "the DuckLake backend needs the duckdb-extension-ducklake package (same version as duckdb)"
        )
    root = Path(next(iter(spec.submodule_search_locations)))
    ext = root / "extensions" / f"v{duckdb.__version__}" / "ducklake.duckdb_extension"
    if not ext.exists():
        found = sorted(root.glob("extensions/*/ducklake.duckdb_extension"))
        raise RuntimeError(
            f"duckdb-extension-ducklake has no build for DuckDB {duckdb.__version__} "
            f"(found: {', '.join(p.parent.name for p in found) or 'none'}); install the matching version"
        )
    return ext


def _lake_connection() -> duckdb.DuckDBPyConnection:
    con = duckdb.connect(config=dict(_NO_DOWNLOADS))
    con.execute("SET enable_progress_bar = false")
    con.execute(f"LOAD {_quote(str(ducklake_extension()))}")
    return con


def connect_lake(
    target: Target, *, read_only: bool, catalog: Path | None = None
) -> duckdb.DuckDBPyConnection:
    """An in-memory DuckDB with the lake attached as ``lake`` and made the default database.

    ``catalog`` overrides the catalog file (a load's private copy); the data path stays the target's.
    """
    con = _lake_connection()
    try:
        data = str(target.data_path.resolve()) + os.sep
        options = "READ_ONLY" if read_only else f"DATA_PATH {_quote(data)}"
        con.execute(f"ATTACH {_quote(LAKE_PREFIX + str(catalog or target.path))} AS {LAKE_ALIAS} ({options})")
        con.execute(f"USE {LAKE_ALIAS}")
    except BaseException:
        con.close()
        raise
    return con


def _lake_work(target: Target, run_id: str) -> Path:
    from warehouse.snapshot import work_dir

    safe = re.sub(r"[^A-Za-z0-9_-]+", "_", run_id)[:80] or "run"
    return work_dir(target.path) / f"{safe}{target.path.suffix or '.ducklake'}"


def clean_lake_work(target: Target) -> list[Path]:
    """Delete catalog copies of killed loads; refuses (``LockLost``) unless this process holds the
    lake's load lock.

    Same rules as ``snapshot.clean_work``: only this catalog's own folder
    (``.work/<catalog name>/``) is looked at -- so ``lake-staging.ducklake`` beside ``lake.ducklake``
    is never touched, as it was by the old ``<stem>-*`` pattern -- and a copy whose owner file is
    flocked by a live load stays.
    """
    from warehouse.snapshot import clean_work

    return clean_work(target.path) + _clean_legacy_lake(target)


def _clean_legacy_lake(target: Target) -> list[Path]:
    """Catalog copies of the old flat layout (``.work/<stem>-<flow run id><suffix>``), exact run-id
    shape only, so another catalog whose name starts the same is never matched."""
    from warehouse.snapshot import remove_legacy

    real = real_warehouse(target.path)
    suffix = real.suffix or ".ducklake"
    pattern = re.compile(
        re.escape(real.stem) + r"-\d{8}T\d{6}Z-[0-9a-f]{8}" + re.escape(suffix) + r"(?:\.wal)?"
    )
    return remove_legacy(real.parent / ".work", pattern)


@contextmanager
def lake_working_copy(target: Target, run_id: str) -> Iterator[duckdb.DuckDBPyConnection]:
    """Yield a connection to a private copy of the catalog; publish it by rename if the block succeeds.

    Only the catalog is copied: data files are written once, under the lake's data path, and an
    unpublished load's files are simply never referenced. The caller holds the load lock; the copy
    is guarded by an owner flock and published by ``snapshot.publish`` (lock and catalog re-checked).
    """
    from warehouse.snapshot import identity, owner, pause_point, publish

    published = real_warehouse(target.path)
    published.parent.mkdir(parents=True, exist_ok=True)
    target.data_path.mkdir(parents=True, exist_ok=True)
    clean_lake_work(target)
    work = _lake_work(target, run_id)
    work.parent.mkdir(parents=True, exist_ok=True)

    def discard() -> None:
        for p in work.parent.glob(work.name + "*"):
            p.unlink(missing_ok=True)

    with owner(work):
        copied = identity(published)
        if copied is not None:
            shutil.copyfile(published, work)
        con = connect_lake(target, read_only=False, catalog=work)
        try:
            yield con
            con.execute("USE memory")
            con.execute(f"DETACH {LAKE_ALIAS}")
        except BaseException:
            con.close()
            discard()
            raise
        con.close()
        try:
            pause_point("before_publish")
            publish(work, target.path, copied)
        except BaseException:
            discard()
            raise


_REFERENCE_ROWS = ("schema_version", "ref_code", "ref_petition_term")


def ensure_lake_schema(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Create or extend the lake's tables to the schema the migrations build; returns tables created.

    The migrations run on an in-memory DuckDB and their result -- tables, column types, NOT NULL,
    comments, reference rows -- is replayed into the lake, so both backends have one schema.
    """
    from warehouse.migrate import apply_migrations

    ref = duckdb.connect()
    try:
        ref.execute("BEGIN TRANSACTION")
        apply_migrations(ref)
        ref.execute("COMMIT")
        tables = ref.execute(
            "SELECT table_name, comment FROM duckdb_tables() WHERE database_name = 'memory' ORDER BY table_name"
        ).fetchall()
        columns = ref.execute(
            "SELECT table_name, column_name, data_type, is_nullable, comment FROM duckdb_columns() "
            "WHERE database_name = 'memory' ORDER BY table_name, column_index"
        ).fetchall()
        rows = {t: ref.execute(f"SELECT * FROM {t}").fetchall() for t in _REFERENCE_ROWS}
    finally:
        ref.close()
    have: dict[str, set[str]] = {
        r[0]: set()
        for r in con.execute(
            "SELECT table_name FROM duckdb_tables() WHERE database_name = current_database()"
        ).fetchall()
    }
    for t, c in con.execute(
        "SELECT table_name, column_name FROM duckdb_columns() WHERE database_name = current_database()"
    ).fetchall():
        have.setdefault(t, set()).add(c)
    created = []
    for table, comment in tables:
        cols = [c for c in columns if c[0] == table]
        if table not in have:
            body = ", ".join(f'"{c[1]}" {c[2]}{"" if c[3] else " NOT NULL"}' for c in cols)
            con.execute(f'CREATE TABLE "{table}" ({body})')
            created.append(table)
        else:
            for c in cols:
                if c[1] not in have[table]:
                    con.execute(f'ALTER TABLE "{table}" ADD COLUMN "{c[1]}" {c[2]}')
        if comment:
            con.execute(f'COMMENT ON TABLE "{table}" IS {_quote(comment)}')
        for c in cols:
            if c[4]:
                con.execute(f'COMMENT ON COLUMN "{table}"."{c[1]}" IS {_quote(c[4])}')
    for table, values in rows.items():
        con.execute(f'DELETE FROM "{table}"')
        if values:
            marks = ", ".join("?" for _ in values[0])
            con.executemany(f'INSERT INTO "{table}" VALUES ({marks})', [list(v) for v in values])
    return created
