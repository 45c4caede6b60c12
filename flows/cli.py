"""The ``minsheng`` command.

``run`` and ``serve`` go through Prefect; ``normalise`` and ``extract`` call the pure transforms
directly (no Prefect, no database, no Great Expectations: they start fast and write clean data to
stdout); ``sql``, ``runs``, ``export`` and ``dictionary`` read the warehouse. Exit codes are in
:mod:`flows.settings` and the README.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from typing import Any

from flows import settings as cfg  # first: sets Prefect's telemetry switches before Prefect loads
from flows.analyst import add_analyst_commands
from flows.output import FORMATS, write_frame
from flows.output import err as _err

SENTENCE_COLUMNS = ["file", "story_ix", "para_ix", "sent_ix", "role", "char_start", "char_end", "text"]
METRIC_COLUMNS = [
    "file", "text", "value", "low", "high", "unit", "bound", "sentence",
    "char_start", "char_end", "sha256", "unit_kind", "subject", "topic", "region", "adcode", "area", "measure", "year_from", "year_to", "modality",
]  # fmt: skip
EXAMPLE_QUERY = "SELECT region, topic_zh, span_text, value, unit FROM v_metric WHERE unit_kind = 'people' ORDER BY value DESC LIMIT 10"


# --- parse commands (no Prefect) -------------------------------------------------------------------


def _read(paths: list[str]) -> tuple[Any, int]:
    """Read files, reporting unreadable ones on stderr; returns (files frame, number failed)."""
    import polars as pl

    from transforms.ingest import read_files

    files = read_files(paths)
    bad = files.filter(pl.col("error").is_not_null())
    for path, error in bad.select("path", "error").iter_rows():
        _err(f"minsheng: cannot read {path}: {error}")
    return files, bad.height


def cmd_normalise(args: argparse.Namespace) -> int:
    from transforms.text.normalise import normalise_files

    files, failed = _read(args.files)
    _, _, sentences = normalise_files(files)
    out = sentences.rename({"path": "file"}).select(SENTENCE_COLUMNS)
    write_frame(out, args.format)
    return cfg.EXIT_ERROR if failed else cfg.EXIT_OK


def cmd_extract(args: argparse.Namespace) -> int:
    """Metrics of the files, a batch (MINSHENG_BATCH_SIZE files) at a time: JSON lines and CSV are
    written as each batch is parsed, so memory is set by the batch, not by how many files are given,
    and the first rows come out before the last file is read. A table for people needs every row's
    width first, so it is written once at the end."""
    import polars as pl

    from transforms.parse import parse_files

    size = args.settings_check.batch_size
    failed, first = 0, True
    held: list[pl.DataFrame] = []
    for start in range(0, len(args.files), size):
        files, bad = _read(args.files[start : start + size])
        failed += bad
        out = parse_files(files).metrics.rename({"path": "file"})
        out = out.select([c for c in METRIC_COLUMNS if c in out.columns])
        if args.format == "table":
            held.append(out)
        else:
            write_frame(out, args.format, header=first)
            first = False
    if held:  # FILE is nargs="+": there is always one batch
        write_frame(pl.concat(held, how="vertical_relaxed"), args.format)
    return cfg.EXIT_ERROR if failed else cfg.EXIT_OK


# --- Prefect commands ------------------------------------------------------------------------------


def exit_code_for(exc: BaseException) -> int:
    """Map a run's failure to the exit code a scheduler acts on."""
    from flows.etl import GateBlocked, StrictFailure

    if isinstance(exc, GateBlocked):
        return cfg.EXIT_BLOCKED
    if isinstance(exc, StrictFailure):
        return cfg.EXIT_STRICT
    if type(exc).__name__ == "LoadLocked":
        return cfg.EXIT_LOCKED
    return cfg.EXIT_ERROR


def format_summary(summary: Any) -> str:
    """The closing lines of ``minsheng run``: what was read, loaded, held back, and where to look."""
    s = summary
    lines = [
        f"minsheng run {s.run_id}: {s.status}",
        f"  files      {s.files_seen} seen: {s.files_new} new, {s.files_changed} changed, "
        f"{s.files_renamed} renamed, {s.files_unchanged} unchanged, {s.files_failed} failed"
        + (f", {s.files_reparsed} re-parsed (new rules)" if s.files_reparsed else ""),
    ]
    lines += [f"             failed: {path}: {error}" for path, error in s.failed]
    lines += [f"             capped: {path}: {detail}" for path, detail in s.capped]
    lines += [
        f"  parsed     {s.stories} stories, {s.sentences} sentences",
        f"  metrics    {s.metrics_extracted} extracted, {s.metrics_loaded} loaded, "
        f"{s.metrics_quarantined} quarantined ({s.warnings} warnings)",
        f"  report     {s.report_path or '- (nothing new to validate)'}",
        f"  warehouse  {s.warehouse_path}",
        "  try        minsheng sql " + json.dumps(EXAMPLE_QUERY, ensure_ascii=False),
    ]
    return "\n".join(lines)


