"""The quality gate end to end on crafted frames, through real Great Expectations (one run per fixture)."""

from __future__ import annotations

import json
import sys

import polars as pl
import pytest

from expectations.result import FAILURES, WAIVED, merge_all
from expectations.runner import QUARANTINE, RESULTS, validate
from expectations.suites import EXPECTATIONS
from expectations.waivers import WAIVERS, WaiverError, load_waivers
from tests.expectations.crafted import SCRIPT, Corpus

NO_WAIVERS = pl.DataFrame(schema=WAIVERS)


def _build() -> tuple[dict[str, pl.DataFrame], dict[str, str]]:
    c, ids = Corpus(), {}
    c.document(
        "raw/good.txt",
        "收集群众困难诉求5880件，其中已办结4899件、跟办981件。群众满意度达98.5%。惠及群众16.1万人次。",
    )
    ids["whole_ok"] = c.metric("raw/good.txt", "5880件", 5880, "件")
    ids["part_ok1"] = c.metric("raw/good.txt", "4899件", 4899, "件")
    ids["part_ok2"] = c.metric("raw/good.txt", "981件", 981, "件")
    c.part_of(ids["whole_ok"], ids["part_ok1"])
    c.part_of(ids["whole_ok"], ids["part_ok2"])
    ids["share_ok"] = c.metric("raw/good.txt", "98.5%", 98.5, "%")
    ids["people"] = c.metric(
        "raw/good.txt", "16.1万人次", 161000, "人次", region=None, adcode=None, topic=None
    )

    c.document("raw/rate.txt", "群众满意度达120%。全年产值同比增长120%。")
    ids["rate_bad"] = c.metric("raw/rate.txt", "120%", 120, "%")
    ids["growth_ok"] = c.metric("raw/rate.txt", "120%", 120, "%", nth=1)

    c.document("raw/parts.txt", "全年受理诉求1000件，其中办结800件、在办300件。")
    ids["whole_bad"] = c.metric("raw/parts.txt", "1000件", 1000, "件")
    ids["part_bad1"] = c.metric("raw/parts.txt", "800件", 800, "件")
    ids["part_bad2"] = c.metric("raw/parts.txt", "300件", 300, "件")
    c.part_of(ids["whole_bad"], ids["part_bad1"])
    c.part_of(ids["whole_bad"], ids["part_bad2"])

    c.document("raw/script.txt", f"{SCRIPT}共建成公园12个。新建道路3公里。收购粮食50公斤斤。")
    ids["script_in_sentence"] = c.metric("raw/script.txt", "12个", 12, "个")
    ids["offset_bad"] = c.metric("raw/script.txt", "3公里", 3, "公里", char_start=999, char_end=1002)
    ids["unit_bad"] = c.metric("raw/script.txt", "50公斤斤", 50, "公斤斤")

    c.document("raw/facts.txt", "新建学校8所。改造管网5公里。修建桥梁2座。建成驿站4个。港澳台交流活动6场。")
    ids["topic_bad"] = c.metric("raw/facts.txt", "8所", 8, "所", topic="schools and such", modality="hoped")
    ids["modality_bad"] = c.metric("raw/facts.txt", "5公里", 5, "公里", modality="hoped")
    ids["years_bad"] = c.metric("raw/facts.txt", "2座", 2, "座", year_from=2025, year_to=2021)
    ids["adcode_bad"] = c.metric("raw/facts.txt", "4个", 4, "个", adcode="999999")
    ids["hk_ok"] = c.metric("raw/facts.txt", "6场", 6, "场", region="香港", adcode="810000", topic="other",
                            modality="target", year_from=2026, year_to=2026)  # fmt: skip

    c.document("raw/trad.txt", "這裏新建道路3公里。", script="traditional")
    ids["trad"] = c.metric("raw/trad.txt", "3公里", 3, "公里")

    # honest Simplified text the leftover checks must not flag: 乾 kept by OpenCC in names, ASCII after a comma
    c.document("raw/names.txt", "乾坤湾、乾陵新增景区5家。工程,达到一级A标准,完成19条管网改造。")
    ids["names_ok"] = c.metric("raw/names.txt", "5家", 5, "家")
    ids["ascii_ok"] = c.metric("raw/names.txt", "19条", 19, "条")
    c.document("raw/moji.txt", "社区的管理上了档次!闭f起社区变化有12个。")
    ids["moji"] = c.metric("raw/moji.txt", "12个", 12, "个")

    c.document("raw/many.txt", "共建成" + "、".join(f"{i}个" for i in range(1, 61)) + "。")
    for i in range(1, 61):
        c.metric("raw/many.txt", f"{i}个", i, "个")

    c.bad_file("raw/empty.txt", b"", "empty file")
    c.bad_file("raw/binary.txt", bytes(range(256)), "binary file (NUL bytes)")
    return c.frames(), ids


