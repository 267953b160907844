"""Fixtures of the course tests: a stopped clock and what waits for the commit run."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

TODAY = datetime(2026, 12, 3, 9, 0, tzinfo=UTC)


@pytest.fixture
def clock(time_machine: Any) -> Any:
    """The clock stopped on 3 December 2026, 09:00 UTC; ``clock.shift(seconds)`` moves it."""
    time_machine.move_to(TODAY, tick=False)
    return time_machine


@pytest.fixture
def committing(django_capture_on_commit_callbacks: Any) -> Any:
    """Run what waits for the commit (certificates) when the block ends: ``with committing(): ...``."""
    return lambda: django_capture_on_commit_callbacks(execute=True)
