"""One place for configuration: paths, batch size, task runner, retries, exit codes.

Values come from arguments first, then environment variables (``MINSHENG_*``), then defaults, so a
schedule, a systemd unit and a terminal all configure the same way. Importing this module also turns
Prefect's telemetry off *before* Prefect is imported: its DNS look-ups are noise on closed networks.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

# Prefect reads these when it is first imported; setdefault keeps an operator's explicit choice.
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("DO_NOT_TRACK", "1")

# Exit codes a scheduler can act on (documented in README.md).
EXIT_OK = 0  # loaded, or nothing new to load
EXIT_ERROR = 1  # any other failure; the warehouse is left as it was
EXIT_USAGE = 2  # bad arguments (argparse's own code)
EXIT_BLOCKED = 3  # the quality gate blocked the load
EXIT_LOCKED = 4  # another load holds the warehouse lock
EXIT_STRICT = 5  # --strict: loaded, but metrics were quarantined or files could not be read

TASK_RUNNERS = ("serial", "local", "thread", "dask")
DEFAULT_TASK_RUNNER = "serial"  # the one default: CLI help, prefect.yaml, systemd unit, README
DEFAULT_TIMEZONE = "Asia/Shanghai"  # schedules' time zone: `serve --timezone`, prefect.yaml
_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def _env(name: str, default: str) -> str:
    value = os.environ.get(name, "").strip()
    return value or default


# Everything runs produce lives under one git-ignored folder (docs/decisions/0001-generated-data-under-var.md):
# the default warehouse and bench/ in it; what belongs to a warehouse (lock, WAL, reports/, .work/)
# beside the warehouse file wherever MINSHENG_WAREHOUSE puts it, on the same file system.
DATA_DIR = "var"
WAREHOUSE_NAME = "minsheng.duckdb"
# The default before var/: a warehouse found there is used, with a hint to move it, never moved.
LEGACY_WAREHOUSE = Path("warehouse") / WAREHOUSE_NAME


def data_dir() -> Path:
    """The folder of generated data: ``MINSHENG_DATA_DIR``, default ``var`` (relative to the cwd)."""
    return Path(_env("MINSHENG_DATA_DIR", DATA_DIR))


def bench_dir() -> Path:
    """Benchmark inputs (``cache/``, rebuilt when deleted) and measurements (``results/``)."""
    return data_dir() / "bench"


def default_warehouse() -> Path:
    """``MINSHENG_WAREHOUSE``, else ``<data dir>/minsheng.duckdb`` -- unless only the old default
    ``warehouse/minsheng.duckdb`` exists, which is then used (see :func:`legacy_warehouse_note`)."""
    configured = _env("MINSHENG_WAREHOUSE", "")
    if configured:
        return Path(configured)
    new = data_dir() / WAREHOUSE_NAME
    if not new.exists() and LEGACY_WAREHOUSE.exists():
        return LEGACY_WAREHOUSE
    return new


def legacy_warehouse_note() -> str | None:
    """One line for stderr when the default resolves to the pre-``var/`` warehouse, else None."""
    if default_warehouse() != LEGACY_WAREHOUSE or _env("MINSHENG_WAREHOUSE", ""):
        return None
    new = data_dir() / WAREHOUSE_NAME
    return (
        f"minsheng: using {LEGACY_WAREHOUSE}, the default before {new.parent}/; to move it (no load "
        f"running): mkdir -p {new.parent} && mv {LEGACY_WAREHOUSE}* {LEGACY_WAREHOUSE.parent}/reports "
        f"{new.parent}/ -- or set MINSHENG_WAREHOUSE={LEGACY_WAREHOUSE} to keep it there"
    )


def _typed(name: str, default: str, kind: type) -> Any:
    """``MINSHENG_*`` as ``kind``; a bad value is a ValueError that names the variable."""
    raw = _env(name, default)
    try:
        if kind is bool:
            low = raw.lower()
            if low not in _TRUE | _FALSE:
                raise ValueError(raw)
            return low in _TRUE
        return kind(raw)
    except ValueError:
        what = {int: "a whole number", float: "a number", bool: "true or false"}.get(kind, kind.__name__)
        raise ValueError(f"{name}={raw!r} is not {what}") from None


@dataclass(frozen=True)
class Settings:
    """Everything a run needs to know besides the data itself."""

    raw_dir: Path = field(default_factory=lambda: Path(_env("MINSHENG_RAW", "raw")))
    warehouse_path: Path = field(default_factory=default_warehouse)
    # Files per batch: one task per stage per batch. Big enough to amortise task overhead, small
    # enough that a batch's frames stay well under a few hundred MB.
    batch_size: int = field(default_factory=lambda: _typed("MINSHENG_BATCH_SIZE", "64", int))
    # serial = one batch at a time in the flow's process (the default, fastest and leanest on 2 cores:
    # docs/decisions/0017-serial-task-runner-by-default.md);
    # local = Prefect's process pool (spawn), for machines with more cores; thread = thread pool;
    # dask = prefect-dask's DaskTaskRunner (a cluster when MINSHENG_DASK_ADDRESS is set).
    task_runner: str = field(default_factory=lambda: _env("MINSHENG_TASK_RUNNER", DEFAULT_TASK_RUNNER))
    dask_address: str | None = field(default_factory=lambda: os.environ.get("MINSHENG_DASK_ADDRESS") or None)
    max_workers: int | None = field(default_factory=lambda: _typed("MINSHENG_MAX_WORKERS", "0", int) or None)
    wait_seconds: float = field(default_factory=lambda: _typed("MINSHENG_WAIT", "0", float))
    load_retries: int = field(default_factory=lambda: _typed("MINSHENG_LOAD_RETRIES", "3", int))
    # Opt-in: a run that loaded but quarantined metrics or could not read files ends with exit 5.
    strict: bool = field(default_factory=lambda: _typed("MINSHENG_STRICT", "false", bool))
    load_retry_delays: tuple[float, ...] = (2.0, 10.0, 30.0)
    # Seconds between progress lines in the Prefect log on long runs.
    progress_every: float = field(default_factory=lambda: _typed("MINSHENG_PROGRESS_EVERY", "10", float))

    def __post_init__(self) -> None:
        if self.task_runner not in TASK_RUNNERS:
            raise ValueError(
                f"task runner (--task-runner, MINSHENG_TASK_RUNNER) must be one of "
                f"{', '.join(TASK_RUNNERS)}, not {self.task_runner!r}"
            )
        if self.batch_size < 1:
            raise ValueError(
                f"batch size (--batch-size, MINSHENG_BATCH_SIZE) must be at least 1, not {self.batch_size}"
            )
        if self.wait_seconds < 0:
            raise ValueError(f"wait (--wait, MINSHENG_WAIT) must be >= 0 seconds, not {self.wait_seconds:g}")
        if self.max_workers is not None and self.max_workers < 1:
            raise ValueError(f"MINSHENG_MAX_WORKERS must be at least 1, not {self.max_workers}")

    @property
    def reports_dir(self) -> Path:
        """Validation reports live beside the warehouse file or DuckLake catalog (``var/reports/`` by
        default): a report belongs to the warehouse whose history it charts."""
        from warehouse.backends import parse_target

        return parse_target(self.warehouse_path).path.parent / "reports"

    def with_overrides(self, **overrides: Any) -> Settings:
        """A copy with the given fields replaced; ``None`` means 'keep the configured value'."""
        given = {k: v for k, v in overrides.items() if v is not None}
        for key in ("raw_dir", "warehouse_path"):
            if key in given:
                given[key] = Path(given[key])
        return replace(self, **given)


def load_settings(**overrides: Any) -> Settings:
    """Settings from the environment, with explicit (non-None) overrides on top."""
    return Settings().with_overrides(**overrides)


def workers(settings: Settings) -> int:
    """How many batches the configured runner parses at once."""
    if settings.task_runner == "serial":
        return 1
    return settings.max_workers or os.cpu_count() or 1


def make_task_runner(settings: Settings, n_batches: int) -> Any:
    """The Prefect task runner for the parse fan-out.

    A process pool costs a second or two of start-up (spawned interpreters import polars), so with
    a single batch the local runner falls back to threads: same results, no pool to start.
    """
    from prefect.task_runners import ProcessPoolTaskRunner, ThreadPoolTaskRunner

    kind = settings.task_runner
    if kind == "dask":
        from prefect_dask import DaskTaskRunner

        if settings.dask_address:
            return DaskTaskRunner(address=settings.dask_address)
        workers = settings.max_workers or min(2, os.cpu_count() or 1)
        return DaskTaskRunner(
            cluster_kwargs={"n_workers": workers, "processes": False, "threads_per_worker": 1}
        )
    if kind == "serial":
        return ThreadPoolTaskRunner(max_workers=1)
    if kind == "thread" or n_batches <= 1:
        return ThreadPoolTaskRunner(max_workers=settings.max_workers or os.cpu_count() or 1)
    return ProcessPoolTaskRunner(max_workers=min(settings.max_workers or os.cpu_count() or 1, n_batches))
