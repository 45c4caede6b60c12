"""GX is imported with the modules only unused expectations need (scipy.stats) made lazy: the gate
never executes them, and they still work when something does use them; and with sqlalchemy (GX's
SQL data sources) hidden, unless something imported it first -- it imports normally afterwards."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import REPO

SCRIPT = """
import sys
from expectations.runner import validate
from tests.expectations.crafted import Corpus
corpus = Corpus()
corpus.document("raw/a.txt", "今年受理群众诉求12件。")
gate = validate(corpus.frames(), run_id="t")
assert gate.results.height, "the gate ran"
print(type(sys.modules["scipy.stats"]).__name__)
import scipy.stats
print(round(float(scipy.stats.entropy([0.5, 0.5])), 4), type(sys.modules["scipy.stats"]).__name__)
"""


def test_scipy_stats_is_not_executed_by_the_gate_but_works_when_used() -> None:
    res = subprocess.run(
        [sys.executable, "-c", SCRIPT], cwd=REPO, capture_output=True, text=True, timeout=600
    )
    assert res.returncode == 0, res.stderr[-2000:]
    lazy, used = res.stdout.split("\n")[-3:-1]
    assert lazy == "_LazyModule"
    assert used == "0.6931 module"


HIDDEN = """
import sys
{before}
from expectations.runner import validate
from tests.expectations.crafted import Corpus
corpus = Corpus()
corpus.document("raw/a.txt", "今年新建公园7个。")
corpus.metric("raw/a.txt", "7个", 7, "个")
gate = validate(corpus.frames(), run_id="t")
assert not gate.blocked and gate.counts["loaded"] == 1, gate.results
from great_expectations.compatibility import sqlalchemy as gx_sa
print(type(gx_sa.sqlalchemy).__name__)
import sqlalchemy
print(type(sys.modules["sqlalchemy"]).__name__, bool(sqlalchemy.__version__))
"""


def _run(before: str) -> list[str]:
    res = subprocess.run(
        [sys.executable, "-c", HIDDEN.format(before=before)], cwd=REPO, capture_output=True, text=True,
        timeout=600,
    )  # fmt: skip
    assert res.returncode == 0, res.stderr[-2000:]
    return res.stdout.split("\n")[-3:-1]


def test_sqlalchemy_is_hidden_from_gx_and_imports_normally_afterwards() -> None:
    assert _run("") == ["NotImported", "module True"]


def test_sqlalchemy_imported_before_the_gate_is_left_to_gx() -> None:
    assert _run("import sqlalchemy") == ["module", "module True"]
