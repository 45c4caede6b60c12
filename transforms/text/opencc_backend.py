"""Which OpenCC converter runs: opencc-python-reimplemented (default) or the official C++ binding.

The fast binding is never installed into site-packages (why:
docs/decisions/0014-official-opencc-in-a-private-folder.md). ``make fast-opencc`` unpacks the pinned
official wheel into a private folder, ``<venv>/opencc-official`` (``pip install --target``), and
this module loads its compiled ``opencc_clib`` extension straight from there. Both converters then
live side by side in one environment and neither can break the other.

Choice (env ``MINSHENG_OPENCC``): ``auto`` (default: official if present, else python),
``python`` or ``official`` (fail loudly if it is absent). ``MINSHENG_OPENCC_DIR`` overrides the
private folder. If someone did install the official package as ``opencc`` itself, ``auto`` and
``official`` use that one. Call :func:`backend_name` at start-up so logs say which converter ran.
"""

from __future__ import annotations

import functools
import importlib.util
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

ENV_CHOICE = "MINSHENG_OPENCC"
ENV_DIR = "MINSHENG_OPENCC_DIR"
CHOICES = ("auto", "python", "official")


class BackendUnavailable(RuntimeError):
    """The requested OpenCC backend is not installed (message says how to install it)."""


@dataclass(frozen=True)
class Converter:
    """One configured converter (e.g. t2s); ``convert(text) -> text``."""

    backend: str  # 'official' | 'python'
    version: str
    config: str  # 't2s', 's2t', ...
    convert: Callable[[str], str]


def official_dir() -> Path:
    """Where ``make fast-opencc`` puts the official binding (inside the active venv)."""
    return Path(os.environ.get(ENV_DIR) or Path(sys.prefix) / "opencc-official")


def _choice() -> str:
    choice = os.environ.get(ENV_CHOICE, "auto").strip().lower() or "auto"
    if choice not in CHOICES:
        raise ValueError(f"{ENV_CHOICE}={choice!r}: expected one of {', '.join(CHOICES)}")
    return choice


@functools.cache
def _official_clib() -> tuple[ModuleType, Path] | None:
    """(opencc_clib module, share dir with the *.json configs), or None if not installed."""
    # 1. The official package installed as `opencc` itself (it has the `clib` subpackage).
    spec = importlib.util.find_spec("opencc")
    if spec and spec.submodule_search_locations:
        for loc in spec.submodule_search_locations:
            found = _clib_in(Path(loc).parent)
            if found:
                return found
    # 2. The private folder of `make fast-opencc`.
    return _clib_in(official_dir())


def _clib_in(root: Path) -> tuple[ModuleType, Path] | None:
    clib_dir = root / "opencc" / "clib"
    share = clib_dir / "share" / "opencc"
    so_files = sorted(clib_dir.glob("opencc_clib*.so")) + sorted(clib_dir.glob("opencc_clib*.pyd"))
    if not so_files or not (share / "t2s.json").is_file():
        return None
    if "opencc_clib" in sys.modules:  # an extension module can be initialised only once
        return sys.modules["opencc_clib"], share
    spec = importlib.util.spec_from_file_location("opencc_clib", so_files[0])
    if spec is None or spec.loader is None:
        return None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    sys.modules["opencc_clib"] = module
    return module, share


def _official(config: str) -> Converter:
    found = _official_clib()
    if found is None:
        raise BackendUnavailable(
            f"official OpenCC binding not found (looked in the `opencc` package and {official_dir()}); "
            "install it with `make fast-opencc` or set MINSHENG_OPENCC=python"
        )
    clib, share = found
    impl = clib._OpenCC(str(share / f"{config}.json"), True, None)

    def convert(text: str) -> str:
        data = text.encode("utf-8")
        return impl.convert(data, len(data))

    return Converter("official", str(clib.__version__), config, convert)


def _python(config: str) -> Converter:
    import opencc  # opencc-python-reimplemented

    if not hasattr(opencc.OpenCC, "set_conversion"):
        raise BackendUnavailable(
            "the `opencc` package in site-packages is not opencc-python-reimplemented "
            "(it was overwritten?); reinstall with `make install`"
        )
    from importlib.metadata import PackageNotFoundError, version

    try:
        ver = version("opencc-python-reimplemented")
    except PackageNotFoundError:
        ver = "unknown"
    impl = opencc.OpenCC(config)
    return Converter("python", ver, config, impl.convert)


@functools.cache
def converter(config: str = "t2s") -> Converter:
    """The converter for an OpenCC config stem ('t2s', 's2t', ...) per ``MINSHENG_OPENCC``."""
    choice = _choice()
    if choice == "official":
        return _official(config)
    if choice == "auto" and _official_clib() is not None:
        return _official(config)
    return _python(config)


def convert(text: str, config: str = "t2s") -> str:
    """Convert ``text`` with the selected backend."""
    return converter(config).convert(text)


def backend_name() -> str:
    """A one-line description of the converter that runs, for start-up logs and the bench."""
    conv = converter("t2s")
    pkg = "OpenCC official C++ binding" if conv.backend == "official" else "opencc-python-reimplemented"
    return f"{conv.backend} ({pkg} {conv.version})"


def reset() -> None:
    """Forget the cached choice (tests switch ``MINSHENG_OPENCC`` / ``MINSHENG_OPENCC_DIR``)."""
    converter.cache_clear()
    _official_clib.cache_clear()
