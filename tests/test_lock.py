"""The lock and pyproject.toml agree: every declared dependency is pinned, within its range, with hashes.

A lock that drifts from pyproject.toml (a dependency added without `make lock`, a pin outside its
range, a package nothing asks for) installs something other than what the project declares.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[1]


def _declared() -> list[Requirement]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    reqs = list(project["dependencies"]) + list(project["optional-dependencies"]["dev"])
    return [Requirement(r) for r in reqs]


def _locked() -> dict[str, tuple[str, str]]:
    """name -> (version, the entry's text block) from requirements.lock (pip-compile format)."""
    text = (ROOT / "requirements.lock").read_text(encoding="utf-8")
    blocks = re.split(r"\n(?=[A-Za-z0-9])", text)
    out = {}
    for block in blocks:
        m = re.match(r"([A-Za-z0-9][A-Za-z0-9._-]*)(?:\[[^\]]*\])?==([^\s\\;]+)", block)
        if m:
            out[canonicalize_name(m.group(1))] = (m.group(2), block)
    return out


def test_every_declared_dependency_is_pinned_within_its_range() -> None:
    locked = _locked()
    for req in _declared():
        name = canonicalize_name(req.name)
        assert name in locked, f"{req} is declared in pyproject.toml but not in requirements.lock (make lock)"
        version = locked[name][0]
        assert req.specifier.contains(version, prereleases=True), (
            f"lock pins {name}=={version}, outside {req}"
        )


def test_every_pin_has_hashes_and_a_reason() -> None:
    locked = _locked()
    assert locked, "requirements.lock holds no pins"
    for name, (_version, block) in locked.items():
        assert "--hash=sha256:" in block, f"{name} is pinned without a hash"
        assert "# via" in block, f"{name} is in the lock but nothing in pyproject.toml needs it"
