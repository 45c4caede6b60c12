"""Extraction over the real seeds, scored with the project's scorer against the hand-annotated gold."""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

import polars as pl
import pytest

from tests.transforms.metrics.frames import one_sentence
from transforms.ingest import read_files
from transforms.metrics.extract import extract_metrics
from transforms.text.normalise import normalise_files

ROOT = Path(__file__).resolve().parents[3]
SHARED = ROOT.parent / "shared"
GOLD = SHARED / "gold" / "seeds.gold.jsonl"
NEGATIVES = SHARED / "gold" / "seeds.negatives.jsonl"
SEEDS = sorted(str(p) for p in (ROOT / "raw").glob("*.txt"))


@pytest.fixture(scope="module")
def seed_frames():
    documents, _stories, sentences = normalise_files(read_files(SEEDS))
    metrics, relations = extract_metrics(sentences)
    return documents, sentences, metrics, relations


def test_spans_are_found_at_their_offsets(seed_frames):
    documents, _, metrics, _ = seed_frames
    texts = dict(zip(documents["sha256"], documents["text"], strict=True))
    for row in metrics.iter_rows(named=True):
        assert texts[row["sha256"]][row["char_start"] : row["char_end"]] == row["text"]
        assert row["text"] in row["sentence"]


def test_metric_ids_are_unique(seed_frames):
    metrics = seed_frames[2]
    assert metrics["metric_id"].n_unique() == metrics.height


