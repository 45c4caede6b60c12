"""Ingest: listing raw/, reading every file into one row, sidecar metadata, never raising."""

import json
import os
from pathlib import Path

import pytest

from transforms.ingest import list_raw, read_files
from transforms.schemas import FILES

RAW = Path(__file__).resolve().parents[2] / "raw"


def test_list_raw_skips_sidecars_hidden_and_symlink_loops(tmp_path: Path) -> None:
    (tmp_path / "b.txt").write_text("乙", encoding="utf-8")
    (tmp_path / "a.txt").write_text("甲", encoding="utf-8")
    (tmp_path / "a.meta.json").write_text("{}", encoding="utf-8")
    (tmp_path / "manifest.csv").write_text("file\n", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("丙", encoding="utf-8")
    sub = tmp_path / "sub"
    sub.mkdir()
    (sub / "c.txt").write_text("丁", encoding="utf-8")
    os.symlink(tmp_path, sub / "loop")
    assert [Path(p).relative_to(tmp_path).as_posix() for p in list_raw(tmp_path)] == [
        "a.txt",
        "b.txt",
        "sub/c.txt",
    ]


def test_seeds_read_as_utf8() -> None:
    files = read_files(list_raw(RAW))
    assert files.schema == FILES
    assert files.height == 5
    assert files["encoding"].to_list() == ["utf-8"] * 5
    assert files["error"].null_count() == 5
    assert all(len(h) == 64 for h in files["sha256"])


def test_bad_files_become_rows_with_errors(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "photo.txt").write_bytes(b"\xff\xd8\xff\xe0" + bytes(range(256)))
    good = tmp_path / "good.txt"
    good.write_text("收集群众困难诉求5880件。", encoding="gb18030")
    paths = [str(tmp_path / n) for n in ("empty.txt", "photo.txt", "gone.txt", "good.txt")]
    files = read_files(paths)
    rows = {r["name"]: r for r in files.iter_rows(named=True)}
    assert rows["empty.txt"]["error"] == "empty file"
    assert "jpeg" in rows["photo.txt"]["error"] and rows["photo.txt"]["raw_text"] is None
    assert rows["gone.txt"]["error"].startswith("unreadable")
    assert rows["good.txt"]["raw_text"] == "收集群众困难诉求5880件。"
    assert rows["good.txt"]["encoding"] == "gb18030"


def test_sidecar_metadata(tmp_path: Path) -> None:
    for name in ("a", "b", "c"):
        (tmp_path / f"{name}.txt").write_text("正文。", encoding="utf-8")
    (tmp_path / "a.meta.json").write_text(
        '{"published": "2021-07-06", "region": "武陵源区"}', encoding="utf-8"
    )
    (tmp_path / "b.meta.json").write_text("{not json", encoding="utf-8")
    (tmp_path / "manifest.csv").write_text(
        "file,published,source,region\nc.txt,2021-08-20,人民网,万州区\n", encoding="utf-8"
    )
    files = read_files(list_raw(tmp_path))
    meta = {r["name"]: json.loads(r["meta"]) for r in files.iter_rows(named=True)}
    assert meta["a.txt"] == {"published": "2021-07-06", "region": "武陵源区"}
    assert "meta_error" in meta["b.txt"]
    assert files.filter(files["name"] == "b.txt")["raw_text"].item() == "正文。"  # the file is kept
    assert meta["c.txt"] == {"published": "2021-08-20", "source": "人民网", "region": "万州区"}


def test_missing_raw_dir_is_an_error_not_an_empty_run(tmp_path: Path) -> None:
    missing = tmp_path / "no-such-raw"
    with pytest.raises(FileNotFoundError, match="no-such-raw"):
        list_raw(missing)
    a_file = tmp_path / "page.txt"
    a_file.write_text("甲", encoding="utf-8")
    with pytest.raises(NotADirectoryError, match="page.txt"):
        list_raw(a_file)
