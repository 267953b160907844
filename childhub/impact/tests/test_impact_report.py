"""The impact_report command: every figure with its method, as JSON or CSV."""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, datetime

import pytest
from django.core.management import CommandError, call_command

from childhub.accounts.tests.factories import ProfileFactory
from childhub.impact.queries import FIGURES

pytestmark = pytest.mark.django_db


def run(*args: str) -> str:
    out = io.StringIO()
    call_command("impact_report", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def three_new_members() -> None:
    for _ in range(3):
        ProfileFactory(user__date_joined=datetime(2025, 12, 31, 22, 0, tzinfo=UTC))  # 23:00 in Budapest


def test_the_json_report_parses_back_with_every_figure_and_its_method(three_new_members: None) -> None:
    data = json.loads(run("--from", "2025-01-01", "--to", "2025-12-31", "--format", "json"))
    assert data["period"] == {"start": "2025-01-01T00:00:00+01:00", "end": "2026-01-01T00:00:00+01:00"}
    assert set(data["figures"]) == set(FIGURES)
    assert data["figures"]["members.new"]["value"] == 3  # --to includes its whole last day
    assert data["figures"]["members.new"]["method"].startswith("accounts.User")


def test_protect_applies_the_small_cell_rule(three_new_members: None) -> None:
    figures = json.loads(run("--from", "2025-01-01", "--to", "2025-12-31", "--protect"))["figures"]
    assert figures["members.new"]["value"] == "< 5"
    assert figures["members.by_country"]["rows"] == {"BA": "< 5"}
    assert figures["webinars.held"]["value"] == 0  # not a count of people


def test_comparing_with_an_earlier_period(three_new_members: None) -> None:
    data = json.loads(
        run(
            "--from",
            "2025-01-01",
            "--to",
            "2025-12-31",
            "--compare-from",
            "2024-01-01",
            "--compare-to",
            "2024-12-31",
        )
    )
    assert data["changes"]["members.new"] == {"first": 0, "second": 3, "difference": 3}


def test_the_csv_report_has_a_line_per_figure_or_row(three_new_members: None) -> None:
    rows = list(
        csv.DictReader(io.StringIO(run("--from", "2025-01-01", "--to", "2025-12-31", "--format", "csv")))
    )
    new = next(r for r in rows if r["figure"] == "members.new")
    assert new["value"] == "3"
    assert {"figure": "members.by_country", "key": "BA", "value": "3"}.items() <= next(
        r for r in rows if r["figure"] == "members.by_country"
    ).items()


def test_dates_are_checked() -> None:
    with pytest.raises(CommandError):
        run("--from", "2025-13-01", "--to", "2025-12-31")
    with pytest.raises(CommandError):
        run("--from", "2025-02-01", "--to", "2025-01-31")
