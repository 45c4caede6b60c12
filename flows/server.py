"""The ephemeral Prefect API of one ``minsheng run``, tied to the run's life.

Without ``PREFECT_API_URL`` the run starts Prefect's temporary API server itself (why not Prefect's
own: docs/decisions/0010-own-ephemeral-prefect-server.md), the same way Prefect does (uvicorn on
``prefect.server.api.server:create_app``), with two guards:

- the kernel's parent-death signal (``prctl(PR_SET_PDEATHSIG, SIGKILL)``, Linux): the server is
  killed the moment the process that started it dies, however it dies;
- its own process group, killed as a group when the block ends (normal exit, an exception, or
  SIGTERM, which :func:`terminate_on_sigterm` turns into an exception so the block can end).

Where ``prctl`` is unavailable (not Linux) the group kill still covers every end but SIGKILL.
"""

from __future__ import annotations

import ctypes
import importlib.util
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from types import FrameType

PR_SET_PDEATHSIG = 1
# Seconds to wait for the server to answer: Prefect's own setting when given, else generous -- on a
# busy 2-core machine the server's start (imports, migrations of its SQLite) has taken over 90 s.
TIMEOUT_ENV = "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS"
DEFAULT_STARTUP_TIMEOUT = 300.0


def startup_timeout() -> float:
    try:
        return float(os.environ.get(TIMEOUT_ENV, "") or DEFAULT_STARTUP_TIMEOUT)
    except ValueError:
        raise ValueError(f"{TIMEOUT_ENV}={os.environ[TIMEOUT_ENV]!r} is not a number of seconds") from None


def _die_with_parent() -> None:  # runs in the child between fork and exec
    """Ask the kernel to SIGKILL this process when its parent dies (Linux only; no-op elsewhere)."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):
        pass


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _command(port: int) -> list[str]:
    # Found without importing prefect: its settings are read at import, before PREFECT_API_URL is set.
    spec = importlib.util.find_spec("prefect")
    assert spec is not None and spec.origin is not None, "prefect is not installed"
    return [
        sys.executable, "-m", "uvicorn", "--app-dir", str(Path(spec.origin).parent.parent),
        "--factory", "prefect.server.api.server:create_app", "--host", "127.0.0.1", "--port", str(port),
        "--log-level", "error", "--lifespan", "on",
    ]  # fmt: skip


def _wait_healthy(proc: subprocess.Popen[bytes], url: str, timeout: float) -> None:
    import httpx  # ships with prefect

    deadline = time.monotonic() + timeout
    with httpx.Client(timeout=2.0) as client:
        while time.monotonic() < deadline:
            if proc.poll() is not None:
                raise RuntimeError(f"the temporary Prefect server exited with code {proc.returncode}")
            try:
                if client.get(f"{url}/health").status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.1)
    raise RuntimeError(f"the temporary Prefect server did not answer at {url} within {timeout:.0f}s")


def stop(proc: subprocess.Popen[bytes]) -> None:
    """SIGTERM the server's process group, then SIGKILL whatever is left after 5 s."""
    if proc.poll() is not None:
        return
    try:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=5)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
    except ProcessLookupError:
        proc.wait()


@contextmanager
def ephemeral_api(timeout: float | None = None) -> Iterator[str | None]:
    """Yield the API URL of a temporary server that dies with this process; with ``PREFECT_API_URL``
    already set (a real server, the test harness) start nothing and yield ``None``."""
    if os.environ.get("PREFECT_API_URL"):
        yield None
        return
    port = _free_port()
    url = f"http://127.0.0.1:{port}/api"
    env = {
        **os.environ,
        "PREFECT_UI_ENABLED": "0",
        "PREFECT__SERVER_EPHEMERAL": "1",
        "PREFECT__SERVER_FINAL": "1",
    }
    proc = subprocess.Popen(
        _command(port), env=env, stdin=subprocess.DEVNULL, process_group=0, preexec_fn=_die_with_parent
    )
    os.environ["PREFECT_API_URL"] = url
    try:
        _wait_healthy(proc, url, startup_timeout() if timeout is None else timeout)
        yield url
    finally:
        _drain_clients()
        os.environ.pop("PREFECT_API_URL", None)
        stop(proc)


def _drain_clients() -> None:
    """Flush Prefect's log and event workers while the server still answers (else they print
    connection errors at exit), as Prefect's own test harness does."""
    if "prefect" not in sys.modules:
        return
    from prefect.events.worker import EventsWorker
    from prefect.logging.handlers import APILogWorker

    for worker in (APILogWorker, EventsWorker):
        with suppress(Exception):
            worker.drain_all(timeout=5)


class Terminated(SystemExit):
    """SIGTERM arrived: unwind (closing the server, releasing the lock) and exit 143."""


@contextmanager
def terminate_on_sigterm() -> Iterator[None]:
    """Turn SIGTERM into :class:`Terminated` for the block, so ``finally`` clauses run."""

    def handler(signum: int, _frame: FrameType | None) -> None:
        raise Terminated(128 + signum)

    try:
        previous = signal.signal(signal.SIGTERM, handler)
    except ValueError:  # not the main thread: leave signals alone
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)
