"""Crafted frames for the quality-gate tests: small documents with known good and bad metrics.

Built the way the pipeline builds them (offsets into the normalised text, metric ids from the file
hash and offsets), so the gate sees realistic input without running the other stages.
"""

from __future__ import annotations

import hashlib
import re

import polars as pl

from transforms.schemas import DOCUMENTS, FILES, METRICS, RELATIONS, SENTENCES, conform

SCRIPT = "<script>alert(1)</script>"


def sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class Corpus:
    """Accumulates files, documents, sentences, metrics and relations."""

    def __init__(self) -> None:
        self.files: list[dict] = []
        self.documents: list[dict] = []
        self.sentences: list[dict] = []
        self.metrics: list[dict] = []
        self.relations: list[dict] = []
        self._texts: dict[str, str] = {}

    def bad_file(self, path: str, data: bytes, error: str) -> None:
        self.files.append(
            {
                "path": path,
                "name": path.rsplit("/", 1)[-1],
                "sha256": hashlib.sha256(data).hexdigest(),
                "bytes": len(data),
                "encoding": None,
                "raw_text": None,
                "error": error,
            }
        )

    def document(self, path: str, text: str, *, script: str = "simplified") -> str:
        h = sha(text)
        self._texts[path] = text
        name = path.rsplit("/", 1)[-1]
        self.files.append(
            {
                "path": path,
                "name": name,
                "sha256": h,
                "bytes": len(text.encode()),
                "encoding": "utf-8",
                "raw_text": text,
                "error": None,
            }
        )
        self.documents.append(
            {
                "path": path,
                "name": name,
                "sha256": h,
                "encoding": "utf-8",
                "script": script,
                "text": text,
                "repairs": "{}",
                "error": None,
            }
        )
        for ix, m in enumerate(re.finditer(r"[^。]+。?", text)):
            self.sentences.append(
                {
                    "path": path,
                    "name": name,
                    "sha256": h,
                    "story_ix": 0,
                    "para_ix": 0,
                    "sent_ix": ix,
                    "role": "body",
                    "char_start": m.start(),
                    "char_end": m.end(),
                    "text": m.group(),
                }
            )
        return h

    def metric(
        self, path: str, span: str, value: float, unit: str, *, nth: int = 0, bound: str = "exact", **override
    ) -> str:
        """A metric found at the nth occurrence of ``span``; ``override`` breaks fields on purpose."""
        text = self._texts[path]
        start = -1
        for _ in range(nth + 1):
            start = text.index(span, start + 1)
        end = start + len(span)
        h = sha(text)
        sent = next(
            s for s in self.sentences if s["path"] == path and s["char_start"] <= start < s["char_end"]
        )
        row = {
            "metric_id": f"{h[:16]}:{start}:{end}",
            "path": path,
            "name": path.rsplit("/", 1)[-1],
            "sha256": h,
            "story_ix": 0,
            "sent_ix": sent["sent_ix"],
            "char_start": start,
            "char_end": end,
            "text": span,
            "value": value,
            "low": value,
            "high": value,
            "unit": unit,
            "unit_kind": None,
            "bound": bound,
            "sentence": sent["text"],
            "subject": None,
            "topic": "petitions",
            "region": "武隆区",
            "adcode": "500156",
            "region_level": "county",
            "area": None,
            "year_from": 2021,
            "year_to": 2021,
            "modality": "actual",
        }
        row.update(override)
        self.metrics.append(row)
        return row["metric_id"]

    def part_of(self, whole: str, part: str) -> None:
        h = next(m["sha256"] for m in self.metrics if m["metric_id"] == whole)
        self.relations.append({"whole_metric_id": whole, "part_metric_id": part, "sha256": h})

    def frames(self) -> dict[str, pl.DataFrame]:
        def frame(rows: list[dict], schema: dict) -> pl.DataFrame:
            return (
                conform(pl.DataFrame(rows, schema_overrides=schema, infer_schema_length=None), schema)
                if rows
                else pl.DataFrame(schema=schema)
            )

        return {
            "files": frame(self.files, FILES),
            "documents": frame(self.documents, DOCUMENTS),
            "sentences": frame(self.sentences, SENTENCES),
            "metrics": frame(self.metrics, METRICS),
            "relations": frame(self.relations, RELATIONS),
        }
