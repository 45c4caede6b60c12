"""How the ``minsheng`` commands print frames and messages (JSON lines, CSV, or a table for people)."""

from __future__ import annotations

import json
import math
import sys
from typing import Any

FORMATS = ("jsonl", "csv", "table")


def err(message: str) -> None:
    """A message for people on stderr (stdout stays clean data)."""
    print(message, file=sys.stderr, flush=True)


def _jsonable(value: Any) -> Any:
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


def write_frame(df: Any, fmt: str, out: Any = None) -> None:
    """Write a polars frame to stdout as JSON lines, CSV, or an aligned table for people."""
    import polars as pl

    out = out or sys.stdout
    if fmt == "jsonl":
        for row in df.iter_rows(named=True):
            out.write(json.dumps({k: _jsonable(v) for k, v in row.items()}, ensure_ascii=False) + "\n")
    elif fmt == "csv":
        out.write(df.write_csv())
    else:
        # One line per row (long text truncated with an ellipsis) so it reads in a terminal and greps.
        with pl.Config(tbl_rows=-1, tbl_cols=-1, fmt_str_lengths=40, tbl_width_chars=65_000,
                       tbl_formatting="ASCII_MARKDOWN", tbl_hide_dataframe_shape=True,
                       tbl_hide_column_data_types=True):
            out.write(f"{df}\n({df.height} rows)\n")
    out.flush()


