"""Loads are incremental and idempotent, keyed on content; provenance survives into the warehouse."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime
from pathlib import Path

import duckdb
import polars as pl
import pytest

from tests.warehouse.conftest import SEED_A, SEED_B, make_batch, regions, topics, units
from transforms.parse import Parsed
from warehouse.backends import STORAGE_VERSION, storage_version
from warehouse.load import (
    IntegrityError,
    Loader,
    LoadResult,
    RunFrames,
    RunInfo,
    known_files,
    load_run,
    prune,
    recent_runs,
    record_run,
    source_path,
    validation_history,
)
from warehouse.migrate import apply_migrations, migrate, migrations
from warehouse.query import check_integrity, run_sql
from warehouse.sqlfiles import run_step

AUDIT = {
    "audit_load_run",
    "audit_validation",
    "quarantine_metric",
    "audit_file_error",
    "audit_file_run",
    "schema_version",
}


def contents(wh: Path) -> dict[str, list[tuple]]:
    """Every non-audit table's rows, order-independent."""
    tables = run_sql(wh, "SELECT table_name FROM duckdb_tables() WHERE NOT internal")["table_name"]
    out = {}
    for t in tables:
        if t not in AUDIT:
            out[t] = sorted(run_sql(wh, f"SELECT * FROM {t}").rows(), key=repr)
    return out


def test_first_load_counts_and_provenance(wh: Path) -> None:
    res = load_run(
        wh, make_batch("r1", {"raw/a.txt": SEED_A, "raw/b.txt": SEED_B}, quarantine_ids=("6万元",))
    )
    assert (res.files_new, res.files_changed, res.files_renamed) == (2, 0, 0)
    assert res.metrics_loaded == 6 and res.metrics_quarantined == 1 and res.relations_loaded == 2
    # every offset points at its span in the stored normalised text
    check = run_sql(
        wh,
        "SELECT f.span_text, substr(t.text, f.char_start + 1, f.char_end - f.char_start) AS at FROM fact_metric f "
        "JOIN doc_text t USING (sha256)",
    )
    assert check.height == 6 and (check["span_text"] == check["at"]).all()
    wide = run_sql(wh, "SELECT * FROM v_metric WHERE span_text = '16.1万人次'").row(0, named=True)
    assert wide["file"] == source_path("raw/a.txt") and wide["region"] == "武隆区" and wide["year"] == 2021
    assert wide["value"] == 161000 and wide["unit_kind"] == "people" and wide["title"] == "武隆区信访工作报告"
    q = run_sql(wh, "SELECT text, run_id FROM quarantine_metric")
    assert q.rows() == [("6万元", "r1")]
    run = recent_runs(wh).row(0, named=True)
    assert run["status"] == "loaded" and run["metrics_loaded"] == 6 and run["files_new"] == 2


def test_reload_same_batch_is_idempotent(wh: Path) -> None:
    files = {"raw/a.txt": SEED_A, "raw/b.txt": SEED_B}
    load_run(wh, make_batch("r1", files))
    before = contents(wh)
    res = load_run(wh, make_batch("r2", files))
    assert (res.files_new, res.files_changed, res.files_renamed, res.files_reloaded) == (0, 0, 0, 2)
    assert contents(wh) == before
    assert recent_runs(wh)["run_id"].to_list() == ["r2", "r1"]


def test_changed_file_replaces_exactly_its_own_facts(wh: Path) -> None:
    load_run(wh, make_batch("r1", {"raw/a.txt": SEED_A, "raw/b.txt": SEED_B}))
    facts_of_b = (
        "SELECT * FROM fact_metric WHERE sha256 IN (SELECT sha256 FROM file_path WHERE path = ?) ORDER BY 1"
    )
    b_before = run_sql(wh, facts_of_b, [source_path("raw/b.txt")]).rows()
    changed = SEED_A.replace("5880件", "6000件").replace("120人", "150人")
    res = load_run(wh, make_batch("r2", {"raw/a.txt": changed}))
    assert (res.files_new, res.files_changed) == (0, 1)
    spans = run_sql(
        wh, "SELECT span_text FROM v_metric WHERE file = ? ORDER BY char_start", [source_path("raw/a.txt")]
    )
    assert spans["span_text"].to_list() == ["6000件", "4899件", "981件", "16.1万人次", "150人"]
    assert run_sql(wh, "SELECT count(*) AS n FROM fact_metric")["n"][0] == 7
    b_after = run_sql(wh, facts_of_b, [source_path("raw/b.txt")]).rows()
    assert b_after == b_before
    history = run_sql(
        wh,
        "SELECT is_current, superseded_by IS NOT NULL AS sup FROM dim_file "
        "WHERE path = ? ORDER BY is_current",
        [source_path("raw/a.txt")],
    )
    assert history.rows() == [(False, True), (True, False)]
    # nothing of the old version is left behind
    assert run_sql(wh, "SELECT count(*) AS n FROM doc_text")["n"][0] == 2
    assert run_sql(wh, "SELECT count(*) AS n FROM v_petitions")["n"][0] == 1
    assert check_integrity(wh) == []


