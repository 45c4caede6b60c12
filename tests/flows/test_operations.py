"""Operations: a scheduled deployment run through a process worker, and two loads at once.

Subprocesses talk to the session's Prefect harness (PREFECT_API_URL), as a worker or a cron job
would talk to `prefect server`, so nothing here starts a second Prefect server.
"""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import polars as pl
import pytest
import yaml

from flows import settings as cfg
from tests.conftest import REPO

pytestmark = pytest.mark.usefixtures("prefect_harness")


def sql(warehouse: Path, query: str) -> pl.DataFrame:
    from warehouse.query import run_sql

    return run_sql(warehouse, query)


def assert_integrity(warehouse: Path) -> None:
    """The warehouse's own integrity checks, plus: keys unique, spans are their text, counts reconcile."""
    from warehouse.query import check_integrity

    assert check_integrity(warehouse) == []
    checks = {
        "duplicate metric ids": "SELECT count(*) - count(DISTINCT metric_id) FROM fact_metric",
        "facts without a file": "SELECT count(*) FROM fact_metric f ANTI JOIN dim_file d USING (sha256)",
        "spans that are not their text": (
            "SELECT count(*) FROM fact_metric f JOIN doc_text t USING (sha256) "
            "WHERE substr(t.text, f.char_start + 1, f.char_end - f.char_start) <> f.span_text"
        ),
        "parts without facts": (
            "SELECT count(*) FROM fact_metric_part p ANTI JOIN fact_metric f ON f.metric_id = p.part_metric_id"
        ),
        "loaded count differs from facts": (
            "SELECT (SELECT count(*) FROM fact_metric) - "
            "(SELECT coalesce(sum(metrics_loaded), 0) FROM audit_load_run WHERE status = 'loaded')"
        ),
    }
    for name, query in checks.items():
        assert sql(warehouse, f"SELECT ({query}) AS n")["n"][0] == 0, name


def minsheng_run(
    raw: Path, warehouse: Path, *extra: str, env: dict[str, str] | None = None
) -> subprocess.Popen:
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "flows.cli",
            "run",
            "--raw",
            str(raw),
            "--warehouse",
            str(warehouse),
            "--no-progress",
            *extra,
        ],
        cwd=REPO,
        env={**os.environ, **(env or {})},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def held_load(
    raw: Path, warehouse: Path, env: dict[str, str], marker: Path, resume: Path | None = None
) -> subprocess.Popen:
    """A run paused inside its load's transaction (the warehouse's pause hook), returned once it is
    there: it holds the lock until killed, or until ``resume`` is written."""
    hook = {"MINSHENG_WAREHOUSE_PAUSE_AT": "in_transaction", "MINSHENG_WAREHOUSE_PAUSE_FILE": str(marker)}
    if resume is not None:
        hook["MINSHENG_WAREHOUSE_RESUME_FILE"] = str(resume)
    run = minsheng_run(raw, warehouse, env={**env, **hook})
    deadline = time.monotonic() + 300
    try:
        while not marker.exists():
            assert run.poll() is None, run.communicate()
            assert time.monotonic() < deadline, "the load never reached its transaction"
            time.sleep(0.2)
    except BaseException:
        run.kill()
        run.communicate()
        raise
    return run


@pytest.fixture
def api_env(prefect_harness: str) -> dict[str, str]:
    return {"PREFECT_API_URL": prefect_harness, "PREFECT_LOGGING_LEVEL": "WARNING"}


def test_two_runs_at_once_exactly_one_loads(raw_copy: Path, tmp_path: Path, api_env: dict[str, str]) -> None:
    """A second run that starts while a load is inside its transaction exits locked; the first then
    finishes and is the one load. The first is held at that point by the warehouse's pause hook (not
    by racing two processes, where a fast first run may finish before the second starts)."""
    warehouse = tmp_path / "w" / "minsheng.duckdb"
    resume = tmp_path / "resume"
    first = held_load(raw_copy, warehouse, api_env, tmp_path / "paused", resume)
    try:
        second = minsheng_run(raw_copy, warehouse, env=api_env)
        _, err = second.communicate(timeout=600)
        assert second.returncode == cfg.EXIT_LOCKED, err
        assert "another load holds the lock" in err
    finally:
        resume.write_text("go", encoding="utf-8")
    out, err = first.communicate(timeout=600)
    assert first.returncode == cfg.EXIT_OK, (out, err)
    history = sql(warehouse, "SELECT status FROM audit_load_run")
    assert history["status"].to_list() == ["loaded"]
    assert_integrity(warehouse)


