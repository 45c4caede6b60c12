"""The one parse chain: metric caps on metric-dense text, the parser version, chunking changes nothing."""

from __future__ import annotations

from pathlib import Path

import polars as pl

from transforms import parse


def _write(tmp_path: Path, name: str, text: str) -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_metric_dense_text_is_capped_with_a_reported_warning(tmp_path: Path) -> None:
    """A page that is nothing but metrics (一个数字接一个) keeps at most the caps, says how many it left
    out, and the ordinary page beside it is untouched."""
    dense = _write(
        tmp_path, "dense.txt", "统计表\n" + "".join(f"第{i}组达{i % 97}个；" for i in range(6000)) + "\n"
    )
    plain = _write(tmp_path, "plain.txt", "社区今年共走访困难家庭312户，其中帮扶到位298户。\n")
    parsed = parse.parse_batch([dense, plain])
    per_file = dict(parsed.metrics.group_by("path").len().iter_rows())
    assert per_file[dense] <= parse.MAX_METRICS_PER_DOCUMENT
    assert per_file[plain] == 2
    warnings = parsed.warnings.filter(pl.col("path") == dense)
    assert warnings.height >= 1 and set(warnings["warning"]) <= {
        "metrics_per_sentence",
        "metrics_per_document",
    }
    assert warnings["count"].sum() > 0
    assert parsed.warnings.filter(pl.col("path") == plain).height == 0


def test_per_sentence_cap_keeps_the_first_metrics_of_the_sentence(tmp_path: Path) -> None:
    from transforms.ingest import read_files

    sentence = "，".join(f"{n}%" for n in range(10, 10 + 40))
    path = _write(tmp_path, "rates.txt", f"各项指标\n{sentence}。\n")
    sentences = parse.parse_files(read_files([path])).sentences
    metrics, _relations, warnings = parse.extract_capped(sentences, per_sentence=5, per_document=1000)
    assert metrics["text"].to_list() == ["10%", "11%", "12%", "13%", "14%"]
    assert warnings["warning"].to_list() == ["metrics_per_sentence"]
    assert warnings["count"].to_list() == [35]


def test_chunked_extraction_is_the_same_as_one_call(tmp_path: Path) -> None:
    """Chunks never split a sentence, so relations (其中) and ids do not depend on the chunk size."""
    from transforms.ingest import read_files
    from transforms.metrics.extract import extract_metrics

    text = "".join(f"第{i}街道收集诉求{100 + i}件，其中已办结{50 + i}件。\n" for i in range(30))
    path = _write(tmp_path, "many.txt", "街道诉求办理情况\n" + text)
    sentences = parse.parse_files(read_files([path])).sentences
    whole, whole_rel = extract_metrics(sentences)
    chunked, chunked_rel, warnings = parse.extract_capped(sentences, chunk=3)
    assert chunked["metric_id"].to_list() == whole["metric_id"].to_list()
    assert chunked_rel.sort("part_metric_id").equals(whole_rel.sort("part_metric_id"))
    assert whole_rel.height == 30 and warnings.height == 0


def test_chunks_are_bounded_by_characters_and_never_split_a_sentence(tmp_path: Path) -> None:
    """A chunk holds at most ``chars`` characters (a longer sentence alone), and chunking by
    characters gives the metrics of one call."""
    from transforms.ingest import read_files
    from transforms.metrics.extract import extract_metrics

    text = "".join(f"第{i}社区走访住户{200 + i}户，发放慰问金{3 + i}万元。\n" for i in range(40))
    path = _write(tmp_path, "visits.txt", "走访情况\n" + text + "全年" + "共计" * 60 + "走访1200户。\n")
    sentences = parse.parse_files(read_files([path])).sentences
    parts = list(parse._chunks(sentences, 1000, 60))
    assert sum(p.height for p in parts) == sentences.height
    for part in parts:
        chars = part["text"].str.len_chars().sum()
        assert chars <= 60 or part.height == 1
    whole, _ = extract_metrics(sentences)
    chunked, _, warnings = parse.extract_capped(sentences, chunk_chars=60)
    assert chunked["metric_id"].to_list() == whole["metric_id"].to_list() and warnings.height == 0


def test_parser_version_follows_the_rules_files(tmp_path: Path) -> None:
    """A hash over the rule sources and lexicons: the same tree gives the same version, a changed
    lexicon another one."""
    rules = tmp_path / "transforms"
    (rules / "metrics" / "lexicons").mkdir(parents=True)
    (rules / "metrics" / "grammar.py").write_text("RULE = 1\n", encoding="utf-8")
    lexicon = rules / "metrics" / "lexicons" / "units.csv"
    lexicon.write_text("unit,kind\n件,count\n", encoding="utf-8")
    first = parse._parser_version(rules)
    assert first == parse._parser_version(rules) and len(first) == 12
    lexicon.write_text("unit,kind\n件,count\n宗,count\n", encoding="utf-8")
    assert parse._parser_version(rules) != first
    # The constant is the tree's hash at import (files edited since then make another one).
    assert parse.parse_batch([]).parser_version == parse.PARSER_VERSION and len(parse.PARSER_VERSION) == 12


