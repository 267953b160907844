"""Reminders 24 hours and 1 hour before: each sent exactly once, moving with the webinar."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command

from childhub.webinars import actions
from childhub.webinars.models import SentReminder
from childhub.webinars.tests.factories import WebinarFactory

pytestmark = pytest.mark.django_db

START = datetime(2026, 12, 10, 13, 0, tzinfo=UTC)


def housekeeping() -> str:
    out = StringIO()
    call_command("webinars_housekeeping", stdout=out)
    return out.getvalue()


@pytest.fixture
def registered(member, clock):
    webinar = WebinarFactory(starts_at=START)
    actions.register(webinar=webinar, member=member)
    return webinar


def reminders_to(member) -> list:
    return [m for m in mail.outbox if m.to == [member.email] and "Reminder" in m.subject]


def test_nothing_is_due_a_week_before(registered, member, committing):
    with committing():
        housekeeping()
    assert reminders_to(member) == []


def test_the_day_before_reminder_is_sent_once_however_often_housekeeping_runs(
    registered, member, clock, committing
):
    clock.move_to(START - timedelta(hours=23, minutes=55), tick=False)
    with committing():
        assert "1 reminder(s) sent" in housekeeping()
        assert "0 reminder(s) sent" in housekeeping()
    assert len(reminders_to(member)) == 1
    assert (
        "starts in about 23 hours" in reminders_to(member)[0].body
        or "24 hours" in reminders_to(member)[0].body
    )


def test_a_restarted_worker_does_not_send_again(registered, member, clock, committing):
    clock.move_to(START - timedelta(hours=23), tick=False)
    with committing():
        housekeeping()
    # A new process remembers nothing but what the database holds.
    assert SentReminder.objects.filter(minutes_before=24 * 60, starts_at=START).count() == 1
    with committing():
        actions.send_due_reminders()
    assert len(reminders_to(member)) == 1


def test_the_hour_before_reminder_follows_the_day_before_one(registered, member, clock, committing):
    clock.move_to(START - timedelta(hours=23), tick=False)
    with committing():
        housekeeping()
    clock.move_to(START - timedelta(minutes=59), tick=False)
    with committing():
        housekeeping()
        housekeeping()
    assert len(reminders_to(member)) == 2
    assert "starts soon" in reminders_to(member)[1].body


def test_a_late_run_sends_only_the_nearest_reminder(registered, member, clock, committing):
    clock.move_to(START - timedelta(minutes=30), tick=False)
    with committing():
        housekeeping()
    assert len(reminders_to(member)) == 1
    assert SentReminder.objects.count() == 2  # the day-before one is settled too, never sent late


def test_no_reminder_after_the_start(registered, member, clock, committing):
    clock.move_to(START + timedelta(minutes=1), tick=False)
    with committing():
        housekeeping()
    assert reminders_to(member) == []


def test_moving_the_webinar_re_arms_its_reminders(registered, member, clock, committing):
    clock.move_to(START - timedelta(hours=23), tick=False)
    with committing():
        housekeeping()
    later = START + timedelta(days=2)
    actions.update_webinar(webinar=registered, data={"starts_at": later})
    clock.move_to(START - timedelta(hours=22), tick=False)
    with committing():
        housekeeping()
    assert len(reminders_to(member)) == 1  # the new day-before moment is not there yet
    clock.move_to(later - timedelta(hours=23), tick=False)
    with committing():
        housekeeping()
        housekeeping()
    assert len(reminders_to(member)) == 2
    assert set(SentReminder.objects.values_list("starts_at", flat=True)) == {START, later}


def test_someone_registering_late_gets_no_reminder_for_a_moment_already_past(member, clock, committing):
    webinar = WebinarFactory(starts_at=START)
    clock.move_to(START - timedelta(hours=3), tick=False)
    actions.register(webinar=webinar, member=member)
    with committing():
        housekeeping()
    assert reminders_to(member) == []
    clock.move_to(START - timedelta(minutes=50), tick=False)
    with committing():
        housekeeping()
    assert len(reminders_to(member)) == 1


def test_waiting_and_cancelled_registrations_get_no_reminder(member, other_member, clock, committing):
    webinar = WebinarFactory(starts_at=START, capacity=1)
    actions.register(webinar=webinar, member=member)
    actions.register(webinar=webinar, member=other_member)  # waiting list
    clock.move_to(START - timedelta(minutes=50), tick=False)
    mail.outbox.clear()
    with committing():
        housekeeping()
    assert [m.to for m in mail.outbox] == [[member.email]]


def test_a_reminder_carries_the_hubs_join_link(registered, member, clock, committing):
    clock.move_to(START - timedelta(minutes=50), tick=False)
    with committing():
        housekeeping()
    assert f"/en/webinars/{registered.pk}/join/" in reminders_to(member)[0].body