def test_renamed_file_does_not_duplicate_facts(wh: Path) -> None:
    load_run(wh, make_batch("r1", {"raw/a.txt": SEED_A}))
    before = run_sql(wh, "SELECT metric_id FROM fact_metric ORDER BY 1")
    res = load_run(wh, make_batch("r2", {"raw/2021/a-renamed.txt": SEED_A}))
    assert (res.files_new, res.files_renamed) == (0, 1)
    assert run_sql(wh, "SELECT metric_id FROM fact_metric ORDER BY 1").equals(before)
    assert set(run_sql(wh, "SELECT DISTINCT file FROM v_metric")["file"]) == {
        source_path("raw/2021/a-renamed.txt")
    }
    assert run_sql(wh, "SELECT count(*) AS n FROM dim_file")["n"][0] == 1
    assert check_integrity(wh) == []
    # the flow can skip both paths from now on
    assert set(known_files(wh)["path"]) == {source_path("raw/a.txt"), source_path("raw/2021/a-renamed.txt")}


def test_unreadable_files_are_recorded_not_loaded(wh: Path) -> None:
    batch = make_batch("r1", {"raw/a.txt": SEED_A})
    bad = pl.DataFrame(
        {
            "path": ["raw/bad.txt"],
            "name": ["bad.txt"],
            "sha256": ["ff" * 32],
            "bytes": [3],
            "error": ["undecodable bytes"],
        }
    )
    batch.files = pl.concat([batch.files, bad], how="diagonal_relaxed")
    res = load_run(wh, batch)
    assert res.files_failed == 1 and res.files_new == 1
    assert run_sql(wh, "SELECT path, error FROM audit_file_error").rows() == [
        (source_path("raw/bad.txt"), "undecodable bytes")
    ]
    assert source_path("raw/bad.txt") not in set(known_files(wh)["path"])


def test_known_files_empty_without_warehouse(wh: Path) -> None:
    kf = known_files(wh)
    assert kf.height == 0 and kf.columns == ["path", "sha256", "parser_version"]
    assert recent_runs(wh).height == 0


def test_record_run_for_blocked_run_keeps_facts(wh: Path) -> None:
    load_run(wh, make_batch("r1", {"raw/a.txt": SEED_A}))
    facts = contents(wh)
    failing = make_batch("r2", {"raw/a.txt": SEED_A}, quarantine_ids=("5880件",)).validation
    record_run(
        wh,
        run_id="r2",
        flow_run_id="fr-2",
        started_at=datetime.now(UTC),
        status="blocked",
        message="block expectation failed",
        report_path="reports/r2.html",
        validation=failing,
        counts={"files_seen": 1, "metrics_extracted": 5},
    )
    assert contents(wh) == facts
    runs = recent_runs(wh)
    assert runs["status"].to_list() == ["blocked", "loaded"]
    assert (
        runs.row(0, named=True)["flow_run_id"] == "fr-2" and runs.row(0, named=True)["metrics_extracted"] == 5
    )
    hist = validation_history(wh)
    assert hist.columns == ["run_id", "started_at", "expectation", "success", "unexpected_count"]
    assert hist.filter(pl.col("run_id") == "r2", pl.col("expectation") == "value_in_range")[
        "success"
    ].to_list() == [False]


def test_nothing_new_run_records_only_its_run_row(wh: Path) -> None:
    load_run(wh, make_batch("r1", {"raw/a.txt": SEED_A}))
    facts = contents(wh)
    record_run(
        wh,
        run_id="r2",
        flow_run_id=None,
        started_at=datetime.now(UTC),
        status="nothing-new",
        message="nothing new under raw",
        report_path=None,
        counts={"files_seen": 1, "files_unchanged": 1},
    )
    assert contents(wh) == facts
    assert run_sql(wh, "SELECT count(*) AS n FROM audit_validation WHERE run_id = 'r2'")["n"][0] == 0
    assert run_sql(wh, "SELECT count(*) AS n FROM quarantine_metric WHERE run_id = 'r2'")["n"][0] == 0
    assert recent_runs(wh).row(0, named=True)["files_unchanged"] == 1


