"""The data dictionary, generated from the ``COMMENT ON`` text stored in the warehouse itself.

Comments live next to the DDL in the migrations, so the dictionary cannot drift from the schema:
regenerate it (``minsheng dictionary``) after adding a migration.
"""

from __future__ import annotations

from pathlib import Path

from warehouse.query import connect_readonly, fetch

_OBJECTS = """
SELECT table_name AS name, 'table' AS kind, comment FROM duckdb_tables() WHERE NOT internal AND NOT temporary
UNION ALL
SELECT view_name, 'view', comment FROM duckdb_views() WHERE NOT internal AND NOT temporary
ORDER BY CASE WHEN name LIKE 'v\\_%' ESCAPE '\\' THEN 0 WHEN name LIKE 'fact%' THEN 1 WHEN name LIKE 'dim%' THEN 2
              WHEN name LIKE 'audit%' OR name LIKE 'quarantine%' THEN 4 ELSE 3 END, name
"""
_COLUMNS = """
SELECT table_name, column_name, data_type, comment FROM duckdb_columns()
WHERE NOT internal ORDER BY table_name, column_index
"""


def _cell(text: str | None) -> str:
    return (text or "").replace("|", "\\|").replace("\n", " ")


def render_dictionary(warehouse_path: Path) -> str:
    """Markdown: every view and table with its comment, then its columns, types and comments."""
    with connect_readonly(warehouse_path) as con:
        objects = fetch(con, _OBJECTS)
        columns = fetch(con, _COLUMNS)
        version = con.execute("SELECT max(version) FROM schema_version").fetchone()[0]
    lines = [
        "# Minsheng warehouse: data dictionary",
        "",
        f"Generated from the `COMMENT ON` text in the warehouse (schema version {version}) by "
        "`warehouse.dictionary.write_dictionary`; edit the migrations in `warehouse/schema/`, not this file.",
        "",
        "Open it read-only (`duckdb -readonly warehouse/minsheng.duckdb`, `minsheng sql`): loads publish a new",
        "file by atomic rename, so an open session keeps its consistent view and never blocks a load.",
        "Loads are idempotent and keyed on content: re-running on the same `raw/` leaves every table identical",
        "except the audit tables (`audit_*`, `quarantine_metric`), which gain the run's rows. Offsets",
        "(`char_start`, `char_end`) are 0-based code points into `doc_text.text`:",
        "`substr(text, char_start + 1, char_end - char_start) = span_text`.",
        "",
    ]
    for obj in objects.iter_rows(named=True):
        lines += [f"## `{obj['name']}` ({obj['kind']})", "", _cell(obj["comment"]), ""]
        lines += ["| column | type | meaning |", "|---|---|---|"]
        for col in columns.filter(columns["table_name"] == obj["name"]).iter_rows(named=True):
            lines.append(f"| `{col['column_name']}` | {col['data_type']} | {_cell(col['comment'])} |")
        lines.append("")
    return "\n".join(lines)


def write_dictionary(warehouse_path: Path, out_md: Path) -> Path:
    """Write the dictionary of the published warehouse to ``out_md`` (e.g. docs/data-dictionary.md)."""
    out = Path(out_md)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(render_dictionary(warehouse_path), encoding="utf-8")
    return out
