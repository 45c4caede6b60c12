"""Facts on tests/heldout5 (ten made-up Hong Kong pages, hand gold; scored once out of sample before
any fix, see its README) stay at the level session 9's fixes reached: the set is spent, so it is
pinned here like the regional sets (tests/transforms/metrics/test_regional_facts_gold.py). Raise a
floor when a fix lifts a field; never lower one to make a change pass."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.transforms.metrics.test_regional_facts_gold import PRED, SCORER
from transforms.parse import parse_batch

HERE = Path(__file__).resolve().parents[2] / "heldout5"
# session 9 (hk5) after its fixes, less 0.001 (out of sample: subject 0.659, topic 0.821, years 0.925,
# modality 0.809, region 0.803, area 0.988, targets 0.612)
FLOORS = {
    "subject": 0.850,
    "topic": 0.901,
    "years": 0.959,
    "modality": 0.970,
    "region": 1.000,
    "area": 1.000,
    "targets": 0.948,
}


@pytest.mark.skipif(not SCORER.exists(), reason="shared scorer not beside the project")
def test_heldout5_facts_stay_at_their_level(tmp_path: Path) -> None:
    facts = sorted(HERE.glob("*.facts.jsonl"))
    pages = [f.with_name(f.name.removesuffix(".facts.jsonl") + ".txt") for f in facts]
    metrics = parse_batch([str(p) for p in pages]).metrics
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
        [sys.executable, str(SCORER), str(gold), str(pred), *(f"--min={f}={v}" for f, v in FLOORS.items())],
        capture_output=True,
        text=True,
    )
    got = dict(re.findall(r"(\w+)=(\d\.\d{3})", out.stdout))
    assert set(FLOORS) <= set(got), out.stdout
    assert out.returncode == 0, out.stdout
