"""The parse commands as a user runs them: subprocesses, real seed files, stdout parsed back."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import REPO

MINSHENG = [sys.executable, "-m", "flows.cli"]


def run(*args: str, cwd: Path = REPO, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*MINSHENG, *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, **(env or {})},
    )


def test_normalise_jsonl_is_clean_and_keeps_the_path_as_given(seed_paths: list[Path]) -> None:
    given = f"raw/{seed_paths[0].name}"
    res = run("normalise", given, "--format", "jsonl")
    assert res.returncode == 0, res.stderr
    rows = [json.loads(line) for line in res.stdout.splitlines()]
    assert rows, "no sentences"
    assert set(rows[0]) == {
        "file",
        "story_ix",
        "para_ix",
        "sent_ix",
        "role",
        "char_start",
        "char_end",
        "text",
    }
    assert {r["file"] for r in rows} == {given}
    assert [r["sent_ix"] for r in rows] == sorted(r["sent_ix"] for r in rows)
    assert all(r["char_end"] - r["char_start"] == len(r["text"]) for r in rows)


def test_extract_formats_agree(seed_paths: list[Path]) -> None:
    files = [str(p) for p in seed_paths]
    res = run("extract", *files, "--format", "jsonl")
    assert res.returncode == 0, res.stderr
    rows = [json.loads(line) for line in res.stdout.splitlines()]
    spec = {"file", "text", "value", "low", "high", "unit", "bound", "sentence"}
    provenance = {
        "char_start",
        "char_end",
        "sha256",
        "unit_kind",
        "subject",
        "topic",
        "region",
        "adcode",
        "area",
        "measure",
        "year_from",
        "year_to",
        "modality",
    }
    assert spec | provenance <= set(rows[0])
    assert {r["file"] for r in rows} <= set(files)
    metrics = {(r["text"], r["value"], r["unit"]) for r in rows}
    assert ("16.1万人次", 161000.0, "人次") in metrics

    as_csv = list(csv.DictReader(io.StringIO(run("extract", *files, "--format", "csv").stdout)))
    assert [r["text"] for r in as_csv] == [r["text"] for r in rows]
    table = run("extract", *files, "--format", "table")
    assert table.returncode == 0 and "16.1万人次" in table.stdout


def test_extract_streams_batches_with_the_same_rows(tmp_path: Path, seed_paths: list[Path]) -> None:
    """A batch at a time (MINSHENG_BATCH_SIZE) prints what one batch prints: one CSV header, every
    row, in file order; a broken file in the middle batch is reported and the others still print."""
    bad = tmp_path / "broken.txt"
    bad.write_bytes(bytes(range(256)) * 64)
    files = [str(seed_paths[0]), str(bad), *map(str, seed_paths[1:])]
    for fmt in ("jsonl", "csv"):
        whole = run("extract", *files, "--format", fmt, env={"MINSHENG_BATCH_SIZE": "64"})
        streamed = run("extract", *files, "--format", fmt, env={"MINSHENG_BATCH_SIZE": "2"})
        assert whole.returncode == streamed.returncode == 1
        assert "broken.txt" in streamed.stderr
        assert streamed.stdout == whole.stdout and streamed.stdout
    header = streamed.stdout.splitlines()[0]
    assert streamed.stdout.count(header + "\n") == 1


def test_unreadable_file_is_reported_and_the_others_still_print(
    tmp_path: Path, seed_paths: list[Path]
) -> None:
    bad = tmp_path / "broken.txt"
    bad.write_bytes(bytes(range(256)) * 64)
    res = run("extract", str(bad), str(seed_paths[1]), "--format", "jsonl")
    assert res.returncode == 1
    assert "broken.txt" in res.stderr
    rows = [json.loads(line) for line in res.stdout.splitlines()]
    assert rows and {r["file"] for r in rows} == {str(seed_paths[1])}


def test_sql_without_a_warehouse_says_so(tmp_path: Path) -> None:
    res = run("sql", "SELECT 1", "--warehouse", str(tmp_path / "none.duckdb"))
    assert res.returncode == 1
    assert "minsheng run" in res.stderr