@pytest.fixture(scope="module")
def gate():
    frames, ids = _build()
    return validate(frames, run_id="test-run-1", waivers=NO_WAIVERS), frames, ids


def _held(result, metric_id: str) -> set[str]:
    return set(result.quarantine.filter(pl.col("metric_id") == metric_id)["expectation"])


def test_shapes(gate):
    result, *_ = gate
    assert dict(result.quarantine.schema) == QUARANTINE
    assert dict(result.results.schema) == RESULTS
    assert dict(result.failures.schema) == FAILURES and dict(result.waived.schema) == WAIVED
    assert result.results.height == len(EXPECTATIONS)
    assert not result.blocked and result.not_evaluated == {}


@pytest.mark.parametrize(
    "key, expectation",
    [
        ("rate_bad", "metrics.rate_le_100"),
        ("part_bad1", "relations.parts_within_whole"),
        ("part_bad2", "relations.parts_within_whole"),
        ("offset_bad", "metrics.span_matches_document"),
        ("unit_bad", "metrics.unit_known"),
        ("adcode_bad", "metrics.adcode_known"),
        ("topic_bad", "metrics.topic_known"),
        ("modality_bad", "metrics.modality_known"),
        ("years_bad", "metrics.years_ordered"),
        ("script_in_sentence", "sentences.no_markup"),
        ("trad", "sentences.no_traditional"),
        ("moji", "sentences.no_mojibake"),
    ],
)
def test_bad_rows_quarantined_with_the_right_expectation(gate, key, expectation):
    result, _, ids = gate
    assert expectation in _held(result, ids[key])
    assert ids[key] not in set(result.metrics["metric_id"])


def test_parts_name_the_whole(gate):
    result, _, ids = gate
    reasons = result.quarantine.filter(pl.col("expectation") == "relations.parts_within_whole")["reason"]
    assert reasons.len() == 2 and all(ids["whole_bad"] in r and "1100" in r for r in reasons)
    assert ids["whole_bad"] in set(result.metrics["metric_id"])  # the whole itself loads


def test_every_failure_row_has_its_sentence_path_and_span(gate):
    result, *_ = gate
    rows = result.failures.filter(pl.col("frame").is_in(["metrics", "relations"]))
    assert rows.height and rows["path"].null_count() == 0 and rows["sentence"].null_count() == 0
    for r in rows.filter(pl.col("expectation") != "metrics.span_matches_document").iter_rows(named=True):
        assert r["sentence"][r["mark_start"] : r["mark_end"]] == r["text"], r
    parts = rows.filter(pl.col("expectation") == "relations.parts_within_whole")
    assert set(parts["text"]) == {"800件", "300件"} and set(parts["path"]) == {"raw/parts.txt"}
    markup = result.failures.filter(pl.col("expectation") == "sentences.no_markup").row(0, named=True)
    assert markup["sentence"][markup["mark_start"] : markup["mark_end"]].startswith("<script")


def test_good_rows_pass(gate):
    result, _, ids = gate
    loaded = set(result.metrics["metric_id"])
    for key in ("whole_ok", "part_ok1", "part_ok2", "share_ok", "people", "growth_ok", "whole_bad", "names_ok",
                "ascii_ok", "hk_ok"):  # fmt: skip
        assert ids[key] in loaded, key
    rel = set(zip(result.relations["whole_metric_id"], result.relations["part_metric_id"], strict=True))
    assert rel == {(ids["whole_ok"], ids["part_ok1"]), (ids["whole_ok"], ids["part_ok2"])}


