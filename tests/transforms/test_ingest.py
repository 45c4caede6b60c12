"""Ingest: listing raw/, reading every file into one row, sidecar metadata, never raising."""

import json
import os
from pathlib import Path

import pytest

from transforms.ingest import escape_path, file_sha256, fs_path, list_raw, read_files
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
    with pytest.raises(NotADirectoryError, match=r"page\.txt"):
        list_raw(a_file)


# --- raw/ is a boundary; any name and any sidecar gives a row, never an exception (issues 17, 18) ---


def _rows(paths: list[str]) -> dict[str, dict]:
    return {r["name"]: r for r in read_files(paths).iter_rows(named=True)}


def test_links_out_of_raw_are_listed_and_skipped_never_read(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "private.txt").write_text("外部文件，共有3件。", encoding="utf-8")
    raw = tmp_path / "raw"
    (raw / "sub").mkdir(parents=True)
    (raw / "own.txt").write_text("本地页面，共有4件。", encoding="utf-8")
    (raw / "sub" / "deep.txt").write_text("子目录，共有5件。", encoding="utf-8")
    (raw / "file-link.txt").symlink_to(outside / "private.txt")
    (raw / "dir-link").symlink_to(outside, target_is_directory=True)
    (raw / "sub" / "up.txt").symlink_to(raw / "own.txt")  # inside raw/, but out of its directory
    (raw / "sub" / "same.txt").symlink_to(raw / "sub" / "deep.txt")  # beside it: followed
    listed = list_raw(raw)
    rel = [Path(p).relative_to(raw).as_posix() for p in listed]
    assert rel == ["dir-link", "file-link.txt", "own.txt", "sub/deep.txt", "sub/same.txt", "sub/up.txt"]
    rows = _rows(listed)
    for name in ("dir-link", "file-link.txt", "up.txt"):
        assert rows[name]["error"].startswith("skipped: symbolic link leads out of raw/")
        assert rows[name]["raw_text"] is None and rows[name]["sha256"] is None
    assert str(outside) in rows["file-link.txt"]["error"]
    assert rows["same.txt"]["raw_text"] == "子目录，共有5件。"
    assert not any("外部文件" in (r["raw_text"] or "") for r in rows.values())


def test_a_link_swapped_in_after_listing_is_not_followed(tmp_path: Path) -> None:
    (tmp_path / "secret.txt").write_text("秘密", encoding="utf-8")
    raw = tmp_path / "raw"
    raw.mkdir()
    page = raw / "page.txt"
    page.write_text("页面", encoding="utf-8")
    listed = list_raw(raw)
    page.unlink()
    page.symlink_to(tmp_path / "secret.txt")
    assert _rows(listed)["page.txt"]["error"].startswith("skipped:")


def test_a_directory_or_pipe_named_txt_is_a_row(tmp_path: Path) -> None:
    (tmp_path / "folder.txt").mkdir()
    os.mkfifo(tmp_path / "pipe.txt")
    rows = _rows([str(tmp_path / "folder.txt"), str(tmp_path / "pipe.txt")])
    assert rows["folder.txt"]["error"] == "skipped: a directory, not a page"
    assert rows["pipe.txt"]["error"].startswith("skipped: not a regular file")


def test_names_that_are_not_utf8_are_stored_escaped_and_still_read(tmp_path: Path) -> None:
    raw = os.fsencode(tmp_path)
    with open(raw + b"/bad-\xff\xfe-name.txt", "wb") as fh:
        fh.write("奇怪的文件名，共有6件。".encode())
    with open(raw + b"/gbk-" + "名".encode("gbk") + b".txt", "wb") as fh:
        fh.write("另一个文件，共有7件。".encode())
    listed = list_raw(tmp_path)
    for p in listed:
        p.encode("utf-8")  # storable
    files = read_files(listed)
    assert sorted(files["name"].to_list()) == ["bad-\\xff\\xfe-name.txt", "gbk-\\xc3\\xfb.txt"]
    assert files["error"].null_count() == 2
    assert all(os.fsencode(fs_path(p)).startswith(raw + b"/") and os.path.exists(fs_path(p)) for p in listed)
    assert escape_path(os.fsdecode(raw + b"/x\xff.txt")) == str(tmp_path) + "/x\\xff.txt"
    assert fs_path(escape_path(os.fsdecode(raw + b"/x\xff.txt"))) == os.fsdecode(raw + b"/x\xff.txt")


