"""``write_frame``'s JSON lines, read column by column, are those of ``json.dumps`` per row."""

from __future__ import annotations

import datetime as dt
import io
import json
import math

import polars as pl

from flows.output import _jsonable, jsonl_lines, write_frame


def _reference(df: pl.DataFrame) -> str:
    """The row-by-row form the column reading replaced."""
    return "".join(
        json.dumps({k: _jsonable(v) for k, v in row.items()}, ensure_ascii=False) + "\n"
        for row in df.iter_rows(named=True)
    )


def test_every_column_type_prints_as_json_dumps_of_the_row() -> None:
    df = pl.DataFrame(
        {
            "file": ["a/新闻.txt", None, 'c"q\\.txt', "d"],
            "value": [42600.0, math.nan, math.inf, None],
            "low": [0.1 + 0.2, -0.0, 1e20, 3.0],
            "count": [1, None, -3, 2**40],
            "ok": [True, False, None, True],
            "day": [dt.date(2025, 1, 2), None, dt.date(1999, 12, 31), dt.date(2026, 6, 1)],
            "at": [dt.datetime(2025, 1, 2, 3, 4, 5), None, None, dt.datetime(2026, 1, 1)],
            "parts": [["一", "二"], [], None, ["x"]],
            "nothing": [None, None, None, None],
            "small": pl.Series([1.5, None, math.nan, 2.0], dtype=pl.Float32),
        }
    )
    assert "".join(jsonl_lines(df)) == _reference(df)
    out = io.StringIO()
    write_frame(df, "jsonl", out)
    assert out.getvalue() == _reference(df)


def test_an_empty_frame_prints_nothing() -> None:
    df = pl.DataFrame(schema={"file": pl.String, "value": pl.Float64})
    assert jsonl_lines(df) == [] and _reference(df) == ""
