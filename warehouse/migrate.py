"""Numbered SQL migrations (``warehouse/schema/NNN_name.sql``) applied in order, once each.

The schema lives in plain SQL files so analysts can read it and so a change is a new file, never an
edit: each applied migration is recorded with a checksum in ``schema_version``, and an edited
migration is refused instead of silently diverging from warehouses built earlier.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import duckdb

SCHEMA_DIR = Path(__file__).with_name("schema")
_NAME = re.compile(r"^(\d{3})_([A-Za-z0-9_]+)\.sql$")

_VERSION_TABLE = """
CREATE TABLE IF NOT EXISTS schema_version (
    version INTEGER PRIMARY KEY,
    name VARCHAR NOT NULL,
    checksum VARCHAR NOT NULL,
    applied_at TIMESTAMP NOT NULL
);
COMMENT ON TABLE schema_version IS 'Migrations (warehouse/schema/NNN_name.sql) applied to this warehouse.';
COMMENT ON COLUMN schema_version.version IS 'Migration number NNN.';
COMMENT ON COLUMN schema_version.name IS 'Migration name (file name without number and .sql).';
COMMENT ON COLUMN schema_version.checksum IS 'SHA-256 of the migration file as applied.';
COMMENT ON COLUMN schema_version.applied_at IS 'When it was applied (UTC).';
"""


class MigrationError(RuntimeError):
    """An applied migration file was edited afterwards, or migrations are misnumbered."""


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    sql: str

    @property
    def checksum(self) -> str:
        return hashlib.sha256(self.sql.encode("utf-8")).hexdigest()


def migrations(schema_dir: Path = SCHEMA_DIR) -> list[Migration]:
    """The migration files in version order (duplicate numbers are an error)."""
    found: dict[int, Migration] = {}
    for path in sorted(schema_dir.glob("*.sql")):
        m = _NAME.match(path.name)
        if not m:
            continue
        version = int(m.group(1))
        if version in found:
            raise MigrationError(f"two migrations numbered {version:03d} in {schema_dir}")
        found[version] = Migration(version, m.group(2), path.read_text(encoding="utf-8"))
    return [found[v] for v in sorted(found)]


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _version_row(mig: Migration, applied_at: datetime) -> str:
    """The schema_version insert with its values written as SQL literals: binding Python parameters
    makes DuckDB import pandas and numpy (~0.4 s CPU), which a load otherwise never needs."""
    values = (str(int(mig.version)), _literal(mig.name), _literal(mig.checksum))
    stamp = _literal(applied_at.isoformat(sep=" "))
    return f"INSERT INTO schema_version VALUES ({', '.join(values)}, CAST({stamp} AS TIMESTAMP))"


def applied(con: duckdb.DuckDBPyConnection) -> dict[int, str]:
    """version -> checksum of the migrations recorded in this database ({} for a new one)."""
    exists = con.execute(
        "SELECT count(*) FROM duckdb_tables() WHERE table_name = 'schema_version' AND NOT temporary"
    ).fetchone()
    if not exists or not exists[0]:
        return {}
    return dict(con.execute("SELECT version, checksum FROM schema_version").fetchall())


def apply_migrations(con: duckdb.DuckDBPyConnection, schema_dir: Path = SCHEMA_DIR) -> list[int]:
    """Apply the pending migrations on an open read-write connection; returns the versions applied.

    Runs inside the caller's transaction when there is one, so a load and the migrations it needed
    are published together or not at all.
    """
    done = applied(con)
    con.execute(_VERSION_TABLE)
    new: list[int] = []
    for mig in migrations(schema_dir):
        if mig.version in done:
            if done[mig.version] != mig.checksum:
                raise MigrationError(
                    f"migration {mig.version:03d}_{mig.name}.sql changed after it was applied; "
                    "add a new numbered migration instead of editing an applied one"
                )
            continue
        con.execute(mig.sql)
        con.execute(_version_row(mig, datetime.now(UTC).replace(tzinfo=None)))
        new.append(mig.version)
    return new


def current_version(con: duckdb.DuckDBPyConnection) -> int:
    """Highest applied migration number (0 for an empty database)."""
    return max(applied(con), default=0)


def migrate(warehouse_path: Path | str, *, run_id: str = "migrate", wait_seconds: float = 60.0) -> list[int]:
    """Bring a published warehouse up to date (creating it if needed), atomically; views re-applied.

    Returns the migration versions applied (a DuckLake is brought to the migrated schema as a whole:
    warehouse.backends.ensure_lake_schema; it returns the versions its schema_version gained).
    """
    from contextlib import ExitStack

    from warehouse.backends import ensure_lake_schema, ensure_storage, lake_working_copy, parse_target
    from warehouse.lock import load_lock
    from warehouse.snapshot import working_copy
    from warehouse.sqlfiles import apply_views

    target = parse_target(warehouse_path)
    existed = target.path.exists()
    with load_lock(target.path, wait_seconds, run_id=run_id), ExitStack() as stack:
        if target.lake:
            con = stack.enter_context(lake_working_copy(target, run_id))
            con.execute("BEGIN TRANSACTION")
            before = set(applied(con)) if existed else set()
            ensure_lake_schema(con)
            new = sorted(set(applied(con)) - before)
        else:
            ensure_storage(target.path)  # a new warehouse is created migrated
            con = stack.enter_context(working_copy(target.path, run_id))
            con.execute("BEGIN TRANSACTION")
            before = set(applied(con)) if existed else set()
            apply_migrations(con)
            new = sorted(set(applied(con)) - before)
        apply_views(con)
        con.execute("COMMIT")
        return new
