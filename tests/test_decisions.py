"""docs/decisions/ holds the design history; module docstrings point to it. A pointer to a record
that was renamed or never written, or a record missing from the index, fails here."""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DECISIONS = ROOT / "docs" / "decisions"
POINTER = re.compile(r"docs/decisions/(\d{4}-[a-z0-9-]+\.md)")


def _records() -> list[Path]:
    return sorted(DECISIONS.glob("[0-9][0-9][0-9][0-9]-*.md"))


def test_every_pointer_in_a_docstring_leads_to_a_record() -> None:
    pointers: dict[str, str] = {}
    for package in ("flows", "warehouse", "expectations", "transforms"):
        for path in sorted((ROOT / package).rglob("*.py")):
            doc = ast.get_docstring(ast.parse(path.read_text(encoding="utf-8"))) or ""
            for name in POINTER.findall(doc.replace("\n", " ")):
                pointers[name] = str(path.relative_to(ROOT))
    assert pointers, "no module docstring points to docs/decisions/"
    missing = {name: where for name, where in pointers.items() if not (DECISIONS / name).is_file()}
    assert not missing, f"docstrings point to decision records that do not exist: {missing}"


def test_records_are_numbered_once_indexed_and_shaped() -> None:
    records = _records()
    numbers = [p.name[:4] for p in records]
    assert numbers == [f"{i:04d}" for i in range(1, len(records) + 1)], "numbers must run 0001, 0002, ..."
    index = (DECISIONS / "README.md").read_text(encoding="utf-8")
    for path in records:
        text = path.read_text(encoding="utf-8")
        assert f"({path.name})" in index, f"{path.name} is not in docs/decisions/README.md"
        assert text.startswith(f"# {path.name[:4]}. "), path.name
        for section in ("## Context", "## Decision", "## Consequences"):
            assert section in text, f"{path.name} has no {section}"