def cmd_run(args: argparse.Namespace) -> int:
    settings = cfg.load_settings(
        raw_dir=args.raw,
        warehouse_path=args.warehouse,
        wait_seconds=args.wait,
        task_runner=args.task_runner,
        batch_size=args.batch_size,
        strict=True if args.strict else None,
    )
    from flows.plan import PreflightError, preflight, record_if_nothing_new
    from flows.server import Terminated, ephemeral_api, terminate_on_sigterm
    from warehouse.lock import LoadLocked, load_lock

    # Everything that makes the run pointless is said before paying for Prefect's start (~10 s).
    try:
        preflight(settings)
        quick = None if args.force_flow else record_if_nothing_new(settings)
        if quick is None:
            with load_lock(settings.warehouse_path, settings.wait_seconds):
                pass  # held by another load: exit 4 now, not after Prefect's start
    except PreflightError as exc:
        _err(f"minsheng: {exc}")
        return cfg.EXIT_ERROR
    except LoadLocked as exc:
        return _report_failure(exc, settings)
    if quick is not None:
        print(format_summary(quick))
        return cfg.EXIT_OK

    from flows.progress import terminal_display

    try:
        with terminate_on_sigterm(), ephemeral_api():
            from flows.etl import etl  # after the API URL is set: Prefect reads its settings on import

            with terminal_display(enabled=not args.no_progress):
                summary = etl(
                    raw_dir=str(settings.raw_dir),
                    warehouse_path=str(settings.warehouse_path),
                    wait_seconds=settings.wait_seconds,
                    task_runner=settings.task_runner,
                    batch_size=settings.batch_size,
                    strict=settings.strict,
                )
    except Terminated:
        _err(
            "minsheng: terminated (SIGTERM); the warehouse is unchanged unless the load had already published"
        )
        return 143
    except Exception as exc:
        return _report_failure(exc, settings)
    print(format_summary(summary))
    return cfg.EXIT_OK


def _report_failure(exc: Exception, settings: cfg.Settings) -> int:
    """Say plainly what happened and map it to the exit code a scheduler acts on."""
    code = exit_code_for(exc)
    # GateBlocked and StrictFailure (the only codes that read it) both carry the run's summary.
    failed: Any = exc
    if code == cfg.EXIT_BLOCKED:
        print(format_summary(failed.summary))
        _err(
            f"minsheng: the quality gate blocked the load; nothing was loaded. Report: "
            f"{failed.summary.report_path}"
        )
    elif code == cfg.EXIT_STRICT:
        print(format_summary(failed.summary))
        _err(f"minsheng: {exc}")
    elif code == cfg.EXIT_LOCKED:
        _err(
            f"minsheng: another load holds the lock on {settings.warehouse_path} "
            f"(waited {settings.wait_seconds:g}s); nothing was done. Retry later or pass --wait SECONDS. ({exc})"
        )
    elif type(exc).__name__ == "PreflightError":
        _err(f"minsheng: {exc}")
    else:
        _err(f"minsheng: run failed, the warehouse is unchanged: {type(exc).__name__}: {exc}")
    return code


def cmd_serve(args: argparse.Namespace) -> int:
    from flows.schedule import serve

    settings = cfg.load_settings(
        raw_dir=args.raw, warehouse_path=args.warehouse, wait_seconds=args.wait, task_runner=args.task_runner
    )
    serve(settings, cron=args.cron, name=args.name, timezone=args.timezone)
    return cfg.EXIT_OK


