"""Read raw files into the FILES frame: bytes, identity, decoded text and sidecar metadata.

One bad file (vanished, unreadable, binary, undecodable, oddly named, with a broken sidecar) must
never stop a run, so every failure becomes a row with ``error`` (or ``meta_error``) set instead of
an exception. Raw files are only ever read.

raw/ is a boundary. Symbolic links are data an attacker (or a careless rsync) controls, so a link
never pulls an outside file into the warehouse: ``list_raw`` only descends into directory links
whose real path stays inside raw/ and lists the others as entries, and ``read_file`` follows a file
link only to a regular file in the link's own directory tree; everything else becomes a row whose
``error`` starts with ``skipped:`` and says why. Sidecars are read only from regular files (never
through a link). This check needs no knowledge of the raw root at read time: ``list_raw`` walks only
real directories inside the root, so "below the link's own directory" is inside raw/.

Names are bytes on Linux, not text: a name that is not UTF-8 (``os.walk`` hands it over with
surrogate escapes, which neither polars nor JSON can store) is listed with those bytes written as
``\\xNN`` (``escape_path``); ``fs_path`` turns the listed string back into the exact bytes to open.
"""

from __future__ import annotations

import csv
import hashlib
import json
import os
import re
import stat
from functools import cache
from pathlib import Path

import polars as pl

from transforms.schemas import FILES
from transforms.text.encoding import decode_bytes

MANIFEST = "manifest.csv"
META_SUFFIX = ".meta.json"
META_FIELDS = ("published", "source", "region")
MAX_META_BYTES = 64 * 1024
"""A sidecar holds three short fields; anything this large is not metadata (and a 400 kB ``[[[…``
would otherwise reach the JSON parser's recursion limit)."""
MAX_META_DEPTH = 8
MAX_MANIFEST_BYTES = 16 * 1024 * 1024  # one short row per file: room for ~100k files
SKIPPED = "skipped: "

_ESCAPED_BYTE = re.compile(r"\\x([0-9a-fA-F]{2})")


def escape_path(path: str) -> str:
    """A storable (valid UTF-8) form of a path: bytes that are not UTF-8 become ``\\xNN``.

    Valid names are returned unchanged, so ordinary paths are stored exactly as listed.
    """
    try:
        path.encode("utf-8")
        return path
    except UnicodeEncodeError:
        return os.fsencode(path).decode("utf-8", errors="backslashreplace")


def fs_path(path: str) -> str:
    """The path to open for a listed (possibly escaped) path: ``fs_path(escape_path(p)) == p``."""
    if "\\x" not in path or os.path.lexists(path):
        return path
    parts = _ESCAPED_BYTE.split(path)  # text, hex, text, hex, ...
    raw = b"".join(bytes.fromhex(p) if i % 2 else p.encode("utf-8") for i, p in enumerate(parts))
    return os.fsdecode(raw)


def _inside(real: str, root: str) -> bool:
    return real == root or real.startswith(root.rstrip(os.sep) + os.sep)


def list_raw(raw_dir: str | Path) -> list[str]:
    """The ``.txt`` inputs under ``raw_dir`` (recursively), sorted; sidecars and hidden files skipped.

    Directory links are followed only when their real path stays inside raw/ (a set of visited real
    directories stops loops); a directory link leading out is listed itself, so ``read_file`` reports
    it as skipped instead of the run silently ignoring or, worse, reading it. A missing raw directory
    raises (``FileNotFoundError``; ``NotADirectoryError`` for a file): ``os.walk`` would silently yield
    nothing, and a mistyped path must not look like a run with nothing new.
    """
    root = Path(raw_dir)
    if not root.exists():
        raise FileNotFoundError(f"raw directory not found: {root}")
    if not root.is_dir():
        raise NotADirectoryError(f"raw path is not a directory: {root}")
    real_root = os.path.realpath(root)
    out: list[str] = []
    seen: set[str] = set()
    for dirpath, dirnames, filenames in os.walk(root, followlinks=True, onerror=None):
        real = os.path.realpath(dirpath)
        if real in seen or not _inside(real, real_root):
            dirnames[:] = []
            continue
        seen.add(real)
        keep = []
        for d in sorted(dirnames):
            if d.startswith("."):
                continue
            full = os.path.join(dirpath, d)
            if os.path.islink(full) and not _inside(os.path.realpath(full), real_root):
                out.append(full)  # reported by read_file, never walked
                continue
            keep.append(d)
        dirnames[:] = keep
        for name in filenames:
            if name.startswith(".") or name.endswith(META_SUFFIX) or name == MANIFEST:
                continue
            if not name.lower().endswith(".txt"):
                continue
            path = os.path.join(dirpath, name)
            if os.path.isfile(path) or os.path.islink(path):
                out.append(path)
    return sorted(escape_path(p) for p in out)


