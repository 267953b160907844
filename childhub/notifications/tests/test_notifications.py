"""Notifications: in the hub, e-mailed at once exactly once, digests that never repeat or miss."""

from __future__ import annotations

from datetime import timedelta

import pytest
import time_machine
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from childhub.core.tests.fixtures import client_for
from childhub.notifications import actions
from childhub.notifications.kinds import Frequency
from childhub.notifications.models import Digest, Notification

pytestmark = pytest.mark.django_db


def _notify(member, kind="answer", title="A question", **kwargs):
    return actions.notify(
        recipients=[member], kind=kind, url="/en/community/", params={"title": title}, **kwargs
    )


def test_the_actor_is_never_notified_of_their_own_doing(member, other_member):
    created = actions.notify(
        recipients=[member, other_member, member], kind="answer", url="/", actor=other_member
    )
    assert [n.recipient for n in created] == [member]


def test_an_immediate_notification_is_emailed_once_even_if_delivered_twice(
    member, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        (notification,) = _notify(member, title="Court preparation")
    assert len(mail.outbox) == 1
    assert "Court preparation" in mail.outbox[0].subject
    assert actions.send_immediate(notification_id=notification.pk) is False
    assert len(mail.outbox) == 1
    notification.refresh_from_db()
    assert notification.email_state == Notification.Email.SENT


def test_emails_carry_a_one_click_unsubscribe(member, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        _notify(member)
    headers = mail.outbox[0].extra_headers
    assert headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    url = headers["List-Unsubscribe"].strip("<>")
    path = url.split("127.0.0.1:8000", 1)[-1]
    response = Client(enforce_csrf_checks=True).post(path)  # a mail client, with no session and no token
    assert response.status_code == 200
    assert actions.frequencies(member)["answer"] == Frequency.NEVER


def test_the_email_is_written_in_the_members_language(member, django_capture_on_commit_callbacks):
    member.language = "bg"
    member.save()
    with django_capture_on_commit_callbacks(execute=True):
        _notify(member, kind="accepted", title="Въпрос")
    assert "Въпрос" in mail.outbox[0].subject
    assert "/bg/" in mail.outbox[0].body


def test_only_in_the_hub_means_no_email(member, django_capture_on_commit_callbacks):
    actions.set_frequency(member=member, kind="answer", frequency=Frequency.NEVER)
    with django_capture_on_commit_callbacks(execute=True):
        (notification,) = _notify(member)
    assert mail.outbox == []
    assert notification.email_state == Notification.Email.SKIPPED


def test_a_daily_digest_over_a_week_sends_each_item_exactly_once(member, django_capture_on_commit_callbacks):
    actions.set_frequency(member=member, kind="answer", frequency=Frequency.DAILY)
    start = timezone.now().replace(hour=6, minute=0, second=0, microsecond=0)
    made = []
    with django_capture_on_commit_callbacks(execute=True):
        for hour in range(7 * 24):
            with time_machine.travel(start + timedelta(hours=hour), tick=False):
                if hour % 5 == 0:  # something happens every five hours
                    made += _notify(member, title=f"Item {hour}")
                if hour % 24 == 20 and hour // 24 != 3:  # the evening run, skipped once on day 3
                    actions.send_digests(frequency=Frequency.DAILY)
                if hour == 24 * 6 + 21:  # an extra run an hour later sends nothing new
                    assert actions.send_digests(frequency=Frequency.DAILY) == 0
    sent = "".join(message.body for message in mail.outbox)
    for notification in made:
        notification.refresh_from_db()
        title = notification.params["title"]
        if notification.created_at <= start + timedelta(hours=6 * 24 + 20):
            assert sent.count(f"“{title}”") == 1, title  # in exactly one digest
            assert notification.email_state == Notification.Email.SENT
        else:
            assert title not in sent and notification.email_state == Notification.Email.PENDING
    assert Digest.objects.filter(member=member).count() == len(mail.outbox) == 6


def test_a_weekly_digest_waits_a_week(member, django_capture_on_commit_callbacks):
    start = timezone.now()
    with django_capture_on_commit_callbacks(execute=True):
        _notify(member, kind="topic", title="First")
        assert actions.send_digests(frequency=Frequency.WEEKLY) == 1
        _notify(member, kind="topic", title="Second")
        with time_machine.travel(start + timedelta(days=3)):
            assert actions.send_digests(frequency=Frequency.WEEKLY) == 0
        with time_machine.travel(start + timedelta(days=7)):
            assert actions.send_digests(frequency=Frequency.WEEKLY) == 1
    assert "Second" in mail.outbox[-1].body and "First" not in mail.outbox[-1].body
    assert "weekly" in mail.outbox[-1].subject.lower()


def test_choosing_only_in_the_hub_drops_what_waited_for_a_digest(member):
    (waiting,) = _notify(member, kind="topic")
    actions.set_frequency(member=member, kind="topic", frequency=Frequency.NEVER)
    waiting.refresh_from_db()
    assert waiting.email_state == Notification.Email.SKIPPED
    assert actions.send_digests(frequency=Frequency.WEEKLY) == 0


def test_the_inbox_lists_notifications_in_the_readers_language(member):
    _notify(member, kind="accepted", title="Supervision")
    response = client_for(member).get("/bg/notifications/")
    assert response.status_code == 200
    assert "Supervision" in response.text


def test_the_inbox_makes_the_same_number_of_queries_for_3_or_30(member):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = client_for(member)
    client.get("/en/notifications/")  # the first request of a session records consent

    def count() -> int:
        with CaptureQueriesContext(connection) as ctx:
            client.get("/en/notifications/")
        return len(ctx.captured_queries)

    for n in range(3):
        _notify(member, title=f"n{n}")
    few = count()
    for n in range(27):
        _notify(member, title=f"m{n}")
    assert count() == few


def test_marking_all_as_read(member, other_member):
    _notify(member)
    _notify(other_member)
    client_for(member).post("/en/notifications/read/")
    assert not Notification.objects.filter(recipient=member, read_at=None).exists()
    assert Notification.objects.filter(recipient=other_member, read_at=None).exists()


def test_email_choices_are_saved_and_bad_input_is_refused(member):
    client = client_for(member)
    assert client.get("/en/notifications/email/").status_code == 200
    response = client.post("/en/notifications/email/", {"answer": "sometimes"})
    assert response.status_code == 400 and "Select a valid choice" in response.text
    data = {kind: Frequency.WEEKLY for kind in actions.frequencies(member) if kind != "at-risk"}
    assert client.post("/en/notifications/email/", data).status_code == 302
    assert actions.frequencies(member)["answer"] == Frequency.WEEKLY
    assert actions.frequencies(member)["at-risk"] == Frequency.NEVER  # not a member's choice


def test_a_forged_unsubscribe_link_changes_nothing(member, client):
    token = actions.unsubscribe_token(member, "answer")
    response = client.post(reverse("notifications:unsubscribe", args=[token[:-2] + "xx"]))
    assert response.status_code == 400
    assert actions.frequencies(member)["answer"] == Frequency.IMMEDIATE


def test_unsubscribing_from_a_digest_stops_every_kind_it_carries(member, client):
    token = actions.unsubscribe_token(member, Frequency.WEEKLY)
    assert "<form" in client.get(reverse("notifications:unsubscribe", args=[token])).text
    client.post(reverse("notifications:unsubscribe", args=[token]))
    chosen = actions.frequencies(member)
    assert chosen["topic"] == chosen["member"] == Frequency.NEVER
    assert chosen["answer"] == Frequency.IMMEDIATE


def test_the_inbox_is_for_signed_in_members(client):
    assert client.get("/en/notifications/").status_code == 302
