"""normalise_files end to end on the real seeds, their re-encoded copies and the real corpus."""

import glob
import json
import re
from pathlib import Path

import pytest

from transforms.ingest import list_raw, read_files
from transforms.schemas import DOCUMENTS, SENTENCES, STORIES
from transforms.text.normalise import normalise_files, normalise_text
from transforms.text.repairs import MOJIBAKE_PATTERN, PINYIN_PATTERN
from transforms.text.script import traditional_pattern

ROOT = Path(__file__).resolve().parents[3]
RAW = ROOT / "raw"
SHARED = Path(__file__).resolve().parents[4] / "shared"
GOLD = SHARED / "gold" / "seeds.gold.jsonl"
CORPUS = SHARED / "corpus"
SEED_003 = RAW / "003_92522d596ed444a6.txt"


@pytest.fixture(scope="module")
def seeds():
    return normalise_files(read_files(list_raw(RAW)))


def _strip(s: str) -> str:
    return re.sub(r"[\W_]+", "", s)


def test_schemas_and_offsets(seeds) -> None:
    documents, stories, sentences = seeds
    assert (documents.schema, stories.schema, sentences.schema) == (DOCUMENTS, STORIES, SENTENCES)
    texts = dict(zip(documents["sha256"], documents["text"], strict=True))
    for r in sentences.iter_rows(named=True):
        assert texts[r["sha256"]][r["char_start"] : r["char_end"]] == r["text"] == r["text"].strip()
    for part in sentences.partition_by("sha256"):
        assert part["sent_ix"].to_list() == list(range(part.height))


@pytest.mark.skipif(not GOLD.exists(), reason="gold file not available")
def test_gold_sentences_are_contained(seeds) -> None:
    _, _, sentences = seeds
    by_file: dict[str, list[str]] = {}
    for r in sentences.iter_rows(named=True):
        by_file.setdefault(r["name"], []).append(_strip(r["text"]))
    rows = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]
    found = sum(any(_strip(g["sentence"]) in s for s in by_file[g["file"]]) for g in rows)
    assert found / len(rows) >= 0.97


def test_seed_003_is_clean_simplified_with_teasers(seeds) -> None:
    documents, stories, _ = seeds
    doc = documents.filter(documents["name"] == SEED_003.name).row(0, named=True)
    text = doc["text"]
    assert doc["script"] == "traditional"
    assert not re.search(traditional_pattern(), text)
    assert not re.search(PINYIN_PATTERN, text)
    assert not re.search(MOJIBAKE_PATTERN, text)
    assert "上了档次！”说起眼前的变化" in text and "杂乱无章！”社区干部说" in text
    repairs = json.loads(doc["repairs"])
    assert repairs["mojibake"] == 2 and repairs["pinyin"] > 200
    kinds = stories.filter(stories["sha256"] == doc["sha256"])["kind"].to_list()
    assert kinds == ["article", "teaser", "teaser", "teaser"]


def test_normalisation_is_idempotent_on_seeds(seeds) -> None:
    documents, _, _ = seeds
    for text in documents["text"]:
        assert normalise_text(text)[1] == text


def _sentences_of(path: Path) -> list[str]:
    return normalise_files(read_files([str(path)]))[2]["text"].to_list()


@pytest.mark.parametrize("codec", ["gb18030", "utf-16", "utf-8-sig"])
def test_reencoded_seed_gives_same_sentences(tmp_path: Path, codec: str) -> None:
    original = RAW / "000_900b9bbc950467db.txt"
    copy = tmp_path / original.name
    copy.write_bytes(original.read_text(encoding="utf-8").encode(codec))
    assert _sentences_of(copy) == _sentences_of(original)


def test_big5_and_gbk_copies_of_traditional_seed(tmp_path: Path) -> None:
    """Big5 cannot hold the pinyin tone marks or the mojibake, so compare on the lines it can hold."""
    lines = [re.sub(PINYIN_PATTERN, "", ln) for ln in SEED_003.read_text(encoding="utf-8").split("\n")]
    text = "\n".join(ln for ln in lines if _big5_ok(ln))
    utf8 = tmp_path / "utf8.txt"
    utf8.write_text(text, encoding="utf-8")
    expected = _sentences_of(utf8)
    assert len(expected) > 30
    for codec in ("big5", "gbk"):
        copy = tmp_path / f"{codec}.txt"
        copy.write_bytes(text.encode(codec))
        assert _sentences_of(copy) == expected, codec


def _big5_ok(line: str) -> bool:
    try:
        line.encode("big5")
    except UnicodeEncodeError:
        return False
    return True


def test_files_with_errors_keep_a_document_row(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    documents, _stories, sentences = normalise_files(read_files([str(tmp_path / "empty.txt"), str(SEED_003)]))
    assert documents["error"].to_list() == ["empty file", None]
    assert set(sentences["name"]) == {SEED_003.name}


def test_corpus_real_files_decode_and_lose_html() -> None:
    paths = sorted(glob.glob(str(CORPUS / "*" / "real" / "*.txt")))
    if not paths:
        pytest.skip("corpus not available")
    documents, _, sentences = normalise_files(read_files(paths))
    assert documents["error"].null_count() == len(paths)
    html = re.compile(r"</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?/?>|&(?:#\d+|#x[0-9a-f]+|[a-z]+\d*);", re.I)
    assert not [s for s in sentences["text"] if html.search(s)]
    assert sentences.height > 10000


def test_normalisation_is_idempotent_on_real_corpus() -> None:
    """Breadcrumbs (云南要闻 / 云南要闻 / 2026年政府工作报告) once came out as lines a second pass joined."""
    paths = sorted(glob.glob(str(CORPUS / "*" / "real" / "*.txt")))
    if not paths:
        pytest.skip("corpus not available")
    for row in read_files(paths).iter_rows(named=True):
        once = normalise_text(row["raw_text"])[1]
        assert normalise_text(once)[1] == once, row["name"]