def test_batch_without_reference_tables_keeps_dimensions(wh: Path) -> None:
    load_run(wh, make_batch("r1", {"raw/a.txt": SEED_A}))
    empty = pl.DataFrame()
    load_run(wh, make_batch("r2", {"raw/b.txt": SEED_B}, regions=empty, topics=empty, units=empty))
    assert run_sql(wh, "SELECT count(*) AS n FROM dim_region")["n"][0] == 3
    assert (
        run_sql(wh, "SELECT region FROM v_metric WHERE file = ? LIMIT 1", [source_path("raw/b.txt")]).item()
        == "南岸区"
    )


def test_reverted_file_restores_its_facts(wh: Path) -> None:
    v1, v2 = {"raw/a.txt": SEED_A}, {"raw/a.txt": SEED_A.replace("120人", "150人")}
    load_run(wh, make_batch("r1", v1))
    first = run_sql(wh, "SELECT * FROM fact_metric ORDER BY metric_id")
    load_run(wh, make_batch("r2", v2))
    assert load_run(wh, make_batch("r3", v1)).files_changed == 1
    assert run_sql(wh, "SELECT * FROM fact_metric ORDER BY metric_id").equals(first)
    assert run_sql(wh, "SELECT count(*) FILTER (WHERE is_current) AS cur, count(*) AS n FROM dim_file").row(
        0
    ) == (1, 2)
    assert check_integrity(wh) == []


# ------------------------------------------------------------------ streaming, deletions, text once

SEED_C = "江北区便民简报\n2022年，江北区新增托育机构12户，惠及群众800人次。"


def _parsed(frames: RunFrames) -> Parsed:
    return Parsed(
        frames.files, frames.documents, frames.stories, frames.sentences, frames.metrics, frames.relations
    )


def _run(wh: Path, run_id: str, batches: list[dict[str, str]], raw_dir: str = "raw", **kw) -> LoadResult:
    """Stage each {path: text} as its own batch, retire what the run did not see, publish."""
    dims = {"regions": regions(), "topics": topics(), "units": units()}
    with Loader(wh, RunInfo(run_id, raw_dir=raw_dir, **kw), dimensions=dims) as loader:
        for files in batches:
            loader.stage(_parsed(make_batch(run_id, files)))
        loader.retire_missing([p for files in batches for p in files], raw_dir)
        return loader.publish()


def test_batches_load_the_same_as_one(wh: Path, tmp_path: Path) -> None:
    files = {"raw/a.txt": SEED_A, "raw/b.txt": SEED_B, "raw/c.txt": SEED_C}
    one = _run(tmp_path / "one" / "wh.duckdb", "r1", [files])
    many = _run(wh, "r1", [{p: t} for p, t in files.items()])
    assert (many.batches, one.batches) == (3, 1)
    assert (many.metrics_loaded, many.files_new) == (one.metrics_loaded, one.files_new) == (9, 3)
    assert contents(wh) == contents(tmp_path / "one" / "wh.duckdb")
    run = recent_runs(wh).row(0, named=True)
    assert (run["files_seen"], run["metrics_loaded"]) == (3, 9)
    assert check_integrity(wh) == []


def test_loader_left_without_publish_changes_nothing(wh: Path) -> None:
    load_run(wh, make_batch("r1", {"raw/a.txt": SEED_A}))
    before = wh.read_bytes()
    with Loader(wh, RunInfo("r2", raw_dir="raw")) as loader:
        loader.stage(_parsed(make_batch("r2", {"raw/b.txt": SEED_B})))
    assert wh.read_bytes() == before
    with pytest.raises(ZeroDivisionError), Loader(wh, RunInfo("r3", raw_dir="raw")) as loader:
        loader.stage(_parsed(make_batch("r3", {"raw/b.txt": SEED_B})))
        _ = 1 / 0
    assert wh.read_bytes() == before
    assert recent_runs(wh)["run_id"].to_list() == ["r1"]


