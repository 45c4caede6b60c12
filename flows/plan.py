"""Planning a run without Prefect: which raw files are new, changed or unchanged, and what a run did.

Kept apart from the flow so ``minsheng run`` can see, before paying for Prefect's server start, that
nothing under raw/ changed -- the common case for a scheduled run -- and record that in the warehouse.
"""

from __future__ import annotations

import dataclasses
import os
import time
import uuid
from datetime import UTC, datetime

import polars as pl

from flows import settings as cfg
from transforms.ingest import file_sha256
from transforms.parse import PARSER_VERSION


@dataclasses.dataclass
class RunSummary:
    """What a run did; printed by the CLI and published as the run's markdown artifact."""

    run_id: str
    status: str  # loaded | nothing-new | blocked | failed (audit_load_run.status)
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
    files_reparsed: int = 0  # unchanged content, parsed again because the rules changed
    capped: list[tuple[str, str]] = dataclasses.field(default_factory=list)  # (path, what the caps left out)
    stories: int = 0
    sentences: int = 0
    metrics_extracted: int = 0
    metrics_loaded: int = 0
    metrics_quarantined: int = 0
    warnings: int = 0
    report_path: str | None = None
    seconds: float = 0.0

    def note_plan(self, plan: Plan) -> None:
        """Copy the plan's file counts."""
        self.files_seen, self.files_new, self.files_changed = plan.seen, plan.new, plan.changed
        self.files_renamed, self.files_unchanged, self.files_reparsed = (
            plan.renamed,
            plan.unchanged,
            plan.reparse,
        )

    def counts(self) -> dict[str, int]:
        """The audit_load_run counts of a run that loaded nothing (nothing new, blocked, failed)."""
        return {
            "files_seen": self.files_seen, "files_new": self.files_new, "files_changed": self.files_changed,
            "files_renamed": self.files_renamed, "files_unchanged": self.files_unchanged,
            "files_failed": self.files_failed, "metrics_extracted": self.metrics_extracted,
            "metrics_loaded": 0, "metrics_quarantined": self.metrics_quarantined, "warnings": self.warnings,
        }  # fmt: skip

    def markdown(self) -> str:
        rows = [
            ("status", self.status),
            (
                "files seen / new / changed / unchanged / failed",
                f"{self.files_seen} / {self.files_new} / {self.files_changed} / {self.files_unchanged} / "
                f"{self.files_failed}",
            ),
            ("stories", self.stories),
            ("sentences", self.sentences),
            (
                "metrics extracted / loaded / quarantined",
                f"{self.metrics_extracted} / {self.metrics_loaded} / {self.metrics_quarantined}",
            ),
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
        if self.capped:
            lines += ["", "## Metrics left out by the caps", ""]
            lines += [f"- `{path}`: {detail}" for path, detail in self.capped]
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
    reparse: int = 0  # known (path, content) parsed by older rules: parsed again


def plan_files(paths: list[str], known: pl.DataFrame, parser_version: str = PARSER_VERSION) -> Plan:
    """Split inputs by (path, sha256) against the warehouse; known (path, content) is never re-parsed
    unless the warehouse says older rules parsed it (``known.parser_version`` differs).

    new: path and content never seen; changed: known path, new content; renamed: known content at a new
    path (parsed again so the loader can record the path; its facts are not duplicated); reparse: known
    (path, content) whose parser version is not ``parser_version``. A file whose bytes cannot even be
    read for hashing stays in the plan: ingest records why.
    """
    rows = bool(known.height) and "parser_version" in known.columns
    known_abs = [os.path.abspath(p) for p in known["path"].to_list()] if known.height else []
    versions = (
        dict(zip(zip(known_abs, known["sha256"].to_list(), strict=True),
                 known["parser_version"].to_list(), strict=True))
        if rows else {}
    )  # fmt: skip
    pairs = set(zip(known_abs, known["sha256"].to_list(), strict=True)) if known.height else set()
    known_paths = {p for p, _ in pairs}
    known_shas = {h for _, h in pairs}
    todo: list[str] = []
    new = changed = renamed = unchanged = reparse = 0
    for given in paths:
        path = os.path.abspath(given)  # the warehouse stores absolute paths (warehouse.load.source_path)
        sha = file_sha256(given)  # hashed the way ingest reads: no link out of raw/, no blocking FIFO
        if (path, sha) in pairs:
            if not rows or versions.get((path, sha)) == parser_version:
                unchanged += 1
                continue
            reparse += 1
        elif path in known_paths:
            changed += 1
        elif sha in known_shas:
            renamed += 1
        else:
            new += 1
        todo.append(given)
    return Plan(
        todo=todo,
        seen=len(paths),
        new=new,
        changed=changed,
        renamed=renamed,
        unchanged=unchanged,
        reparse=reparse,
    )


class PreflightError(RuntimeError):
    """The run cannot start: missing or empty raw directory, unwritable warehouse directory (exit 1)."""


def preflight(settings: cfg.Settings) -> list[str]:
    """Check what makes a run pointless or doomed before paying for Prefect; the raw files found.

    An empty raw directory is an error, not 'nothing new': it is what an unmounted share looks like,
    and treating it as a quiet success would hide the outage (and retire every file's facts).
    """
    from transforms.ingest import list_raw

    raw = settings.raw_dir
    if not raw.is_dir():
        what = "is not a directory" if raw.exists() else "not found"
        raise PreflightError(f"raw directory {what}: {raw}")
    paths = list_raw(raw)
    if not paths:
        raise PreflightError(f"raw directory is empty: {raw} (an unmounted share?); nothing was done")
    wh = settings.warehouse_path
    directory = wh.parent
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise PreflightError(f"cannot create the warehouse directory {directory}: {exc.strerror}") from None
    if not os.access(directory, os.W_OK | os.X_OK):
        raise PreflightError(
            f"the warehouse directory is not writable: {directory} (loads write a new file "
            "beside the warehouse and rename it into place)"
        )
    if wh.exists() and not wh.is_file():
        raise PreflightError(f"the warehouse path is not a file: {wh}")
    return paths


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
        summary = RunSummary(
            run_id=run_id,
            status="nothing-new",
            raw_dir=str(settings.raw_dir),
            warehouse_path=str(wh),
            files_seen=plan.seen,
            files_unchanged=plan.unchanged,
        )
        record_run(
            wh,
            run_id=run_id,
            flow_run_id=None,
            started_at=started_at,
            status="nothing-new",
            message=f"nothing new under {settings.raw_dir} (checked before starting the flow)",
            report_path=None,
            counts={
                "files_seen": plan.seen,
                "files_new": 0,
                "files_changed": 0,
                "files_renamed": 0,
                "files_unchanged": plan.unchanged,
                "files_failed": 0,
                "metrics_extracted": 0,
                "metrics_loaded": 0,
                "metrics_quarantined": 0,
                "warnings": 0,
            },
            raw_dir=str(settings.raw_dir),
        )
    summary.seconds = time.perf_counter() - t0
    return summary
