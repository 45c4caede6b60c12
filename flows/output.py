"""How the ``minsheng`` commands print frames and messages (JSON lines, CSV, or a table for people).

The table is one row per line (long cells cut at ``max_width`` characters with an ellipsis, never
wrapped), so it reads in a terminal and greps; numbers are printed in full (``3650000000000000``,
not ``3.6500e15``): analysts compare them by eye.
"""

from __future__ import annotations

import json
import math
import sys
import unicodedata
from typing import Any

FORMATS = ("jsonl", "csv", "table")
DEFAULT_MAX_WIDTH = 60


def err(message: str) -> None:
    """A message for people on stderr (stdout stays clean data)."""
    print(message, file=sys.stderr, flush=True)


def _jsonable(value: Any) -> Any:
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


def plain_number(value: float) -> str:
    """A float without scientific notation: whole numbers without '.0', others with their digits."""
    if not math.isfinite(value):
        return str(value)
    if value == int(value) and abs(value) < 1e18:
        return str(int(value))
    text = f"{value:.6f}".rstrip("0").rstrip(".")
    return text if text not in ("", "-0") else "0"


def _width(text: str) -> int:
    """Terminal columns of ``text``: CJK characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _cut(text: str, max_width: int) -> str:
    text = text.replace("\n", "⏎").replace("\r", "").replace("\t", " ")
    if max_width <= 0 or _width(text) <= max_width:
        return text
    out, used = [], 0
    for ch in text:
        w = _width(ch)
        if used + w > max_width - 1:
            break
        out.append(ch)
        used += w
    return "".join(out) + "…"


def _cell(value: Any, max_width: int) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return plain_number(value)
    if hasattr(value, "isoformat"):
        return value.isoformat(sep=" ", timespec="seconds") if hasattr(value, "hour") else value.isoformat()
    return _cut(str(value), max_width)


def table_lines(df: Any, max_width: int = DEFAULT_MAX_WIDTH) -> list[str]:
    """The frame as aligned lines: a header, a rule, one line per row."""
    import polars as pl

    headers = list(df.columns)
    rows = [[_cell(v, max_width) for v in row] for row in df.iter_rows()]
    widths = [max([_width(h), *(_width(r[i]) for r in rows)]) for i, h in enumerate(headers)]
    numeric = (
        [dtype.is_numeric() for dtype in df.dtypes]
        if isinstance(df, pl.DataFrame)
        else [False] * len(headers)
    )

    def line(cells: list[str]) -> str:
        parts = []
        for i, c in enumerate(cells):
            pad = " " * (widths[i] - _width(c))
            parts.append(pad + c if numeric[i] else c + pad)
        return "| " + " | ".join(parts) + " |"

    rule = "|" + "|".join("-" * (w + 2) for w in widths) + "|"
    return [line(headers), rule, *(line(r) for r in rows)]


def _finite(value: float | None) -> float | None:
    """:func:`_jsonable` of a float column's value: NaN and infinities are null."""
    return None if value is not None and not math.isfinite(value) else value


def jsonl_lines(df: Any) -> list[str]:
    """The frame's rows as JSON lines (``\\n``-terminated), exactly ``json.dumps(row, ensure_ascii=False)``
    of each row with :func:`_jsonable` values: read column by column, and only the columns whose
    type can hold a value :func:`_jsonable` changes (floats, temporal and nested types) are mapped,
    with one encoder for all rows (``json.dumps`` builds one per call)."""
    import polars as pl

    encode = json.JSONEncoder(ensure_ascii=False).encode
    if not isinstance(df, pl.DataFrame):
        return [encode({k: _jsonable(v) for k, v in row.items()}) + "\n" for row in df.iter_rows(named=True)]
    columns: list[list[Any]] = []
    for name, dtype in df.schema.items():
        values = df.get_column(name).to_list()
        if dtype.is_float():
            values = list(map(_finite, values))
        elif not (dtype.is_integer() or dtype in (pl.String, pl.Boolean, pl.Null)):
            values = list(map(_jsonable, values))
        columns.append(values)
    names = df.columns
    return [encode(dict(zip(names, row, strict=True))) + "\n" for row in zip(*columns, strict=True)]


def write_frame(
    df: Any, fmt: str, out: Any = None, *, max_width: int = DEFAULT_MAX_WIDTH, header: bool = True
) -> None:
    """Write a polars frame to stdout as JSON lines, CSV, or an aligned table for people.

    ``header=False`` continues a CSV written batch by batch (``minsheng extract``)."""
    out = out or sys.stdout
    if fmt == "jsonl":
        out.write("".join(jsonl_lines(df)))
    elif fmt == "csv":
        out.write(df.write_csv(float_scientific=False, include_header=header))
    else:
        out.write("\n".join(table_lines(df, max_width)) + f"\n({df.height} rows)\n")
    out.flush()