def test_text_is_stored_once_and_views_still_give_the_sentence(wh: Path) -> None:
    load_run(wh, make_batch("r1", {"raw/a.txt": SEED_A}))
    cols = set(
        run_sql(
            wh, "SELECT column_name FROM duckdb_columns() WHERE table_name IN ('dim_sentence', 'fact_metric')"
        )["column_name"]
    )
    assert not cols & {"text", "sentence"}
    row = run_sql(wh, "SELECT sentence, sentence_role FROM v_metric WHERE span_text = '4899件'").row(0)
    assert row == ("2021年，全区收集群众困难诉求5880件，其中已办结4899件、跟办981件。", "body")


def test_deleted_file_is_recorded_and_its_facts_retired_then_pruned(wh: Path) -> None:
    _run(wh, "r1", [{"raw/a.txt": SEED_A, "raw/b.txt": SEED_B}])
    res = _run(wh, "r2", [{"raw/a.txt": SEED_A}])
    assert res.files_deleted == 1
    assert run_sql(
        wh, "SELECT action, path FROM audit_file_run WHERE run_id = 'r2' AND action = 'deleted'"
    ).rows() == [("deleted", source_path("raw/b.txt"))]
    assert run_sql(wh, "SELECT count(*) FROM v_metric").item() == 5  # current only
    retired = run_sql(
        wh,
        "SELECT count(*) AS n, bool_and(retired_at IS NOT NULL) AS dated FROM v_metric_all "
        "WHERE NOT is_current",
    ).row(0)
    assert retired == (2, True)
    assert source_path("raw/b.txt") not in set(known_files(wh)["path"])
    assert check_integrity(wh) == []
    assert prune(wh) == 2
    assert run_sql(wh, "SELECT count(*) FROM fact_metric").item() == 5
    assert run_sql(wh, "SELECT count(*) FROM doc_text").item() == 1
    assert check_integrity(wh) == []


def test_deleted_then_restored_file_is_current_again(wh: Path) -> None:
    _run(wh, "r1", [{"raw/a.txt": SEED_A, "raw/b.txt": SEED_B}])
    _run(wh, "r2", [{"raw/a.txt": SEED_A}])
    _run(wh, "r3", [{"raw/a.txt": SEED_A, "raw/b.txt": SEED_B}])
    assert run_sql(wh, "SELECT count(*) FROM v_metric").item() == 7
    assert run_sql(wh, "SELECT count(*) FROM fact_metric WHERE NOT is_current").item() == 0
    assert check_integrity(wh) == []


