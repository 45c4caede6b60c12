"""Configuration, planning, exit codes and summary formatting: no Prefect server needed."""

from __future__ import annotations

import logging
from pathlib import Path

import polars as pl
import pytest

from flows import settings as cfg
from flows.cli import build_parser, format_summary, main


def test_settings_come_from_env_and_arguments_override(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MINSHENG_BATCH_SIZE", "7")
    monkeypatch.setenv("MINSHENG_TASK_RUNNER", "dask")
    monkeypatch.setenv("MINSHENG_DASK_ADDRESS", "tcp://10.0.0.5:8786")
    s = cfg.load_settings(warehouse_path="/data/w.duckdb", batch_size=None)
    assert (s.batch_size, s.task_runner, s.dask_address) == (7, "dask", "tcp://10.0.0.5:8786")
    assert s.warehouse_path == Path("/data/w.duckdb")
    assert s.reports_dir == Path("/data/reports")
    assert cfg.load_settings(task_runner="serial", batch_size=2).task_runner == "serial"


def test_telemetry_is_off_by_default() -> None:
    import os

    assert os.environ["PREFECT_SERVER_ANALYTICS_ENABLED"] == "false"
    assert os.environ["DO_NOT_TRACK"] == "1"


@pytest.mark.parametrize("field,value", [("task_runner", "ray"), ("batch_size", 0), ("wait_seconds", -1)])
def test_bad_settings_are_rejected(field: str, value: object) -> None:
    with pytest.raises(ValueError):
        cfg.load_settings(**{field: value})


def test_bad_environment_is_a_usage_error(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture
) -> None:
    monkeypatch.setenv("MINSHENG_TASK_RUNNER", "ray")
    assert main(["runs"]) == cfg.EXIT_USAGE
    assert "task runner" in capsys.readouterr().err


def test_bad_arguments_exit_2() -> None:
    with pytest.raises(SystemExit) as exc:
        build_parser().parse_args(["run", "--task-runner", "ray"])
    assert exc.value.code == cfg.EXIT_USAGE
    with pytest.raises(SystemExit) as exc:
        build_parser().parse_args(["extract"])  # FILE… is required
    assert exc.value.code == cfg.EXIT_USAGE


def test_exit_codes_are_distinct() -> None:
    codes = [cfg.EXIT_OK, cfg.EXIT_ERROR, cfg.EXIT_USAGE, cfg.EXIT_BLOCKED, cfg.EXIT_LOCKED, cfg.EXIT_STRICT]
    assert codes == [0, 1, 2, 3, 4, 5]


def test_failures_map_to_exit_codes(tmp_path: Path) -> None:
    from flows.cli import exit_code_for
    from flows.etl import GateBlocked, RunSummary
    from warehouse.lock import LoadLocked, lock_path

    wh = tmp_path / "w.duckdb"
    locked = LoadLocked(lock_path(wh), {"pid": 1, "run_id": "other"}, 0.0)
    blocked = GateBlocked(RunSummary(run_id="r", status="blocked", raw_dir="raw", warehouse_path=str(wh)))
    assert exit_code_for(locked) == cfg.EXIT_LOCKED
    assert exit_code_for(blocked) == cfg.EXIT_BLOCKED
    assert exit_code_for(RuntimeError("disk full")) == cfg.EXIT_ERROR


def test_plan_skips_known_content_and_tells_new_from_changed(raw_copy: Path) -> None:
    from flows.etl import batches
    from flows.plan import plan_files
    from transforms.ingest import file_sha256 as _sha256

    paths = sorted(str(p) for p in raw_copy.glob("*.txt"))
    known = pl.DataFrame(
        {
            "path": [paths[0], paths[1], "old/moved.txt"],
            "sha256": [_sha256(paths[0]), "0" * 64, _sha256(paths[2])],
        }
    )
    plan = plan_files(paths, known)
    assert (plan.seen, plan.new, plan.changed, plan.renamed, plan.unchanged) == (5, 2, 1, 1, 1)
    assert plan.todo == paths[1:]
    empty = pl.DataFrame(schema={"path": pl.String, "sha256": pl.String})
    assert plan_files(paths, empty).todo == paths
    assert batches(paths, 2) == [paths[0:2], paths[2:4], paths[4:]]
    assert batches([], 3) == []


def test_summary_names_the_counts_the_report_and_a_query() -> None:
    from flows.etl import RunSummary

    s = RunSummary(
        run_id="r1",
        status="loaded",
        raw_dir="raw",
        warehouse_path="var/minsheng.duckdb",
        files_seen=6,
        files_new=5,
        files_failed=1,
        failed=[("raw/bad.txt", "binary")],
        stories=9,
        sentences=300,
        metrics_extracted=120,
        metrics_loaded=118,
        metrics_quarantined=2,
        report_path="var/reports/latest.html",
    )
    text = format_summary(s)
    for fragment in (
        "6 seen: 5 new, 0 changed, 0 renamed",
        "1 failed",
        "raw/bad.txt",
        "9 stories, 300 sentences",
        "120 extracted, 118 loaded, 2 quarantined",
        "var/reports/latest.html",
        "minsheng sql",
    ):
        assert fragment in text
    assert "| metrics extracted / loaded / quarantined | 120 / 118 / 2 |" in s.markdown()


def test_progress_logs_lines(caplog: pytest.LogCaptureFixture) -> None:
    from flows.progress import StageProgress

    logger = logging.getLogger("test-progress")
    progress = StageProgress(logger, every=0)
    progress.start("parse", 2)
    with caplog.at_level(logging.INFO, logger="test-progress"):
        progress.advance("parse")
        progress.advance("parse")
    assert "progress: parse 2/2" in caplog.text


def test_one_runner_default_and_one_time_zone_everywhere() -> None:
    """The settings, `--help`, prefect.yaml and the systemd unit agree (serial; Asia/Shanghai)."""
    import yaml

    from tests.conftest import REPO

    assert cfg.load_settings().task_runner == cfg.DEFAULT_TASK_RUNNER == "serial"
    run_help = build_parser()._subparsers._group_actions[0].choices["run"].format_help()  # type: ignore[union-attr]
    assert "default serial" in " ".join(run_help.split())
    deployment = yaml.safe_load((REPO / "prefect.yaml").read_text(encoding="utf-8"))["deployments"][0]
    assert deployment["work_pool"]["job_variables"]["env"]["MINSHENG_TASK_RUNNER"] == cfg.DEFAULT_TASK_RUNNER
    assert deployment["schedules"][0]["timezone"] == cfg.DEFAULT_TIMEZONE
    unit = (REPO / "deploy" / "minsheng.service").read_text(encoding="utf-8")
    assert f"MINSHENG_TASK_RUNNER={cfg.DEFAULT_TASK_RUNNER}" in unit and cfg.DEFAULT_TIMEZONE in unit


def test_serve_reads_cron_in_the_given_time_zone() -> None:
    from flows.schedule import schedule

    args = build_parser().parse_args(["serve"])
    assert args.timezone == "Asia/Shanghai"
    assert schedule("0 6 * * *", args.timezone).timezone == "Asia/Shanghai"
    assert schedule("0 6 * * *", "Europe/Berlin").timezone == "Europe/Berlin"
    with pytest.raises(ValueError, match="Mars/Olympus"):
        schedule("0 6 * * *", "Mars/Olympus")


def test_files_parsed_by_older_rules_are_parsed_again(raw_copy: Path) -> None:
    from flows.plan import plan_files
    from transforms.ingest import file_sha256 as _sha256

    paths = sorted(str(p) for p in raw_copy.glob("*.txt"))
    known = pl.DataFrame({"path": paths, "sha256": [_sha256(p) for p in paths],
                          "parser_version": ["v2", "v1", None, "v2", "v2"]})  # fmt: skip
    plan = plan_files(paths, known, parser_version="v2")
    assert (plan.unchanged, plan.reparse, plan.new, plan.changed) == (3, 2, 0, 0)
    assert plan.todo == [paths[1], paths[2]]
    assert plan_files(paths, known.drop("parser_version"), parser_version="v2").unchanged == 5


def test_relative_paths_match_the_absolute_paths_the_warehouse_stores(raw_copy: Path, monkeypatch) -> None:
    from flows.plan import plan_files
    from transforms.ingest import file_sha256 as _sha256

    monkeypatch.chdir(raw_copy.parent)
    rel = sorted(f"raw/{p.name}" for p in raw_copy.glob("*.txt"))
    known = pl.DataFrame(
        {"path": [str(raw_copy / Path(p).name) for p in rel], "sha256": [_sha256(p) for p in rel]}
    )
    assert plan_files(rel, known).unchanged == 5


def test_strict_failure_is_exit_5_and_says_why() -> None:
    from flows.cli import exit_code_for
    from flows.etl import RunSummary, StrictFailure

    summary = RunSummary(run_id="r", status="loaded", raw_dir="raw", warehouse_path="w.duckdb",
                         metrics_quarantined=3, files_failed=2, report_path="w/reports/run-r.html")  # fmt: skip
    exc = StrictFailure(summary)
    assert exit_code_for(exc) == cfg.EXIT_STRICT == 5
    assert "3 metric(s) quarantined" in str(exc) and "2 file(s) unreadable" in str(exc)
    assert cfg.load_settings(strict=True).strict is True
