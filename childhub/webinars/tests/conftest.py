"""Fixtures of the webinar tests: a local BigBlueButton, the hub pointed at it, a stopped clock."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from childhub.webinars.bbb_test_server import bbb_server_fixture

TODAY = datetime(2026, 12, 3, 9, 0, tzinfo=UTC)

bbb_server = bbb_server_fixture()


@pytest.fixture
def clock(time_machine: Any) -> Any:
    """The clock stopped on 3 December 2026, 09:00 UTC; ``clock.move_to(...)`` moves it."""
    time_machine.move_to(TODAY, tick=False)
    return time_machine


@pytest.fixture
def hub_bbb(bbb_server: Any, settings: Any) -> Any:
    """The hub's settings pointed at the local BigBlueButton."""
    settings.BBB_URL = bbb_server.url
    settings.BBB_SECRET = bbb_server.secret
    return bbb_server


@pytest.fixture
def committing(django_capture_on_commit_callbacks: Any) -> Any:
    """Run what waits for the commit (e-mail) when the block ends: ``with committing(): ...``."""
    return lambda: django_capture_on_commit_callbacks(execute=True)
