"""`make bench`: per-stage throughput and memory of the pipeline, with reference points from the same run.

Absolute MB/s depend on the machine, so every stage metric is also reported as a ratio to two
references measured in the same process on the same text: a plain Python ``re`` scan with a
metric-like regex (what "just finding numbers" costs) and OpenCC alone on the Traditional slice
(what conversion costs). Inputs are ``../shared/corpus/*/bench`` (Simplified) and a Traditional
slice made from it with OpenCC s2t (python backend, so it is the same on every machine), both
copied under ``var/bench/cache/`` so that the stage run and the Prefect run read the same directory.

Memory: whole-run peak is ``getrusage(RUSAGE_SELF).ru_maxrss``; per-stage peak is the maximum of
``/proc/self/statm`` RSS sampled every 10 ms while the stage runs (why, and why ratios to
references: docs/decisions/0016-bench-reference-points.md).

The run is streamed like the flow's: per batch the one parse chain (``transforms.parse.parse_batch``,
timed stage by stage through its ``timer`` hook: ingest, normalise, extract + enrich); per gate
window of batches (``flows.gate.windows``, as the flow) the gate and staging into the loader's
working copy; then the report and one publish. The
end-to-end metric is ``minsheng run`` as a subprocess (its own ephemeral Prefect server), run twice:
the second run sees unchanged input; its peak RSS is what ``/usr/bin/time`` reports (``%M``, the
largest process of the run's tree, the Prefect server included).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("DO_NOT_TRACK", "1")

ROOT = Path(__file__).resolve().parents[1]
CORPUS = Path(os.environ.get("MINSHENG_CORPUS", ROOT.parent / "shared" / "corpus"))
CACHE = ROOT / "var" / "bench" / "cache"  # flows.settings.bench_dir(); git-ignored
RESULTS = ROOT / "var" / "bench" / "results"
STAGES = ("ingest", "normalise", "extract", "validate", "load")
# A metric-like pattern for the reference scan: [bound] number [multiplier] unit.
REFERENCE_RE = re.compile(
    r"(?:近|约|超过?|逾|突破)?\d+(?:[.,]\d+)*(?:余|多)?[万亿千]?"
    r"(?:人次|件|户|人|名|个|项|场|次|家|所|亩|吨|元|公里|米|平方米|%|％|倍|天|小时)"
)


# --------------------------------------------------------------------------------------- memory


def rss_mb() -> float:
    """Current resident set size in MB (Linux /proc; falls back to the peak elsewhere)."""
    try:
        with open("/proc/self/statm") as fh:
            return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1e6
    except OSError:
        return peak_rss_mb()


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e3  # KiB on Linux


class Stage:
    """Accumulated wall time, process CPU time and sampled peak RSS of one stage over all its batches.

    CPU time (all threads of the process) is kept beside wall time because on a shared machine wall
    time measures the neighbours as much as the code."""

    def __init__(self, name: str) -> None:
        self.name, self.seconds, self.cpu_seconds, self.peak_mb = name, 0.0, 0.0, 0.0

    @contextmanager
    def timed(self) -> Iterator[None]:
        stop = threading.Event()

        def sample() -> None:
            while not stop.wait(0.01):
                self.peak_mb = max(self.peak_mb, rss_mb())

        sampler = threading.Thread(target=sample, daemon=True)
        self.peak_mb = max(self.peak_mb, rss_mb())
        sampler.start()
        t0, c0 = time.perf_counter(), time.process_time()
        try:
            yield
        finally:
            self.seconds += time.perf_counter() - t0
            self.cpu_seconds += time.process_time() - c0
            stop.set()
            sampler.join()
            self.peak_mb = max(self.peak_mb, rss_mb())


# --------------------------------------------------------------------------------------- inputs


def bench_sources(limit_mb: float | None) -> list[Path]:
    """The bench files in a stable order, cut at ``limit_mb`` of raw bytes."""
    paths = sorted(CORPUS.glob("*/bench/*.txt"))
    if not paths:
        raise SystemExit(f"no bench corpus under {CORPUS}/*/bench (set MINSHENG_CORPUS)")
    out, size = [], 0
    for p in paths:
        if limit_mb is not None and size >= limit_mb * 1e6:
            break
        out.append(p)
        size += p.stat().st_size
    return out


def _key(paths: list[Path], extra: str = "") -> str:
    h = hashlib.sha256(extra.encode())
    for p in paths:
        h.update(f"{p.name}\0{p.stat().st_size}\0".encode())
    return h.hexdigest()[:12]


def _publish(target: Path, build: Callable[[Path], None]) -> Path:
    """Build a cache directory once (in a temp sibling, then rename): an interrupted run leaves no half."""
    if target.is_dir():
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=target.name + ".", dir=target.parent))
    try:
        build(tmp)
        tmp.rename(target)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return target


def simplified_dir(sources: list[Path], scale: int) -> Path:
    """A raw/ directory of the chosen bench files; ``scale`` > 1 adds copies made distinct by a
    trailing line (so their sha256 differ and nothing is skipped as already loaded)."""

    def build(tmp: Path) -> None:
        for p in sources:
            shutil.copyfile(p, tmp / p.name)
            for k in range(1, scale):
                data = p.read_bytes() + f"\n副本{k}\n".encode()
                (tmp / f"{p.stem}_copy{k}{p.suffix}").write_bytes(data)

    return _publish(CACHE / f"simplified-{_key(sources, f'x{scale}')}", build)


def traditional_dir(sources: list[Path], mb: float) -> Path:
    """OpenCC s2t of the first ``mb`` MB of the bench files, made once with the python backend."""
    chosen, size = [], 0
    for p in sources:
        if size >= mb * 1e6:
            break
        chosen.append(p)
        size += p.stat().st_size

    def build(tmp: Path) -> None:
        from transforms.text.opencc_backend import _python

        s2t = _python("s2t")
        for p in chosen:
            (tmp / p.name).write_text(s2t.convert(p.read_text(encoding="utf-8")), encoding="utf-8")

    return _publish(CACHE / f"traditional-{_key(chosen, f'{mb}')}", build)


def read_texts(raw: Path) -> tuple[list[str], int]:
    paths = sorted(raw.glob("*.txt"))
    return [p.read_text(encoding="utf-8", errors="replace") for p in paths], sum(
        p.stat().st_size for p in paths
    )


# ------------------------------------------------------------------------------------ references


def reference_re(raw: Path) -> dict[str, Any]:
    """The ``re`` scan, one file at a time (reading is not timed): holding the whole corpus as text
    would set the bench's peak memory by the corpus size, which is what the run must not do."""
    secs, cpu, hits, nbytes = 0.0, 0.0, 0, 0
    for path in sorted(raw.glob("*.txt")):
        text = path.read_text(encoding="utf-8", errors="replace")
        nbytes += path.stat().st_size
        t0, c0 = time.perf_counter(), time.process_time()
        hits += len(REFERENCE_RE.findall(text))
        secs += time.perf_counter() - t0
        cpu += time.process_time() - c0
    return {"seconds": secs, "cpu_seconds": cpu, "mb_s": nbytes / 1e6 / secs, "matches": hits}


