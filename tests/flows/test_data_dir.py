"""Generated data lives under one git-ignored folder (issue 16): the defaults, the settings that move
it, the warehouse an older version left at ``warehouse/minsheng.duckdb``, and the files that repeat
the default paths (README, Makefile, prefect.yaml, the systemd unit, .gitignore) agreeing with them.
"""

from __future__ import annotations

import inspect
from pathlib import Path

import pytest

from flows import settings as cfg
from flows.cli import main
from tests.conftest import REPO


@pytest.fixture
def checkout(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty working directory with no MINSHENG_* path variables: what a fresh clone sees."""
    for name in ("MINSHENG_WAREHOUSE", "MINSHENG_DATA_DIR"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_everything_defaults_under_var(checkout: Path) -> None:
    s = cfg.load_settings()
    assert s.warehouse_path == Path("var/minsheng.duckdb")
    assert s.reports_dir == Path("var/reports")
    assert cfg.bench_dir() == Path("var/bench")
    assert cfg.legacy_warehouse_note() is None


def test_data_dir_and_warehouse_settings_move_it(checkout: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MINSHENG_DATA_DIR", "/srv/minsheng")
    assert cfg.load_settings().warehouse_path == Path("/srv/minsheng/minsheng.duckdb")
    assert cfg.bench_dir() == Path("/srv/minsheng/bench")
    # What belongs to a warehouse follows the warehouse, wherever MINSHENG_WAREHOUSE puts it.
    monkeypatch.setenv("MINSHENG_WAREHOUSE", "/data/w.duckdb")
    assert cfg.load_settings().reports_dir == Path("/data/reports")
    assert cfg.load_settings(warehouse_path="x/y.duckdb").warehouse_path == Path("x/y.duckdb")


def test_a_warehouse_at_the_old_default_is_used_and_the_user_told(checkout: Path) -> None:
    old = checkout / "warehouse" / "minsheng.duckdb"
    old.parent.mkdir()
    old.write_bytes(b"")
    assert cfg.load_settings().warehouse_path == Path("warehouse/minsheng.duckdb")
    note = cfg.legacy_warehouse_note()
    assert note is not None and "\n" not in note
    assert "mkdir -p var && mv warehouse/minsheng.duckdb* warehouse/reports var/" in note
    assert "MINSHENG_WAREHOUSE=warehouse/minsheng.duckdb" in note
    assert old.exists() and not (checkout / "var").exists()  # nothing moved behind the user's back


def test_once_moved_the_new_path_wins(checkout: Path) -> None:
    for path in ("warehouse/minsheng.duckdb", "var/minsheng.duckdb"):
        (checkout / path).parent.mkdir()
        (checkout / path).write_bytes(b"")
    assert cfg.load_settings().warehouse_path == Path("var/minsheng.duckdb")
    assert cfg.legacy_warehouse_note() is None


def test_commands_print_the_hint_unless_a_warehouse_was_named(
    checkout: Path, capsys: pytest.CaptureFixture
) -> None:
    (checkout / "warehouse").mkdir()
    (checkout / "warehouse" / "minsheng.duckdb").write_bytes(b"")
    main(["runs"])
    assert "the default before var/" in capsys.readouterr().err
    main(["runs", "--warehouse", "elsewhere.duckdb"])
    assert "the default before var/" not in capsys.readouterr().err


def test_the_flow_takes_its_default_from_the_settings() -> None:
    from flows.etl import etl

    assert inspect.signature(etl.fn).parameters["warehouse_path"].default is None


def test_bench_writes_under_the_data_dir(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("MINSHENG_DATA_DIR", raising=False)
    from flows import bench

    assert REPO / cfg.bench_dir() / "cache" == bench.CACHE
    assert REPO / cfg.bench_dir() / "results" == bench.RESULTS


def test_the_files_that_name_the_defaults_agree() -> None:
    import yaml

    default = f"{cfg.DATA_DIR}/{cfg.WAREHOUSE_NAME}"
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert f"run the flow on raw/ → {default}" in readme
    assert f"`{cfg.DATA_DIR}/reports/latest.html`" in readme
    # The old default appears only where the README says how an old warehouse is found.
    assert readme.count(str(cfg.LEGACY_WAREHOUSE)) == 1
    deployment = yaml.safe_load((REPO / "prefect.yaml").read_text(encoding="utf-8"))["deployments"][0]
    assert deployment["parameters"]["warehouse_path"] == default
    unit = (REPO / "deploy" / "minsheng.service").read_text(encoding="utf-8")
    assert f"/opt/minsheng/{default}" in unit
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    assert "WAREHOUSE ?=\n" in makefile and "rm -rf $(VENV) var\n" in makefile
    ignored = (REPO / ".gitignore").read_text(encoding="utf-8").splitlines()
    assert f"/{cfg.DATA_DIR}/" in ignored
