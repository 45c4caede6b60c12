"""Render two example reports -- a clean run and a run with bad input -- for docs/ screenshots.

``python -m expectations.examples OUT_DIR`` parses the seeds (raw/*.txt) with the real parse chain,
validates them with the real gate and writes ``OUT_DIR/clean/latest.html``; then the same seeds plus
a few made-up bad pages (a share above 100 %, parts above their whole, a leftover <script>, an empty
and a binary file) into ``OUT_DIR/bad/latest.html``, with a short made-up history and one open
quarantine from an "earlier run". Nothing is written anywhere else.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from contextlib import chdir
from pathlib import Path

import polars as pl

from expectations.report import write_report
from expectations.runner import validate
from expectations.waivers import WAIVERS
from transforms.parse import parse_batch

SEEDS = Path(__file__).resolve().parent.parent / "raw"
BAD_PAGES = {
    "900_rate.txt": "某区开展便民服务活动\n\n今年以来，全区便民服务群众满意度达120%。\n".encode(),
    "901_parts.txt": "某区受理群众诉求\n\n全年受理群众诉求1000件，其中已办结800件、正在办理300件。\n".encode(),
    "902_script.txt": "某区新建公园\n\n<script>alert(1)</script>今年新建公园12个，新增绿地3公顷。\n".encode(),
    "903_empty.txt": b"",
    "904_binary.txt": bytes(range(256)) * 4,
}


def _history(run_ids: list[str]) -> pl.DataFrame:
    rows = [
        (r, f"2026-11-{i + 1:02d}T06:00:00", "metrics.rate_le_100", i % 3 != 0) for i, r in enumerate(run_ids)
    ]
    return pl.DataFrame(rows, schema=["run_id", "started_at", "expectation", "success"], orient="row")


def main(argv: list[str] | None = None) -> int:
    """Write OUT_DIR/clean/latest.html and OUT_DIR/bad/latest.html."""
    out = Path((argv or sys.argv[1:])[0])
    no_waivers = pl.DataFrame(schema=WAIVERS)
    out = out.resolve()
    with chdir(SEEDS.parent):  # paths in the report read raw/..., as in a real run
        seeds = sorted(f"raw/{p.name}" for p in SEEDS.glob("*.txt"))
        clean = validate(parse_batch(seeds).frames(), run_id="example-clean", waivers=no_waivers)
    write_report(clean, reports_dir=out / "clean", history=_history([f"run-{i:02d}" for i in range(12)]),
                 waivers=no_waivers)  # fmt: skip
    with tempfile.TemporaryDirectory() as tmp:
        raw = Path(tmp) / "raw"
        shutil.copytree(SEEDS, raw)
        for name, data in BAD_PAGES.items():
            (raw / name).write_bytes(data)
        with chdir(tmp):
            paths = sorted(f"raw/{p.name}" for p in raw.glob("*.txt"))
            bad = validate(parse_batch(paths).frames(), run_id="example-bad", waivers=no_waivers)
    earlier = pl.DataFrame({
        "run_id": ["run-11"], "metric_id": ["0000000000000000:10:14"], "expectation": ["metrics.unit_known"],
        "severity": ["quarantine"], "reason": ["50公斤斤: unknown unit 公斤斤"], "row_json": ["{}"],
        "text": ["50公斤斤"], "sentence": ["全年收购粮食50公斤斤。"], "path": ["raw/older_page.txt"],
    })  # fmt: skip
    write_report(bad, reports_dir=out / "bad", history=_history([f"run-{i:02d}" for i in range(12)]),
                 open_quarantines=earlier, waivers=no_waivers)  # fmt: skip
    print(out / "clean" / "latest.html", clean.counts)
    print(out / "bad" / "latest.html", bad.counts)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
