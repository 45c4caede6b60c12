"""The one parse chain: raw files -> files -> documents, stories, sentences -> metrics (+ relations), enriched.

Every caller -- the flow's batch task, ``minsheng extract``/``normalise``, the bench and the tests --
goes through :func:`parse_batch` (paths) or :func:`parse_files` (an already-read files frame), so the
stages are chained in exactly one place (dlt's pipeline module is the model). Reading the disk
happens only in :mod:`transforms.ingest`, at the edge; everything after it is pure.

Two guards live here because they concern the chain, not one stage:

- **Metric-dense text** (a page of ``9%9%9%…``) would yield hundreds of thousands of metrics and
  gigabytes of frames. Extraction runs over bounded chunks of sentences, keeps at most
  :data:`MAX_METRICS_PER_SENTENCE` per sentence and :data:`MAX_METRICS_PER_DOCUMENT` per document,
  and reports every cut in :attr:`Parsed.warnings` (one row per file and kind), so memory per batch
  stays bounded and nothing is dropped silently.
- **Parser version**: :data:`PARSER_VERSION` is a hash of the rules' source and lexicon files, so a
  warehouse can record which rules parsed a file version and the planner can re-parse files parsed
  by older rules (a changed lexicon changes the metrics).
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager, nullcontext
from pathlib import Path

import polars as pl

from transforms.schemas import (
    DOCUMENTS,
    FILES,
    METRICS,
    RELATIONS,
    SENTENCES,
    STORIES,
    Schema,
    conform,
    empty,
)

# No real sentence (at most 300 characters, transforms.text.segment) states more metrics than this;
# a page of genuine metrics stays far below the document cap (the bench corpus peaks in the hundreds).
MAX_METRICS_PER_SENTENCE = 64
MAX_METRICS_PER_DOCUMENT = 5_000
# Sentences handed to the metric grammar at once, and their characters: bound the transient tuples
# and frames of one call. A metric takes at least two characters (9%), so a chunk yields at most
# EXTRACT_CHUNK_CHARS / 2 metrics before the caps, however dense its text. Each chunk costs some
# thirty polars operations, so chunks are as large as that bound allows (512 sentences made the
# per-call overhead a third of the stage).
EXTRACT_CHUNK = 8192
EXTRACT_CHUNK_CHARS = 1 << 17

# One row per (file, kind of cut): what the guards above held back, for the report and the summary.
WARNINGS = {
    "path": pl.String,
    "sha256": pl.String,
    "warning": pl.String,  # metrics_per_sentence | metrics_per_document
    "count": pl.Int64,  # metrics (or, for the document cap, sentences) left out
    "detail": pl.String,
}

_PACKAGE = Path(__file__).resolve().parent
_RULE_SUFFIXES = (".py", ".txt", ".csv")


def _parser_version(root: Path = _PACKAGE) -> str:
    """sha256 (12 hex digits) over every rule source and lexicon file under ``transforms/``."""
    digest = hashlib.sha256()
    for path in sorted(p for p in root.rglob("*") if p.suffix in _RULE_SUFFIXES and p.is_file()):
        if "__pycache__" in path.parts:
            continue
        digest.update(path.relative_to(root).as_posix().encode() + b"\0")
        digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()[:12]


PARSER_VERSION = _parser_version()

Timer = Callable[[str], AbstractContextManager[object]]


def _no_timer(_stage: str) -> AbstractContextManager[object]:
    return nullcontext()


@dataclasses.dataclass
class Parsed:
    """The frames of one batch (or of several, concatenated with :func:`concat`)."""

    files: pl.DataFrame
    documents: pl.DataFrame
    stories: pl.DataFrame
    sentences: pl.DataFrame
    metrics: pl.DataFrame
    relations: pl.DataFrame
    warnings: pl.DataFrame = dataclasses.field(default_factory=lambda: empty(WARNINGS))
    parser_version: str = PARSER_VERSION

    def frames(self) -> dict[str, pl.DataFrame]:
        """The frames the quality gate validates, by suite name."""
        return {
            "files": self.files,
            "documents": self.documents,
            "sentences": self.sentences,
            "metrics": self.metrics,
            "relations": self.relations,
        }

    @property
    def failed(self) -> pl.DataFrame:
        """(path, error) of the files that could not be read or decoded."""
        if not self.files.height:
            return pl.DataFrame(schema={"path": pl.String, "error": pl.String})
        return self.files.filter(pl.col("error").is_not_null()).select("path", "error")


def _chunks(sentences: pl.DataFrame, size: int, chars: int) -> Iterator[pl.DataFrame]:
    """Consecutive slices of at most ``size`` sentences and ``chars`` characters (a longer sentence
    is a chunk of its own); a chunk never splits a sentence."""
    lengths = sentences.get_column("text").str.len_chars().fill_null(0).to_list()
    start = total = 0
    for i, n in enumerate(lengths):
        if i > start and (i - start >= size or total + n > chars):
            yield sentences.slice(start, i - start)
            start, total = i, 0
        total += n
    if start < len(lengths):
        yield sentences.slice(start, len(lengths) - start)


Copy = tuple[str, str]  # (sha256, path): one copy of a document; the caps count each copy on its own


def _cut(metrics: pl.DataFrame, done: dict[Copy, int], per_sentence: int, per_document: int) -> pl.DataFrame:
    """Keep the first ``per_sentence`` metrics of each sentence and the first ``per_document`` of each
    document (``done`` holds what earlier chunks kept per copy); adds a ``_cut`` reason column.

    A copy is (sha256, path): the same page under a second path in the batch is capped as it is
    alone, so what it keeps never depends on which other files share its batch."""
    ranked = metrics.with_columns(
        pl.int_range(pl.len()).over("sha256", "path", "sent_ix").alias("_in_sentence"),
    ).with_columns(
        (pl.col("_in_sentence") < per_sentence).alias("_sentence_ok"),
    )
    earlier = pl.DataFrame(
        [(sha, path, n) for (sha, path), n in done.items()],
        schema={"sha256": pl.String, "path": pl.String, "_before": pl.Int64},
        orient="row",
    )
    ranked = (
        ranked.join(earlier, on=["sha256", "path"], how="left", maintain_order="left")
        .with_columns(
            (
                pl.col("_before").fill_null(0)
                + pl.col("_sentence_ok").cast(pl.Int64).cum_sum().over("sha256", "path")
            ).alias("_in_document"),
        )
        .drop("_before")
    )
    return ranked.with_columns(
        pl.when(~pl.col("_sentence_ok"))
        .then(pl.lit("metrics_per_sentence"))
        .when(pl.col("_in_document") > per_document)
        .then(pl.lit("metrics_per_document"))
        .alias("_cut")
    ).drop("_in_sentence", "_sentence_ok", "_in_document")


def _within_caps(metrics: pl.DataFrame, done: dict[Copy, int], per_sentence: int, per_document: int) -> bool:
    """Whether no cap can bind on this chunk (the usual case): then :func:`_cut` would mark nothing,
    and counting in Python over three columns is cheaper than its window expressions."""
    copies = list(
        zip(metrics.get_column("sha256").to_list(), metrics.get_column("path").to_list(), strict=True)
    )
    per_sent = Counter(zip(copies, metrics.get_column("sent_ix").to_list(), strict=True))
    if max(per_sent.values(), default=0) > per_sentence:
        return False
    return all(done.get(copy, 0) + n <= per_document for copy, n in Counter(copies).items())


def extract_capped(
    sentences: pl.DataFrame,
    *,
    per_sentence: int = MAX_METRICS_PER_SENTENCE,
    per_document: int = MAX_METRICS_PER_DOCUMENT,
    chunk: int = EXTRACT_CHUNK,
    chunk_chars: int = EXTRACT_CHUNK_CHARS,
) -> tuple[pl.DataFrame, pl.DataFrame, pl.DataFrame]:
    """(metrics, relations, warnings): the metric grammar over bounded chunks, with the metric caps.

    Relations never cross a sentence (``transforms.metrics.relations`` groups by sentence) and a chunk
    never splits one, so chunking changes nothing below the caps. Sentences of a document that has
    reached its cap are not even scanned (that is what keeps a metric-dense page cheap).
    """
    from transforms.metrics.extract import extract_metrics

    done: dict[Copy, int] = {}
    full: set[Copy] = set()
    metrics_parts: list[pl.DataFrame] = []
    relation_parts: list[pl.DataFrame] = []
    cut_parts: list[pl.DataFrame] = []
    skipped: dict[Copy, int] = {}
    for part in _chunks(sentences, chunk, chunk_chars):
        if full:
            full_copies = pl.DataFrame(
                list(full), schema={"sha256": pl.String, "path": pl.String}, orient="row"
            )
            blocked = part.join(full_copies, on=["sha256", "path"], how="semi")
            for sha, path, n in blocked.group_by("sha256", "path").len().iter_rows():
                skipped[(sha, path)] = skipped.get((sha, path), 0) + n
            part = part.join(full_copies, on=["sha256", "path"], how="anti", maintain_order="left")
        if not part.height:
            continue
        metrics, relations = extract_metrics(part)
        if not metrics.height:
            continue
        if _within_caps(metrics, done, per_sentence, per_document):
            kept, cut = metrics, None
        else:
            marked = _cut(metrics, done, per_sentence, per_document)
            kept = marked.filter(pl.col("_cut").is_null()).drop("_cut")
            cut = marked.filter(pl.col("_cut").is_not_null())
        if cut is not None and cut.height:
            cut_parts.append(cut.group_by("path", "sha256", "_cut").len())
            for sha, path in (
                cut.filter(pl.col("_cut") == "metrics_per_document")
                .select("sha256", "path")
                .unique()
                .iter_rows()
            ):
                full.add((sha, path))
            relations = relations.filter(
                pl.col("whole_metric_id").is_in(kept["metric_id"].implode())
                & pl.col("part_metric_id").is_in(kept["metric_id"].implode())
            )
        for sha, path, n in kept.group_by("sha256", "path").len().iter_rows():
            done[(sha, path)] = done.get((sha, path), 0) + n
            if done[(sha, path)] >= per_document:
                full.add((sha, path))
        metrics_parts.append(kept)
        relation_parts.append(relations)
    metrics = pl.concat(metrics_parts, how="vertical_relaxed") if metrics_parts else empty(METRICS)
    relations = pl.concat(relation_parts, how="vertical_relaxed") if relation_parts else empty(RELATIONS)
    return metrics, relations, _warnings(cut_parts, skipped, per_sentence, per_document)


def _warnings(
    cut_parts: list[pl.DataFrame], skipped: dict[Copy, int], per_sentence: int, per_document: int
) -> pl.DataFrame:
    rows: list[tuple[str, str, str, int, str]] = []
    if cut_parts:
        cut = (
            pl.concat(cut_parts)
            .group_by("path", "sha256", "_cut", maintain_order=True)
            .agg(pl.col("len").sum())
        )
        for path, sha, kind, n in cut.iter_rows():
            limit = per_sentence if kind == "metrics_per_sentence" else per_document
            where = "sentence" if kind == "metrics_per_sentence" else "document"
            rows.append(
                (path, sha, kind, int(n), f"more than {limit} metrics in a {where}: {n} metrics left out")
            )
    if skipped:
        for (sha, path), n in skipped.items():
            rows.append((path, sha, "metrics_per_document", int(n),
                         f"document reached {per_document} metrics: {n} later sentences not scanned"))  # fmt: skip
    return pl.DataFrame(rows, schema=WARNINGS, orient="row")


def parse_files(files: pl.DataFrame, *, timer: Timer = _no_timer) -> Parsed:
    """FILES -> every frame of the batch: normalise, extract metrics, decide what each is about.

    ``timer(stage)`` wraps each stage ("normalise", "extract") -- the bench measures through it, so
    it measures this very chain.
    """
    from transforms.text.normalise import normalise_files

    with timer("normalise"):
        documents, stories, sentences = normalise_files(files)
    with timer("extract"):
        try:
            metrics, relations, warnings = _extract_enrich(documents, sentences, files)
        except Exception:  # one document's failure must not cost the batch: find it, keep the rest
            documents, stories, sentences, metrics, relations, warnings = _extract_each(
                documents, stories, sentences, files
            )
    return Parsed(files, documents, stories, sentences, metrics, relations, warnings)


def _extract_enrich(
    documents: pl.DataFrame, sentences: pl.DataFrame, files: pl.DataFrame
) -> tuple[pl.DataFrame, pl.DataFrame, pl.DataFrame]:
    """SENTENCES -> (METRICS with their facts, RELATIONS, WARNINGS) of the documents given."""
    from transforms.enrich.metrics import enrich_metrics
    from transforms.metrics.headings import inherit_headings

    metrics, relations, warnings = extract_capped(sentences)
    metrics = inherit_headings(metrics, sentences)  # rows under a heading: before topics read the subject
    metrics = conform(enrich_metrics(metrics, documents, sentences, files, relations), METRICS)
    return metrics, conform(relations, RELATIONS), warnings


def _extract_each(
    documents: pl.DataFrame, stories: pl.DataFrame, sentences: pl.DataFrame, files: pl.DataFrame
) -> tuple[pl.DataFrame, ...]:
    """Extract document by document after a batch failed: a document whose extraction raises keeps
    its documents row with ``error`` set ("extraction failed: …") and loses its stories and
    sentences, as a normalisation failure does, so the gate reports it and the others load."""
    parts: list[tuple[pl.DataFrame, pl.DataFrame, pl.DataFrame]] = []
    failed: dict[str, str] = {}
    for sha in documents.filter(pl.col("error").is_null())["sha256"].unique(maintain_order=True):
        one = pl.col("sha256") == sha
        try:
            parts.append(_extract_enrich(documents.filter(one), sentences.filter(one), files))
        except Exception as exc:
            failed[sha] = f"extraction failed: {exc.__class__.__name__}: {exc}"[:500]
    if failed:
        bad = pl.col("sha256").is_in(list(failed))
        documents = documents.with_columns(
            pl.when(bad)
            .then(pl.col("sha256").replace_strict(failed, default=None))
            .otherwise(pl.col("error"))
            .alias("error")
        )
        stories, sentences = stories.filter(~bad), sentences.filter(~bad)
    if not parts:  # every document failed: the frames of none, with their schemas
        parts.append(_extract_enrich(documents.clear(), sentences.clear(), files))
    metrics, relations, warnings = (
        pl.concat([p[i] for p in parts], how="vertical_relaxed") for i in range(3)
    )
    return documents, stories, sentences, metrics, relations, warnings


def parse_batch(paths: Sequence[str], *, timer: Timer = _no_timer) -> Parsed:
    """Read ``paths`` (a bad file becomes a row with ``error``, never an exception) and parse them."""
    from transforms.ingest import read_files

    with timer("ingest"):
        files = read_files(list(paths))
    return parse_files(files, timer=timer)


def concat(parts: Sequence[Parsed]) -> Parsed:
    """Concatenate batch frames in batch order; empty input gives empty frames of each schema."""

    def cat(name: str, schema: Schema) -> pl.DataFrame:
        frames = [getattr(p, name) for p in parts if getattr(p, name).height]
        return pl.concat(frames, how="diagonal_relaxed") if frames else empty(schema)

    return Parsed(
        files=cat("files", FILES),
        documents=cat("documents", DOCUMENTS),
        stories=cat("stories", STORIES),
        sentences=cat("sentences", SENTENCES),
        metrics=cat("metrics", METRICS),
        relations=cat("relations", RELATIONS),
        warnings=cat("warnings", WARNINGS),
    )