def reference_opencc(texts: list[str], nbytes: int) -> dict[str, Any]:
    from transforms.text.opencc_backend import backend_name, converter

    conv = converter("t2s")
    secs = float("inf")
    for _ in range(2):  # best of two: the first pass also pays lazy dictionary loading
        t0 = time.perf_counter()
        for t in texts:
            conv.convert(t)
        secs = min(secs, time.perf_counter() - t0)
    return {"seconds": secs, "mb_s": nbytes / 1e6 / secs, "backend": backend_name()}


# ---------------------------------------------------------------------------------------- stages


def _batches(items: list[str], size: int) -> Iterator[list[str]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def run_stages(raw: Path, batch_size: int, workdir: Path, gate_window: int | None = None) -> dict[str, Any]:
    """Ingest -> publish over ``raw`` streamed like the flow: per batch the one parse chain
    (``transforms.parse.parse_batch``, timed stage by stage through its ``timer`` hook); per gate
    window of batches the gate and staging into the loader's working copy; then the report and one
    publish."""
    from flows.gate import GateTotals, validate_batch, windows, write_run_report
    from flows.gate import gate_window as window_metrics
    from flows.staging import batch_gate, open_loader
    from transforms.ingest import list_raw
    from transforms.parse import parse_batch
    from warehouse.load import RunOutcome

    stages = {name: Stage(name) for name in STAGES}

    def timer(stage: str) -> Any:
        return stages[stage].timed()

    with stages["ingest"].timed():
        paths = list_raw(raw)
    run_id = f"bench-{datetime.now(UTC):%Y%m%dT%H%M%S}"
    totals = GateTotals(run_id)
    counts = dict.fromkeys(("files", "documents", "stories", "sentences", "metrics", "relations"), 0)
    warehouse = workdir / "minsheng.duckdb"
    warehouse.parent.mkdir(parents=True, exist_ok=True)
    with ExitStack() as stack:
        with stages["load"].timed():
            loader = stack.enter_context(
                open_loader(
                    warehouse, run_id=run_id, flow_run_id=None, started_at=datetime.now(UTC), raw_dir=str(raw)
                )
            )

        def parsed_batches() -> Iterator[Any]:
            for batch in _batches(paths, batch_size):
                parsed = parse_batch(batch, timer=timer)
                for key in counts:
                    counts[key] += getattr(parsed, key).height
                yield parsed

        window_size = window_metrics(gate_window)
        n_windows = 0
        for window, _n in windows(parsed_batches(), window_size):
            with stages["validate"].timed():
                gate = validate_batch(window, run_id=run_id)
                totals.add(gate)
            with stages["load"].timed():
                loader.stage(window, batch_gate(gate))
            n_windows += 1
            del window, gate
        with stages["validate"].timed():
            report_path = write_run_report(totals, reports_dir=workdir / "reports", warehouse_path=warehouse)
        with stages["load"].timed():
            loader.record_audit(None, totals.results())
            loader.retire_missing(paths, str(raw))
            outcome = RunOutcome(status="loaded", report_path=report_path, warnings=totals.warnings)
            load_result = loader.publish(outcome)
    nbytes = sum(p.stat().st_size for p in map(Path, paths))
    metrics = counts["metrics"]
    out: dict[str, Any] = {"files": len(paths), "bytes": nbytes, "counts": counts, "stages": {}}
    out["gate_windows"] = {"metrics": window_size, "windows": n_windows}
    out["warehouse_bytes"] = warehouse.stat().st_size if warehouse.exists() else None
    out["warehouse_over_raw"] = None if out["warehouse_bytes"] is None else out["warehouse_bytes"] / nbytes
    for s in stages.values():
        out["stages"][s.name] = _rates(s.seconds, nbytes, len(paths), metrics) | {
            "peak_rss_mb": s.peak_mb,
            "cpu_seconds": s.cpu_seconds,
        }
    total = sum(s.seconds for s in stages.values())
    out["total"] = _rates(total, nbytes, len(paths), metrics) | {
        "peak_rss_mb": peak_rss_mb(),
        "cpu_seconds": sum(s.cpu_seconds for s in stages.values()),
    }
    ne = stages["normalise"].seconds + stages["extract"].seconds
    out["normalise_extract"] = _rates(ne, nbytes, len(paths), metrics)
    out["gate"] = {"blocked": totals.blocked, "warnings": totals.warnings, "quarantined": totals.quarantined}
    out["load_result"] = repr(load_result)[:300]
    return out


def _rates(seconds: float, nbytes: int, docs: int, metrics: int) -> dict[str, float]:
    s = max(seconds, 1e-9)
    return {"seconds": seconds, "mb_s": nbytes / 1e6 / s, "docs_s": docs / s, "metrics_s": metrics / s}


# ------------------------------------------------------------------------------------ end to end


def run_flow(raw: Path, workdir: Path, batch_size: int) -> dict[str, Any]:
    """`minsheng run` twice on the same input (second run: nothing changed) and once on one tiny
    file (the fixed cost of interpreter + Prefect start-up, subtracted for the 'excluding' metric)."""
    exe = Path(sys.executable).with_name("minsheng")
    cmd = [str(exe)] if exe.exists() else [sys.executable, "-m", "flows.cli"]
    env = {**os.environ, "MINSHENG_BATCH_SIZE": str(batch_size), "PREFECT_LOGGING_LEVEL": "WARNING"}
    tiny = workdir / "tiny-raw"
    tiny.mkdir(exist_ok=True)
    (tiny / "tiny.txt").write_text("今年共收集群众诉求12件。\n", encoding="utf-8")

    def once(raw_dir: Path, warehouse: Path) -> dict[str, Any]:
        t0 = time.perf_counter()
        run = [*cmd, "run", "--raw", str(raw_dir), "--warehouse", str(warehouse), "--no-progress"]
        with tempfile.NamedTemporaryFile(suffix=".rss") as rss:
            # /usr/bin/time measures its own child, forked from a small process: a child forked from
            # this (large) bench process would report the bench's RSS as its own peak.
            timed = (
                ["/usr/bin/time", "-o", rss.name, "-f", "%M", *run] if Path("/usr/bin/time").exists() else run
            )
            proc = subprocess.run(timed, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=ROOT)
            peak = rss.read().decode().strip().splitlines()
        return {
            "seconds": time.perf_counter() - t0,
            "exit_code": proc.returncode,
            "peak_rss_mb": int(peak[-1]) / 1e3 if peak and peak[-1].isdigit() else None,
            "stderr_tail": proc.stderr[-600:].decode("utf-8", "replace"),
        }

    first = once(raw, workdir / "e2e" / "minsheng.duckdb")
    second = once(raw, workdir / "e2e" / "minsheng.duckdb")
    fixed = once(tiny, workdir / "tiny" / "minsheng.duckdb")
    nbytes = sum(p.stat().st_size for p in raw.glob("*.txt"))
    work = max(first["seconds"] - fixed["seconds"], 1e-9)
    return {
        "first": first,
        "second_unchanged": second,
        "startup_tiny_run": fixed,
        "second_over_first": second["seconds"] / first["seconds"],
        "mb_s_including_startup": nbytes / 1e6 / first["seconds"],
        "mb_s_excluding_startup": nbytes / 1e6 / work,
    }


# ----------------------------------------------------------------------------------------- main


def _print(title: str, res: dict[str, Any], ref: dict[str, Any]) -> None:
    print(
        f"\n{title}: {res['files']} files, {res['bytes'] / 1e6:.1f} MB, {res['counts'].get('metrics', 0)} metrics"
    )
    print(
        f"  {'stage':<18}{'s':>8}{'MB/s':>9}{'docs/s':>9}{'figs/s':>10}{'peakMB':>9}{'x re':>8}"
        f"{'cpu s':>8}{'x re cpu':>9}"
    )
    re_cpu = max(ref["re"].get("cpu_seconds", 0.0), 1e-9)
    rows = [
        *res["stages"].items(),
        ("normalise+extract", res["normalise_extract"]),
        ("whole run", res["total"]),
    ]
    for name, r in rows:
        peak, cpu = r.get("peak_rss_mb"), r.get("cpu_seconds")
        print(
            f"  {name:<18}{r['seconds']:>8.2f}{r['mb_s']:>9.1f}{r['docs_s']:>9.0f}{r['metrics_s']:>10.0f}"
            f"{(f'{peak:.0f}' if peak else '-'):>9}{r['seconds'] / ref['re']['seconds']:>8.1f}"
            + (f"{cpu:>8.2f}{cpu / re_cpu:>9.1f}" if cpu is not None else "")
        )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="minsheng-bench", description=__doc__.split("\n\n")[0])
    ap.add_argument(
        "--limit-mb", type=float, default=None, help="use only the first N MB of the bench corpus"
    )
    ap.add_argument("--skip-traditional", action="store_true", help="skip the Traditional slice")
    ap.add_argument("--traditional-mb", type=float, default=5.0, help="size of the Traditional slice (MB)")
    ap.add_argument("--batch-size", type=int, default=None, help="files per batch (default: the flow's)")
    ap.add_argument(
        "--gate-window", type=int, default=None, help="metrics per gate window (default: the flow's)"
    )
    ap.add_argument("--scale", type=int, default=1, help="repeat the corpus N times (memory must stay flat)")
    ap.add_argument("--skip-flow", action="store_true", help="skip the end-to-end `minsheng run` timing")
    ap.add_argument("--out", type=Path, default=RESULTS / "latest.json")
    args = ap.parse_args(argv)

    if args.batch_size is None:
        try:
            from flows.settings import load_settings

            args.batch_size = load_settings().batch_size
        except Exception:
            args.batch_size = 64
    from transforms.text.opencc_backend import backend_name

    sources = bench_sources(args.limit_mb)
    simp = simplified_dir(sources, args.scale)
    trad = None if args.skip_traditional else traditional_dir(sources, args.traditional_mb)
    print(f"OpenCC backend: {backend_name()}; batch size {args.batch_size}; corpus {simp}")

    report: dict[str, Any] = {
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": {
            "cpus": os.cpu_count(),
            "python": platform.python_version(),
            "platform": platform.platform(),
        },
        "opencc_backend": backend_name(),
        "batch_size": args.batch_size,
        "memory_method": "whole run: getrusage ru_maxrss; per stage: max of /proc/self/statm RSS sampled every 10 ms",
        "inputs": {},
    }
    sets = [("simplified", simp)] + ([("traditional", trad)] if trad else [])
    with tempfile.TemporaryDirectory(prefix="minsheng-bench-") as tmp:
        for name, raw in sets:
            ref = {"re": reference_re(raw)}
            if name == "traditional":
                texts, nbytes = read_texts(raw)  # a fixed-size slice (--traditional-mb)
                ref["opencc"] = reference_opencc(texts, nbytes)
                del texts
            res = run_stages(raw, args.batch_size, Path(tmp) / name, args.gate_window)
            res["reference"] = ref
            res["ratios"] = {
                f"{stage}_over_re": res["stages"][stage]["seconds"] / ref["re"]["seconds"] for stage in STAGES
            } | {"total_over_re": res["total"]["seconds"] / ref["re"]["seconds"]}
            re_cpu = max(ref["re"]["cpu_seconds"], 1e-9)
            res["ratios"] |= {
                f"{stage}_cpu_over_re_cpu": res["stages"][stage]["cpu_seconds"] / re_cpu for stage in STAGES
            } | {"total_cpu_over_re_cpu": res["total"]["cpu_seconds"] / re_cpu}
            if "opencc" in ref:
                res["ratios"]["normalise_over_opencc"] = (
                    res["stages"]["normalise"]["seconds"] / ref["opencc"]["seconds"]
                )
                res["ratios"]["normalise_extract_over_opencc"] = (
                    res["normalise_extract"]["seconds"] / ref["opencc"]["seconds"]
                )
            if name == "traditional" and "simplified" in report["inputs"]:
                # What Traditional input costs on top of Simplified, per byte, against OpenCC alone.
                simp_res = report["inputs"]["simplified"]
                expected = simp_res["stages"]["normalise"]["seconds"] * res["bytes"] / simp_res["bytes"]
                extra = res["stages"]["normalise"]["seconds"] - expected
                res["ratios"]["traditional_extra_over_opencc"] = extra / ref["opencc"]["seconds"]
            report["inputs"][name] = res
            _print(name, res, ref)
            gw = res["gate_windows"]
            print(
                f"  gate: {gw['windows']} window(s) of >= {gw['metrics']} metrics;"
                f" warehouse {res['warehouse_bytes'] / 1e6:.1f} MB = {res['warehouse_over_raw']:.2f} x raw"
            )
            print(f"  reference: re scan {ref['re']['mb_s']:.1f} MB/s", end="")
            if "opencc" in ref:
                print(f"; OpenCC alone {ref['opencc']['mb_s']:.2f} MB/s ({ref['opencc']['backend']})", end="")
                print(f"; normalise / OpenCC = {res['ratios']['normalise_over_opencc']:.2f}x", end="")
                if "traditional_extra_over_opencc" in res["ratios"]:
                    extra = res["ratios"]["traditional_extra_over_opencc"]
                    print(f"; extra normalise time of Traditional / OpenCC = {extra:.2f}x", end="")
            print()
        if not args.skip_flow:
            e2e = run_flow(simp, Path(tmp), args.batch_size)
            report["end_to_end"] = e2e
            print(
                f"\nend to end (minsheng run): first {e2e['first']['seconds']:.1f} s (exit {e2e['first']['exit_code']}),"
                f" peak {e2e['first']['peak_rss_mb'] or 0:.0f} MB,"
                f" unchanged re-run {e2e['second_unchanged']['seconds']:.1f} s"
                f" ({100 * e2e['second_over_first']:.0f}%), start-up {e2e['startup_tiny_run']['seconds']:.1f} s;"
                f" {e2e['mb_s_excluding_startup']:.1f} MB/s excluding start-up"
            )
    report["peak_rss_mb"] = peak_rss_mb()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, ensure_ascii=False, indent=2, default=str), encoding="utf-8")
    print(f"\npeak RSS {report['peak_rss_mb']:.0f} MB; wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
