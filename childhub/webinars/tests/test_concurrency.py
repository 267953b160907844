"""Places are never overbooked, even when many people register at the same moment (PostgreSQL)."""

from __future__ import annotations

import threading

import pytest
from django.db import connection, connections

from childhub.accounts.tests.factories import ProfileFactory
from childhub.webinars import actions
from childhub.webinars.models import Registration
from childhub.webinars.tests.factories import WebinarFactory

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="threads share one SQLite test database connection"
)


def run_together(jobs: list) -> list[BaseException]:
    start = threading.Barrier(len(jobs))
    errors: list[BaseException] = []

    def run(job) -> None:
        try:
            start.wait()
            job()
        except BaseException as error:
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(job,)) for job in jobs]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return errors


@pytest.mark.django_db(transaction=True)
def test_a_burst_of_twenty_registrations_for_five_places_confirms_exactly_five(clock):
    webinar = WebinarFactory(capacity=5)
    people = [ProfileFactory().user for _ in range(20)]
    errors = run_together([lambda p=p: actions.register(webinar=webinar, member=p) for p in people])
    assert errors == []
    statuses = list(Registration.objects.filter(webinar=webinar).values_list("status", flat=True))
    assert statuses.count("confirmed") == 5 and statuses.count("waitlisted") == 15


@pytest.mark.django_db(transaction=True)
def test_ten_simultaneous_submits_of_one_member_make_one_registration(clock):
    webinar = WebinarFactory(capacity=5)
    member = ProfileFactory().user
    errors = run_together([lambda: actions.register(webinar=webinar, member=member) for _ in range(10)])
    assert errors == []
    assert Registration.objects.filter(webinar=webinar, member=member).count() == 1