def test_concat_keeps_the_warnings_of_every_batch(tmp_path: Path) -> None:
    dense = _write(tmp_path, "d.txt", "表\n" + "，".join(f"{n}%" for n in range(100)) + "。\n")
    a, b = parse.parse_batch([dense]), parse.parse_batch([])
    both = parse.concat([a, b])
    assert both.warnings.height == a.warnings.height > 0
    assert both.metrics.height == a.metrics.height


def _metrics_frame(rows: list[tuple[str, int]]) -> pl.DataFrame:
    """A made-up metrics frame: one row per metric, (sha256, sent_ix)."""
    return pl.DataFrame(
        {
            "sha256": [sha for sha, _ in rows],
            "sent_ix": [ix for _, ix in rows],
            "path": [f"{sha}.txt" for sha, _ in rows],
        },
        schema={"sha256": pl.String, "sent_ix": pl.Int64, "path": pl.String},
    )


def test_within_caps_is_exactly_when_cut_marks_nothing() -> None:
    """The fast path that skips _cut: it must say "nothing to cut" exactly when _cut marks no row,
    over made-up chunks around both caps and with counts carried from earlier chunks."""
    cases = [
        ([("a", 0)] * 3 + [("a", 1)] * 2 + [("b", 0)] * 4, {}),
        ([("a", 0)] * 4, {}),  # the sentence cap (4 below) is reached, not passed
        ([("a", 0)] * 5, {}),  # passed
        ([("a", i) for i in range(6)], {}),  # the document cap (6) reached
        ([("a", i) for i in range(7)], {}),  # passed
        ([("a", 0), ("a", 1)], {("a", "a.txt"): 4}),  # earlier chunks kept 4: 6 in all
        ([("a", 0), ("a", 1), ("b", 0)], {("a", "a.txt"): 5}),  # 7 in all for a
        ([("b", 0)] * 2, {("a", "a.txt"): 6}),  # a full document elsewhere does not matter
    ]
    for rows, done in cases:
        frame = _metrics_frame(rows)
        nothing_cut = parse._cut(frame, done, 4, 6)["_cut"].is_null().all()
        assert parse._within_caps(frame, done, 4, 6) == nothing_cut, (rows, done)


def test_a_document_whose_extraction_raises_is_reported_and_the_others_keep_their_metrics(
    tmp_path: Path, monkeypatch
) -> None:
    """A rule bug that raises on one page (fault injected: the extractor raises on a marker word)
    marks that page's documents row ``extraction failed: …`` and drops its sentences, as a
    normalisation failure does; the other pages of the batch keep every metric."""
    good = _write(tmp_path, "good.txt", "社区今年共走访困难家庭312户，其中帮扶到位298户。\n")
    bad = _write(tmp_path, "bad.txt", "故障标记：全年新增绿地45公顷。\n")
    other = _write(tmp_path, "other.txt", "全区新建口袋公园12个。\n")
    real = parse.extract_capped

    def faulty(sentences: pl.DataFrame):
        if sentences["text"].str.contains("故障标记").any():
            raise ValueError("max() arg is an empty sequence")
        return real(sentences)

    expected = parse.parse_batch([good, other]).metrics
    monkeypatch.setattr(parse, "extract_capped", faulty)
    parsed = parse.parse_batch([good, bad, other])
    assert parsed.metrics.drop("path").equals(expected.drop("path"))  # same metrics, same facts
    assert set(parsed.metrics["path"]) == {good, other}
    errors = dict(parsed.documents.select("path", "error").iter_rows())
    assert errors[good] is None and errors[other] is None
    assert errors[bad] == "extraction failed: ValueError: max() arg is an empty sequence"
    assert bad not in set(parsed.sentences["path"])
    only_bad = parse.parse_batch([bad])  # every document failed: empty frames with their schemas
    assert only_bad.metrics.height == 0 and only_bad.metrics.schema == parsed.metrics.schema


def test_a_duplicate_path_is_capped_as_its_page_is_alone(tmp_path: Path) -> None:
    """The per-document cap counts each copy of a page (its path) on its own: the same bytes under a
    second path in the batch keep what they keep alone, not what is left of the first copy's cap."""
    text = "表\n" + "".join(f"第{i}组{i % 89}个；" for i in range(60)) + "\n"
    first, second = _write(tmp_path, "a.txt", text), _write(tmp_path, "b.txt", text)
    from transforms.ingest import read_files

    sentences = parse.parse_files(read_files([first, second])).sentences
    alone, _, _ = parse.extract_capped(sentences.filter(pl.col("path") == first), per_document=40)
    both, _, warnings = parse.extract_capped(sentences, per_document=40)
    assert 0 < alone.height <= 40
    for path in (first, second):
        assert both.filter(pl.col("path") == path).height == alone.height
    assert set(warnings["path"]) == {first, second}