def boundary_error(path: str) -> str | None:
    """Why ``path`` must not be read (a link out of its directory, not a regular file), else None."""
    try:
        st = os.lstat(path)
    except OSError:
        return None  # read_file reports it as unreadable
    if stat.S_ISLNK(st.st_mode):
        target = os.path.realpath(path)
        here = os.path.realpath(os.path.dirname(path) or ".")
        if not _inside(target, here) or target == here:
            return f"{SKIPPED}symbolic link leads out of raw/ (to {escape_path(target)})"
        try:
            st = os.stat(path)
        except OSError as exc:
            return f"{SKIPPED}broken symbolic link ({exc.strerror or exc.__class__.__name__})"
    if stat.S_ISDIR(st.st_mode):
        return f"{SKIPPED}a directory, not a page"
    if not stat.S_ISREG(st.st_mode):
        return f"{SKIPPED}not a regular file (device, pipe or socket)"
    return None


def _read_regular(path: str, limit: int | None = None) -> bytes:
    """The bytes of a regular file, refusing links, pipes and devices (O_NOFOLLOW + fstat: no race
    between the check and the read), and files over ``limit`` bytes."""
    fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise OSError(f"not a regular file: {os.path.basename(escape_path(path))}")
        if limit is not None and st.st_size > limit:
            raise ValueError(f"too large ({st.st_size} bytes, at most {limit})")
        with os.fdopen(fd, "rb", closefd=False) as fh:
            return fh.read()
    finally:
        os.close(fd)


