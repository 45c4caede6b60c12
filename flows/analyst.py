"""The analysts' commands: ``sql``, ``runs``, ``export``, ``dictionary`` -- they only read the warehouse."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from flows import settings as cfg
from flows.output import FORMATS, err, write_frame


def _warehouse(args: argparse.Namespace) -> Path:
    path = cfg.load_settings(warehouse_path=args.warehouse).warehouse_path
    if not path.exists():
        raise FileNotFoundError(f"no warehouse at {path}; run `minsheng run` first")
    return path


def cmd_sql(args: argparse.Namespace) -> int:
    path = _warehouse(args)
    from warehouse.query import run_sql

    write_frame(run_sql(path, args.query), args.format)
    return cfg.EXIT_OK


def cmd_runs(args: argparse.Namespace) -> int:
    path = _warehouse(args)
    from warehouse.load import recent_runs

    write_frame(recent_runs(path, limit=args.limit), args.format)
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


def cmd_dictionary(args: argparse.Namespace) -> int:
    """The data dictionary (markdown), generated from the comments stored in the warehouse."""
    path = _warehouse(args)
    from warehouse.dictionary import render_dictionary

    sys.stdout.write(render_dictionary(path))
    return cfg.EXIT_OK



def add_analyst_commands(sub: Any) -> None:
    """Register the warehouse-reading subcommands on the ``minsheng`` parser."""
    p = sub.add_parser("sql", help="run a read-only query on the warehouse")
    p.add_argument("query")
    p.add_argument("--warehouse")
    p.add_argument("--format", choices=FORMATS, default="table")
    p.set_defaults(func=cmd_sql)

    p = sub.add_parser("runs", help="list recent runs (audit_load_run)")
    p.add_argument("--limit", type=int, default=10)
    p.add_argument("--warehouse")
    p.add_argument("--format", choices=FORMATS, default="table")
    p.set_defaults(func=cmd_runs)

    p = sub.add_parser("export", help="export the warehouse tables as Parquet")
    p.add_argument("--parquet", required=True, metavar="DIR")
    p.add_argument("--warehouse")
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("dictionary", help="the data dictionary of the warehouse (markdown)")
    p.add_argument("--warehouse")
    p.set_defaults(func=cmd_dictionary)

