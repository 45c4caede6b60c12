"""pyproject.toml ships every package of the code: a wheel built from it imports like the checkout.

The editable install (`make install`) finds sub-packages by itself, so a package missing from the
explicit list in `[tool.setuptools] packages` only shows when someone installs a wheel — as after a
module is split into a package. Lexicons and SQL beside a package must ship as its package data.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TOP = ("flows", "transforms", "expectations", "warehouse")


def _setuptools() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]


def test_every_code_package_is_listed() -> None:
    found = {
        ".".join(init.parent.relative_to(ROOT).parts)
        for top in TOP
        for init in (ROOT / top).rglob("__init__.py")
        if "__pycache__" not in init.parts
    }
    assert found - set(_setuptools()["packages"]) == set()


def test_every_data_folder_beside_code_is_package_data() -> None:
    data = _setuptools()["package-data"]
    for lexicons in ROOT.glob("transforms/**/lexicons"):
        package = ".".join(lexicons.parent.relative_to(ROOT).parts)
        assert "lexicons/*" in data.get(package, []), f"{package}/lexicons is not shipped"
