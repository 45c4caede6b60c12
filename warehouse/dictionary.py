"""The data dictionary, generated from the ``COMMENT ON`` text and the code tables stored in the warehouse.

Comments live next to the DDL (migrations, ``warehouse/sql/views``), and allowed values in
``ref_code``, ``dim_topic`` and ``dim_unit``, so the dictionary cannot drift from the schema:
regenerate it (``minsheng dictionary``) after a schema or view change.
"""

from __future__ import annotations

from pathlib import Path

import duckdb
import polars as pl

from warehouse.query import connect_readonly, fetch

_OBJECTS = """
SELECT name, kind, comment FROM (
    SELECT table_name AS name, 'table' AS kind, comment FROM duckdb_tables() WHERE NOT internal AND NOT temporary
    UNION ALL
    SELECT view_name, 'view', comment FROM duckdb_views() WHERE NOT internal AND NOT temporary
)
ORDER BY CASE WHEN name LIKE 'v\\_%' ESCAPE '\\' THEN 0 WHEN name LIKE 'fact%' THEN 1 WHEN name LIKE 'dim%' THEN 2
              WHEN name LIKE 'audit%' OR name LIKE 'quarantine%' THEN 4 ELSE 3 END, name
"""
_COLUMNS = """
SELECT table_name, column_name, data_type, comment FROM duckdb_columns()
WHERE NOT internal AND database_name = current_database() ORDER BY table_name, column_index
"""
_CODES = "SELECT table_name, column_name, code, meaning FROM ref_code ORDER BY table_name, column_name, code"
_TOPICS = "SELECT topic, name_zh, name_en, budget_class FROM dim_topic ORDER BY topic"
_UNITS = "SELECT unit, kind, base_unit, factor, gloss_en FROM dim_unit ORDER BY kind, unit"


def _cell(text: object) -> str:
    return ("" if text is None else str(text)).replace("|", "\\|").replace("\n", " ")


def _table(frame: pl.DataFrame) -> list[str]:
    lines = ["| " + " | ".join(frame.columns) + " |", "|" + "---|" * len(frame.columns)]
    lines += ["| " + " | ".join(_cell(v) for v in row) + " |" for row in frame.iter_rows()]
    return lines


def _allowed_values(con: duckdb.DuckDBPyConnection) -> list[str]:
    codes = fetch(con, _CODES)
    topics = fetch(con, _TOPICS)
    units = fetch(con, _UNITS)
    lines = [
        "# Allowed values of the coded columns",
        "",
        "Views expose the same codes as the tables they read. Regions: `dim_region` (GB/T 2260 adcodes).",
        "",
        "## `topic` (fact_metric, v_metric...: `dim_topic`)",
        "",
    ]
    lines += _table(topics) if topics.height else ["(loaded with the first run: `dim_topic`)"]
    lines += ["", "## `unit` and `unit_kind` (fact_metric, v_metric...: `dim_unit`)", ""]
    lines += _table(units) if units.height else ["(loaded with the first run: `dim_unit`)"]
    for (table, column), group in codes.group_by(["table_name", "column_name"], maintain_order=True):
        lines += ["", f"## `{table}.{column}`", ""]
        lines += _table(group.select("code", "meaning"))
    return [*lines, ""]


def render_dictionary(warehouse_path: Path) -> str:
    """Markdown: every view and table with its comment, its columns, types and comments, then the
    allowed values of every coded column."""
    with connect_readonly(warehouse_path) as con:
        objects = fetch(con, _OBJECTS)
        columns = fetch(con, _COLUMNS)
        row = con.execute("SELECT max(version) FROM schema_version").fetchone()
        assert row is not None  # an aggregate without GROUP BY always returns one row
        version = row[0]
        allowed = _allowed_values(con)
    lines = [
        "# Minsheng warehouse: data dictionary",
        "",
        f"Generated from the `COMMENT ON` text in the warehouse (schema version {version}) by "
        "`minsheng dictionary` (`warehouse.dictionary.write_dictionary`); edit the migrations in",
        "`warehouse/schema/` and the views in `warehouse/sql/views/`, not this file.",
        "",
        "Open it read-only (`duckdb -readonly var/minsheng.duckdb`, `minsheng sql`): loads publish a new",
        "file by atomic rename, so an open session keeps its consistent view and never blocks a load.",
        "Loads are idempotent and keyed on content: re-running on the same `raw/` leaves every table identical",
        "except the audit tables (`audit_*`, `quarantine_metric`), which gain the run's rows. The normalised",
        "text is stored once (`doc_text`); offsets (`char_start`, `char_end`) are 0-based code points into it:",
        "`substr(text, char_start + 1, char_end - char_start) = span_text`. Views show current facts; a file",
        "gone from its raw directory leaves retired facts (`is_current = false`) in `v_metric_all` until pruned.",
        "",
    ]
    for obj in objects.iter_rows(named=True):
        lines += [f"## `{obj['name']}` ({obj['kind']})", "", _cell(obj["comment"]), ""]
        lines += ["| column | type | meaning |", "|---|---|---|"]
        for col in columns.filter(columns["table_name"] == obj["name"]).iter_rows(named=True):
            lines.append(f"| `{col['column_name']}` | {col['data_type']} | {_cell(col['comment'])} |")
        lines.append("")
    return "\n".join(lines + allowed)


def write_dictionary(warehouse_path: Path, out_md: Path) -> Path:
    """Write the dictionary of the published warehouse to ``out_md`` (e.g. docs/data-dictionary.md)."""
    out = Path(out_md)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(render_dictionary(warehouse_path), encoding="utf-8")
    return out
