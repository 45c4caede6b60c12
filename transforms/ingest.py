"""Read raw files into the FILES frame: bytes, identity, decoded text and sidecar metadata.

One bad file (vanished, unreadable, binary, undecodable) must never stop a run, so every failure
becomes a row with ``error`` set instead of an exception. Raw files are only ever read.
"""

from __future__ import annotations

import csv
import hashlib
import json
import os
from functools import cache
from pathlib import Path

import polars as pl

from transforms.schemas import FILES
from transforms.text.encoding import decode_bytes

MANIFEST = "manifest.csv"
META_SUFFIX = ".meta.json"
META_FIELDS = ("published", "source", "region")


def list_raw(raw_dir: str | Path) -> list[str]:
    """The ``.txt`` inputs under ``raw_dir`` (recursively), sorted; sidecars and hidden files skipped.

    ``os.walk`` with ``followlinks=True`` plus a set of visited real directories avoids symlink loops.
    A missing raw directory raises (``FileNotFoundError``; ``NotADirectoryError`` for a file): ``os.walk``
    would silently yield nothing, and a mistyped path must not look like a run with nothing new.
    """
    root = Path(raw_dir)
    if not root.exists():
        raise FileNotFoundError(f"raw directory not found: {root}")
    if not root.is_dir():
        raise NotADirectoryError(f"raw path is not a directory: {root}")
    out: list[str] = []
    seen: set[str] = set()
    for dirpath, dirnames, filenames in os.walk(root, followlinks=True):
        real = os.path.realpath(dirpath)
        if real in seen:
            dirnames[:] = []
            continue
        seen.add(real)
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in filenames:
            if name.startswith(".") or name.endswith(META_SUFFIX) or name == MANIFEST:
                continue
            if not name.lower().endswith(".txt"):
                continue
            path = os.path.join(dirpath, name)
            if os.path.isfile(path):
                out.append(path)
    return sorted(out)


@cache
def _manifest(directory: str, mtime_ns: int) -> tuple[dict[str, str], str | None]:
    """(file name -> JSON metadata, error) from ``manifest.csv``; cached per directory version."""
    path = Path(directory) / MANIFEST
    try:
        with path.open(encoding="utf-8-sig", newline="") as fh:
            rows = list(csv.DictReader(fh))
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        return {}, f"manifest.csv unreadable: {exc}"
    if rows and "file" not in rows[0]:
        return {}, "manifest.csv has no 'file' column"
    out = {}
    for row in rows:
        name = (row.get("file") or "").strip()
        if name:
            meta = {k: (row.get(k) or "").strip() or None for k in META_FIELDS if k in row}
            out[os.path.basename(name)] = json.dumps(meta, ensure_ascii=False)
    return out, None


def read_meta(path: str) -> str | None:
    """Sidecar metadata as a JSON string: ``<name>.meta.json`` wins over a row of ``manifest.csv``.

    A malformed sidecar keeps the file and records ``{"meta_error": ...}`` so a reviewer sees it.
    """
    p = Path(path)
    sidecar = p.with_name(p.stem + META_SUFFIX)
    if sidecar.exists():
        try:
            meta = json.loads(sidecar.read_text(encoding="utf-8-sig"))
            if not isinstance(meta, dict):
                raise ValueError("not a JSON object")
            return json.dumps(meta, ensure_ascii=False)
        except (OSError, ValueError) as exc:
            return json.dumps({"meta_error": f"{sidecar.name}: {exc}"}, ensure_ascii=False)
    manifest = p.with_name(MANIFEST)
    if manifest.exists():
        try:
            mtime = manifest.stat().st_mtime_ns
        except OSError:
            return None
        rows, error = _manifest(str(p.parent), mtime)
        if error:
            return json.dumps({"meta_error": error}, ensure_ascii=False)
        return rows.get(p.name)
    return None


def read_file(path: str) -> dict[str, object]:
    """One FILES row; never raises."""
    row: dict[str, object] = {"path": path, "name": os.path.basename(path)}
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        row["error"] = f"unreadable: {exc.strerror or exc.__class__.__name__}"
        return row
    row["sha256"] = hashlib.sha256(data).hexdigest()
    row["bytes"] = len(data)
    text, encoding, error = decode_bytes(data)
    row.update(raw_text=text, encoding=encoding, error=error)
    try:
        row["meta"] = read_meta(path)
    except OSError as exc:  # the sidecar vanished between exists() and read: keep the file
        row["meta"] = json.dumps({"meta_error": str(exc)}, ensure_ascii=False)
    return row


def read_files(paths: list[str]) -> pl.DataFrame:
    """The FILES frame for ``paths`` (in the given order), one row per path."""
    rows = [read_file(str(p)) for p in paths]
    if not rows:
        return pl.DataFrame(schema=FILES)
    return pl.DataFrame([{k: r.get(k) for k in FILES} for r in rows], schema=FILES)
