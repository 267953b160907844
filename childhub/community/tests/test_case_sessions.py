"""Scheduled case discussions: announced like a small event, for verified professionals only."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import icalendar
import pytest
import time_machine
from django.urls import reverse

from childhub.community.models import CaseSession
from childhub.core.models import Language
from childhub.core.tests.fixtures import client_for
from childhub.notifications.models import Notification

pytestmark = pytest.mark.django_db

FORM = {
    "title": "Kinship care: preparing a return home",
    "description": "We discuss how to prepare a return home from kinship care.",
    "language": "bs",
    "country": "",
    "starts_at": "2026-10-26T11:00",
    "duration": "90",
    "time_zone": "Europe/Sarajevo",
}


@time_machine.travel(datetime(2026, 10, 1, 9, 0, tzinfo=ZoneInfo("UTC")))
def test_a_moderator_schedules_a_discussion_in_its_own_time_zone(moderator, verified_member):
    verified_member.profile.languages.add(Language.objects.get(code="bs"))
    response = client_for(moderator).post(reverse("community:new_case_session"), FORM)
    assert response.status_code == 302
    session = CaseSession.objects.get()
    # 26 October 2026 is after the change to winter time: 11:00 in Sarajevo is 10:00 UTC.
    assert session.starts_at == datetime(2026, 10, 26, 10, 0, tzinfo=ZoneInfo("UTC"))
    assert session.ends_at - session.starts_at == timedelta(minutes=90)
    assert session.facilitator == moderator
    assert Notification.objects.filter(recipient=verified_member, kind="case-session").exists()
    page = client_for(verified_member).get(f"/en/community/cases/sessions/{session.pk}/").text
    assert "Central European Standard Time" in page


@time_machine.travel(datetime(2026, 10, 1, 9, 0, tzinfo=ZoneInfo("UTC")))
def test_the_calendar_file_is_valid_with_a_stable_uid_and_its_zone(moderator, verified_member):
    client_for(moderator).post(reverse("community:new_case_session"), FORM)
    session = CaseSession.objects.get()
    response = client_for(verified_member).get(reverse("community:case_session_calendar", args=[session.pk]))
    assert response["Content-Type"].startswith("text/calendar")
    calendar = icalendar.Calendar.from_ical(response.content)
    (event,) = calendar.walk("VEVENT")
    assert str(event["UID"]) == f"case-session-{session.pk}@childhub"
    assert event.decoded("DTSTART") == datetime(2026, 10, 26, 11, 0, tzinfo=ZoneInfo("Europe/Sarajevo"))
    assert [str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")] == ["Europe/Sarajevo"]


@time_machine.travel(datetime(2026, 10, 1, 9, 0, tzinfo=ZoneInfo("UTC")))
def test_bad_input_keeps_what_was_typed(moderator):
    data = {**FORM, "starts_at": "2026-09-01T11:00", "facilitator": "nobody@example.org"}
    response = client_for(moderator).post(reverse("community:new_case_session"), data)
    assert response.status_code == 400
    assert "Choose a time in the future." in response.text
    assert "No member has this e-mail address." in response.text
    assert FORM["description"] in response.text
    assert not CaseSession.objects.exists()


@pytest.mark.parametrize(
    ("role", "expected"), [("member", 403), ("verified_member", 403), ("coordinator", 200)]
)
def test_only_moderators_coordinators_and_staff_schedule(request, role, expected):
    client = client_for(request.getfixturevalue(role))
    assert client.get(reverse("community:new_case_session")).status_code == expected


def test_members_who_are_not_verified_never_see_a_session(member, moderator, verified_member):
    session = CaseSession.objects.create(
        title="Session",
        description="x",
        language="en",
        starts_at=datetime(2030, 1, 1, tzinfo=ZoneInfo("UTC")),
        ends_at=datetime(2030, 1, 1, 1, tzinfo=ZoneInfo("UTC")),
        facilitator=moderator,
        join_url="https://meet.example.org/secret-room",
    )
    assert client_for(member).get(session.get_absolute_url()).status_code == 404
    assert (
        client_for(member).get(reverse("community:case_session_calendar", args=[session.pk])).status_code
        == 404
    )
    page = client_for(verified_member).get(session.get_absolute_url()).text
    assert "secret-room" in page
    assert "Session" in client_for(verified_member).get("/en/community/cases/").text
