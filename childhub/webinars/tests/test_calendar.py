"""Calendars: invitations and cancellations parsed back with icalendar, and the secret feed."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import icalendar
import pytest
from django.core import mail

from childhub.webinars import actions, calendar
from childhub.webinars.tests.factories import WebinarFactory
from childhub.webinars.tests.mailbox import attached_calendar, calendar_method_header

pytestmark = pytest.mark.django_db


def test_the_invitation_is_a_request_with_a_stable_uid_and_the_events_own_zone(member, clock, committing):
    webinar = WebinarFactory(starts_at=datetime(2026, 10, 26, 9, 0, tzinfo=UTC), time_zone="Europe/Sofia")
    clock.move_to(datetime(2026, 10, 1, tzinfo=UTC), tick=False)
    with committing():
        actions.register(webinar=webinar, member=member)
    invitation = attached_calendar(mail.outbox[-1])
    assert calendar_method_header(mail.outbox[-1]) == "REQUEST"
    assert invitation["METHOD"] == "REQUEST"
    event = invitation.events[0]
    assert event["UID"] == calendar.uid(webinar) == f"webinar-{webinar.pk}@127.0.0.1"
    assert event["SEQUENCE"] == 0
    assert event["DTSTART"].params["TZID"] == "Europe/Sofia"
    assert event.decoded("DTSTART") == datetime(2026, 10, 26, 11, 0, tzinfo=icalendar_zone("Europe/Sofia"))
    assert event.decoded("DTEND") - event.decoded("DTSTART") == timedelta(minutes=90)
    assert [tz["TZID"] for tz in invitation.walk("VTIMEZONE")] == ["Europe/Sofia"]
    assert str(event["ATTENDEE"]) == f"mailto:{member.email}"
    assert f"/en/webinars/{webinar.pk}/join/" in str(event["LOCATION"])


def icalendar_zone(name: str):
    from zoneinfo import ZoneInfo

    return ZoneInfo(name)


def test_cancelling_sends_a_cancel_with_the_same_uid(member, clock, committing):
    webinar = WebinarFactory()
    registration = actions.register(webinar=webinar, member=member)
    with committing():
        actions.cancel_registration(registration=registration)
    cancel = attached_calendar(mail.outbox[-1])
    assert cancel["METHOD"] == "CANCEL"
    assert cancel.events[0]["UID"] == calendar.uid(webinar)
    assert cancel.events[0]["STATUS"] == "CANCELLED"
    assert cancel.events[0]["SEQUENCE"] == webinar.sequence


def test_an_update_carries_the_bumped_sequence_and_the_same_uid(member, clock, committing):
    webinar = WebinarFactory()
    actions.register(webinar=webinar, member=member)
    with committing():
        actions.update_webinar(webinar=webinar, data={"title": "A new title"})
    update = attached_calendar(mail.outbox[-1])
    assert update.events[0]["SEQUENCE"] == 1
    assert update.events[0]["SUMMARY"] == "A new title"
    assert update.events[0]["UID"] == calendar.uid(webinar)


def test_the_personal_feed_lists_the_members_active_registrations(client, member, other_member, clock):
    mine = WebinarFactory(title="Mine")
    cancelled = WebinarFactory(title="Cancelled by me")
    WebinarFactory(title="Someone else's")
    actions.register(webinar=mine, member=member)
    actions.cancel_registration(registration=actions.register(webinar=cancelled, member=member))
    feed = actions.calendar_feed_for(member=member)
    response = client.get(feed.get_absolute_url())
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    parsed = icalendar.Calendar.from_ical(response.content)
    assert [str(e["SUMMARY"]) for e in parsed.events] == ["Mine"]
    assert parsed.events[0]["UID"] == calendar.uid(mine)


def test_a_wrong_feed_token_is_not_found(client, member):
    actions.calendar_feed_for(member=member)
    assert client.get("/en/webinars/calendar/not-the-token.ics").status_code == 404


def test_renewing_the_feed_address_retires_the_old_one(client, member, clock):
    old = actions.calendar_feed_for(member=member).get_absolute_url()
    new = actions.renew_calendar_feed(member=member).get_absolute_url()
    assert client.get(old).status_code == 404
    assert client.get(new).status_code == 200


def test_the_calendar_page_shows_the_members_address_and_renews_it(member, clock):
    from childhub.core.tests.fixtures import client_for

    browser = client_for(member)
    page = browser.get("/en/webinars/calendar/")
    token = actions.calendar_feed_for(member=member).token
    assert token in page.text
    browser.post("/en/webinars/calendar/")
    assert actions.calendar_feed_for(member=member).token != token


def test_anyone_may_download_a_published_webinar_without_a_join_link(client, clock):
    webinar = WebinarFactory()
    response = client.get(f"/en/webinars/{webinar.pk}/webinar.ics")
    event = icalendar.Calendar.from_ical(response.content).events[0]
    assert event["UID"] == calendar.uid(webinar)
    assert "LOCATION" not in event and "/join/" not in response.text
