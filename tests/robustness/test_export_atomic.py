"""Exports are atomic: readers never see a partial or empty export, a failed export leaves the
previous one, and a directory that is not an export is never replaced (issue 18)."""

from __future__ import annotations

import threading
from pathlib import Path

import duckdb
import pytest

from warehouse.export import MARKER, ExportRefused, export_parquet


def _warehouse(path: Path, rows: int, broken: bool = False) -> Path:
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE fact_demo (metric_id VARCHAR, year INTEGER, value DOUBLE, note VARCHAR)")
    con.execute(
        "INSERT INTO fact_demo SELECT 'm' || lpad(i::VARCHAR, 6, '0'), 2019 + i % 4, i, repeat('说明', 40) "
        "FROM range(?) t(i)",
        [rows],
    )
    con.execute("CREATE TABLE dim_region (name VARCHAR)")
    con.execute("INSERT INTO dim_region VALUES ('武隆区'), ('南岸区')")
    con.execute("CREATE VIEW v_metric AS SELECT * FROM fact_demo")
    if broken:  # fails only when read, after other relations were already written
        con.execute("CREATE VIEW zz_broken AS SELECT CAST(note AS INTEGER) AS n FROM fact_demo")
    con.execute("CHECKPOINT")
    con.close()
    return path


def _count(out: Path) -> int:
    con = duckdb.connect()
    try:
        return con.execute(
            f"SELECT (SELECT count(*) FROM read_parquet('{out}/v_metric/*/*.parquet')) "
            f"+ (SELECT count(*) FROM read_parquet('{out}/dim_region.parquet'))"
        ).fetchone()[0]
    finally:
        con.close()


def test_readers_during_exports_always_see_a_whole_export(tmp_path: Path) -> None:
    wh = _warehouse(tmp_path / "minsheng.duckdb", 20_000)
    out = tmp_path / "export"
    export_parquet(wh, out)
    whole = _count(out)
    assert whole == 20_002
    seen: list[int] = []
    errors: list[BaseException] = []
    done = threading.Event()

    def read() -> None:
        while not done.is_set():
            try:
                seen.append(_count(out))
            except BaseException as exc:  # a missing or half-written file is a failure too
                errors.append(exc)

    reader = threading.Thread(target=read)
    reader.start()
    try:
        for _ in range(12):
            export_parquet(wh, out)
    finally:
        done.set()
        reader.join()
    assert not errors
    assert seen and set(seen) == {whole}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["export", "minsheng.duckdb"]  # no leftovers


def test_a_failed_export_leaves_the_previous_one(tmp_path: Path) -> None:
    out = tmp_path / "export"
    export_parquet(_warehouse(tmp_path / "good.duckdb", 500), out)
    before = sorted(p.relative_to(out).as_posix() for p in out.rglob("*"))
    with pytest.raises(duckdb.Error):
        export_parquet(_warehouse(tmp_path / "bad.duckdb", 700, broken=True), out)
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*")) == before
    assert _count(out) == 502
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]


def test_the_export_holds_every_table_and_view_and_a_marker(tmp_path: Path) -> None:
    out = tmp_path / "export"
    written = export_parquet(_warehouse(tmp_path / "minsheng.duckdb", 10), out)
    assert {p.name for p in written} == {"v_metric", "fact_demo.parquet", "dim_region.parquet"}
    assert sorted(p.name for p in (out / "v_metric").iterdir()) == [f"year={y}" for y in range(2019, 2023)]
    assert (out / MARKER).is_file()


def test_a_directory_that_is_not_an_export_is_never_replaced(tmp_path: Path) -> None:
    wh = _warehouse(tmp_path / "minsheng.duckdb", 10)
    home = tmp_path / "home"
    home.mkdir()
    (home / "notes.txt").write_text("我的笔记", encoding="utf-8")
    with pytest.raises(ExportRefused):
        export_parquet(wh, home)
    assert (home / "notes.txt").read_text(encoding="utf-8") == "我的笔记"
    empty = tmp_path / "empty"
    empty.mkdir()
    export_parquet(wh, empty)  # an empty directory is fine
    assert (empty / MARKER).is_file()
