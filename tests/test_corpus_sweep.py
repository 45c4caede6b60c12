"""Sweep the shared corpus through every stage up to the quality gate: no exception, no file lost,
offsets exact, and a summary of repairs and quarantines per source.

`make test` sweeps all of ``*/real`` plus every 10th file of ``*/bench`` (deterministic, ~8 MB);
`make sweep` (``MINSHENG_FULL_SWEEP=1``) sweeps all 1,528 files (42 MB). The summary is printed and
written to ``var/bench/results/sweep.json``.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from pathlib import Path

import polars as pl
import pytest

ROOT = Path(__file__).resolve().parents[1]
CORPUS = Path(os.environ.get("MINSHENG_CORPUS", ROOT.parent / "shared" / "corpus"))
FULL = os.environ.get("MINSHENG_FULL_SWEEP") == "1"
BENCH_EVERY = 1 if FULL else 10
BATCH = 64

pytestmark = pytest.mark.skipif(not CORPUS.is_dir(), reason=f"no corpus at {CORPUS}")


def corpus_files() -> dict[str, list[Path]]:
    """source/set -> files, sorted; bench sampled every BENCH_EVERY-th file unless FULL."""
    out: dict[str, list[Path]] = {}
    for folder in sorted(p for p in CORPUS.glob("*/*") if p.is_dir()):
        files = sorted(folder.glob("*.txt"))
        if folder.name == "bench":
            files = files[::BENCH_EVERY]
        if files:
            out[f"{folder.parent.name}/{folder.name}"] = files
    return out


def sweep_source(key: str, files: list[Path]) -> dict:
    """Every batch through the one parse chain (transforms.parse) and the gate, checked as it goes."""
    from expectations.result import empty_result
    from expectations.runner import validate
    from transforms.parse import parse_batch

    totals = empty_result(f"sweep-{key.replace('/', '-')}")
    repairs: Counter[str] = Counter()
    errors: list[tuple[str, str]] = []
    sentences = metrics = capped = 0
    for i in range(0, len(files), BATCH):
        paths = [str(p) for p in files[i : i + BATCH]]
        parsed = parse_batch(paths)
        assert parsed.files["path"].to_list() == paths, "ingest lost or reordered files"
        documents = parsed.documents
        assert sorted(documents["path"].unique().to_list()) == sorted(paths), "normalise lost a file"
        text = dict(zip(documents["sha256"], documents["text"], strict=True))
        bad = [
            r
            for r in parsed.sentences.iter_rows(named=True)
            if text[r["sha256"]][r["char_start"] : r["char_end"]] != r["text"]
        ]
        assert not bad, f"sentence offsets wrong in {bad[0]['path']}"
        bad = [
            m
            for m in parsed.metrics.iter_rows(named=True)
            if text[m["sha256"]][m["char_start"] : m["char_end"]] != m["text"]
        ]
        assert not bad, f"metric span not at its offsets in {bad[0]['path']}: {bad[0]['text']!r}"
        for r in documents["repairs"].drop_nulls():
            repairs.update(json.loads(r))
        errors += parsed.files.filter(pl.col("error").is_not_null()).select("name", "error").rows()
        sentences += parsed.sentences.height
        metrics += parsed.metrics.height
        capped += parsed.warnings.height
        totals = totals.merge(validate(parsed.frames(), run_id=totals.run_id))
    return {
        "files": len(files),
        "mb": round(sum(p.stat().st_size for p in files) / 1e6, 2),
        "file_errors": errors,
        "sentences": sentences,
        "metrics": metrics,
        "capped": capped,
        "quarantined": int(totals.counts.get("quarantined", 0)),
        "blocked": bool(totals.blocked),
        "warnings": int(totals.warnings),
        "repairs": dict(repairs.most_common()),
    }


def test_corpus_sweep(capsys: pytest.CaptureFixture) -> None:
    summary = {key: sweep_source(key, files) for key, files in corpus_files().items()}
    out = ROOT / "var" / "bench" / "results" / ("sweep-full.json" if FULL else "sweep.json")
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(summary, ensure_ascii=False, indent=2), encoding="utf-8")
    with capsys.disabled():
        print(f"\ncorpus sweep ({'full' if FULL else f'real + every {BENCH_EVERY}th bench file'}) -> {out}")
        for key, s in summary.items():
            top = ", ".join(f"{k} {v}" for k, v in list(s["repairs"].items())[:4])
            print(f"  {key:<44}{s['files']:>5} files {s['mb']:>6} MB {s['metrics']:>7} metrics "
                  f"{s['quarantined']:>5} quarantined  errors {len(s['file_errors'])}  {'BLOCKED ' if s['blocked'] else ''}"
                  f"repairs: {top}")  # fmt: skip
    # Every corpus file is real UTF-8 text: none may fail to read or decode, none is metric-dense.
    assert not {k: s["file_errors"] for k, s in summary.items() if s["file_errors"]}
    assert not {k: s["capped"] for k, s in summary.items() if s["capped"]}
    assert sum(s["files"] for s in summary.values()) == sum(len(v) for v in corpus_files().values())
