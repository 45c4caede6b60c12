"""The analysts' commands: ``sql``, ``shell``, ``runs``, ``export``, ``dictionary`` read the warehouse;
``prune`` removes retired facts.

SQL goes through ``warehouse.readers`` (an allow-list of read-only statements, parsed, plus DuckDB's
locked fences on a fresh connection that sees the newest load), so ``sql`` and ``shell`` cannot write
or read files outside the warehouse. Bad or empty SQL is a usage error (exit 2) with DuckDB's message.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
from pathlib import Path
from typing import Any

from flows import settings as cfg
from flows.output import DEFAULT_MAX_WIDTH, FORMATS, err, write_frame

# `minsheng runs`: the columns people read, paths in full.
RUN_COLUMNS = ("run_id", "started_at", "status", "files_new", "files_changed", "files_failed",
               "metrics_loaded", "metrics_quarantined", "report_path")  # fmt: skip
SHELL_HELP = """Read-only SQL on the warehouse; end a statement with ';'.
  .tables       list tables and views      .help   this text
  .quit / .exit (or Ctrl-D)                 .width N   cut cells at N characters"""


def _warehouse(args: argparse.Namespace) -> Path:
    from warehouse.backends import exists

    path = cfg.load_settings(warehouse_path=args.warehouse).warehouse_path
    if not exists(path):
        raise FileNotFoundError(f"no warehouse at {path}; run `minsheng run` first")
    return path


def _sql_text(args: argparse.Namespace) -> str:
    """The SQL from the argument, ``-f FILE`` or stdin (``-`` or no argument with piped input)."""
    if args.file:
        try:
            return Path(args.file).read_text(encoding="utf-8")
        except OSError as exc:
            raise UsageError(f"cannot read {args.file}: {exc.strerror}") from None
    if args.query == "-" or (args.query is None and not sys.stdin.isatty()):
        return sys.stdin.read()
    if args.query is None:
        raise UsageError(
            "give a query, -f FILE, or SQL on stdin (e.g. minsheng sql 'SELECT * FROM v_metric LIMIT 5')"
        )
    return str(args.query)


class UsageError(ValueError):
    """Bad input from the user (exit 2)."""


def _print_results(results: list[tuple[str, Any]], fmt: str, max_width: int) -> None:
    """One result per statement; with several, a table is preceded by its statement (as a comment)."""
    for i, (text, frame) in enumerate(results):
        if fmt == "table" and len(results) > 1:
            if i:
                sys.stdout.write("\n")
            sys.stdout.write(f"-- {' '.join(text.split())[:200]}\n")
        write_frame(frame, fmt, max_width=max_width)


def cmd_sql(args: argparse.Namespace) -> int:
    path = _warehouse(args)
    from warehouse.readers import ReaderError, run_statements

    try:
        results = run_statements(path, _sql_text(args))
    except (ReaderError, UsageError) as exc:
        err(f"minsheng sql: {exc}")
        return cfg.EXIT_USAGE
    _print_results(results, args.format, args.max_width)
    return cfg.EXIT_OK


def _shell_statement(con: Any, sql: str, max_width: int) -> None:
    from warehouse.query import fetch
    from warehouse.readers import ReaderError, check_statements

    try:
        for st in check_statements(sql):
            write_frame(fetch(con, st.query.strip().rstrip(";")), "table", max_width=max_width)
    except ReaderError as exc:
        err(f"error: {exc}")
    except Exception as exc:
        err(f"error: {' '.join(str(exc).split())}")


def cmd_shell(args: argparse.Namespace) -> int:
    """An interactive prompt on one fenced read-only connection (reopen it to see newer loads)."""
    path = _warehouse(args)
    from warehouse.readers import open_readonly

    with contextlib.suppress(ImportError):  # not on every platform
        import readline  # noqa: F401 - line editing and history for input()
    interactive = sys.stdin.isatty()
    max_width = args.max_width
    if interactive:
        err(f"minsheng shell on {path} (read-only). {SHELL_HELP}")
    buffer: list[str] = []
    with open_readonly(path) as con:
        while True:
            try:
                line = (
                    input("minsheng> " if not buffer else "      ...> ")
                    if interactive
                    else sys.stdin.readline()
                )
            except EOFError:
                break
            if not interactive and line == "":
                break
            stripped = line.strip()
            if not buffer and stripped.startswith("."):
                word, _, rest = stripped.partition(" ")
                if word in (".quit", ".exit"):
                    break
                if word == ".help":
                    err(SHELL_HELP)
                elif word == ".tables":
                    _shell_statement(con, "SELECT table_name AS name, table_type AS kind FROM "
                                     "information_schema.tables ORDER BY 1", max_width)  # fmt: skip
                elif word == ".width" and rest.strip().isdigit():
                    max_width = int(rest)
                else:
                    err(f"unknown command {word}; .help lists them")
                continue
            buffer.append(line.rstrip("\n"))
            if stripped.endswith(";"):
                _shell_statement(con, "\n".join(buffer), max_width)
                buffer = []
        if any(b.strip() for b in buffer):
            _shell_statement(con, "\n".join(buffer), max_width)
    return cfg.EXIT_OK


def cmd_runs(args: argparse.Namespace) -> int:
    path = _warehouse(args)
    from warehouse.load import recent_runs

    runs = recent_runs(path, limit=args.limit)
    if args.format == "table" and not args.all_columns:
        runs = runs.select([c for c in RUN_COLUMNS if c in runs.columns])
    write_frame(runs, args.format, max_width=0 if args.format == "table" else DEFAULT_MAX_WIDTH)
    return cfg.EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    path = _warehouse(args)
    from warehouse.export import export_parquet

    out_dir = Path(args.parquet)
    result = export_parquet(path, out_dir)
    err(f"exported the warehouse as Parquet to {out_dir}")
    if isinstance(result, list | tuple):
        for item in result:
            print(item)
    return cfg.EXIT_OK


def cmd_prune(args: argparse.Namespace) -> int:
    """Remove the facts of files no longer under any raw directory (retired by earlier runs)."""
    path = _warehouse(args)
    from warehouse.load import prune
    from warehouse.lock import LoadLocked

    try:
        removed = prune(path, wait_seconds=args.wait if args.wait is not None else 0.0)
    except LoadLocked as exc:
        err(f"minsheng prune: {exc}")
        return cfg.EXIT_LOCKED
    print(f"pruned {removed} retired metric(s) from {path}")
    return cfg.EXIT_OK


def cmd_dictionary(args: argparse.Namespace) -> int:
    """The data dictionary (markdown), generated from the comments stored in the warehouse."""
    path = _warehouse(args)
    from warehouse.dictionary import render_dictionary

    sys.stdout.write(render_dictionary(path))
    return cfg.EXIT_OK


def add_analyst_commands(sub: Any) -> None:
    """Register the warehouse-reading subcommands on the ``minsheng`` parser."""
    p = sub.add_parser("sql", help="run read-only SQL on the warehouse (one or more statements)")
    p.add_argument("query", nargs="?", help="SQL; '-' or omitted with piped input reads stdin")
    p.add_argument("-f", "--file", metavar="FILE", help="read the SQL from FILE")
    p.add_argument("--warehouse")
    p.add_argument("--format", choices=FORMATS, default="table")
    p.add_argument(
        "--max-width",
        type=int,
        default=DEFAULT_MAX_WIDTH,
        metavar="N",
        help=f"table format: cut cells at N characters (0: never; default {DEFAULT_MAX_WIDTH})",
    )
    p.set_defaults(func=cmd_sql)

    p = sub.add_parser("shell", help="interactive read-only SQL prompt on the warehouse")
    p.add_argument("--warehouse")
    p.add_argument("--max-width", type=int, default=DEFAULT_MAX_WIDTH, metavar="N")
    p.set_defaults(func=cmd_shell)

    p = sub.add_parser("runs", help="list recent runs (audit_load_run)")
    p.add_argument("--limit", type=int, default=10)
    p.add_argument("--warehouse")
    p.add_argument("--format", choices=FORMATS, default="table")
    p.add_argument("--all-columns", action="store_true", help="table format: every column of audit_load_run")
    p.set_defaults(func=cmd_runs)

    p = sub.add_parser("export", help="export the warehouse's tables and views as Parquet")
    p.add_argument("--parquet", required=True, metavar="DIR")
    p.add_argument("--warehouse")
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("prune", help="remove the facts of files that are gone from raw/ (retired)")
    p.add_argument("--warehouse")
    p.add_argument("--wait", type=float, help="seconds to wait for a running load's lock (default 0)")
    p.set_defaults(func=cmd_prune)

    p = sub.add_parser("dictionary", help="the data dictionary of the warehouse (markdown)")
    p.add_argument("--warehouse")
    p.set_defaults(func=cmd_dictionary)
