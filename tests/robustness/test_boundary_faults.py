"""Fault matrix, stage rows for issues 17 and 18: nothing lost (odd bytes, odd names, bad sidecars)
and nothing let in (links out of raw/, script bodies, link targets), through the one parse chain
(``transforms.parse.parse_batch``: ingest -> normalise -> extract -> enrich) exactly as the flow runs it."""

from __future__ import annotations

import json
import os
from pathlib import Path

import polars as pl
import pytest

from tests.robustness.helpers import METRICS, PAGE
from transforms.ingest import list_raw
from transforms.parse import parse_batch

SECRET = "机密材料\n内部统计，共有机密档案7777件。\n"


def _parse(raw: Path):
    return parse_batch(list_raw(raw))


def _row(parsed, name: str) -> dict:
    rows = [r for r in parsed.files.iter_rows(named=True) if r["name"] == name]
    assert len(rows) == 1, f"{name}: {len(rows)} rows"
    return rows[0]


def _spans(parsed, name: str) -> set[str]:
    return set(parsed.metrics.filter(pl.col("name") == name)["text"].to_list())


def _repairs(parsed, name: str) -> dict[str, int]:
    return json.loads(parsed.documents.filter(pl.col("name") == name)["repairs"][0])


@pytest.fixture
def outside(tmp_path: Path) -> Path:
    d = tmp_path / "outside"
    d.mkdir()
    (d / "secret.txt").write_text(SECRET, encoding="utf-8")
    (d / "secret.meta.json").write_text('{"region": "泄露区"}', encoding="utf-8")
    return d


def test_links_out_of_raw_are_reported_and_never_read(tmp_path: Path, outside: Path) -> None:
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "good.txt").write_text(PAGE, encoding="utf-8")
    (raw / "file-link.txt").symlink_to(outside / "secret.txt")
    (raw / "outside-dir").symlink_to(outside, target_is_directory=True)
    (raw / "passwd.txt").symlink_to("/etc/passwd")
    (raw / "good.meta.json").unlink(missing_ok=True)
    (raw / "other.txt").write_text(PAGE.replace("5880", "5883"), encoding="utf-8")
    (raw / "other.meta.json").symlink_to(outside / "secret.meta.json")
    parsed = _parse(raw)
    assert _spans(parsed, "good.txt") == METRICS
    for name in ("file-link.txt", "outside-dir", "passwd.txt"):
        assert _row(parsed, name)["error"].startswith("skipped: symbolic link leads out of raw/")
    texts = "\n".join(parsed.documents["text"].drop_nulls().to_list() + parsed.sentences["text"].to_list())
    assert "机密" not in texts and "root:" not in texts and "7777" not in texts
    assert "泄露区" not in (_row(parsed, "other.txt")["meta"] or "")
    assert "泄露区" not in set(parsed.metrics["region"].drop_nulls().to_list())


