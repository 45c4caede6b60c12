"""Planning a run without Prefect: which raw files are new, changed or unchanged, and what a run did.

Kept apart from the flow so ``minsheng run`` can see, before paying for Prefect's server start, that
nothing under raw/ changed -- the common case for a scheduled run -- and record that in the warehouse.
"""

from __future__ import annotations

import dataclasses
import hashlib
import time
import uuid
from datetime import UTC, datetime

import polars as pl

from flows import settings as cfg


@dataclasses.dataclass
class RunSummary:
    """What a run did; printed by the CLI and published as the run's markdown artifact."""

    run_id: str
    status: str  # loaded | nothing-new | blocked (audit_load_run.status)
    raw_dir: str
    warehouse_path: str
    flow_run_id: str | None = None
    files_seen: int = 0
    files_new: int = 0
    files_changed: int = 0
    files_renamed: int = 0
    files_unchanged: int = 0
    files_failed: int = 0
    failed: list[tuple[str, str]] = dataclasses.field(default_factory=list)  # (path, error)
    stories: int = 0
    sentences: int = 0
    metrics_extracted: int = 0
    metrics_loaded: int = 0
    metrics_quarantined: int = 0
    warnings: int = 0
    report_path: str | None = None
    seconds: float = 0.0

    def markdown(self) -> str:
        rows = [
            ("status", self.status),
            ("files seen / new / changed / unchanged / failed",
             f"{self.files_seen} / {self.files_new} / {self.files_changed} / {self.files_unchanged} / "
             f"{self.files_failed}"),
            ("stories", self.stories),
            ("sentences", self.sentences),
            ("metrics extracted / loaded / quarantined",
             f"{self.metrics_extracted} / {self.metrics_loaded} / {self.metrics_quarantined}"),
            ("quality warnings", self.warnings),
            ("report", self.report_path or "-"),
            ("warehouse", self.warehouse_path),
            ("seconds", f"{self.seconds:.1f}"),
        ]
        lines = [f"# Minsheng ETL run `{self.run_id}`", "", "| | |", "|---|---|"]
        lines += [f"| {k} | {v} |" for k, v in rows]
        if self.failed:
            lines += ["", "## Files that could not be read", ""]
            lines += [f"- `{path}`: {error}" for path, error in self.failed]
        return "\n".join(lines) + "\n"


@dataclasses.dataclass
class Plan:
    """Which raw files need parsing, decided by content hash against the warehouse."""

    todo: list[str]
    seen: int
    new: int
    changed: int
    renamed: int
    unchanged: int


@dataclasses.dataclass
class Parsed:
    """The frames of one batch (or of the whole run once concatenated)."""

    files: pl.DataFrame
    documents: pl.DataFrame
    stories: pl.DataFrame
    sentences: pl.DataFrame
    metrics: pl.DataFrame
    relations: pl.DataFrame


def _sha256(path: str) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def plan_files(paths: list[str], known: pl.DataFrame) -> Plan:
    """Split inputs by (path, sha256) against the warehouse; known (path, content) is never re-parsed.

    new: path and content never seen; changed: known path, new content; renamed: known content at a new
    path (parsed again so the loader can record the path; its facts are not duplicated). A file whose
    bytes cannot even be read for hashing stays in the plan: ingest records why.
    """
    pairs = set(zip(known["path"].to_list(), known["sha256"].to_list(), strict=True)) if known.height else set()
    known_paths = {p for p, _ in pairs}
    known_shas = {h for _, h in pairs}
    todo: list[str] = []
    new = changed = renamed = unchanged = 0
    for path in paths:
        try:
            sha = _sha256(path)
        except OSError:
            sha = None
        if (path, sha) in pairs:
            unchanged += 1
            continue
        todo.append(path)
        if path in known_paths:
            changed += 1
        elif sha in known_shas:
            renamed += 1
        else:
            new += 1
    return Plan(todo=todo, seen=len(paths), new=new, changed=changed, renamed=renamed, unchanged=unchanged)


def record_if_nothing_new(settings: cfg.Settings) -> RunSummary | None:
    """If the warehouse already holds every file under raw/ unchanged, record a 'nothing-new' run and
    return its summary; else None (the flow must run). Raises ``LoadLocked`` like the flow does."""
    from transforms.ingest import list_raw
    from warehouse.load import known_files, record_run
    from warehouse.lock import load_lock

    wh = settings.warehouse_path
    if not wh.exists():
        return None
    t0 = time.perf_counter()
    started_at = datetime.now(UTC)
    run_id = started_at.strftime("%Y%m%dT%H%M%SZ-") + uuid.uuid4().hex[:8]
    with load_lock(wh, settings.wait_seconds, run_id=run_id):
        paths = list_raw(settings.raw_dir)
        plan = plan_files(paths, known_files(wh))
        if plan.todo or not paths:
            return None
        summary = RunSummary(run_id=run_id, status="nothing-new", raw_dir=str(settings.raw_dir),
                             warehouse_path=str(wh), files_seen=plan.seen, files_unchanged=plan.unchanged)
        record_run(wh, run_id=run_id, flow_run_id=None, started_at=started_at, status="nothing-new",
                   message=f"nothing new under {settings.raw_dir} (checked before starting the flow)",
                   report_path=None, counts={"files_seen": plan.seen, "files_new": 0, "files_changed": 0, "files_renamed": 0,
                           "files_unchanged": plan.unchanged, "files_failed": 0, "metrics_extracted": 0,
                           "metrics_loaded": 0, "metrics_quarantined": 0, "warnings": 0},
                   raw_dir=str(settings.raw_dir))
    summary.seconds = time.perf_counter() - t0
    return summary


