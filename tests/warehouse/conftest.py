"""Small, exact run batches for warehouse tests, built to the frame contracts in transforms.schemas.

The frames are derived from real text by a deliberately tiny rule set (sentences split at 。，
metrics = Arabic number + one of a few units, 其中 makes the following metrics parts of the first),
so every offset is real and assertions can be exact without depending on the extractor's evolution.
"""

from __future__ import annotations

import hashlib
import json
import re
from datetime import UTC, datetime
from pathlib import Path

import polars as pl
import pytest

from transforms.schemas import (
    DOCUMENTS,
    FILES,
    METRICS,
    QUARANTINE,
    RELATIONS,
    SENTENCES,
    STORIES,
    VALIDATION,
    conform,
)
from warehouse.load import RunFrames

METRIC = re.compile(r"(\d+(?:\.\d+)?)(万?)(件|人次|户|人|元)")
UNIT_KIND = {"件": "count", "人次": "people", "户": "households", "人": "people", "元": "money"}

SEED_A = (
    "武隆区信访工作报告\n"
    "2021年，全区收集群众困难诉求5880件，其中已办结4899件、跟办981件。"
    "全年惠及群众16.1万人次。\n"
    "社区新增志愿者120人。"
)
SEED_B = "南岸区民生简报\n2020年，南岸区新建公租房300户，投入资金6万元。"


def units() -> pl.DataFrame:
    return pl.DataFrame(
        {
            "unit": list(UNIT_KIND),
            "kind": list(UNIT_KIND.values()),
            "base_unit": list(UNIT_KIND),
            "factor": [1.0] * len(UNIT_KIND),
        }
    )


def topics() -> pl.DataFrame:
    return pl.DataFrame(
        {
            "topic": ["petitions", "housing", "other"],
            "name_zh": ["诉求", "住房", "其他"],
            "name_en": ["petitions", "housing", "other"],
        }
    )


def regions() -> pl.DataFrame:
    return pl.DataFrame(
        {
            "adcode": ["500000", "500156", "500108"],
            "name": ["重庆市", "武隆区", "南岸区"],
            "level": ["province", "county", "county"],
            "parent_adcode": [None, "500000", "500000"],
            "province": ["重庆市", "重庆市", "重庆市"],
        }
    )


def _region(text: str) -> tuple[str | None, str | None]:
    for adcode, name in (("500156", "武隆区"), ("500108", "南岸区")):
        if name in text:
            return adcode, name
    return None, None