def test_names_that_are_not_utf8_give_rows_and_their_metrics(tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    raw.mkdir()
    with open(os.fsencode(raw) + b"/\xb9\xa4\xd7\xf7-\xff.txt", "wb") as fh:  # a GBK name plus a stray byte
        fh.write(PAGE.encode())
    parsed = _parse(raw)
    (name,) = parsed.files["name"].to_list()
    assert name == "\\xb9\\xa4\\xd7\\xf7-\\xff.txt"
    assert _spans(parsed, name) == METRICS
    parsed.files.write_ndjson()  # every path is storable text


@pytest.mark.parametrize(
    ("sidecar", "reason"),
    [
        (b"[" * 200_000 + b"]" * 200_000, "too large"),
        (b"[" * 5_000 + b"]" * 5_000, "nested"),
        (
            b'{"region": {"name": "\xe6\xad\xa6\xe9\x9a\x86\xe5\x8c\xba"}, "published": ["2021"]}',
            "must be text",
        ),
        (b'{"region": 42}', "must be text"),
        (b"\x00\x01\x02", "meta.json"),
    ],
)
def test_a_bad_sidecar_in_a_nested_folder_is_a_meta_error(
    tmp_path: Path, sidecar: bytes, reason: str
) -> None:
    deep = tmp_path / "raw" / "2024" / "06"
    deep.mkdir(parents=True)
    (deep / "page.txt").write_text(PAGE, encoding="utf-8")
    (deep / "page.meta.json").write_bytes(sidecar)
    parsed = _parse(tmp_path / "raw")
    row = _row(parsed, "page.txt")
    assert row["error"] is None
    assert reason in json.loads(row["meta"])["meta_error"]
    assert _spans(parsed, "page.txt") == METRICS


def _cesu8(ch: str) -> bytes:
    units = ch.encode("utf-16-le")
    return b"".join(
        chr(int.from_bytes(units[i : i + 2], "little")).encode("utf-8", "surrogatepass") for i in (0, 2)
    )


ODD_BYTES = {
    "nul.txt": (lambda b: b[:30] + b"\x00" + b[30:], {"nul_bytes": 1}),
    "cesu8.txt": (lambda b: _cesu8("👍") * 3 + b + _cesu8("🎈"), {"cesu8": 4}),
    "utf16-short.txt": (None, {"truncated": 1}),
    "ansi.txt": (None, {"ansi_escape": 4}),
}


def _odd(name: str) -> bytes:
    page = PAGE.encode()
    if name == "utf16-short.txt":
        return (PAGE + "。").encode("utf-16")[:-1]
    if name == "ansi.txt":
        lines = PAGE.splitlines()
        return "".join(f"\x1b[32m{ln}\x1b[0m\n" for ln in lines).encode()
    fn, _ = ODD_BYTES[name]
    return fn(page)


@pytest.mark.parametrize("name", sorted(ODD_BYTES))
def test_one_odd_byte_never_loses_the_page(tmp_path: Path, name: str) -> None:
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / name).write_bytes(_odd(name))
    parsed = _parse(raw)
    assert _row(parsed, name)["error"] is None
    assert _spans(parsed, name) == METRICS
    repairs = _repairs(parsed, name)
    for kind, n in ODD_BYTES[name][1].items():
        assert repairs.get(kind) == n, repairs
    assert not any(c in t for t in parsed.sentences["text"].to_list() for c in "\x00\x1b\ufffd")


HTML_PAGE = """<!DOCTYPE html><html><head><title>街道收集诉求</title>
<style>.n { width: 3300px } /* 3300件 */</style>
<script>var total = "9999件"; document.write('<p>' + total + '</p>'); alert(1)</script></head>
<body><p>今年以来，街道共收集群众困难诉求5880件，其中已办结4899件。</p>
<p>详见<a href="https://www.example.gov.cn/%E9%95%B7%E5%AF%BF/8888.html">长寿区通报</a>。</p>
<noscript><p>请开启脚本，6666件</p></noscript>
</body></html>
"""
MARKDOWN_PAGE = (
    "# 街道收集诉求\n\n今年以来，街道共收集群众困难诉求5880件，其中已办结4899件。\n\n"
    "[查看原文](https://tv.example.cn/2024/07/%E9%95%B7-5555.shtml)\n"
    "来源：[区融媒体](http://www.example.cn/%E5%AF%BF/index.html)\n"
)


@pytest.mark.parametrize(("name", "text"), [("page.html.txt", HTML_PAGE), ("page.md.txt", MARKDOWN_PAGE)])
def test_script_style_and_link_targets_never_reach_sentences(tmp_path: Path, name: str, text: str) -> None:
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / name).write_text(text, encoding="utf-8")
    parsed = _parse(raw)
    sentences = "\n".join(parsed.sentences["text"].to_list())
    assert _spans(parsed, name) == METRICS
    for leftover in (
        "alert",
        "document",
        "width",
        "%E9",
        "http",
        "www.",
        "9999",
        "8888",
        "5555",
        "6666",
        "3300",
    ):
        assert leftover not in sentences, leftover
    assert "长寿区通报" in sentences or name.startswith("page.md")