def file_sha256(path: str) -> str | None:
    """The sha256 of a listed file's bytes, read the way ``read_file`` reads it (escaped names, no
    link out of raw/, no pipe or device that would block); None when ``read_file`` would not read it.

    For planners that compare content before reading: hashing through a plain ``open`` would follow
    a link out of raw/ and hang forever on a FIFO reached through a link.
    """
    real = fs_path(escape_path(path))
    if boundary_error(real):
        return None
    target = os.path.realpath(real) if os.path.islink(real) else real
    digest = hashlib.sha256()
    try:
        fd = os.open(target, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    except OSError:
        return None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return None
        while chunk := os.read(fd, 1 << 20):
            digest.update(chunk)
    except OSError:
        return None
    finally:
        os.close(fd)
    return digest.hexdigest()


def _regular(path: Path) -> bool:
    try:
        return stat.S_ISREG(os.lstat(path).st_mode)
    except OSError:
        return False


@cache
def _manifest(directory: str, mtime_ns: int) -> tuple[dict[str, str], str | None]:
    """(file name -> JSON metadata, error) from ``manifest.csv``; cached per directory version."""
    path = Path(directory) / MANIFEST
    try:
        text = _read_regular(str(path), MAX_MANIFEST_BYTES).decode("utf-8-sig")
        rows = list(csv.DictReader(text.splitlines()))
    except (OSError, ValueError, csv.Error) as exc:
        return {}, f"manifest.csv unreadable: {exc}"
    if rows and "file" not in rows[0]:
        return {}, "manifest.csv has no 'file' column"
    out = {}
    for row in rows:
        name = (row.get("file") or "").strip()
        if name:
            meta = {k: (row.get(k) or "").strip() or None for k in META_FIELDS if k in row}
            out[os.path.basename(name)] = _dump(meta)
    return out, None


def _depth(value: object) -> int:
    """Nesting depth of parsed JSON, iteratively (never recursion-limited)."""
    deepest, stack = 0, [(value, 1)]
    while stack:
        item, d = stack.pop()
        deepest = max(deepest, d)
        if isinstance(item, dict):
            stack.extend((v, d + 1) for v in item.values())
        elif isinstance(item, list):
            stack.extend((v, d + 1) for v in item)
    return deepest


def _dump(meta: dict) -> str:
    """JSON that polars and DuckDB can store: lone surrogates (``"\\udcff"`` in a sidecar) escaped."""
    text = json.dumps(meta, ensure_ascii=False)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        text = json.dumps(meta, ensure_ascii=True)
    return text


def _meta_error(name: str, reason: object) -> str:
    return _dump({"meta_error": f"{escape_path(name)}: {reason}"})


def _parse_sidecar(sidecar: Path) -> str:
    """A sidecar's metadata as JSON, or ``{"meta_error": ...}``; never raises."""
    name = sidecar.name
    try:
        data = _read_regular(str(sidecar), MAX_META_BYTES)
    except (OSError, ValueError) as exc:
        return _meta_error(name, exc.strerror if isinstance(exc, OSError) and exc.strerror else exc)
    if data.count(b"[") + data.count(b"{") > MAX_META_BYTES // 8:
        return _meta_error(name, "too deeply nested to be metadata")
    try:
        meta = json.loads(data.decode("utf-8-sig"))
    except (ValueError, RecursionError) as exc:
        reason = "too deeply nested to be metadata" if isinstance(exc, RecursionError) else exc
        return _meta_error(name, reason)
    if not isinstance(meta, dict):
        return _meta_error(name, "not a JSON object")
    if _depth(meta) > MAX_META_DEPTH:
        return _meta_error(name, f"nested deeper than {MAX_META_DEPTH} levels")
    bad = [k for k in META_FIELDS if k in meta and meta[k] is not None and not isinstance(meta[k], str)]
    if bad:  # keep the readable fields; downstream stages may rely on these being text
        meta = {k: v for k, v in meta.items() if k not in bad}
        meta["meta_error"] = f"{escape_path(name)}: {', '.join(bad)} must be text"
    return _dump(meta)


def read_meta(path: str) -> str | None:
    """Sidecar metadata as a JSON string: ``<name>.meta.json`` wins over a row of ``manifest.csv``.

    Only regular files count (a sidecar that is a link or a directory is a ``meta_error``, never
    followed). A malformed sidecar keeps the file and records ``{"meta_error": ...}`` so a reviewer
    sees it.
    """
    p = Path(fs_path(path))
    sidecar = p.with_name(p.stem + META_SUFFIX)
    if os.path.lexists(sidecar):
        if not _regular(sidecar):
            return _meta_error(sidecar.name, "not a regular file (links are not followed)")
        return _parse_sidecar(sidecar)
    manifest = p.with_name(MANIFEST)
    if os.path.lexists(manifest):
        try:
            mtime = manifest.lstat().st_mtime_ns
        except OSError:
            return None
        if not _regular(manifest):
            return _meta_error(MANIFEST, "not a regular file (links are not followed)")
        rows, error = _manifest(str(p.parent), mtime)
        if error:
            return _dump({"meta_error": error})
        return rows.get(escape_path(p.name))
    return None


def read_file(path: str) -> dict[str, object]:
    """One FILES row; never raises. ``path`` is as listed by ``list_raw`` (possibly escaped)."""
    path = escape_path(path)
    real = fs_path(path)
    row: dict[str, object] = {"path": path, "name": os.path.basename(path)}
    refused = boundary_error(real)
    if refused:
        row["error"] = refused
        return row
    try:
        target = os.path.realpath(real) if os.path.islink(real) else real
        data = _read_regular(target)
    except OSError as exc:
        row["error"] = f"unreadable: {exc.strerror or exc}"
        return row
    row["sha256"] = hashlib.sha256(data).hexdigest()
    row["bytes"] = len(data)
    text, encoding, error = decode_bytes(data)
    row.update(raw_text=text, encoding=encoding, error=error)
    try:
        row["meta"] = read_meta(path)
    except (OSError, ValueError) as exc:  # the sidecar vanished or changed under us: keep the file
        row["meta"] = _dump({"meta_error": str(exc)})
    return row


def read_files(paths: list[str]) -> pl.DataFrame:
    """The FILES frame for ``paths`` (in the given order), one row per path."""
    rows = [read_file(str(p)) for p in paths]
    if not rows:
        return pl.DataFrame(schema=FILES)
    return pl.DataFrame([{k: r.get(k) for k in FILES} for r in rows], schema=FILES)
