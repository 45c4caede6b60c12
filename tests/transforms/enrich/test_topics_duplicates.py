"""A metric's facts are the document's: the same page under a second path, or other pages in the
batch, change nothing (a repeat must never stand as its own neighbour in a sentence)."""

from __future__ import annotations

from pathlib import Path

import polars as pl

from transforms import parse
from transforms.enrich.context import Context
from transforms.enrich.topics import metric_topics

_TEXTS = (
    "今年全县改造老旧小区41个，新建学校12所，投资3700万元，改造背街巷道11条。",
    "全市31个乡镇和社区报告新增确诊病例5例，其中无症状感染者3例。",
    "区里开展理论学习4期，帮扶困难群众320户，实施民生实事15件。",
    "城乡居民人均可支配收入分别增长5.2%和6.1%，新增就业岗位8000个。",
)


def _context(texts: tuple[str, ...], copies: int) -> Context:
    """A context of one page holding ``texts`` (one sentence each), its metrics ``copies`` times."""
    starts, pos = [], 0
    for text in texts:
        starts.append(pos)
        pos += len(text) + 1
    spans = [("41个", 0), ("12所", 0), ("3700万元", 0), ("11条", 0), ("5例", 1), ("3例", 1)]
    spans += [("4期", 2), ("320户", 2), ("15件", 2), ("5.2%", 3), ("6.1%", 3), ("8000个", 3)]
    rows = []
    for span, ix in spans:
        a = texts[ix].index(span)
        rows.append(
            {
                "metric_id": f"d:{starts[ix] + a}",
                "sha256": "d",
                "sent_ix": ix,
                "story_ix": 0,
                "text": span,
                "char_start": starts[ix] + a,
                "char_end": starts[ix] + a + len(span),
                "subject": None,
            }
        )
    one = pl.DataFrame(rows).with_columns(pl.col("sent_ix", "story_ix").cast(pl.Int32))
    sentences = pl.DataFrame(
        {
            "sha256": ["d"] * len(texts),
            "story_ix": [0] * len(texts),
            "sent_ix": list(range(len(texts))),
            "text": list(texts),
            "char_start": starts,
            "char_end": [s + len(t) for s, t in zip(starts, texts, strict=True)],
        }
    ).with_columns(pl.col("story_ix", "sent_ix").cast(pl.Int32))
    documents = pl.DataFrame({"sha256": ["d"], "text": ["\n".join(texts)]})
    return Context.of(pl.concat([one] * copies), documents, sentences)


def test_a_repeated_metric_gets_the_topic_it_has_alone() -> None:
    alone = metric_topics(_context(_TEXTS, 1)).sort("metric_id")
    repeated = metric_topics(_context(_TEXTS, 2)).sort("metric_id")
    assert repeated.height == alone.height  # one row per metric_id
    assert repeated.to_dicts() == alone.to_dicts()


def _write(folder: Path, name: str, text: str) -> str:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def _facts(parsed: parse.Parsed, path: str) -> list[dict[str, object]]:
    return parsed.metrics.filter(pl.col("path") == path).drop("path").sort("metric_id").to_dicts()


def test_a_page_has_the_same_facts_alone_and_in_a_large_batch_with_its_duplicate(tmp_path: Path) -> None:
    page = "\n".join(_TEXTS) + "\n"
    first = _write(tmp_path / "a", "page.txt", page)
    alone = parse.parse_batch([first])
    # other pages (made unique by a count of their own) and the same bytes under a second path
    others = [
        _write(tmp_path / "a", f"other{i:03d}.txt", f"{_TEXTS[i % len(_TEXTS)]}\n全镇修建道路{i + 2}条。\n")
        for i in range(120)
    ]
    second = _write(tmp_path / "b", "page.txt", page)
    batch = parse.parse_batch([first, *others, second])
    assert _facts(alone, first)
    assert _facts(batch, first) == _facts(alone, first)
    assert _facts(batch, second) == _facts(alone, first)
