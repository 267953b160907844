"""Attendance: from BigBlueButton's callbacks, the organiser's ticks, or an imported report;
rejoins merged; attended means present for the share of the time staff set."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from childhub.core.models import HubSetting
from childhub.core.tests.fixtures import client_for
from childhub.records.models import Certificate
from childhub.webinars import actions
from childhub.webinars.bbb_test_server import encode_jwt
from childhub.webinars.models import Presence, Registration
from childhub.webinars.tests.factories import RegistrationFactory, WebinarFactory

pytestmark = pytest.mark.django_db

START = datetime(2026, 12, 10, 14, 0, tzinfo=UTC)  # 15:00 in Budapest; 90 minutes


def at(minutes: int) -> datetime:
    return START + timedelta(minutes=minutes)


@pytest.fixture
def webinar(clock):
    return WebinarFactory(starts_at=START, title="Interviewing children who disclose abuse")


@pytest.fixture
def registration(webinar, member):
    return RegistrationFactory(webinar=webinar, member=member)


def test_rejoins_and_overlaps_count_once_within_the_scheduled_time():
    stretches = [(at(-20), at(30)), (at(20), at(40)), (at(50), at(60)), (at(85), at(200))]
    # before the start and after the end do not count: 0–40, 50–60, 85–90
    assert actions.present_minutes(stretches, START, at(90)) == 55


def test_present_for_three_quarters_of_the_time_is_attended(registration):
    actions.record_presence(
        registration=registration, stretches=[(at(0), at(30)), (at(35), at(73))], source="import"
    )
    registration.refresh_from_db()
    assert registration.present_minutes == 68 and registration.attended  # 68/90 = 75.6 %


def test_a_minute_short_of_the_share_is_not_attended(registration):
    actions.record_presence(registration=registration, stretches=[(at(0), at(67))], source="import")
    registration.refresh_from_db()
    assert registration.present_minutes == 67 and not registration.attended  # 74.4 %


def test_the_share_is_the_one_staff_set(registration):
    HubSetting.objects.create(key=HubSetting.Key.ATTENDANCE_SHARE, value=50)
    from django.core.cache import caches

    caches["pages"].clear()
    actions.record_presence(registration=registration, stretches=[(at(0), at(46))], source="import")
    registration.refresh_from_db()
    assert registration.attended


def test_the_same_report_recorded_twice_changes_nothing(registration):
    for _ in range(2):
        actions.record_presence(registration=registration, stretches=[(at(0), at(80))], source="import")
    assert Presence.objects.filter(registration=registration).count() == 1


def test_attending_issues_a_certificate_in_the_webinars_language(registration, webinar):
    actions.record_presence(registration=registration, stretches=[(at(0), at(90))], source="room")
    certificate = Certificate.objects.get(member=registration.member)
    assert certificate.title == webinar.title
    assert certificate.language == "en"
    assert certificate.hours == pytest.approx(1.5)
    assert certificate.status == Certificate.Status.VALID


def test_the_organiser_ticks_who_attended_and_can_correct_it(webinar, registration, other_member, staff):
    other = RegistrationFactory(webinar=webinar, member=other_member)
    count = actions.mark_attendance(webinar=webinar, present={registration.pk, other.pk}, marked_by=staff)
    assert count == 2
    actions.mark_attendance(webinar=webinar, present={registration.pk}, marked_by=staff)
    other.refresh_from_db()
    registration.refresh_from_db()
    assert registration.attended and not other.attended
    withdrawn = Certificate.objects.get(member=other_member)
    assert withdrawn.status == Certificate.Status.REVOKED


def test_the_attendance_sheet_is_for_organisers_only(webinar, registration, member, staff, clock):
    clock.move_to(at(120), tick=False)
    url = f"/en/webinars/{webinar.pk}/attendance/"
    assert client_for(member).get(url).status_code == 403
    response = client_for(staff).post(url, {"present": [str(registration.pk)]})
    assert response.status_code == 302
    registration.refresh_from_db()
    assert registration.attended


ZOOM_REPORT = """Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest
Ana,{email},12/10/2026 03:00:10 PM,12/10/2026 03:40:00 PM,40,No
Ana,{email},12/10/2026 03:45:00 PM,12/10/2026 04:30:00 PM,45,No
Someone,stranger@example.org,12/10/2026 03:00:00 PM,12/10/2026 04:30:00 PM,90,Yes
Broken,{email},yesterday,later,0,No
"""


def test_a_zoom_report_is_read_in_the_webinars_zone(webinar, registration, member, staff, clock):
    clock.move_to(at(120), tick=False)
    report = ZOOM_REPORT.format(email=member.email.upper())
    data = {"action": "import", "report": _upload(report)}
    response = client_for(staff).post(f"/en/webinars/{webinar.pk}/attendance/", data)
    assert response.status_code == 200
    assert "stranger@example.org" in response.text  # not registered: reported, not recorded
    assert "5" in response.text  # the line that could not be read
    registration.refresh_from_db()
    assert registration.present_minutes == 84 and registration.attended  # 15:00–15:40, 15:45–16:30 CET
    # the same report again records nothing new
    actions.import_attendance(webinar=webinar, data=report)
    assert Presence.objects.filter(registration=registration).count() == 2


def test_a_report_without_the_needed_columns_is_refused_with_a_message(webinar, staff, clock):
    data = {"action": "import", "report": _upload("Name,Minutes\nAna,40\n")}
    response = client_for(staff).post(f"/en/webinars/{webinar.pk}/attendance/", data)
    assert response.status_code == 400
    assert "e-mail column" in response.text


def _upload(text: str):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile("participants.csv", text.encode("utf-8"), content_type="text/csv")


# BigBlueButton's callbacks


def _join_and_end(webinar, member, hub_bbb, clock):
    actions.register(webinar=webinar, member=member)
    clock.move_to(START, tick=False)
    response = client_for(member).get(f"/en/webinars/{webinar.pk}/join/")
    assert response.status_code == 302
    _follow_into_the_room(response["Location"])
    clock.move_to(at(95), tick=False)
    return hub_bbb.created[webinar.meeting_id].metadata["analytics-callback-url"]


def _follow_into_the_room(url: str) -> None:
    """What the member's browser does with the signed address: the room records them as joined."""
    import urllib.error
    import urllib.request

    class Stay(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    try:
        urllib.request.build_opener(Stay).open(url, timeout=5)
    except urllib.error.HTTPError as error:
        assert error.code == 302  # sent on to the BigBlueButton client


def _post(callback, body=None, headers=None):
    from django.test import Client

    path = callback.url.split("127.0.0.1:8000", 1)[-1] if "://" in callback.url else callback.url
    return Client().post(
        path,
        data=body if body is not None else callback.body,
        content_type=callback.headers["Content-Type"],
        headers={k: v for k, v in (headers or callback.headers).items() if k != "Content-Type"},
    )


def test_the_room_reports_who_attended_and_rejoins_merge(
    webinar, member, hub_bbb, clock, mailoutbox, committing
):
    _join_and_end(webinar, member, hub_bbb, clock)
    presence = {
        f"member-{member.pk}": [
            (at(0).isoformat(), at(50).isoformat()),
            (at(48).isoformat(), at(75).isoformat()),  # dropped out and came back
        ]
    }
    callback = hub_bbb.analytics_callback(webinar.meeting_id, presence=presence, finish=at(92).isoformat())
    with committing():
        response = _post(callback)
    assert response.status_code == 200, callback.body
    assert response.content == b"recorded 1", callback.body
    registration = Registration.objects.get(webinar=webinar, member=member)
    assert registration.present_minutes == 75 and registration.attended
    assert registration.survey_sent_at is not None
    assert any("useful" in m.subject for m in mailoutbox)


def test_analytics_signed_with_another_secret_are_refused(webinar, member, hub_bbb, clock):
    _join_and_end(webinar, member, hub_bbb, clock)
    callback = hub_bbb.analytics_callback(webinar.meeting_id, secret="not-the-shared-secret")
    assert _post(callback).status_code == 403
    assert not Registration.objects.get(webinar=webinar, member=member).attended


def test_a_callback_without_the_meetings_token_is_refused(webinar, member, hub_bbb, clock):
    _join_and_end(webinar, member, hub_bbb, clock)
    callback = hub_bbb.analytics_callback(webinar.meeting_id)
    forged = callback.__class__(
        url=callback.url.replace("token=", "token=x"), headers=callback.headers, body=callback.body
    )
    assert _post(forged).status_code == 403


def test_analytics_of_another_meeting_are_refused(webinar, member, hub_bbb, clock):
    _join_and_end(webinar, member, hub_bbb, clock)
    callback = hub_bbb.analytics_callback(webinar.meeting_id)
    body = callback.body.replace(webinar.meeting_id.encode(), b"childhub-webinar-999999")
    assert _post(callback, body=body).status_code == 403


def test_an_expired_analytics_token_is_refused(webinar, member, hub_bbb, clock):
    _join_and_end(webinar, member, hub_bbb, clock)
    callback = hub_bbb.analytics_callback(webinar.meeting_id)
    token = encode_jwt({"exp": 1}, hub_bbb.secret, "HS512")
    assert (
        _post(callback, headers={**callback.headers, "Authorization": f"Bearer {token}"}).status_code == 403
    )


def test_the_end_of_the_meeting_asks_attendees_recorded_so_far(
    webinar, member, hub_bbb, clock, mailoutbox, committing
):
    _join_and_end(webinar, member, hub_bbb, clock)
    registration = Registration.objects.get(webinar=webinar, member=member)
    actions.record_presence(registration=registration, stretches=[(at(0), at(90))], source="room")
    url = (
        hub_bbb.created[webinar.meeting_id]
        .metadata.get("analytics-callback-url")
        .replace("/room/analytics/", "/room/ended/")
    )
    from django.test import Client

    with committing():
        assert Client().get(url.split("127.0.0.1:8000", 1)[-1]).status_code == 200
    assert len([m for m in mailoutbox if "useful" in m.subject]) == 1


def test_a_recording_announced_by_the_room_waits_for_review(webinar, member, hub_bbb, clock):
    _join_and_end(webinar, member, hub_bbb, clock)
    record_id = hub_bbb.add_recording(webinar.meeting_id)
    callback = hub_bbb.recording_ready_callback(record_id)
    from django.test import Client

    response = Client().post(
        callback.url.split("127.0.0.1:8000", 1)[-1],
        data=callback.body,
        content_type=callback.headers["Content-Type"],
    )
    assert response.status_code == 200
    material = webinar.materials.get()
    assert material.kind == "recording" and not material.is_published and material.url
