"""GX is imported with the modules only unused expectations need (scipy.stats) made lazy: the gate
never executes them, and they still work when something does use them."""

from __future__ import annotations

import gc
import subprocess
import sys

import pytest

from tests.conftest import REPO

SCRIPT = """
import sys
from expectations.runner import validate
from tests.expectations.crafted import Corpus
corpus = Corpus()
corpus.document("raw/a.txt", "今年受理群众诉求12件。")
gate = validate(corpus.frames(), run_id="t")
assert gate.results.height, "the gate ran"
import gc
assert gc.isenabled(), "the collector runs again after GX is imported"
print(type(sys.modules["scipy.stats"]).__name__)
import scipy.stats
print(round(float(scipy.stats.entropy([0.5, 0.5])), 4), type(sys.modules["scipy.stats"]).__name__)
print(type(sys.modules["altair"]).__name__)
import great_expectations.expectations.core.expect_column_kl_divergence_to_be_less_than as kl
print(kl.alt.Chart.__name__, type(sys.modules["altair"]).__name__, kl.alt.Chart is sys.modules["altair"].Chart)
import altair.vegalite
print(altair.vegalite.__name__)
"""


def test_scipy_stats_and_altair_are_not_executed_by_the_gate_but_work_when_used() -> None:
    res = subprocess.run(
        [sys.executable, "-c", SCRIPT], cwd=REPO, capture_output=True, text=True, timeout=600
    )
    assert res.returncode == 0, res.stderr[-2000:]
    lazy, used, deferred, chart, submodule = res.stdout.split("\n")[-6:-1]
    assert lazy == "_LazyModule"
    assert used == "0.6931 module"
    assert deferred == "_Deferred"  # altair: imported by GX (``import altair as alt``), never executed
    assert chart == "Chart module True"  # first use imports the real altair, through GX's reference too
    assert submodule == "altair.vegalite"


def test_the_collector_is_paused_only_while_gx_is_imported() -> None:
    from expectations.runner import _cyclic_gc_paused

    assert gc.isenabled()
    with pytest.raises(RuntimeError), _cyclic_gc_paused():
        assert not gc.isenabled()
        raise RuntimeError("an import failed")
    assert gc.isenabled()
    gc.disable()
    try:
        with _cyclic_gc_paused():
            pass
        assert not gc.isenabled()  # left as it was found
    finally:
        gc.enable()
