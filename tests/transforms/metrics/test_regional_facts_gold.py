"""Facts (subject, topic, years, modality, region, area) on the made-up Hong Kong, Macau and Taiwan
pages, scored against hand-written facts gold (issue 12; decisions in ``regional/FACTS-NOTES.md``).

The real parse chain reads every page that has a ``<page>.facts.jsonl``; the project's scorer
(``shared/tools/score_facts.py``) compares field by field. Each field must stay at or above the level
measured when the gold was written, so a change that loses a fact on these pages shows here. Raise a
floor when a fix lifts a field; never lower one to make a change pass.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from transforms.parse import parse_batch

HERE = Path(__file__).parent / "regional"
FACTS = sorted(HERE.glob("*.facts.jsonl"))
# the first set, and s5-*: the second, written as a held-out set (scored once before any rule was
# drawn from it, see regional/README.md) and tuned on since, so it is pinned here the same way
FIRST = [f for f in FACTS if not f.name.startswith("s5-")]
SECOND = [f for f in FACTS if f.name.startswith("s5-")]


def _pages(facts: list[Path]) -> list[Path]:
    return [f.with_name(f.name.removesuffix(".facts.jsonl") + ".txt") for f in facts]


SCORER = Path(__file__).resolve().parents[3].parent / "shared" / "tools" / "score_facts.py"
FIELDS = ("subject", "topic", "years", "modality", "region", "area", "targets")
# measured on session 5's rules, less 0.001 (session 4's end: subject 0.723, topic 0.969, years 0.831,
# modality 0.918, targets 0.873): one more wrong figure of the 195 (0.005) falls below
FLOORS = {
    "subject": 0.804,  # headline echoes: 社会住宅 for a headline with no subject
    "topic": 0.984,
    "years": 0.989,
    "modality": 0.989,
    "region": 1.000,
    "area": 0.978,
    "targets": 0.985,
}
# the second set (190 figures; out of sample before any fix: subject 0.580, topic 0.779, years 0.856,
# modality 0.921, region 0.989, area 1.000, targets 0.810), at session 5's level after rules drawn from it
FLOORS_SECOND = {
    "subject": 0.883,
    "topic": 0.994,
    "years": 0.994,
    "modality": 0.994,  # session 7 (h-newsym): 0.995, a 将 chain reaching 并/包括 clauses
    "region": 1.000,
    "area": 1.000,
    "targets": 0.987,  # session 7 (h-newsym): 0.988
}
SETS = {"first": (FIRST, FLOORS, 195), "s5": (SECOND, FLOORS_SECOND, 190)}
PRED = (
    "text",
    "value",
    "low",
    "high",
    "unit",
    "char_start",
    "subject",
    "topic",
    "year_from",
    "year_to",
    "modality",
    "region",
    "adcode",
    "area",
)


def _rows(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_the_gold_covers_the_three_regions_and_pages_without_sidecar() -> None:
    assert len(FIRST) >= 10 and len(SECOND) >= 10
    regions = {r["adcode"] for f in FACTS for r in _rows(f)}
    assert {"810000", "820000", "710000"} <= regions
    assert sum(not p.with_name(p.stem + ".meta.json").exists() for p in _pages(FACTS)) >= 6


@pytest.mark.parametrize("facts", FACTS, ids=lambda p: p.name.removesuffix(".facts.jsonl"))
def test_facts_gold_is_well_formed_and_matches_the_figures_gold(facts: Path) -> None:
    rows = _rows(facts)
    figures = _rows(facts.with_name(facts.name.replace(".facts.", ".gold.")))
    assert [r["text"] for r in rows] == [r["text"] for r in figures]
    for r in rows:
        lo, hi = r["subject_min"], r["subject_max"]
        assert (lo is None) == (hi is None) and (lo is None or lo in hi), r
        assert r["subject"] == hi
        assert r["modality"] in ("actual", "target")
        assert (r["year_from"] is None) == (r["year_to"] is None)


@pytest.mark.skipif(not SCORER.exists(), reason="shared scorer not beside the project")
@pytest.mark.parametrize("name", SETS)
def test_every_field_stays_at_its_measured_level(tmp_path: Path, name: str) -> None:
    facts, floors, figures = SETS[name]
    metrics = parse_batch([str(p) for p in _pages(facts)]).metrics
    gold, pred = tmp_path / "gold.jsonl", tmp_path / "pred.jsonl"
    gold.write_text("".join(f.read_text(encoding="utf-8") for f in facts), encoding="utf-8")
    pred.write_text(
        "".join(
            json.dumps({"file": r.pop("name"), **r}, ensure_ascii=False) + "\n"
            for r in metrics.select("name", *PRED).iter_rows(named=True)
        ),
        encoding="utf-8",
    )
    out = subprocess.run(
        [sys.executable, str(SCORER), str(gold), str(pred), *(f"--min={f}={v}" for f, v in floors.items())],
        capture_output=True,
        text=True,
    )
    assert f"matched {figures}" in out.stdout, out.stdout
    got = dict(
        re.findall(r"(\w+)=(\d\.\d{3})", out.stdout.strip().splitlines()[-2 if out.returncode else -1])
    )
    assert set(FIELDS) <= set(got), out.stdout
    assert out.returncode == 0, out.stdout
