"""Parquet export for tools that prefer files: the wide fact view partitioned by year, plus dims.

Runs on a read-only connection (COPY TO writes files, not the database), so it never blocks a load.
Layout (Hive style, readable by DuckDB, polars, Spark, pandas)::

    out_dir/v_metric/year=2021/data_0.parquet   (year=NULL for figures without a year)
    out_dir/fact_metric_part.parquet, out_dir/dim_*.parquet
"""

from __future__ import annotations

import shutil
from pathlib import Path

from warehouse.query import connect_readonly

TABLES = ("fact_metric_part", "dim_file", "dim_document", "dim_region", "dim_unit", "dim_topic", "dim_period")


def _quote(path: Path) -> str:
    return "'" + str(path).replace("'", "''") + "'"


def export_parquet(warehouse_path: Path, out_dir: Path) -> list[Path]:
    """Write the facts (v_metric, partitioned by year) and the dimensions as Parquet; returns the paths.

    The previous export in ``out_dir`` is replaced, so deleted facts do not linger in old partitions.
    """
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    facts = out / "v_metric"
    if facts.exists():
        shutil.rmtree(facts)
    written = [facts]
    with connect_readonly(warehouse_path) as con:
        con.execute(f"COPY (SELECT * FROM v_metric ORDER BY metric_id) TO {_quote(facts)} (FORMAT parquet, PARTITION_BY (year))")
        for table in TABLES:
            target = out / f"{table}.parquet"
            con.execute(f"COPY (SELECT * FROM {table}) TO {_quote(target)} (FORMAT parquet)")
            written.append(target)
    return written
