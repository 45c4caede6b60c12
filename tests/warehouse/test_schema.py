"""Migrations build a self-documenting schema: every table, view and column carries a comment."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from warehouse.dictionary import render_dictionary, write_dictionary
from warehouse.load import Loader, RunInfo
from warehouse.migrate import MigrationError, apply_migrations, current_version, migrate, migrations
from warehouse.query import run_sql


def test_migrations_apply_once_in_order(wh: Path) -> None:
    first = migrate(wh)
    assert first == [m.version for m in migrations()] and first == sorted(first)
    assert migrate(wh) == []  # idempotent
    versions = run_sql(wh, "SELECT version FROM schema_version ORDER BY version")["version"].to_list()
    assert versions == first


def test_every_table_view_and_column_is_commented(wh: Path) -> None:
    migrate(wh)
    objects = run_sql(
        wh,
        "SELECT table_name AS name, comment FROM duckdb_tables() WHERE NOT internal "
        "UNION ALL SELECT view_name, comment FROM duckdb_views() WHERE NOT internal",
    )
    names = set(objects["name"])
    for required in (
        "fact_metric",
        "fact_metric_part",
        "dim_file",
        "doc_text",
        "dim_story",
        "dim_sentence",
        "dim_region",
        "ref_code",
        "dim_unit",
        "dim_topic",
        "dim_period",
        "audit_load_run",
        "audit_validation",
        "quarantine_metric",
        "audit_file_error",
        "schema_version",
        "v_metric",
        "v_region_summary",
        "v_topic_summary",
        "v_petitions",
        "v_metric_all",
        "v_metric_distinct",
    ):
        assert required in names
    assert objects.filter(objects["comment"].is_null() | (objects["comment"] == ""))["name"].to_list() == []
    bare = run_sql(
        wh,
        "SELECT table_name || '.' || column_name AS col FROM duckdb_columns() "
        "WHERE NOT internal AND coalesce(comment, '') = ''",
    )
    assert bare["col"].to_list() == []


def test_edited_migration_is_refused(tmp_path: Path) -> None:
    schema = tmp_path / "schema"
    schema.mkdir()
    (schema / "001_t.sql").write_text("CREATE TABLE t (a INTEGER);", encoding="utf-8")
    con = duckdb.connect(str(tmp_path / "db.duckdb"))
    assert apply_migrations(con, schema) == [1]
    assert current_version(con) == 1
    (schema / "001_t.sql").write_text("CREATE TABLE t (a BIGINT);", encoding="utf-8")
    with pytest.raises(MigrationError, match="001_t"):
        apply_migrations(con, schema)
    con.close()


def test_data_dictionary_lists_every_column(wh: Path, tmp_path: Path) -> None:
    migrate(wh)
    out = write_dictionary(wh, tmp_path / "data-dictionary.md")
    text = out.read_text(encoding="utf-8")
    assert "## `fact_metric` (table)" in text and "## `v_metric` (view)" in text
    assert "| `span_text` | VARCHAR | The span exactly as it stands" in text
    cols = run_sql(wh, "SELECT count(*) AS n FROM duckdb_columns() WHERE NOT internal")["n"][0]
    assert text.count("\n| `") == cols


def reference_warehouse(wh: Path) -> Path:
    """An empty warehouse holding the real reference tables (so the dictionary lists their codes)."""
    from transforms.enrich.topics import topic_table
    from transforms.metrics.units import unit_table

    dims = {"topics": topic_table(), "units": unit_table()}
    with Loader(wh, RunInfo("dictionary"), dimensions=dims) as loader:
        loader.publish()
    return wh


def test_dictionary_lists_allowed_values(wh: Path) -> None:
    text = render_dictionary(reference_warehouse(wh))
    allowed = text[text.index("# Allowed values") :]
    for code in (
        "`fact_metric.modality`",
        "| actual |",
        "| target |",
        "`audit_file_run.action`",
        "| deleted |",
    ):
        assert code in allowed
    topics = run_sql(wh, "SELECT topic FROM dim_topic")["topic"].to_list()
    assert topics and all(f"| {t} |" in allowed for t in topics)
    assert "year_from" in text and "not the publication year" in text


def test_committed_data_dictionary_is_current(wh: Path) -> None:
    reference_warehouse(wh)
    committed = Path(__file__).resolve().parents[2] / "docs" / "data-dictionary.md"
    assert committed.read_text(encoding="utf-8") == render_dictionary(wh), (
        "docs/data-dictionary.md is stale: regenerate it with `minsheng dictionary` (see reference_warehouse)"
    )
