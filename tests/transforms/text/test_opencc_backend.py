"""The OpenCC backend switch: the default works, a missing fast backend fails loudly, and both
backends give the same Simplified text (checked only where the official binding is installed)."""

from __future__ import annotations

from pathlib import Path

import pytest

from transforms.text import opencc_backend

SEEDS = Path(__file__).resolve().parents[3] / "raw"
_CORPUS = Path(__file__).resolve().parents[4] / "shared" / "corpus"
CORPUS = _CORPUS if _CORPUS.is_dir() else None
# Characters where OpenCC 1.4's t2s dictionary differs from the older one bundled with
# opencc-python-reimplemented 0.1.7 (official, python): 批復->批复 vs 批覆, 爾乾->尔干 vs 尔乾, ...
KNOWN_DIVERGENCES = {("复", "覆"), ("干", "乾"), ("抬", "擡"), ("并", "幷")}


@pytest.fixture
def backend_env(monkeypatch):
    """Each test picks its backend through the environment; caches are reset around it."""
    opencc_backend.reset()
    yield monkeypatch
    monkeypatch.undo()
    opencc_backend.reset()


def test_python_backend_converts_and_reports_itself(backend_env):
    backend_env.setenv("MINSHENG_OPENCC", "python")
    assert opencc_backend.convert("國務院發展經濟") == "国务院发展经济"
    assert opencc_backend.backend_name().startswith("python (opencc-python-reimplemented")


def test_requesting_missing_official_backend_says_how_to_install(backend_env, tmp_path):
    backend_env.setenv("MINSHENG_OPENCC", "official")
    backend_env.setenv("MINSHENG_OPENCC_DIR", str(tmp_path))
    if opencc_backend._official_clib() is not None:
        pytest.skip("the official binding is installed as the `opencc` package itself")
    with pytest.raises(opencc_backend.BackendUnavailable, match="make fast-opencc"):
        opencc_backend.convert("國")


def test_auto_falls_back_to_python_without_official(backend_env, tmp_path):
    backend_env.setenv("MINSHENG_OPENCC", "auto")
    backend_env.setenv("MINSHENG_OPENCC_DIR", str(tmp_path))
    if opencc_backend._official_clib() is not None:
        pytest.skip("the official binding is installed as the `opencc` package itself")
    assert opencc_backend.converter().backend == "python"


def test_unknown_choice_is_rejected(backend_env):
    backend_env.setenv("MINSHENG_OPENCC", "fastest")
    with pytest.raises(ValueError, match="MINSHENG_OPENCC"):
        opencc_backend.converter()


def _both(backend_env) -> tuple[opencc_backend.Converter, opencc_backend.Converter]:
    backend_env.delenv("MINSHENG_OPENCC", raising=False)
    if opencc_backend._official_clib() is None:
        pytest.skip("official OpenCC binding not installed (make fast-opencc)")
    return opencc_backend._official("t2s"), opencc_backend._python("t2s")


def test_backends_agree_on_the_seeds(backend_env):
    official, python = _both(backend_env)
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_bytes().decode("utf-8", errors="replace")
        assert official.convert(text) == python.convert(text), path.name


@pytest.mark.skipif(CORPUS is None, reason="shared corpus not present")
def test_backends_agree_on_a_traditional_slice(backend_env):
    """s2t of ~300 kB of the bench corpus, back to Simplified with both backends: same length, and
    every differing character is one of the documented dictionary divergences."""
    official, python = _both(backend_env)
    text, size = [], 0
    for path in sorted(CORPUS.glob("*/bench/*.txt")):
        text.append(path.read_text(encoding="utf-8"))
        size += path.stat().st_size
        if size > 300_000:
            break
    traditional = opencc_backend._python("s2t").convert("".join(text))
    a, b = official.convert(traditional), python.convert(traditional)
    assert len(a) == len(b)
    assert {(x, y) for x, y in zip(a, b, strict=True) if x != y} <= KNOWN_DIVERGENCES