# --- parser ----------------------------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="minsheng",
        description="Minsheng ETL: Chinese news pages and work reports -> a DuckDB warehouse of metrics.",
        epilog="exit codes: 0 ok, 1 error, 2 usage, 3 quality gate blocked the load, 4 warehouse locked, "
        "5 --strict and metrics were quarantined or files unreadable",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def runner_opts(p: argparse.ArgumentParser) -> None:
        p.add_argument("--raw", help="directory of raw .txt files (env MINSHENG_RAW, default raw)")
        p.add_argument(
            "--warehouse",
            help=f"DuckDB file (env MINSHENG_WAREHOUSE, default {cfg.DATA_DIR}/{cfg.WAREHOUSE_NAME}; "
            "reports go beside it)",
        )
        p.add_argument("--wait", type=float, help="seconds to wait for another load's lock (default 0)")
        p.add_argument(
            "--task-runner",
            choices=cfg.TASK_RUNNERS,
            help=f"fan-out over batches (env MINSHENG_TASK_RUNNER, default {cfg.DEFAULT_TASK_RUNNER}; "
            "local = process pool, thread, dask)",
        )
        p.add_argument(
            "--log-level",
            choices=("DEBUG", "INFO", "WARNING", "ERROR"),
            help="Prefect's log level (env PREFECT_LOGGING_LEVEL; default WARNING for these commands)",
        )

    p = sub.add_parser("run", help="run the pipeline once (Prefect flow)")
    runner_opts(p)
    p.add_argument("--batch-size", type=int, help="files per batch (env MINSHENG_BATCH_SIZE, default 64)")
    p.add_argument("--no-progress", action="store_true", help="no progress bars")
    p.add_argument(
        "--strict",
        action="store_true",
        help="exit 5 (and a Failed flow state) when metrics were quarantined or files could not be read; "
        "what passed is still loaded (env MINSHENG_STRICT)",
    )
    p.add_argument(
        "--force-flow",
        action="store_true",
        help="start the Prefect flow even when nothing under --raw changed (by default that case is "
        "recorded as a 'nothing-new' run without starting Prefect)",
    )
    p.set_defaults(func=cmd_run)

    for name, func, what in (
        ("normalise", cmd_normalise, "normalised sentences"),
        ("extract", cmd_extract, "extracted metrics"),
    ):
        p = sub.add_parser(name, help=f"print the {what} of FILEs (no Prefect, no database)")
        p.add_argument("files", nargs="+", metavar="FILE")
        p.add_argument("--format", choices=FORMATS, default="jsonl" if name == "normalise" else "table")
        p.set_defaults(func=func)

    add_analyst_commands(sub)

    p = sub.add_parser(
        "serve", help="run on a cron schedule via Prefect (flow.serve); needs a Prefect server"
    )
    runner_opts(p)
    p.add_argument("--cron", default="0 6 * * *", help='cron expression (default "0 6 * * *")')
    p.add_argument(
        "--timezone",
        default=cfg.DEFAULT_TIMEZONE,
        help=f"time zone of the cron expression (default {cfg.DEFAULT_TIMEZONE}, as in prefect.yaml)",
    )
    p.add_argument("--name", default="minsheng-scheduled", help="deployment name")
    p.set_defaults(func=cmd_serve)
    return parser


def _quiet_prefect(args: argparse.Namespace) -> None:
    """Prefect logs at WARNING for these commands unless asked (--log-level or PREFECT_LOGGING_LEVEL):
    its INFO lines are noise in a terminal and break the progress bars. Must run before Prefect loads."""
    level = getattr(args, "log_level", None)
    if level:
        os.environ["PREFECT_LOGGING_LEVEL"] = level
    else:
        os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    _quiet_prefect(args)
    try:
        args.settings_check = cfg.load_settings()  # invalid MINSHENG_* env is a usage error
    except ValueError as exc:
        _err(f"minsheng: bad configuration: {exc}")
        return cfg.EXIT_USAGE
    if getattr(args, "warehouse", "") is None and (note := cfg.legacy_warehouse_note()):
        _err(note)  # a warehouse at the pre-var/ default path: used, and the user told where it goes
    try:
        return int(args.func(args))
    except BrokenPipeError:  # `minsheng extract … | head` is fine
        return cfg.EXIT_OK
    except KeyboardInterrupt:
        return 130
    except ValueError as exc:
        _err(f"minsheng: {exc}")
        return cfg.EXIT_USAGE if args.command in ("run", "serve") else cfg.EXIT_ERROR
    except Exception as exc:  # a plain message for people and schedulers, not a traceback
        _err(f"minsheng: {type(exc).__name__}: {exc}")
        return cfg.EXIT_ERROR


if __name__ == "__main__":
    sys.exit(main())