def test_two_sites_with_relative_raw_dirs_never_delete_each_other(
    wh: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site_a, site_b = tmp_path / "site-a", tmp_path / "site-b"
    for site in (site_a, site_b):
        site.mkdir()
    monkeypatch.chdir(site_a)
    _run(wh, "a1", [{"raw/a.txt": SEED_A}])
    monkeypatch.chdir(site_b)
    _run(wh, "b1", [{"raw/c.txt": SEED_C}])
    monkeypatch.chdir(site_a)
    _run(wh, "a2", [{"raw/a.txt": SEED_A}])
    by_file = dict(run_sql(wh, "SELECT file, count(*) FROM v_metric GROUP BY file").rows())
    assert by_file == {str(site_a / "raw" / "a.txt"): 5, str(site_b / "raw" / "c.txt"): 2}
    assert run_sql(wh, "SELECT count(*) FROM audit_file_run WHERE action = 'deleted'").item() == 0


def test_known_files_carry_the_parser_version(wh: Path) -> None:
    _run(wh, "r1", [{"raw/a.txt": SEED_A}], parser_version="7")
    _run(wh, "r2", [{"raw/b.txt": SEED_B}], raw_dir="other", parser_version="8")
    kf = known_files(wh)
    assert dict(zip(kf["path"], kf["parser_version"], strict=True)) == {
        source_path("raw/a.txt"): "7",
        source_path("raw/b.txt"): "8",
    }


def test_metric_repeated_in_headline_and_body_counts_once(wh: Path) -> None:
    page = "全区新建公租房300户\n2020年，全区新建公租房300户，另有棚改200户。"
    load_run(wh, make_batch("r1", {"raw/h.txt": page}))
    assert run_sql(wh, "SELECT count(*) FROM v_metric WHERE value = 300").item() == 2
    row = run_sql(wh, "SELECT sentence_role, mentions FROM v_metric_distinct WHERE value = 300").rows()
    assert row == [("body", 2)]
    assert run_sql(wh, "SELECT sum(value) FROM v_metric_distinct").item() == 500


def test_fact_columns_reach_the_views(wh: Path) -> None:
    frames = make_batch("r1", {"raw/a.txt": SEED_A})
    frames.metrics = frames.metrics.with_columns(
        pl.when(pl.col("text") == "5880件").then(pl.lit("收集")).alias("measure"),
        pl.when(pl.col("text") == "120人")
        .then(pl.lit("target"))
        .otherwise(pl.lit("actual"))
        .alias("modality"),
        pl.when(pl.col("text") == "120人").then(pl.lit(2025)).otherwise(pl.col("year_to")).alias("year_to"),
    )
    load_run(wh, frames)
    rows = run_sql(
        wh,
        "SELECT span_text, measure, modality, year_from, year_to, period FROM v_metric ORDER BY char_start",
    ).rows()
    assert rows[0] == ("5880件", "收集", "actual", 2021, 2021, "2021年")
    assert rows[-1] == ("120人", None, "target", 2021, 2025, "2021—2025年")
    periods = run_sql(wh, "SELECT period_key, year_from, year_to, years FROM dim_period ORDER BY 1").rows()
    assert periods == [("2021", 2021, 2021, 1), ("2021-2025", 2021, 2025, 5)]


def test_a_failing_check_blocks_the_publish(wh: Path) -> None:
    frames = make_batch("r1", {"raw/a.txt": SEED_A})
    frames.metrics = frames.metrics.with_columns(pl.lit("no-such-mode").alias("modality"))
    with pytest.raises(IntegrityError, match="coded_columns_use_known_codes"):
        load_run(wh, frames)
    assert not wh.exists()  # nothing published: not even an empty warehouse ahead of the load
    assert recent_runs(wh).height == 0


def test_a_span_off_its_text_in_an_early_batch_blocks_the_publish(wh: Path) -> None:
    """The span check runs per batch (the publish does not join the warehouse's text again): a
    metric whose offsets miss its span in batch 1 still refuses the run after a clean batch 2."""
    broken = make_batch("r1", {"raw/a.txt": "东湖镇简报\n全年接待游客300人次，受理投诉7件。"})
    broken.metrics = broken.metrics.with_columns((pl.col("char_start") + 1).alias("char_start"))
    with pytest.raises(IntegrityError, match="span_matches_text"), Loader(wh, RunInfo("r1")) as loader:
        loader.stage(_parsed(broken))
        loader.stage(_parsed(make_batch("r1", {"raw/b.txt": "西湖镇简报\n全年新增农家乐12户。"})))
        loader.publish()
    assert not wh.exists()
    load_run(wh, make_batch("r2", {"raw/b.txt": "西湖镇简报\n全年新增农家乐12户。"}))
    assert check_integrity(wh) == []


@pytest.mark.parametrize(
    "end",
    [pl.col("char_end") + 40, pl.col("char_start") - 1, pl.col("char_start")],
    ids=["past-its-sentence", "reversed", "empty"],
)
def test_a_span_past_its_sentence_reversed_or_empty_blocks_the_publish(wh: Path, end: pl.Expr) -> None:
    """The span check cuts each sentence out of its piece once and each span out of its sentence: a
    span running past its sentence, ending before it starts or empty still refuses the run."""
    broken = make_batch("r1", {"raw/a.txt": "东湖镇简报\n全年接待游客300人次。受理投诉7件。"})
    broken.metrics = broken.metrics.with_columns(end.alias("char_end"))
    with pytest.raises(IntegrityError, match="span_matches_text"), Loader(wh, RunInfo("r1")) as loader:
        loader.stage(_parsed(broken))
        loader.publish()
    assert not wh.exists()


def test_chunk_text_of_a_batch_leaves_with_the_batch(wh: Path) -> None:
    with Loader(wh, RunInfo("r1")) as loader:
        loader.stage(_parsed(make_batch("r1", {"raw/a.txt": "南山乡简报\n今年帮扶困难群众45人。"})))
        temps = {
            r[0]
            for r in loader.con.execute("SELECT table_name FROM duckdb_tables() WHERE temporary").fetchall()
        }
        assert not temps & {"stg_chunk", "stg_touched", "stg_file", "stg_sentences"}
        loader.publish()


def test_v4_warehouse_is_migrated_keeping_its_facts(wh: Path, tmp_path: Path) -> None:
    old = tmp_path / "schema-v4"
    old.mkdir()
    for mig in migrations():
        if mig.version <= 4:
            (old / f"{mig.version:03d}_{mig.name}.sql").write_text(mig.sql, encoding="utf-8")
    wh.parent.mkdir(parents=True)
    con = duckdb.connect(str(wh))
    apply_migrations(con, old)
    con.execute(
        "INSERT INTO dim_file VALUES ('s1', 'raw/x.txt', 'x.txt', 9, 'utf-8', 'simplified', '{}', NULL, "
        "true, NULL, 'r0')"
    )
    con.execute("INSERT INTO file_path VALUES ('raw/x.txt', 's1')")
    con.execute("INSERT INTO doc_text VALUES ('s1', '标题\n新增12户。', 9)")
    con.execute("INSERT INTO dim_document VALUES ('s1:0', 's1', 0, 'article', '标题', NULL, 0, 9)")
    con.execute("INSERT INTO dim_sentence VALUES ('s1:1', 's1', 0, 1, 1, 'body', 3, 9, '新增12户。')")
    con.execute(
        "INSERT INTO fact_metric VALUES ('s1:5:8', 's1', 's1:0', 's1:1', NULL, '户', NULL, 202100, 12, 12, "
        "12, 'exact', '12户', '新增12户。', NULL, NULL, NULL, NULL, 5, 8)"
    )
    con.execute("INSERT INTO audit_load_run (run_id, started_at, status) VALUES ('r0', now(), 'loaded')")
    con.close()
    assert storage_version(wh).startswith("v1.0")  # DuckDB's default: long strings stored uncompressed
    migrate(wh)
    assert storage_version(wh).startswith(STORAGE_VERSION)  # rewritten once: ZSTD for the text
    row = run_sql(wh, "SELECT title, sentence, year_from, year_to, is_current FROM v_metric_all").row(0)
    assert row == ("标题", "新增12户。", 2021, 2021, True)
    assert run_sql(wh, "SELECT sha256, story_ix FROM dim_story").row(0) == ("s1", 0)
    assert run_sql(wh, "SELECT count(*) FROM dim_document").item() == 1  # the old name still answers


def test_long_text_is_stored_in_pieces_that_never_split_a_sentence(wh: Path) -> None:
    body = "".join(f"第{i}段，社区新增志愿者{i}人。" for i in range(1, 700))  # ~12,000 characters
    page = "长文简报\n" + body
    load_run(wh, make_batch("r1", {"raw/long.txt": page}))
    pieces = run_sql(wh, "SELECT chunk_ix, char_start, char_end FROM doc_chunk ORDER BY chunk_ix").rows()
    assert len(pieces) >= 3 and pieces[0][1] == 0 and pieces[-1][2] == len(page)
    assert all(a[2] == b[1] for a, b in itertools.pairwise(pieces))
    assert run_sql(wh, "SELECT text FROM doc_text").item() == page
    last = run_sql(wh, "SELECT span_text, sentence FROM v_metric ORDER BY char_start DESC LIMIT 1").row(0)
    assert last == ("699人", "第699段，社区新增志愿者699人。")
    assert check_integrity(wh) == []


def test_the_loaders_memory_is_capped_and_each_batch_checkpointed(wh: Path) -> None:
    # Committed rows stay in DuckDB's memory until a checkpoint writes them: each batch's commit is
    # followed by one, so a long backfill does not hold its rows in RAM (nor a WAL of them).
    from warehouse.snapshot import work_dir

    with Loader(wh, RunInfo("r1", raw_dir="raw")) as loader:
        limit = loader.con.execute("SELECT current_setting('memory_limit')").fetchone()
        assert limit == ("91.5 MiB",)  # LOAD_MEMORY_LIMIT = 96MB, in DuckDB's units
        loader.stage(_parsed(make_batch("r1", {"raw/a.txt": SEED_A, "raw/b.txt": SEED_B})))
        wal = [p for p in work_dir(wh).glob("*.wal") if p.stat().st_size > 0]
        assert wal == []  # checkpointed at the batch's end
        in_memory = loader.con.execute(
            "SELECT coalesce(sum(memory_usage_bytes), 0) FROM duckdb_memory() WHERE tag = 'IN_MEMORY_TABLE'"
        ).fetchone()
        assert in_memory is not None and in_memory[0] < 1_000_000  # only the staging temp tables
        loader.stage(_parsed(make_batch("r1", {"raw/c.txt": SEED_C})))
        loader.publish()
    assert run_sql(wh, "SELECT count(*) AS n FROM fact_metric")["n"].item() == 9


def test_each_batch_commit_checkpoints_on_one_thread_without_rewriting_earlier_batches(wh: Path) -> None:
    # Session 5 (decision 0019): every commit checkpoints (no WAL left behind even without the explicit
    # CHECKPOINT), one DuckDB thread, and no vacuum while loading, so a batch's checkpoint does not
    # merge and recompress the row groups earlier batches wrote: each batch keeps its own.
    with Loader(wh, RunInfo("r1", raw_dir="raw")) as loader:
        settings = loader.con.execute(
            "SELECT current_setting('threads'), current_setting('max_vacuum_tasks')"
        ).fetchone()
        assert settings == (1, 0)
        loader.stage(_parsed(make_batch("r1", {"raw/a.txt": "北坡村简报\n全年修缮水渠12条。"})))
        loader.stage(_parsed(make_batch("r1", {"raw/b.txt": "南坡村简报\n全年新修便道8公里。"})))
        groups = loader.con.execute(
            "SELECT count(DISTINCT row_group_id) FROM pragma_storage_info('doc_chunk')"
        ).fetchone()
        assert groups == (2,)
        loader.publish()
    assert run_sql(wh, "SELECT count(DISTINCT sha256) AS n FROM doc_chunk")["n"].item() == 2
    assert check_integrity(wh) == []


def test_commit_alone_writes_a_batch_to_the_file_not_to_the_wal(wh: Path) -> None:
    from warehouse.snapshot import work_dir

    with Loader(wh, RunInfo("r1", raw_dir="raw")) as loader:
        con = loader.con
        con.execute("BEGIN TRANSACTION")
        con.execute("CREATE TABLE scratch AS SELECT range AS i, repeat('字', 50) AS t FROM range(20000)")
        con.execute("COMMIT")
        wal = [p for p in work_dir(wh).glob("*.wal") if p.stat().st_size > 0]
        assert wal == []


def _blocks(wh: Path) -> tuple[int, int]:
    """(total, used) blocks of a published warehouse file (DuckDB's own accounting)."""
    con = duckdb.connect(str(wh), read_only=True)
    try:
        row = con.execute("SELECT total_blocks, used_blocks FROM pragma_database_size()").fetchone()
    finally:
        con.close()
    assert row is not None
    return int(row[0]), int(row[1])


def _retire_half(wh: Path) -> tuple[dict[str, str], dict[str, str]]:
    """Eight pages loaded one batch each (a row group apiece: loads do not vacuum), then a run that
    finds only every other one: four versions retired, their rows left for prune."""
    page = "".join(f"第{i}组简报。{SEED_A}\n" for i in range(200))
    files = {f"raw/f{k}.txt": f"卷{k}\n{page}" for k in range(8)}
    _run(wh, "r1", [{p: t} for p, t in files.items()])
    kept = {p: t for i, (p, t) in enumerate(files.items()) if i % 2 == 0}
    _run(wh, "r2", [kept])
    return files, kept


def test_prune_compacts_what_it_removes(wh: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Loads do not vacuum; prune, which deletes rows, does: the survivors' row groups are merged, so
    # fewer blocks stay in use than after the same prune without vacuum, and the next load writes
    # into the blocks prune freed instead of growing the file.
    import warehouse.load as load

    files, kept = _retire_half(wh)
    facts = run_sql(wh, "SELECT count(*) FROM fact_metric").item()
    _, used_before = _blocks(wh)
    assert prune(wh) == facts // 2
    total_pruned, used_pruned = _blocks(wh)
    assert used_pruned < used_before * 0.7

    control = tmp_path / "control" / "minsheng.duckdb"
    _retire_half(control)
    monkeypatch.setattr(load, "VACUUM_TASKS_PRUNE", 0)
    assert prune(control) == facts // 2
    assert used_pruned < _blocks(control)[1]

    _run(wh, "r3", [{p: t} for p, t in files.items() if p not in kept] + [kept])  # the removed half again
    total_reloaded, used_reloaded = _blocks(wh)
    assert used_reloaded > used_pruned + 30  # written: about what prune removed
    assert total_reloaded - total_pruned < (used_reloaded - used_pruned) // 4  # mostly into freed blocks
    assert check_integrity(wh) == []


def test_a_long_page_is_cut_into_pieces_in_memory_of_its_own_size(
    wh: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Joining the whole text to every piece's row needed pieces x text of memory (~70 MB here);
    # cut once per file it fits a buffer pool far smaller than that.
    import warehouse.load as load

    monkeypatch.setattr(load, "LOAD_MEMORY_LIMIT", "32MB")
    page = "长篇\n" + "甲乙丙丁戊己庚辛。" * 33_000  # ~300,000 characters, ~75 pieces
    load_run(wh, make_batch("r1", {"raw/long.txt": page}))
    assert run_sql(wh, "SELECT count(*) AS n FROM doc_chunk")["n"].item() >= 70
    assert run_sql(wh, "SELECT text FROM doc_text").item() == page


def test_a_metric_id_repeated_in_a_later_batch_blocks_the_publish(wh: Path) -> None:
    """Uniqueness is checked per batch against the whole table (the publish no longer groups every key
    of the warehouse): a later batch storing an id an earlier batch stored refuses the run."""
    first = make_batch("r1", {"raw/a.txt": "北林镇简报\n全年受理申请18件。"})
    second = make_batch("r1", {"raw/b.txt": "南林镇简报\n全年新建公租房90户。"})
    taken = first.metrics.get_column("metric_id")[0]
    second.metrics = second.metrics.with_columns(pl.lit(taken).alias("metric_id"))
    second.relations = second.relations.clear()
    with pytest.raises(IntegrityError, match="keys_are_unique"), Loader(wh, RunInfo("r1")) as loader:
        loader.stage(_parsed(first))
        loader.stage(_parsed(second))
        loader.publish()
    assert not wh.exists()


def test_a_sentence_outside_its_piece_blocks_the_publish(wh: Path) -> None:
    broken = make_batch("r1", {"raw/a.txt": "东岭村简报\n全年帮扶困难群众6户。"})
    broken.sentences = broken.sentences.with_columns((pl.col("char_end") + 500).alias("char_end"))
    with pytest.raises(IntegrityError, match="sentences_inside_text"), Loader(wh, RunInfo("r1")) as loader:
        loader.stage(_parsed(broken))
        loader.stage(_parsed(make_batch("r1", {"raw/b.txt": "西岭村简报\n全年接待游客300人次。"})))
        loader.publish()
    assert not wh.exists()


def test_the_batch_checks_find_what_the_whole_warehouse_checks_find(wh: Path) -> None:
    """load/36_check_rows.sql on rows step 3 should never write (a duplicate sentence, a part naming
    no fact): the batch's form reports each, so the publish refuses the run, as `minsheng check`'s
    whole-warehouse forms would."""
    with Loader(wh, RunInfo("r1")) as loader:
        loader.stage(_parsed(make_batch("r1", {"raw/a.txt": "北坡乡简报\n全年受理投诉40件。"})))
        con = loader.con
        con.execute("BEGIN TRANSACTION")
        sha = con.execute("SELECT sha256 FROM dim_file").fetchone()[0]
        con.execute("CREATE OR REPLACE TEMP TABLE stg_file AS SELECT ? AS sha256", [sha])
        for stg, table in (
            ("stg_fact", "fact_metric"),
            ("stg_sentence", "dim_sentence"),
            ("stg_chunk", "doc_chunk"),
        ):
            con.execute(f"CREATE OR REPLACE TEMP TABLE {stg} AS SELECT * FROM {table}")
        con.execute("INSERT INTO dim_sentence SELECT * FROM dim_sentence LIMIT 1")
        con.execute("INSERT INTO fact_metric_part VALUES ('no-such-whole', 'no-such-part', ?)", [sha])
        run_step(con, "load", only=("36_check_rows.sql",))
        con.execute("COMMIT")
        found = set(con.execute("SELECT DISTINCT check_name FROM run_check_failed").fetchall())
        assert found == {("keys_are_unique",), ("parts_reference_loaded_facts",)}
        with pytest.raises(IntegrityError, match="keys_are_unique, parts_reference_loaded_facts"):
            loader.publish()
    assert not wh.exists()


def test_one_version_at_two_paths_of_a_batch_is_stored_once(wh: Path, tmp_path: Path) -> None:
    """stg_sentence and stg_fact keep one row per key, the first path's, when a batch holds a version
    at two paths (the dedup window runs only over such keys)."""
    one = tmp_path / "one" / "wh.duckdb"
    load_run(one, make_batch("r1", {"raw/a.txt": SEED_A, "raw/b.txt": SEED_B}))
    res = load_run(
        wh, make_batch("r1", {"raw/a.txt": SEED_A, "raw/b.txt": SEED_B, "raw/z/a-copy.txt": SEED_A})
    )
    assert res.files_new == 3
    for table in ("dim_sentence", "dim_story", "doc_chunk", "fact_metric", "fact_metric_part"):
        assert contents(wh)[table] == contents(one)[table], table
    assert check_integrity(wh) == []
