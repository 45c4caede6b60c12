"""Regional conventions of metric-spec.md on made-up pages: Hong Kong, Macau, Taiwan and Simplified hard cases.

Each page in ``regional/`` (Traditional script where the region writes it, with a ``.meta.json`` sidecar
giving its region) has a hand-checked ``.gold.jsonl``. The real parse chain (read, normalise, extract,
enrich -- so a bare 元 becomes the local currency) must reproduce it exactly, and the project's scorer
must give F1 1.000.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

import polars as pl
import pytest

from transforms.enrich.currency import currency_of, local_currency, localise_money
from transforms.metrics.units import unit_table
from transforms.parse import parse_batch

HERE = Path(__file__).parent / "regional"
PAGES = sorted(HERE.glob("*.txt"))
SCORER = Path(__file__).resolve().parents[3].parent / "shared" / "tools" / "score_metrics.py"
FIELDS = ("text", "value", "low", "high", "unit", "bound", "sentence")


def _gold(page: Path) -> list[dict]:
    lines = page.with_name(page.stem + ".gold.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


@pytest.fixture(scope="module")
def predicted() -> dict[str, list[dict]]:
    metrics = parse_batch([str(p) for p in PAGES]).metrics
    out: dict[str, list[dict]] = {p.name: [] for p in PAGES}
    for row in metrics.select("name", *FIELDS).iter_rows(named=True):
        out[row.pop("name")].append(row)
    return out


def test_the_held_out_pages_are_in_the_set() -> None:
    """The ten s5 pages (session 5, gold written before the extractor ran on them) must reproduce
    their gold like the rest; none is a known miss."""
    held_out = [p for p in PAGES if p.stem.startswith("s5-")]
    assert len(held_out) >= 10
    assert all(p.with_name(p.stem + ".gold.jsonl").exists() for p in held_out)


def test_there_is_a_page_per_region() -> None:
    regions = {
        json.loads(p.with_name(p.stem + ".meta.json").read_text())["region"]
        for p in PAGES
        if p.with_name(p.stem + ".meta.json").exists()
    }
    assert {"香港", "澳门", "台湾"} <= regions
    assert len(PAGES) >= 4


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.stem)
def test_page_gives_exactly_its_gold(page: Path, predicted: dict[str, list[dict]]) -> None:
    def key(r: dict) -> tuple:
        return tuple(r[f] for f in FIELDS)

    gold = Counter(key(r) for r in _gold(page))
    got = Counter(key(r) for r in predicted[page.name])
    assert got - gold == Counter(), "false positives"
    assert gold - got == Counter(), "missed"


@pytest.mark.skipif(not SCORER.exists(), reason="shared scorer not beside the project")
def test_scorer_gives_f1_one(predicted: dict[str, list[dict]], tmp_path: Path) -> None:
    gold, pred = tmp_path / "gold.jsonl", tmp_path / "pred.jsonl"
    gold.write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for p in PAGES for r in _gold(p)), encoding="utf-8"
    )
    pred.write_text(
        "".join(
            json.dumps({"file": n, **r}, ensure_ascii=False) + "\n"
            for n, rows in predicted.items()
            for r in rows
        ),
        encoding="utf-8",
    )
    out = subprocess.run(
        [sys.executable, str(SCORER), str(gold), str(pred), "--min-f1", "1.0"], capture_output=True, text=True
    )
    assert out.returncode == 0, out.stdout
    assert out.stdout.strip().splitlines()[-1].startswith("F1 1.000"), out.stdout


def test_bare_yuan_is_local_only_where_the_place_is_known(predicted: dict[str, list[dict]]) -> None:
    units = {
        n: {r["unit"] for r in rows if r["unit"] in ("元", "港元", "澳门元", "新台币")}
        for n, rows in predicted.items()
    }
    assert units["hk_press_release.txt"] == {"港元"}
    assert units["macau_notice.txt"] == {"澳门元"}
    assert units["taiwan_ministry.txt"] == {"新台币"}
    assert units["simplified_hard_cases.txt"] == {"元"}


def _metrics(rows: list[tuple[str, str, str]]) -> pl.DataFrame:
    """(sha256, span text, unit) rows as a minimal metrics frame."""
    return pl.DataFrame(
        rows, schema={"sha256": pl.String, "text": pl.String, "unit": pl.String}, orient="row"
    )


def test_localise_money_uses_the_document_region() -> None:
    metrics = _metrics(
        [
            ("hk", "3,000元", "元"),
            ("hk", "人民币500元", "元"),  # renminbi named: stays 元
            ("hk", "12亿", "元"),  # implied money
            ("hk", "40人", "人"),
            ("mo", "$800", "元"),
            ("tw", "9,000元", "元"),
            ("tw", "5亿美元", "美元"),
            ("cq", "60元", "元"),  # a mainland text
            ("xx", "70元", "元"),  # place unknown
        ]
    )
    regions = pl.DataFrame(
        {
            "sha256": ["hk", "mo", "tw", "cq", "xx"],
            "region": ["香港特别行政区", None, "台湾", "重庆市", None],
            "adcode": ["810000", "820000", None, "500000", None],
        }
    )
    out = localise_money(metrics, regions)
    assert out["unit"].to_list() == ["港元", "元", "港元", "人", "澳门元", "新台币", "美元", "元", "元"]
    assert out.columns == metrics.columns


def test_local_currency_step_reads_the_sidecar_region() -> None:
    docs = pl.DataFrame({"sha256": ["a", "b"], "text": ["某市今日公布津贴安排。", "某市今日公布津贴安排。"]})
    files = pl.DataFrame({"sha256": ["a", "b"], "meta": ['{"region": "澳门"}', None]})
    out = local_currency(_metrics([("a", "600元", "元"), ("b", "600元", "元")]), docs, files)
    assert out["unit"].to_list() == ["澳门元", "元"]


def test_currency_of_knows_three_regions_only() -> None:
    assert currency_of("810000", None) == "港元"
    assert currency_of(None, "澳门特别行政区") == "澳门元"
    assert currency_of(None, "台湾省") == "新台币"
    assert currency_of("440300", "深圳市") is None


def test_people_counters_sum_as_people_and_every_unit_has_a_gloss() -> None:
    units = {r["unit"]: r for r in unit_table().iter_rows(named=True)}
    for counter in ("人", "名", "位"):
        assert units[counter]["base_unit"] == "人"
    assert units["人次"]["base_unit"] == "人次"  # visits are not people
    assert all(r["gloss_en"] for r in units.values())
    assert units["港元"]["gloss_en"] == "Hong Kong dollar"
    for unit in ("澳门元", "新台币", "折", "厘", "平方英尺", "英尺", "坪"):
        assert unit in units


def test_pages_without_sidecar_or_in_big5_still_read_as_their_region(
    predicted: dict[str, list[dict]],
) -> None:
    """Hidden pages may come with no metadata, or in Big5 / Big5-HKSCS bytes; the set has both."""
    bare = [
        p
        for p in PAGES
        if not p.with_name(p.stem + ".meta.json").exists() and p.stem != "simplified_hard_cases"
    ]
    legacy = []
    for p in PAGES:
        try:
            p.read_bytes().decode("utf-8")
        except UnicodeDecodeError:
            legacy.append(p)
    assert bare and len(legacy) >= 2
    with_money = 0
    for page in bare + legacy:  # a page may state no money at all (s5-hk_immd_transport)
        money = {r["unit"] for r in predicted[page.name] if r["unit"] in ("元", "港元", "澳门元", "新台币")}
        assert "元" not in money, page.name
        with_money += bool(money)
    assert with_money >= 6


def test_a_page_of_unknown_place_naming_one_local_currency_uses_it_for_bare_yuan() -> None:
    metrics = _metrics(
        [
            ("tw", "新台币8亿元", "新台币"),
            ("tw", "每剂约300元", "元"),
            ("two", "5亿港元", "港元"),
            ("two", "3亿澳门元", "澳门元"),
            ("two", "80元", "元"),  # two local currencies: nothing says which
            ("rmb", "HK$500", "港元"),
            ("rmb", "人民币900元", "元"),
            ("rmb", "40元", "元"),  # renminbi named too
            ("cn", "新台币2亿元", "新台币"),
            ("cn", "60元", "元"),  # a mainland story quoting Taiwan's money
        ]
    )
    regions = pl.DataFrame(
        {
            "sha256": ["tw", "two", "rmb", "cn"],
            "region": [None, None, None, "厦门市"],
            "adcode": [None, None, None, "350200"],
        }
    )
    out = localise_money(metrics, regions)["unit"].to_list()
    assert out == ["新台币", "新台币", "港元", "澳门元", "元", "港元", "元", "元", "新台币", "元"]