@pytest.mark.parametrize(
    ("sidecar", "fragment"),
    [
        ("[" * 200_000 + "]" * 200_000, "too large"),  # 400 kB: too large, never a RecursionError
        ("[" * 3000 + "]" * 3000, "nested"),  # small but deeper than the JSON parser's recursion
        ('{"region": {"a": {"b": {"c": {"d": {"e": {"f": {"g": {"h": 1}}}}}}}}}', "nested"),
        ('{"region": ["重庆"], "published": 2021}', "must be text"),
        ('"just a string"', "not a JSON object"),
        ('{"region": "\\udcff"}', None),  # a lone surrogate escape: stored escaped, not a crash
        (b"\xff\xfe{not utf-8", "meta.json"),
    ],
)
def test_a_bad_sidecar_is_a_meta_error_and_the_page_is_kept(tmp_path: Path, sidecar, fragment) -> None:
    sub = tmp_path / "a" / "b"
    sub.mkdir(parents=True)
    (sub / "page.txt").write_text("正文，共有9件。", encoding="utf-8")
    data = sidecar if isinstance(sidecar, bytes) else sidecar.encode()
    (sub / "page.meta.json").write_bytes(data)
    row = _rows(list_raw(tmp_path))["page.txt"]
    assert row["raw_text"] == "正文，共有9件。" and row["error"] is None
    meta = json.loads(row["meta"])
    if fragment:
        assert fragment in meta["meta_error"] and "page.meta.json" in meta["meta_error"]
    row["meta"].encode("utf-8")


def test_sidecars_are_never_read_through_links(tmp_path: Path) -> None:
    (tmp_path / "passwd").write_text('{"region": "root:x:0:0"}', encoding="utf-8")
    raw = tmp_path / "raw"
    raw.mkdir()
    for name in ("a", "b"):
        (raw / f"{name}.txt").write_text("正文。", encoding="utf-8")
    (raw / "a.meta.json").symlink_to(tmp_path / "passwd")
    (raw / "manifest.csv").symlink_to(tmp_path / "passwd")
    rows = _rows(list_raw(raw))
    for name in ("a.txt", "b.txt"):
        assert "root:x" not in rows[name]["meta"]
        assert "not a regular file" in json.loads(rows[name]["meta"])["meta_error"]


def test_file_sha256_hashes_what_read_file_reads_and_nothing_else(tmp_path: Path) -> None:
    (tmp_path / "outside.txt").write_text("外部", encoding="utf-8")
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "page.txt").write_text("页面，共有2件。", encoding="utf-8")
    (raw / "out.txt").symlink_to(tmp_path / "outside.txt")
    os.mkfifo(raw / "pipe")
    (raw / "to-pipe.txt").symlink_to(raw / "pipe")  # a plain open() would block here forever
    with open(os.fsencode(raw) + b"/odd-\xff.txt", "wb") as fh:
        fh.write(b"odd")
    hashes = {Path(p).name: file_sha256(p) for p in list_raw(raw)}
    rows = _rows(list_raw(raw))
    assert hashes["page.txt"] == rows["page.txt"]["sha256"]
    assert hashes["odd-\\xff.txt"] == rows["odd-\\xff.txt"]["sha256"]
    assert hashes["out.txt"] is None and hashes["to-pipe.txt"] is None
    assert rows["to-pipe.txt"]["error"].startswith("skipped:")


def test_a_raw_directory_that_is_itself_a_link_is_read(tmp_path: Path) -> None:
    """Mounts are often links (raw -> /mnt/share/raw): the boundary is the link's target."""
    real = tmp_path / "share" / "raw"
    (real / "sub").mkdir(parents=True)
    (real / "sub" / "page.txt").write_text("页面，共有2件。", encoding="utf-8")
    raw = tmp_path / "raw"
    raw.symlink_to(real, target_is_directory=True)
    listed = list_raw(raw)
    assert listed == [str(raw / "sub" / "page.txt")]
    assert _rows(listed)["page.txt"]["raw_text"] == "页面，共有2件。"
