"""Fixtures of the records tests: issuing with what waits for the commit run, a learning provider."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest

from childhub.accounts.tests.factories import OrganisationFactory
from childhub.records import actions
from childhub.records.models import Certificate
from childhub.records.tests.fake_learning import learning as fake_learning

FAKE_APP = "childhub.records.tests.fake_learning"


@pytest.fixture
def issuer(db: Any) -> Any:
    return OrganisationFactory(slug="tdh", name="Terre des hommes", country="HU")


@pytest.fixture
def issue(issuer: Any, django_capture_on_commit_callbacks: Any) -> Any:
    """Issue a certificate as an app would, running the PDF task that waits for the commit."""

    def issue(member: Any, **kwargs: Any) -> Certificate:
        values: dict[str, Any] = {
            "source": "webinars.registration:1",
            "kind": Certificate.Kind.WEBINAR_ATTENDANCE,
            "title": "Listening to children",
            "language": "en",
            "hours": Decimal("1.5"),
            "completed_on": dt.date(2026, 11, 25),
            "issuer": issuer,
            **kwargs,
        }
        with django_capture_on_commit_callbacks(execute=True):
            certificate = actions.issue_certificate(member=member, **values)
        certificate.refresh_from_db()
        return certificate

    return issue


@pytest.fixture
def learning_provider(settings: Any) -> Any:
    """An app with a learning module, installed for the test: fill its ``ATTENDED`` facts."""
    settings.INSTALLED_APPS = [*settings.INSTALLED_APPS, FAKE_APP]
    fake_learning.ATTENDED.clear()
    yield fake_learning.ATTENDED
    fake_learning.ATTENDED.clear()
