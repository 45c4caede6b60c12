"""Fault matrix, flow rows for issues 17 and 18: one real run (Prefect test harness, real DuckDB)
over the seeds plus every boundary fault side by side. Before the fixes each of these ended the
whole run (a non-UTF-8 name: ``UnfinishedRun``; a nested sidecar: rc 1, 0 files loaded) or pulled
outside files into the warehouse; now each is a reported row and everything good is loaded."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from tests.robustness.helpers import PAGE, SEEDS, snapshot
from tests.robustness.test_boundary_faults import HTML_PAGE, SECRET, _cesu8

pytestmark = pytest.mark.usefixtures("prefect_harness")
BAD_NAME = b"\xb9\xa4\xd7\xf7-\xff.txt"


def _sql(warehouse: Path, query: str, params: list | None = None):
    from warehouse.query import run_sql

    return run_sql(warehouse, query, params)


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory, prefect_harness: str):
    from flows.etl import etl

    base = tmp_path_factory.mktemp("boundary")
    outside = base / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text(SECRET, encoding="utf-8")
    (outside / "secret.meta.json").write_text('{"region": "泄露区"}', encoding="utf-8")
    raw = base / "raw"
    shutil.copytree(SEEDS, raw)
    (raw / "file-link.txt").symlink_to(outside / "secret.txt")
    (raw / "outside-dir").symlink_to(outside, target_is_directory=True)
    (raw / "passwd.txt").symlink_to("/etc/passwd")
    with open(os.fsencode(raw) + b"/" + BAD_NAME, "wb") as fh:
        fh.write(PAGE.replace("5880", "5884").encode())
    nested = raw / "2024" / "06"
    nested.mkdir(parents=True)
    (nested / "deep.txt").write_text(PAGE.replace("5880", "5885"), encoding="utf-8")
    (nested / "deep.meta.json").write_bytes(b"[" * 200_000 + b"]" * 200_000)
    (nested / "typed.txt").write_text(PAGE.replace("5880", "5886"), encoding="utf-8")
    (nested / "typed.meta.json").write_text(
        '{"region": {"name": "武隆区"}, "published": 2021}', encoding="utf-8"
    )
    (nested / "linked.txt").write_text(PAGE.replace("5880", "5887"), encoding="utf-8")
    (nested / "linked.meta.json").symlink_to(outside / "secret.meta.json")
    (raw / "nul.txt").write_bytes(PAGE.replace("5880", "5888").encode().replace("，".encode(), b"\x00", 1))
    (raw / "cesu8.txt").write_bytes(_cesu8("👍") + PAGE.replace("5880", "5889").encode())
    (raw / "utf16-short.txt").write_bytes((PAGE.replace("5880", "5890") + "。").encode("utf-16")[:-1])
    (raw / "ansi.txt").write_bytes(f"\x1b[1m{PAGE.replace('5880', '5891')}\x1b[0m".encode())
    (raw / "page.html.txt").write_text(HTML_PAGE.replace("5880", "5892"), encoding="utf-8")
    before = snapshot(raw)
    warehouse = base / "wh" / "minsheng.duckdb"
    summary = etl(raw_dir=str(raw), warehouse_path=str(warehouse), task_runner="thread")
    return raw, warehouse, summary, before


def test_the_run_loads_and_reports_every_fault(hostile) -> None:
    raw, _, summary, before = hostile
    assert summary.status == "loaded"
    failed = dict(summary.failed)
    for name in ("file-link.txt", "outside-dir", "passwd.txt"):
        assert failed[str(raw / name)].startswith("skipped: symbolic link leads out of raw/")
    assert snapshot(raw) == before


@pytest.mark.parametrize(
    ("name", "metric"),
    [
        ("deep.txt", "5885件"),
        ("typed.txt", "5886件"),
        ("linked.txt", "5887件"),
        ("nul.txt", "5888件"),
        ("cesu8.txt", "5889件"),
        ("utf16-short.txt", "5890件"),
        ("ansi.txt", "5891件"),
        ("page.html.txt", "5892件"),
        ("\\xb9\\xa4\\xd7\\xf7-\\xff.txt", "5884件"),
    ],
)
def test_every_good_page_is_loaded_with_its_metrics(hostile, name: str, metric: str) -> None:
    _, warehouse, _, _ = hostile
    spans = _sql(
        warehouse,
        "SELECT f.span_text FROM fact_metric f JOIN dim_file d USING (sha256) WHERE d.name = ?",
        [name],
    )["span_text"].to_list()
    assert metric in spans


def test_nothing_from_outside_raw_or_from_markup_is_stored(hostile) -> None:
    _, warehouse, _, _ = hostile
    for needle in ("机密", "root:", "泄露区", "alert", "%E9", "9999件"):
        hits = _sql(
            warehouse,
            "SELECT (SELECT count(*) FROM doc_text WHERE contains(text, ?)) "
            "+ (SELECT count(*) FROM dim_file WHERE contains(coalesce(meta, ''), ?)) AS n",
            [needle, needle],
        )["n"][0]
        assert hits == 0, needle


def test_bad_sidecars_are_meta_errors_naming_the_file(hostile) -> None:
    _, warehouse, _, _ = hostile
    metas = dict(
        _sql(
            warehouse, "SELECT name, meta FROM dim_file WHERE name IN ('deep.txt', 'typed.txt', 'linked.txt')"
        ).rows()
    )
    assert "deep.meta.json: too large" in metas["deep.txt"]
    assert "typed.meta.json" in metas["typed.txt"] and "must be text" in metas["typed.txt"]
    assert "linked.meta.json" in metas["linked.txt"] and "not a regular file" in metas["linked.txt"]