def frames_for(files: dict[str, str]) -> dict[str, pl.DataFrame]:
    """Frames for {path: normalised text} as the upstream stages would produce them."""
    f_rows, d_rows, st_rows, s_rows, m_rows, r_rows = [], [], [], [], [], []
    for path, text in files.items():
        raw = text.encode("utf-8")
        sha = hashlib.sha256(raw).hexdigest()
        name = Path(path).name
        f_rows.append(dict(path=path, name=name, sha256=sha, bytes=len(raw), encoding="utf-8", raw_text=text))
        d_rows.append(
            dict(
                path=path,
                name=name,
                sha256=sha,
                encoding="utf-8",
                script="simplified",
                text=text,
                repairs=json.dumps({"newlines": 1}),
            )
        )
        title = text.split("\n", 1)[0]
        st_rows.append(
            dict(
                sha256=sha,
                story_ix=0,
                kind="article",
                title=title,
                byline=None,
                char_start=0,
                char_end=len(text),
            )
        )
        adcode, region = _region(text)
        year_m = re.search(r"(\d{4})年", text)
        sent_ix = 0
        for m in re.finditer(r"[^。\n]+[。]?|\n", text):
            if m.group() == "\n":
                continue
            s_start, s_end = m.start(), m.end()
            sent = text[s_start:s_end]
            s_rows.append(
                dict(
                    path=path,
                    name=name,
                    sha256=sha,
                    story_ix=0,
                    para_ix=0,
                    sent_ix=sent_ix,
                    role="headline" if s_start == 0 else "body",
                    char_start=s_start,
                    char_end=s_end,
                    text=sent,
                )
            )
            ids = []
            for fm in METRIC.finditer(sent):
                if fm.start() > 0 and sent[fm.start() - 1] == "年":
                    continue
                cs, ce = s_start + fm.start(), s_start + fm.end()
                value = float(fm.group(1)) * (10000 if fm.group(2) else 1)
                mid = f"{sha[:16]}:{cs}:{ce}"
                ids.append((mid, fm.start()))
                m_rows.append(
                    dict(
                        metric_id=mid,
                        path=path,
                        name=name,
                        sha256=sha,
                        story_ix=0,
                        sent_ix=sent_ix,
                        char_start=cs,
                        char_end=ce,
                        text=text[cs:ce],
                        value=value,
                        low=value,
                        high=value,
                        unit=fm.group(3),
                        unit_kind=UNIT_KIND[fm.group(3)],
                        bound="exact",
                        sentence=sent,
                        subject=None,
                        topic="petitions" if "诉求" in sent else ("housing" if "公租房" in sent else "other"),
                        region=region,
                        adcode=adcode,
                        region_level="county" if adcode else None,
                        area=None,
                        year_from=int(year_m.group(1)) if year_m else None,
                        year_to=int(year_m.group(1)) if year_m else None,
                        modality="actual",
                    )
                )
            if "其中" in sent and ids:
                cut = sent.index("其中")
                whole = [i for i, pos in ids if pos < cut]
                for part, pos in ids:
                    if pos > cut and whole:
                        r_rows.append(dict(whole_metric_id=whole[-1], part_metric_id=part, sha256=sha))
            sent_ix += 1
    return {
        "files": conform(pl.DataFrame(f_rows), FILES),
        "documents": conform(pl.DataFrame(d_rows), DOCUMENTS),
        "stories": conform(pl.DataFrame(st_rows), STORIES),
        "sentences": conform(pl.DataFrame(s_rows), SENTENCES),
        "metrics": conform(pl.DataFrame(m_rows), METRICS) if m_rows else conform(pl.DataFrame(), METRICS),
        "relations": conform(pl.DataFrame(r_rows), RELATIONS)
        if r_rows
        else conform(pl.DataFrame(), RELATIONS),
    }


def make_batch(
    run_id: str, files: dict[str, str], *, quarantine_ids: tuple[str, ...] = (), **extra
) -> RunFrames:
    """A whole run's RunFrames for {path: text}; metrics whose span is in ``quarantine_ids`` are held back."""
    fr = frames_for(files)
    metrics = fr["metrics"]
    held = metrics.filter(pl.col("text").is_in(list(quarantine_ids)))
    quarantine = conform(
        held.select(
            pl.lit(run_id).alias("run_id"),
            "metric_id",
            pl.lit("value_in_range").alias("expectation"),
            pl.lit("quarantine").alias("severity"),
            pl.lit("test").alias("reason"),
            pl.lit("{}").alias("row_json"),
            "text",
            "sentence",
            "path",
        ),
        QUARANTINE,
    )
    validation = conform(
        pl.DataFrame(
            {
                "run_id": [run_id, run_id],
                "suite": ["metrics", "files"],
                "expectation": ["value_in_range", "sha256_unique"],
                "severity": ["quarantine", "block"],
                "success": [held.height == 0, True],
                "unexpected_count": [held.height, 0],
                "element_count": [metrics.height, len(files)],
                "details": ["{}", "{}"],
            }
        ),
        VALIDATION,
    )
    kwargs = dict(
        run_id=run_id,
        flow_run_id=None,
        started_at=datetime.now(UTC),
        raw_dir="raw",
        files=fr["files"],
        documents=fr["documents"],
        stories=fr["stories"],
        sentences=fr["sentences"],
        metrics=metrics.filter(~pl.col("text").is_in(list(quarantine_ids))),
        relations=fr["relations"],
        quarantine=quarantine,
        validation=validation,
        regions=regions(),
        topics=topics(),
        units=units(),
        report_path=f"reports/{run_id}.html",
    )
    kwargs.update(extra)
    return RunFrames(**kwargs)


@pytest.fixture
def wh(tmp_path: Path) -> Path:
    return tmp_path / "wh" / "minsheng.duckdb"