@pytest.mark.skipif(not GOLD.exists(), reason="shared gold not beside the project")
def test_seed_gold_f1(seed_frames, tmp_path):
    metrics = seed_frames[2]
    pred = tmp_path / "pred.jsonl"
    with pred.open("w", encoding="utf-8") as fh:
        for row in metrics.select(
            "path", "text", "value", "low", "high", "unit", "bound", "sentence"
        ).iter_rows(named=True):
            row["file"] = row.pop("path")
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    out = subprocess.run(
        [sys.executable, str(SHARED / "tools" / "score_metrics.py"), str(GOLD), str(pred), "--show", "0"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    last = out.strip().splitlines()[-1].split()
    f1 = float(last[1])
    bound_line = next(ln for ln in out.splitlines() if ln.startswith("bound accuracy"))
    ok, total = (int(x) for x in bound_line.split()[-1].split("/"))
    assert f1 >= 0.97, out
    assert ok / total >= 0.97, out


@pytest.mark.skipif(not NEGATIVES.exists(), reason="shared gold not beside the project")
def test_no_span_is_a_known_negative(seed_frames):
    """No span equals a negative of its file -- beyond the gold metrics with the same text.

    Negatives carry no offsets, and 60分钟/40分钟 of seed 000 are both a negative (inside the
    short quotation “60分钟+40分钟”) and a metric (in the parenthesis after it), so a span with a
    negative's text is an error only when there are more such spans than gold metrics.
    """
    metrics = seed_frames[2].with_columns(pl.col("path").str.split("/").list.last().alias("file"))
    lines = [json.loads(line) for line in NEGATIVES.read_text(encoding="utf-8").splitlines() if line.strip()]
    gold = Counter(
        (g["file"], g["text"]) for g in map(json.loads, GOLD.read_text(encoding="utf-8").splitlines()) if g
    )
    spans = Counter(zip(metrics["file"], metrics["text"], strict=True))
    hits = {
        (n["file"], n["text"]) for n in lines if spans[(n["file"], n["text"])] > gold[(n["file"], n["text"])]
    }
    assert hits == set()


def test_part_of_relation_links_parts_to_whole():
    sentences = one_sentence(
        "收集群众困难诉求5880件，其中已办结4899件、跟办981件，化解纠纷30余件。", char_start=10
    )
    metrics, relations = extract_metrics(sentences)
    by_id = dict(zip(metrics["metric_id"], metrics["text"], strict=True))
    pairs = {
        (by_id[w], by_id[p])
        for w, p in zip(relations["whole_metric_id"], relations["part_metric_id"], strict=True)
    }
    assert pairs == {("5880件", "4899件"), ("5880件", "981件")}
    assert metrics.filter(pl.col("text") == "5880件")["subject"].item() == "群众困难诉求"


def test_parts_without_a_noun_take_the_subject_of_their_whole():
    sentences = one_sentence("受理群众来信360件，其中已答复298件、正在办理62件。", path="y.txt")
    metrics, relations = extract_metrics(sentences)
    assert relations.height == 2
    assert metrics["subject"].to_list() == ["群众来信"] * 3
    assert metrics.filter(pl.col("text") == "298件")["measure"].item() == "答复"


def test_verb_before_reads_the_same_verbs_as_the_two_lexicons_unioned():
    """subjects._verb_before looks verbs up in a union made once; it must hold exactly the stops
    and the bridges, and find the verb of made-up clauses as the per-call union did."""
    from transforms.metrics.subjects import bridges as subjects

    assert subjects._stops_and_bridges() == subjects._set("subject_stops.txt") | subjects._set(
        "subject_bridges.txt"
    )
    verbs = sorted(subjects._stops_and_bridges(), key=len, reverse=True)
    # the first two-character verb in code-point order: a set's own order changes with the hash seed,
    # and 超过/经过 open the figure itself (a bound word), so _verb_before rightly gives them no measure
    two = min(v for v in verbs if len(v) == 2)
    for sentence in (f"今年{two}12个", f"今年{two}了12个", "今年某某12个"):
        start = sentence.index("12")
        end = start - (1 if sentence[start - 1] == "了" else 0)
        slow = next(
            (sentence[end - k : end] for k in subjects._verb_lengths() if sentence[end - k : end] in verbs),
            None,
        )
        assert subjects._verb_before(sentence, start).measure == slow


def test_split_stop_prefix_joins_with_the_stops_and_nominal_verbs_unioned(monkeypatch):
    """subjects._split_stop_prefix hands _join_singles a union made once: the same set as the two
    lexicons unioned per call, so it cuts made-up word lists exactly as before."""
    from transforms.metrics.subjects import segments as subjects
    from transforms.metrics.words import tag

    union = subjects._set("subject_stops.txt") | subjects._set("subject_nominal_verbs.txt")
    assert subjects._stops_and_nominal_verbs() == union
    windows = ("全市新建改造老旧小区", "化解矛盾纠纷", "解决群众急难愁盼问题", "补植补造苗木", "甲乙丙")
    fast = [subjects._split_stop_prefix(tag(w)) for w in windows]
    monkeypatch.setattr(
        subjects,
        "_stops_and_nominal_verbs",
        lambda: subjects._set("subject_stops.txt") | subjects._set("subject_nominal_verbs.txt"),
    )
    assert [subjects._split_stop_prefix(tag(w)) for w in windows] == fast


def test_names_nothing_is_the_same_with_the_phrase_joined_once():
    """subjects._names_nothing joins the phrase once for its frame-word test: the verdicts on
    made-up phrases are those of the per-word join it replaces."""
    from transforms.metrics.subjects import vocab as subjects
    from transforms.metrics.words import Word, tag

    def slow(np):
        if not np:
            return False
        joined = any(f in subjects._text(np) for f in subjects.words("subject_frame_words.txt"))
        if all(w.tag == "t" for w in np) or joined:
            return True
        places = subjects._set("subject_place_words.txt")
        return any(w.text in places for w in np) and all(
            w.tag == "t" or w.text in places or (w.tag == "v" and len(w.text) == 1) for w in np
        )

    frame = subjects.words("subject_frame_words.txt")[0]
    phrases = [
        [],
        [Word("年底", "t")],
        list(tag(f"在此{frame}")),
        list(tag("全市新建公园")),
        [Word("全国", "n"), Word("占", "v")],
        list(tag("农村居民人均可支配收入")),
    ]
    assert [subjects._names_nothing(np) for np in phrases] == [slow(np) for np in phrases]
