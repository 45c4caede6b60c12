"""Which publish failures the flow retries: only those where waiting can help."""

from __future__ import annotations

from types import SimpleNamespace

import duckdb
import pytest

from flows.etl import transient


@pytest.mark.parametrize(
    ("exc", "retried"),
    [
        (OSError("disk full"), True),
        (duckdb.IOException('Could not set lock on file "x.duckdb"'), True),
        (duckdb.TransactionException("write-write conflict"), True),
        (ValueError("a bug"), False),
        (duckdb.BinderException("no such column"), False),
    ],
)
def test_only_transient_failures_are_retried(exc: BaseException, retried: bool) -> None:
    assert transient(None, None, SimpleNamespace(data=exc)) is retried


def test_a_state_without_an_exception_is_not_retried() -> None:
    assert transient(None, None, SimpleNamespace(data="not an exception")) is False
