"""Registrants' e-mail is written by the background worker, from what the transaction fixed."""

from __future__ import annotations

import pytest
from django.core import mail
from django_tasks import default_task_backend

from childhub.webinars import actions
from childhub.webinars.models import Registration
from childhub.webinars.tests.factories import WebinarFactory
from childhub.webinars.tests.mailbox import attached_calendar, calendar_method_header

pytestmark = pytest.mark.django_db

Status = Registration.Status

QUEUED = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend", "ENQUEUE_ON_COMMIT": False}}


@pytest.fixture
def queued(settings):
    """Tasks are kept instead of run; ``run()`` runs them in order, as the worker would."""
    settings.TASKS = QUEUED
    default_task_backend.clear()

    def run() -> None:
        for result in list(default_task_backend.results):
            result.task.call(*result.args, **result.kwargs)
        default_task_backend.clear()

    return run


def test_registering_leaves_the_message_to_the_worker(member, clock, committing, queued):
    webinar = WebinarFactory(capacity=2)
    with committing():
        actions.register(webinar=webinar, member=member)
    assert mail.outbox == []
    assert [r.task.name for r in default_task_backend.results] == ["write_to_registrant"]
    queued()
    assert [m.to for m in mail.outbox] == [[member.email]]
    assert calendar_method_header(mail.outbox[0]) == "REQUEST"


def test_the_message_says_what_the_transaction_fixed_even_when_written_after_later_changes(
    member, clock, committing, queued
):
    webinar = WebinarFactory(capacity=2, title="Before")
    with committing():
        registration = actions.register(webinar=webinar, member=member)
    with committing():
        actions.update_webinar(webinar=webinar, data={"title": "After"})
    with committing():
        actions.cancel_registration(registration=registration)
    queued()
    invited, updated, cancelled = (attached_calendar(m) for m in mail.outbox)
    event = lambda calendar: calendar.walk("VEVENT")[0]  # noqa: E731
    # Each message keeps its own state and SEQUENCE, so calendars apply them in order.
    assert [int(event(c)["SEQUENCE"]) for c in (invited, updated, cancelled)] == [0, 1, 1]
    assert [str(event(c)["STATUS"]) for c in (invited, updated, cancelled)] == [
        "CONFIRMED",
        "CONFIRMED",
        "CANCELLED",
    ]
    assert [str(c["METHOD"]) for c in (invited, updated, cancelled)] == ["REQUEST", "REQUEST", "CANCEL"]


def test_a_message_to_someone_erased_meanwhile_is_not_sent(member, clock, committing, queued):
    webinar = WebinarFactory(capacity=2)
    with committing():
        actions.register(webinar=webinar, member=member)
    member.email = ""
    member.save(update_fields=["email"])
    queued()
    assert mail.outbox == []


def test_a_message_for_a_registration_gone_meanwhile_is_dropped(member, clock, committing, queued):
    webinar = WebinarFactory(capacity=2)
    with committing():
        actions.register(webinar=webinar, member=member)
    Registration.objects.all().delete()
    queued()
    assert mail.outbox == []