def test_counts_reconcile(gate):
    result, frames, _ = gate
    held = result.quarantine.filter(pl.col("severity") == "quarantine")["metric_id"].n_unique()
    assert frames["metrics"].height == result.metrics.height + held
    assert result.counts["quarantined"] == held and result.counts["unreadable_files"] == 2
    # a metric failing two expectations is listed twice but counted once
    assert result.quarantine.group_by("metric_id").len().filter(pl.col("len") > 1).height >= 1


def test_warnings_and_results(gate):
    result, *_ = gate
    by = {r["expectation"]: r for r in result.results.iter_rows(named=True)}
    assert by["files.readable"]["success"] is False and by["files.readable"]["unexpected_count"] == 2
    assert by["documents.metric_count_usual"]["success"] is False  # raw/many.txt: 60 metrics
    assert by["metrics.rate_le_100"]["unexpected_count"] == 1
    assert by["metrics.sign_written"]["success"] is True
    assert result.warnings >= 2
    assert result.bad_files["path"].to_list() == ["raw/empty.txt", "raw/binary.txt"]


def test_validate_writes_nothing(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    c = Corpus()
    c.document("raw/a.txt", "新建道路3公里。")
    c.metric("raw/a.txt", "3公里", 3, "公里")
    result = validate(c.frames(), run_id="quiet", waivers=NO_WAIVERS)
    assert not result.blocked and result.counts["loaded"] == 1
    assert list(tmp_path.iterdir()) == []


# ------------------------------------------------------------------------------- fail closed


def _small() -> dict[str, pl.DataFrame]:
    c = Corpus()
    c.document("raw/a.txt", "這裏新建道路3公里。", script="traditional")
    c.metric("raw/a.txt", "3公里", 3, "公里")
    return c.frames()


def test_a_check_whose_module_does_not_import_blocks_with_its_reason(monkeypatch):
    monkeypatch.setitem(sys.modules, "transforms.text.script", None)  # import now raises ImportError
    result = validate(_small(), run_id="broken-module", waivers=NO_WAIVERS)
    assert result.blocked and result.metrics.is_empty()
    assert "transforms.text.script does not import" in result.not_evaluated["sentences.no_traditional"]
    row = result.results.filter(pl.col("expectation") == "sentences.no_traditional").row(0, named=True)
    assert row["success"] is None and "not evaluated" in json.loads(row["details"])["not_evaluated"]


def test_a_check_whose_module_is_broken_blocks_with_its_reason(monkeypatch):
    import transforms.text.script as script

    def broken() -> str:
        raise SyntaxError("half-edited module")

    monkeypatch.setattr(script, "traditional_pattern", broken)
    result = validate(_small(), run_id="broken-code", waivers=NO_WAIVERS)
    assert result.blocked and "half-edited module" in result.not_evaluated["sentences.no_traditional"]


def test_the_same_input_with_the_module_present_quarantines_instead():
    result = validate(_small(), run_id="module-ok", waivers=NO_WAIVERS)
    assert not result.blocked and result.counts["quarantined"] == 1


def test_a_missing_column_blocks():
    frames = _small()
    frames["metrics"] = frames["metrics"].drop("unit")
    result = validate(frames, run_id="no-unit", waivers=NO_WAIVERS)
    assert result.blocked
    assert {"metrics.unit_known", "metrics.unit_present"} <= set(result.not_evaluated)
    failed = set(result.results.filter(pl.col("success") == False)["expectation"])  # noqa: E712
    assert {"metrics.columns", "metrics.types"} <= failed


@pytest.fixture(scope="module")
def blocked():
    c = Corpus()
    c.document("raw/a.txt", "新建道路3公里。")
    mid = c.metric("raw/a.txt", "3公里", 3, "公里")
    c.metric("raw/a.txt", "3公里", 3, "公里")  # same natural key twice in one file
    frames = c.frames()
    frames["sentences"] = frames["sentences"].with_columns(pl.col("char_start").cast(pl.String))  # wrong type
    return validate(frames, run_id="blocked-run", waivers=NO_WAIVERS), mid


def test_block_refuses_the_whole_load(blocked):
    result, mid = blocked
    assert result.blocked and result.metrics.is_empty() and result.relations.is_empty()
    failed = set(result.results.filter(pl.col("success") == False)["expectation"])  # noqa: E712
    assert {"metrics.metric_id_unique", "sentences.types"} <= failed
    dup = result.quarantine.filter(pl.col("expectation") == "metrics.metric_id_unique")
    assert set(dup["metric_id"]) == {mid} and set(dup["severity"]) == {"block"}
    types = result.failures.filter(pl.col("expectation") == "sentences.types")
    assert types["reason"].to_list() == ["sentences.char_start is str, the contract says int"]


# ------------------------------------------------------------------------------ duplicates


def test_identical_content_under_two_paths_loads_with_both_paths():
    c = Corpus()
    text = "收集群众困难诉求5880件，其中已办结4899件。"
    c.document("raw/page.txt", text)
    c.document("raw/mirror/page (1).txt", text)
    for path in ("raw/page.txt", "raw/mirror/page (1).txt"):
        whole = c.metric(path, "5880件", 5880, "件")
        c.part_of(whole, c.metric(path, "4899件", 4899, "件"))
    result = validate(c.frames(), run_id="dupes", waivers=NO_WAIVERS)
    assert not result.blocked
    assert result.results.filter(pl.col("expectation") == "metrics.metric_id_unique")[
        "success"
    ].to_list() == [True]
    assert result.metrics.height == 4 and result.metrics["metric_id"].n_unique() == 2
    assert set(result.metrics["path"]) == {"raw/page.txt", "raw/mirror/page (1).txt"}
    assert result.counts["extracted"] == result.counts["loaded"] == 2


# --------------------------------------------------------------------------------- waivers


def test_waived_rows_load_and_are_listed(gate, tmp_path):
    _, frames, ids = gate
    path = tmp_path / "waivers.csv"
    path.write_text(
        "# accepted by review\nmetric_id,file,expectation,reason,who\n"
        f"{ids['rate_bad']},,metrics.rate_le_100,a score out of 120 points,reviewer-a\n"
        ",parts.txt,relations.parts_within_whole,the parts overlap,reviewer-b\n",
        encoding="utf-8",
    )
    result = validate(frames, run_id="waived", waivers=load_waivers(path))
    loaded = set(result.metrics["metric_id"])
    assert {ids["rate_bad"], ids["part_bad1"], ids["part_bad2"]} <= loaded
    assert ids["unit_bad"] not in loaded  # not waived
    assert set(result.waived["who"]) == {"reviewer-a", "reviewer-b"} and result.counts["waived"] == 3
    assert result.quarantine.filter(pl.col("metric_id") == ids["rate_bad"]).is_empty()


@pytest.mark.parametrize(
    "row, problem",
    [
        (",,metrics.rate_le_100,why,me", "names a metric_id or a file"),
        ("m1,,metrics.metric_id_unique,why,me", "only quarantine expectations"),
        ("m1,,metrics.no_such_check,why,me", "unknown expectation"),
        ("m1,,metrics.rate_le_100,,me", "says why"),
    ],
)
def test_a_malformed_waiver_names_its_line(tmp_path, row, problem):
    path = tmp_path / "waivers.csv"
    path.write_text(f"metric_id,file,expectation,reason,who\n{row}\n", encoding="utf-8")
    with pytest.raises(WaiverError, match=rf"waivers.csv:2: .*{problem}"):
        load_waivers(path)


def test_the_repository_waivers_file_is_valid():
    assert set(load_waivers().columns) == set(WAIVERS)


# ----------------------------------------------------------------------------------- merge


def test_batches_add_up():
    frames, _ = _build()
    by_path = [
        ["raw/good.txt", "raw/rate.txt", "raw/empty.txt"],
        ["raw/parts.txt", "raw/trad.txt", "raw/binary.txt"],
    ]
    parts = []
    for i, paths in enumerate(by_path):
        batch = {
            k: f.filter(pl.col("path").is_in(paths)) if "path" in f.columns else f for k, f in frames.items()
        }
        ids = set(batch["metrics"]["metric_id"])
        batch["relations"] = frames["relations"].filter(pl.col("part_metric_id").is_in(list(ids)))
        parts.append(validate(batch, run_id="merged", waivers=NO_WAIVERS))
        assert parts[-1].counts["batches"] == 1, i
    merged = merge_all(parts, "merged")
    assert merged.metrics.is_empty()  # load frames stay with their batch
    for key in ("extracted", "loaded", "quarantined", "files", "unreadable_files"):
        assert merged.counts[key] == sum(p.counts[key] for p in parts), key
    assert merged.counts["batches"] == 2 and merged.quarantine.height == sum(
        p.quarantine.height for p in parts
    )
    by = {r["expectation"]: r for r in merged.results.iter_rows(named=True)}
    assert by["files.readable"]["unexpected_count"] == 2 and by["files.readable"]["success"] is False
    assert (
        by["metrics.rate_le_100"]["success"] is False
        and by["relations.parts_within_whole"]["success"] is False
    )
    assert by["metrics.sign_written"]["success"] is True
    assert by["metrics.value_present"]["element_count"] == sum(p.counts["extracted"] for p in parts)
    assert merged.bad_files.height == 2 and not merged.blocked


def test_one_blocked_batch_blocks_the_run(blocked):
    result, _ = blocked
    frames, _ = _build()
    clean = validate({k: v.head(0) for k, v in frames.items()}, run_id="blocked-run", waivers=NO_WAIVERS)
    assert not clean.blocked and clean.merge(result).blocked


def test_a_byte_identical_copy_of_a_real_page_never_blocks(tmp_path):
    """Issue 17's reproduction through the real parse chain: a page and its copy under another name."""
    import shutil

    from tests.conftest import SEEDS
    from transforms.parse import parse_batch

    page = sorted(SEEDS.glob("*.txt"))[0]
    shutil.copy(page, tmp_path / page.name)
    shutil.copy(page, tmp_path / f"copy of {page.name}")
    parsed = parse_batch(sorted(str(p) for p in tmp_path.glob("*.txt"))).frames()
    assert parsed["metrics"].height and parsed["metrics"]["metric_id"].is_duplicated().all()
    result = validate(parsed, run_id="copy", waivers=NO_WAIVERS)
    unique = result.results.filter(pl.col("expectation") == "metrics.metric_id_unique")
    assert not result.blocked and unique["success"].to_list() == [True]
    assert result.counts["loaded"] == parsed["metrics"]["metric_id"].n_unique()


# ------------------------------------------- GX asked for verdicts, counts only where a check fails


def _reasons(result) -> set[tuple[str, str, str]]:
    return set(result.quarantine.select("metric_id", "expectation", "reason").iter_rows())


def test_every_row_is_held_with_its_reason():
    from tests.expectations.crafted import every_kind_of_bad_row

    frames, ids = every_kind_of_bad_row()
    result = validate(frames, run_id="reasons", waivers=NO_WAIVERS)
    whole = ids["whole"]
    expected = {
        ("part_a", "relations.parts_within_whole",
         f"part 7条 of whole 12条 ({whole}): parts sum to 16 条, more than the whole 12"),
        ("part_b", "relations.parts_within_whole",
         f"part 9条 of whole 12条 ({whole}): parts sum to 16 条, more than the whole 12"),
        ("share", "metrics.rate_le_100", "130%: 参与度 of 130% exceeds 100%"),
        ("negative", "metrics.sign_written", "4公里: value -4 is negative, but no sign is written"),
        ("low_high", "metrics.low_le_value", "2座: low 3 > value 2"),
        ("low_high", "metrics.value_le_high", "2座: value 2 > high 1"),
        ("no_value", "metrics.value_present", "60人次 has no value"),
        ("no_unit", "metrics.unit_present", "5亩 has no unit"),
        ("bound", "metrics.bound_known", "8户: unknown bound roughly"),
        ("adcode", "metrics.adcode_known", "3处: unknown region code 000001"),
        ("topic", "metrics.topic_known", "40个: unknown topic parking lots"),
        ("modality", "metrics.modality_known", "25盏: unknown modality maybe"),
        ("years", "metrics.years_ordered", "6公里: years 2024 to 2020"),
        ("markup", "sentences.no_markup", "markup left in sentence 0 of raw/left.txt"),
        ("traditional", "sentences.no_traditional", "Traditional characters left in sentence 1 of raw/left.txt"),
        ("pinyin", "sentences.no_pinyin", "pinyin annotation left in sentence 2 of raw/left.txt"),
        ("offsets", "metrics.span_matches_document", "span «9笔» != document text «?» at [500, 502)"),
    }  # fmt: skip
    assert _reasons(result) == {(ids[key], e, why) for key, e, why in expected}
    assert set(result.quarantine["severity"]) == {"quarantine"} and not result.blocked
    assert set(result.metrics["metric_id"]) == {ids["whole"], ids["clean"]}
    by = {r["expectation"]: r for r in result.results.iter_rows(named=True)}
    for _, e, _ in expected:  # GX's own count of every failing check, cross-checked with the rows
        held = result.quarantine.filter(pl.col("expectation") == e)
        assert by[e]["success"] is False and by[e]["unexpected_count"] == held.height, e
    assert by["metrics.value_present"]["element_count"] == frames["metrics"].height


def _with_every_count(monkeypatch) -> None:
    """GX asked for its counts (BASIC) on every expectation, as before verdict-only runs."""
    import expectations.runner as runner

    every = runner._validate_on_gx
    monkeypatch.setattr(runner, "_validate_on_gx", lambda *a, counts, **k: every(*a, counts=True, **k))
    monkeypatch.setattr(runner, "_BY_STRUCTURE", {})


@pytest.mark.parametrize("case", ["mixed", "every_kind", "blocked"])
def test_verdicts_and_recounts_decide_as_counting_every_expectation(monkeypatch, case):
    from tests.expectations.crafted import every_kind_of_bad_row

    frames = _build()[0] if case == "mixed" else every_kind_of_bad_row()[0]
    if case == "blocked":
        frames["metrics"] = pl.concat([frames["metrics"], frames["metrics"].head(1)])  # a duplicate key
    fast = validate(frames, run_id="same", waivers=NO_WAIVERS)
    _with_every_count(monkeypatch)
    counted = validate(frames, run_id="same", waivers=NO_WAIVERS)
    assert fast.blocked == counted.blocked == (case == "blocked")
    for attr in ("results", "quarantine", "failures", "metrics", "relations", "waived", "bad_files"):
        assert getattr(fast, attr).equals(getattr(counted, attr)), attr
    assert fast.counts == counted.counts


def test_a_schema_that_changes_between_windows_still_blocks():
    """Column sets and types are asked of GX once per distinct schema: a later window with another
    schema is validated again, and the clean schema's verdicts are not reused for it."""
    clean = _small()
    assert not validate(clean, run_id="w1", waivers=NO_WAIVERS).blocked
    no_unit = {**clean, "metrics": clean["metrics"].drop("unit")}
    retyped = {**clean, "metrics": clean["metrics"].with_columns(pl.col("value").cast(pl.String))}
    for frames, failed in ((no_unit, {"metrics.columns", "metrics.types"}), (retyped, {"metrics.types"})):
        result = validate(frames, run_id="w2", waivers=NO_WAIVERS)
        assert result.blocked and result.metrics.is_empty()
        assert failed <= set(result.results.filter(pl.col("success") == False)["expectation"])  # noqa: E712
    again = validate(clean, run_id="w3", waivers=NO_WAIVERS)
    assert not again.blocked and again.counts["quarantined"] == 1


@pytest.mark.parametrize("gx_says", ["passes", "fails"])
def test_gx_and_the_row_check_disagreeing_blocks(monkeypatch, gx_says):
    """A passing GX verdict carries no count of its own: the row check finding a failing row must
    still block, as must GX failing rows the row check lets through."""
    from expectations import suites

    frames = _small()
    name = "metrics.bound_known"
    if gx_says == "fails":
        frames["metrics"] = frames["metrics"].with_columns(bound=pl.lit("roughly"))
    honest = suites.row_ok

    def lying(e, kwargs, df):
        ok = honest(e, kwargs, df)
        return ~ok if e.name == name and ok is not None else ok

    monkeypatch.setattr(suites, "row_ok", lying)
    result = validate(frames, run_id="disagree", waivers=NO_WAIVERS)
    assert result.blocked and result.metrics.is_empty()
    assert "GX counts" in result.not_evaluated[name] and "the row check" in result.not_evaluated[name]


def test_an_expectation_gx_cannot_evaluate_blocks(monkeypatch):
    from dataclasses import replace

    import expectations.runner as runner

    broken = [replace(e, kwargs={"column": "sha256", "regex": "(["}) if e.name == "files.sha256_format" else e
              for e in runner.EXPECTATIONS]  # fmt: skip
    monkeypatch.setattr(runner, "EXPECTATIONS", broken)
    result = validate(_small(), run_id="gx-raises", waivers=NO_WAIVERS)
    assert result.blocked and result.metrics.is_empty()
    assert "GX could not evaluate it" in result.not_evaluated["files.sha256_format"]


def _without_memo(monkeypatch) -> None:
    """GX rebuilding every expectation's configuration on every read, as without the memo."""
    from contextlib import nullcontext

    import expectations.runner as runner

    monkeypatch.setattr(runner, "_configuration_memo", nullcontext)


@pytest.mark.parametrize("case", ["mixed", "every_kind"])
def test_the_configuration_memo_decides_as_gx_rebuilding_it(monkeypatch, case):
    from tests.expectations.crafted import every_kind_of_bad_row

    frames = _build()[0] if case == "mixed" else every_kind_of_bad_row()[0]
    memo = validate(frames, run_id="same", waivers=NO_WAIVERS)
    _without_memo(monkeypatch)
    monkeypatch.setattr("expectations.runner._BY_STRUCTURE", {})
    plain = validate(frames, run_id="same", waivers=NO_WAIVERS)
    for attr in ("results", "quarantine", "failures", "metrics", "relations", "waived", "bad_files"):
        assert getattr(memo, attr).equals(getattr(plain, attr)), attr


def test_the_configuration_memo_is_one_per_object_and_undone_even_when_gx_raises():
    import great_expectations.expectations as gxe
    from great_expectations.expectations.expectation import Expectation

    from expectations.runner import _configuration_memo

    original = Expectation.__dict__["configuration"]
    a = gxe.ExpectColumnValuesToBeInSet(column="unit", value_set=["件", "人"])
    b = gxe.ExpectColumnValuesToBeInSet(column="unit", value_set=["元"])
    with pytest.raises(RuntimeError), _configuration_memo():
        assert a.configuration is a.configuration  # built once while GX validates
        assert a.configuration is not b.configuration
        assert b.configuration.kwargs["value_set"] == ["元"]
        raise RuntimeError("GX failed mid-validation")
    assert Expectation.__dict__["configuration"] is original
    assert a.configuration is not a.configuration  # GX's own property again: rebuilt on each read


def test_an_expectation_is_built_once_per_configuration_and_again_when_it_changes():
    import great_expectations.expectations as gxe
    from great_expectations.expectations.expectation_configuration import ExpectationConfiguration

    from expectations.runner import _configuration_memo

    original = ExpectationConfiguration.__dict__["to_domain_obj"]
    config = gxe.ExpectColumnValuesToBeInSet(column="unit", value_set=["件", "人"]).configuration
    with pytest.raises(RuntimeError), _configuration_memo():
        first = config.to_domain_obj()
        assert config.to_domain_obj() is first  # GX asks once per metric: built once
        config.kwargs.update({"batch_id": "b1"})  # as GX does before it validates
        again = config.to_domain_obj()
        assert again is not first and again.batch_id == "b1"
        raise RuntimeError("GX failed mid-validation")
    assert ExpectationConfiguration.__dict__["to_domain_obj"] is original
    assert config.to_domain_obj() is not config.to_domain_obj()


def test_metric_ids_are_the_ones_gx_computes():
    """The plain-JSON path of the metric ids gives GX's own ids, for plain values and others alike."""
    import numpy as np
    from great_expectations.core.id_dict import IDDict

    from expectations.runner import _configuration_memo

    kwargs = [
        {"column": "unit", "batch_id": None, "value_set": ["件", "人"], "mostly": 1.0, "parse": False},
        {"column_A": "value", "column_B": "low", "or_equal": True, "nan": float("nan"), "n": np.int64(3)},
        {"row_condition": None, "table": None, "nested": {"a": (1, 2.5), "b": IDDict({"c": {"d"}})}},
        {"min_value": 0, "max_value": np.float64(100.0), "when": [None, True, "x", 7]},
    ]
    plain = [IDDict(k).to_id() for k in kwargs]
    with _configuration_memo():
        fast = [IDDict(k).to_id() for k in kwargs]
    assert fast == plain