def test_a_killed_load_leaves_the_warehouse_as_it_was(
    raw_copy: Path, tmp_path: Path, api_env: dict[str, str]
) -> None:
    """A load paused inside its transaction holds the lock (the next run exits 4); SIGKILL it and
    the published warehouse is untouched; the next run then loads normally."""
    warehouse = tmp_path / "w" / "minsheng.duckdb"
    seed_a = sorted(raw_copy.glob("*.txt"))[0]
    first_raw = tmp_path / "first"
    first_raw.mkdir()
    seed_a.rename(first_raw / seed_a.name)
    done = minsheng_run(first_raw, warehouse, env=api_env)
    assert done.wait(timeout=600) == 0, done.communicate()
    before = sql(warehouse, "SELECT metric_id FROM fact_metric ORDER BY metric_id")

    slow = held_load(raw_copy, warehouse, api_env, tmp_path / "paused")
    try:
        blocked = minsheng_run(raw_copy, warehouse, env=api_env)
        _, err = blocked.communicate(timeout=600)
        assert blocked.returncode == cfg.EXIT_LOCKED, err
    finally:
        os.kill(slow.pid, signal.SIGKILL)
        slow.communicate()
    assert sql(warehouse, "SELECT metric_id FROM fact_metric ORDER BY metric_id").equals(before)
    assert_integrity(warehouse)

    after = minsheng_run(raw_copy, warehouse, env=api_env)
    _out, err = after.communicate(timeout=600)
    assert after.returncode == 0, err
    assert sql(warehouse, "SELECT count(DISTINCT sha256) AS n FROM fact_metric")["n"][0] == 5
    assert_integrity(warehouse)


def test_deployment_with_cron_schedule_runs_through_a_process_worker(raw_copy: Path, tmp_path: Path) -> None:
    """prefect.yaml's deployment, created through the API with its cron schedule, run by a process
    worker exactly as `prefect worker start --pool minsheng` would run it."""
    from prefect import get_client
    from prefect.client.schemas.actions import WorkPoolCreate
    from prefect.deployments import run_deployment
    from prefect.flows import Flow
    from prefect.workers.process import ProcessWorker

    spec = yaml.safe_load((REPO / "prefect.yaml").read_text(encoding="utf-8"))["deployments"][0]
    pool = "minsheng-test"
    warehouse = tmp_path / "w" / "minsheng.duckdb"
    parameters = {**spec["parameters"], "raw_dir": str(raw_copy), "warehouse_path": str(warehouse)}
    with get_client(sync_client=True) as client:
        client.create_work_pool(WorkPoolCreate(name=pool, type="process"), overwrite=True)
    flow = Flow.from_source(source=str(REPO), entrypoint=spec["entrypoint"])
    deployment_id = flow.deploy(
        name=spec["name"],
        work_pool_name=pool,
        cron=spec["schedules"][0]["cron"],
        parameters=parameters,
        job_variables=spec["work_pool"]["job_variables"],
        tags=spec["tags"],
        build=False,
        push=False,
        print_next_steps=False,
    )
    with get_client(sync_client=True) as client:
        deployment = client.read_deployment(deployment_id)
    assert [s.schedule.cron for s in deployment.schedules] == ["0 6 * * *"]

    flow_run = run_deployment(deployment_id, timeout=0)  # what the scheduler does at 06:00

    async def work() -> None:
        async with ProcessWorker(work_pool_name=pool) as worker:
            await worker.get_and_submit_flow_runs()

    asyncio.run(work())
    with get_client(sync_client=True) as client:
        state = client.read_flow_run(flow_run.id).state
    assert state is not None and state.is_completed(), state
    runs = sql(warehouse, "SELECT flow_run_id, status, metrics_loaded FROM audit_load_run")
    assert runs["flow_run_id"].to_list() == [str(flow_run.id)]
    assert runs["status"].to_list() == ["loaded"]
    facts = sql(warehouse, "SELECT span_text, value FROM fact_metric")
    assert facts.height == runs["metrics_loaded"][0] > 0
    assert ("16.1万人次", 161000.0) in set(facts.iter_rows())
