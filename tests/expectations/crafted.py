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


def every_kind_of_bad_row() -> tuple[dict[str, pl.DataFrame], dict[str, str]]:
    """Made-up pages with one metric per kind of quarantine reason, and clean ones beside them, so a
    test can pin every row's reason (ids by a short name)."""
    c, ids = Corpus(), {}
    c.document("raw/town.txt", "全镇新修水渠12条，其中完成7条、在建9条。村民参与度达130%。新栽果树300棵。")
    ids["whole"] = c.metric("raw/town.txt", "12条", 12, "条")
    ids["part_a"] = c.metric("raw/town.txt", "7条", 7, "条")
    ids["part_b"] = c.metric("raw/town.txt", "9条", 9, "条")
    c.part_of(ids["whole"], ids["part_a"])
    c.part_of(ids["whole"], ids["part_b"])
    ids["share"] = c.metric("raw/town.txt", "130%", 130, "%")
    ids["clean"] = c.metric("raw/town.txt", "300棵", 300, "棵")

    c.document("raw/fields.txt", "整修机耕路4公里。新建粮仓2座。培训农民60人次。种植药材5亩。改造农房8户。")
    ids["negative"] = c.metric("raw/fields.txt", "4公里", -4, "公里", low=-4, high=-4)
    ids["low_high"] = c.metric("raw/fields.txt", "2座", 2, "座", low=3, high=1)
    ids["no_value"] = c.metric("raw/fields.txt", "60人次", None, "人次", low=None, high=None)
    ids["no_unit"] = c.metric("raw/fields.txt", "5亩", 5, None)
    ids["bound"] = c.metric("raw/fields.txt", "8户", 8, "户", bound="roughly")

    c.document("raw/codes.txt", "修缮祠堂3处。新增车位40个。安装路灯25盏。铺设管道6公里。")
    ids["adcode"] = c.metric("raw/codes.txt", "3处", 3, "处", adcode="000001")
    ids["topic"] = c.metric("raw/codes.txt", "40个", 40, "个", topic="parking lots")
    ids["modality"] = c.metric("raw/codes.txt", "25盏", 25, "盏", modality="maybe")
    ids["years"] = c.metric("raw/codes.txt", "6公里", 6, "公里", year_from=2024, year_to=2020)

    c.document("raw/left.txt", "<b>新建</b>凉亭2座。這裏新建浴室3間。新建泵(bèng)站1座。发放补贴9笔。")
    ids["markup"] = c.metric("raw/left.txt", "2座", 2, "座")
    ids["traditional"] = c.metric("raw/left.txt", "3間", 3, "间")
    ids["pinyin"] = c.metric("raw/left.txt", "1座", 1, "座")
    ids["offsets"] = c.metric("raw/left.txt", "9笔", 9, "笔", char_start=500, char_end=502)
    return c.frames(), ids
