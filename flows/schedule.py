"""Scheduled runs: ``flow.serve`` for one long-lived process, or a deployment for a work pool.

Both need a Prefect server (``prefect server start``) to hold the schedule; ``prefect.yaml`` at the
top of the repository declares the work-pool deployment for ``prefect deploy``. Parameters are made
absolute here because a worker or serve process may run from another directory. Cron expressions
are read in one time zone everywhere (``settings.DEFAULT_TIMEZONE``, Asia/Shanghai, as in
``prefect.yaml``), not in the server's UTC.
"""

from __future__ import annotations

from typing import Any

from flows import settings as cfg

DEPLOYMENT_NAME = "minsheng-daily"
DEFAULT_CRON = "0 6 * * *"
WORK_POOL = "minsheng"


def parameters(settings: cfg.Settings) -> dict[str, Any]:
    """Flow parameters of a scheduled run: absolute paths, no waiting by default."""
    return {
        "raw_dir": str(settings.raw_dir.resolve()),
        "warehouse_path": str(settings.warehouse_path.resolve()),
        "wait_seconds": settings.wait_seconds,
        "task_runner": settings.task_runner,
    }


def schedule(cron: str = DEFAULT_CRON, timezone: str = cfg.DEFAULT_TIMEZONE) -> Any:
    """A Prefect cron schedule read in ``timezone`` (an unknown zone is a ValueError naming it)."""
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    from prefect.schedules import Cron

    try:
        ZoneInfo(timezone)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValueError(f"unknown time zone {timezone!r} (use an IANA name such as Asia/Shanghai)") from None
    return Cron(cron, timezone=timezone)


def deployment(
    settings: cfg.Settings,
    *,
    cron: str = DEFAULT_CRON,
    name: str = DEPLOYMENT_NAME,
    timezone: str = cfg.DEFAULT_TIMEZONE,
) -> Any:
    """A RunnerDeployment of the ETL flow with a cron schedule (not yet sent to the server)."""
    from flows.etl import etl

    return etl.to_deployment(
        name=name,
        schedule=schedule(cron, timezone),
        parameters=parameters(settings),
        description="Minsheng ETL: raw/ -> quality gate -> DuckDB warehouse",
        tags=["minsheng"],
        concurrency_limit=1,  # overlapping ticks queue up in Prefect; the warehouse lock is the backstop
    )


def apply(
    settings: cfg.Settings,
    *,
    cron: str = DEFAULT_CRON,
    name: str = DEPLOYMENT_NAME,
    timezone: str = cfg.DEFAULT_TIMEZONE,
) -> Any:
    """Register the deployment (with its schedule) on the configured Prefect API; returns its id."""
    return deployment(settings, cron=cron, name=name, timezone=timezone).apply()


def serve(
    settings: cfg.Settings,
    *,
    cron: str = DEFAULT_CRON,
    name: str = "minsheng-scheduled",
    timezone: str = cfg.DEFAULT_TIMEZONE,
) -> None:
    """Block, running the flow on ``cron`` in ``timezone`` (the process is the worker; Ctrl-C pauses it)."""
    from flows.etl import etl

    etl.serve(
        name=name,
        schedule=schedule(cron, timezone),
        parameters=parameters(settings),
        description="Minsheng ETL served by `minsheng serve`",
        tags=["minsheng"],
        global_limit=1,
    )
