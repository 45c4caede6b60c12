"""Parquet export for tools that prefer files: the wide fact view partitioned by year, plus the rest.

Runs on a read-only connection (COPY TO writes files, not the database), so it never blocks a load.
Layout (Hive style, readable by DuckDB, polars, Spark, pandas)::

    out_dir/v_metric/year=2021/data_0.parquet   (year=NULL for metrics without a year)
    out_dir/<table or view>.parquet              every other table and view
    out_dir/_minsheng_export.json                what was exported, from which warehouse, when

Atomic (why, issue 18: docs/decisions/0005-atomic-parquet-export.md): the export is written into a fresh sibling directory, then swapped with ``out_dir`` in one
``renameat2(RENAME_EXCHANGE)`` -- a reader sees the old export or the new one, never a mixture or
nothing -- and the old one is deleted. Where the kernel or libc has no exchange, the fallback is two
renames (a reader may then find no directory for an instant, but never a partial one). A failed
export deletes its own directory and leaves the previous export untouched. ``out_dir`` is replaced
only if it is empty or a previous export (it has the marker file), so a mistyped ``--parquet ~``
never deletes anyone's files.
"""

from __future__ import annotations

import ctypes
import json
import os
import shutil
import uuid
from datetime import UTC, datetime
from pathlib import Path

from warehouse.readers import open_readonly

MARKER = "_minsheng_export.json"
FACTS = "v_metric"
_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


class ExportRefused(RuntimeError):
    """``out_dir`` exists and holds something that is not a previous export: it is not replaced."""


def _quote(path: Path) -> str:
    return "'" + str(path).replace("'", "''") + "'"


def _ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _exchange(a: Path, b: Path) -> bool:
    """Atomically swap two directories (Linux renameat2); False when the system cannot."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    rc = renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE)
    return rc == 0


def _check_replaceable(out: Path) -> None:
    if out.is_symlink() or (out.exists() and not out.is_dir()):
        raise ExportRefused(f"{out} exists and is not a directory; not replacing it")
    if out.is_dir() and any(out.iterdir()) and not (out / MARKER).is_file():
        raise ExportRefused(
            f"{out} holds files that are not a minsheng export; give an empty or new directory"
        )


def _write(warehouse_path: Path, target: Path) -> list[str]:
    """Every table and view of the warehouse as Parquet under ``target``; returns the names.

    Views whose comment starts "Deprecated" (aliases kept for old queries, e.g. ``dim_document`` of
    ``dim_story``) are left out: an export is read by new tools, and a second copy of the same rows
    under an old name would only be mistaken for different data.
    """
    names: list[str] = []
    with open_readonly(warehouse_path, fenced=False) as con:
        relations = [
            r[0]
            for r in con.execute(
                "SELECT table_name FROM duckdb_tables() WHERE database_name = current_database() AND NOT temporary "
                "UNION SELECT view_name FROM duckdb_views() WHERE database_name = current_database() "
                "AND NOT internal AND NOT temporary AND coalesce(comment, '') NOT ILIKE 'deprecated%' ORDER BY 1"
            ).fetchall()
        ]
        for name in relations:
            if name == FACTS:
                columns = {r[0] for r in con.execute(f"DESCRIBE {_ident(name)}").fetchall()}
                partition = ", PARTITION_BY (year)" if "year" in columns else ""
                order = " ORDER BY metric_id" if "metric_id" in columns else ""
                con.execute(
                    f"COPY (SELECT * FROM {_ident(name)}{order}) TO {_quote(target / name)} "
                    f"(FORMAT parquet{partition})"
                )
            else:
                con.execute(
                    f"COPY (SELECT * FROM {_ident(name)}) TO {_quote(target / (name + '.parquet'))} (FORMAT parquet)"
                )
            names.append(name)
    return names


def export_parquet(warehouse_path: Path, out_dir: Path) -> list[Path]:
    """Write the facts (v_metric, partitioned by year) and every other table and view as Parquet,
    replacing the previous export in ``out_dir`` atomically; returns the written paths."""
    out = Path(out_dir).absolute()
    _check_replaceable(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    tag = uuid.uuid4().hex[:8]
    fresh = out.with_name(f".{out.name}.new-{tag}")
    fresh.mkdir()
    try:
        names = _write(Path(warehouse_path), fresh)
        marker = {
            "warehouse": str(Path(warehouse_path).resolve()),
            "exported_at": datetime.now(UTC).isoformat(timespec="seconds"),
            "relations": names,
        }
        (fresh / MARKER).write_text(json.dumps(marker, ensure_ascii=False, indent=1), encoding="utf-8")
        _check_replaceable(out)  # again: something may have appeared while we wrote
        if out.exists() and _exchange(fresh, out):
            shutil.rmtree(fresh)  # after the exchange ``fresh`` holds the previous export
        elif out.exists():
            old = out.with_name(f".{out.name}.old-{tag}")
            os.rename(out, old)
            os.rename(fresh, out)
            shutil.rmtree(old)
        else:
            os.rename(fresh, out)
    except BaseException:
        shutil.rmtree(fresh, ignore_errors=True)
        raise
    return [out / (n if n == FACTS else n + ".parquet") for n in names]
