"""The spent held-out sets (``tests/heldout``, ``heldout2``, ``heldout3``, and session 9's Hong Kong
``heldout5`` and Macau/Taiwan ``heldout6``, session 10's ``heldout4`` and ``heldout7``) as regression
floors.

Each set was scored once untouched and has been tuned on since (its README says when), so it now
guards the rules drawn from it: figures F1 and every fact field must stay at or above the level
measured when the floor was set, split mainland (``cn-``) vs Hong Kong/Macau/Taiwan (``hk- mo- tw-``)
because the two halves fail differently. Raise a floor when a fix lifts a field; never lower one.
Session 11 spent ``heldout4`` and ``heldout7`` the same way; session 14 spent ``heldout8`` and
``heldout9`` and wrote the tuning sets ``heldout12`` (HK/MO/TW) and ``heldout13`` blind, spent on
arrival; session 15 wrote ``heldout14`` (HK/MO/TW) and ``heldout15`` (mainland) the same way. The
untouched sets (``heldout10``, ``heldout11`` and session 16's blind ``heldout16``) are never read by tests.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from transforms.parse import parse_batch

HERE = Path(__file__).parent
TOOLS = HERE.resolve().parents[0].parent / "shared" / "tools"
# measured on session 9's code (floors set at a98b98d, raised after the s9 subject/region rounds)
# less 0.001: one more wrong figure falls below
# (session 16, subjcn16: the mainland halves' subject floors raised to that session's subject rules)
FLOORS: dict[str, dict[str, float]] = {
    "heldout/cn": dict(
        subject=0.961, topic=0.984, years=0.999, modality=0.999, region=0.999, area=0.984, targets=0.999
    ),
    "heldout/hk": dict(
        subject=0.918, topic=0.966, years=0.983, modality=0.991, region=0.999, area=0.999, targets=0.981
    ),
    "heldout2/cn": dict(
        subject=0.951, topic=0.965, years=0.985, modality=0.985, region=0.999, area=0.985, targets=0.967
    ),
    "heldout2/hk": dict(
        subject=0.903, topic=0.983, years=0.991, modality=0.999, region=0.999, area=0.999, targets=0.999
    ),
    "heldout3/cn": dict(
        subject=0.946, topic=0.940, years=0.975, modality=0.999, region=0.999, area=0.999, targets=0.999
    ),
    "heldout3/hk": dict(
        subject=0.883, topic=0.810, years=0.925, modality=0.999, region=0.999, area=0.999, targets=0.999
    ),
    "heldout4/cn": dict(
        subject=0.940, topic=0.984, years=0.999, modality=0.999, region=0.999, area=0.999, targets=0.999
    ),
    "heldout4/hk": dict(
        subject=0.899, topic=0.916, years=0.982, modality=0.991, region=0.999, area=0.999, targets=0.969
    ),
    "heldout5/all": dict(
        subject=0.930, topic=0.919, years=0.976, modality=0.970, region=0.999, area=0.999, targets=0.949
    ),
    "heldout6/all": dict(
        subject=0.956, topic=0.956, years=0.977, modality=0.983, region=0.999, area=0.999, targets=0.963
    ),
    "heldout7/cn": dict(
        subject=0.911, topic=0.905, years=0.987, modality=0.987, region=0.999, area=0.999, targets=0.962
    ),
    "heldout7/hk": dict(
        subject=0.859, topic=0.906, years=0.972, modality=0.972, region=0.999, area=0.972, targets=0.936
    ),
    "heldout8/cn": dict(
        subject=0.936, topic=0.912, years=0.991, modality=0.991, region=0.865, area=0.960, targets=0.976
    ),
    "heldout8/hk": dict(
        subject=0.910, topic=0.937, years=0.990, modality=0.990, region=0.999, area=0.999, targets=0.981
    ),
    "heldout9/cn": dict(
        subject=0.906, topic=0.913, years=0.978, modality=0.999, region=0.999, area=0.985, targets=0.999
    ),
    "heldout9/hk": dict(
        subject=0.820, topic=0.973, years=0.982, modality=0.982, region=0.999, area=0.999, targets=0.949
    ),
    "heldout12/hk": dict(
        subject=0.837, topic=0.925, years=0.994, modality=0.994, region=0.999, area=0.994, targets=0.986
    ),
    "heldout13/cn": dict(
        subject=0.887, topic=0.970, years=0.987, modality=0.999, region=0.993, area=0.987, targets=0.999
    ),
    "heldout13/hk": dict(
        subject=0.856, topic=0.999, years=0.983, modality=0.983, region=0.999, area=0.999, targets=0.965
    ),
    "heldout14/hk": dict(
        subject=0.870, topic=0.906, years=0.950, modality=0.977, region=0.999, area=0.999, targets=0.944
    ),
    "heldout15/cn": dict(
        subject=0.898, topic=0.979, years=0.989, modality=0.999, region=0.996, area=0.982, targets=0.999
    ),
}
# figures F1 of each set (score_metrics --min-f1), the same way
MIN_F1 = {
    "heldout4/hk": 0.995,
    "heldout5/all": 0.996,
    "heldout7/hk": 0.986,
    "heldout8/cn": 0.991,
    "heldout8/hk": 0.986,
    "heldout9/hk": 0.991,
    "heldout12/hk": 0.979,
    "heldout13/cn": 0.996,
    "heldout13/hk": 0.991,
    "heldout14/hk": 0.988,
    "heldout15/cn": 0.996,
}
PRED: tuple[str, ...] = (
    "text",
    "value",
    "low",
    "high",
    "unit",
    "bound",
    "char_start",
    "char_end",
    "subject",
    "topic",
    "year_from",
    "year_to",
    "modality",
    "region",
    "adcode",
    "area",
)


def _pages(key: str) -> list[Path]:
    folder, half = key.split("/")
    prefixes = {"cn": ("cn-",), "hk": ("hk-", "mo-", "tw-"), "all": ("",)}[half]
    return sorted(p for p in (HERE / folder).glob("*.txt") if p.name.startswith(prefixes))


def _concat(pages: list[Path], suffix: str, out: Path) -> Path:
    out.write_text(
        "".join(p.with_suffix(suffix).read_text(encoding="utf-8") for p in pages), encoding="utf-8"
    )
    return out


@pytest.mark.skipif(not TOOLS.exists(), reason="shared scorers not beside the project")
@pytest.mark.parametrize("key", FLOORS)
def test_spent_set_stays_at_its_floors(tmp_path: Path, key: str) -> None:
    pages = _pages(key)
    assert len(pages) >= 2, key
    metrics = parse_batch([str(p) for p in pages]).metrics
    pred = tmp_path / "pred.jsonl"
    rows = metrics.select("name", *PRED).iter_rows(named=True)
    pred.write_text(
        "".join(json.dumps({"file": r.pop("name"), **r}, ensure_ascii=False) + "\n" for r in rows), "utf-8"
    )
    gold = _concat(pages, ".gold.jsonl", tmp_path / "gold.jsonl")
    facts = _concat(pages, ".facts.jsonl", tmp_path / "facts.jsonl")
    figures = subprocess.run(
        [
            sys.executable,
            str(TOOLS / "score_metrics.py"),
            str(gold),
            str(pred),
            "--min-f1",
            str(MIN_F1.get(key, 0.999)),
        ],
        capture_output=True,
        text=True,
    )
    assert figures.returncode == 0, figures.stdout[-2000:]
    floors = FLOORS[key]
    out = subprocess.run(
        [
            sys.executable,
            str(TOOLS / "score_facts.py"),
            str(facts),
            str(pred),
            *(f"--min={f}={v}" for f, v in floors.items()),
        ],
        capture_output=True,
        text=True,
    )
    got = dict(re.findall(r"(\w+)=(\d\.\d{3})", out.stdout))
    assert set(floors) <= set(got), out.stdout
    assert out.returncode == 0, out.stdout[-3000:]
