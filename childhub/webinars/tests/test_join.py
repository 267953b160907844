"""The hub's /join link: registration and time window checked, then a freshly signed room address."""

from __future__ import annotations

import hashlib
import urllib.parse
from datetime import UTC, datetime, timedelta

import pytest

from childhub.core.tests.fixtures import client_for
from childhub.webinars import actions
from childhub.webinars.bbb_test_server import closed_port_url
from childhub.webinars.models import Registration
from childhub.webinars.tests.factories import PresenterFactory, RegistrationFactory, WebinarFactory

pytestmark = pytest.mark.django_db

START = datetime(2026, 12, 10, 14, 0, tzinfo=UTC)


@pytest.fixture
def webinar(clock):
    return WebinarFactory(starts_at=START, title="Talking with children about abuse")


def join(user, webinar):
    return client_for(user).get(f"/en/webinars/{webinar.pk}/join/")


def query_of(url: str) -> dict[str, str]:
    return dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(url).query))


def test_a_visitor_is_asked_to_sign_in(client, webinar):
    response = client.get(f"/en/webinars/{webinar.pk}/join/")
    assert response.status_code == 302 and "/login/" in response["Location"]


def test_a_member_without_a_place_is_refused(member, webinar, clock, hub_bbb):
    clock.move_to(START, tick=False)
    response = join(member, webinar)
    assert response.status_code == 403
    assert "registered participants" in response.text
    assert hub_bbb.calls == []


def test_a_waiting_member_is_refused_too(member, webinar, clock, hub_bbb):
    RegistrationFactory(webinar=webinar, member=member, status=Registration.Status.WAITLISTED)
    clock.move_to(START, tick=False)
    assert join(member, webinar).status_code == 403


def test_before_the_window_the_page_says_when_the_room_opens(member, webinar, clock, hub_bbb):
    actions.register(webinar=webinar, member=member)
    clock.move_to(START - timedelta(minutes=16), tick=False)
    response = join(member, webinar)
    assert response.status_code == 200
    assert "not open yet" in response.text
    assert (
        "14:45" in response.text or "2:45" in response.text
    ) and "Central European Standard Time" in response.text
    assert hub_bbb.calls == []


def test_after_the_end_the_room_is_closed(member, webinar, clock, hub_bbb):
    actions.register(webinar=webinar, member=member)
    clock.move_to(START + timedelta(minutes=90), tick=False)
    response = join(member, webinar)
    assert response.status_code == 410 and "has ended" in response.text


def test_a_registrant_is_sent_to_a_signed_viewer_join_after_an_idempotent_create(
    member, webinar, clock, hub_bbb
):
    member.language = "bg"
    member.display_name = "Мария Иванова"
    member.save()
    actions.register(webinar=webinar, member=member)
    clock.move_to(START - timedelta(minutes=15), tick=False)
    first = join(member, webinar)
    second = join(member, webinar)
    assert first.status_code == 302 and second.status_code == 302
    creates = hub_bbb.calls_to("create")
    assert len(creates) == 2 and all(call.checksum_ok for call in creates)
    assert creates[0].params["meetingID"] == f"childhub-webinar-{webinar.pk}"
    assert creates[0].params["name"] == "Talking with children about abuse"
    url = first["Location"]
    params = query_of(url)
    assert url.startswith(hub_bbb.url + "/api/join?")
    assert params["role"] == "VIEWER"
    assert params["fullName"] == "Мария Иванова"
    assert params["userdata-bbb_override_default_locale"] == "bg"
    assert params["userID"] == f"member-{member.pk}"
    assert hub_bbb.secret not in url
    assert first["Cache-Control"] == "no-store"
    # The address is signed as bbb-web checks it: follow it to the fake server.
    assert hub_bbb.verify("join", urllib.parse.urlsplit(url).query)[0]


def test_a_presenter_enters_as_moderator_without_registering(member, webinar, clock, hub_bbb):
    webinar.presenters.add(PresenterFactory(member=member, name=member.public_name))
    clock.move_to(START - timedelta(minutes=50), tick=False)  # hosts may open the room an hour early
    response = join(member, webinar)
    assert response.status_code == 302
    assert query_of(response["Location"])["role"] == "MODERATOR"


def test_the_organisers_editor_and_staff_enter_as_moderators(partner_editor, staff, clock, hub_bbb):
    from childhub.accounts.models import Organisation

    webinar = WebinarFactory(starts_at=START, organiser=Organisation.objects.get(slug="celcis"))
    clock.move_to(START, tick=False)
    for host in (partner_editor, staff):
        assert query_of(join(host, webinar)["Location"])["role"] == "MODERATOR"


def test_an_unreachable_room_gives_a_friendly_page_not_an_error(member, webinar, clock, settings):
    settings.BBB_URL = closed_port_url()
    settings.BBB_SECRET = "some-secret"
    actions.register(webinar=webinar, member=member)
    clock.move_to(START, tick=False)
    response = join(member, webinar)
    assert response.status_code == 503
    assert "cannot be reached" in response.text and response["Retry-After"] == "60"
    assert "some-secret" not in response.text


def test_a_room_without_settings_is_unavailable_rather_than_broken(member, webinar, clock, settings):
    settings.BBB_URL = ""
    actions.register(webinar=webinar, member=member)
    clock.move_to(START, tick=False)
    assert join(member, webinar).status_code == 503


def test_the_unavailable_page_is_in_the_members_language(member, webinar, clock, settings):
    settings.BBB_URL = closed_port_url()
    settings.BBB_SECRET = "x"
    member.language = "hr"
    member.save()
    actions.register(webinar=webinar, member=member)
    clock.move_to(START, tick=False)
    response = client_for(member).get(f"/hr/webinars/{webinar.pk}/join/")
    assert response.status_code == 503 and 'lang="hr"' in response.text


def test_an_external_room_is_a_plain_redirect(member, clock, hub_bbb):
    webinar = WebinarFactory(
        starts_at=START, backend="external", external_url="https://meet.jit.si/childhub-42"
    )
    actions.register(webinar=webinar, member=member)
    clock.move_to(START + timedelta(minutes=10), tick=False)
    response = join(member, webinar)
    assert response.status_code == 302 and response["Location"] == "https://meet.jit.si/childhub-42"
    assert hub_bbb.calls == []


def test_the_external_link_never_appears_on_public_pages(client, clock):
    webinar = WebinarFactory(starts_at=START, backend="external", external_url="https://zoom.example/j/123")
    assert "zoom.example" not in client.get(f"/en/webinars/{webinar.pk}/").text
    assert "zoom.example" not in client.get("/en/webinars/").text


def test_a_confirmed_guest_joins_through_their_own_link(clock, hub_bbb):
    webinar = WebinarFactory(starts_at=START, guests_allowed=True)
    guest = actions.confirm_guest(
        registration=actions.register_guest(
            webinar=webinar, name="Ana Guest", email="ana@example.org", language="ro"
        )
    )
    clock.move_to(START, tick=False)
    from django.test import Client

    response = Client().get(f"/ro/webinars/guest/{guest.token}/join/")
    params = query_of(response["Location"])
    assert params["role"] == "VIEWER" and params["fullName"] == "Ana Guest"
    assert params["userdata-bbb_override_default_locale"] == "ro"


def test_checksums_use_sha256(member, webinar, clock, hub_bbb):
    actions.register(webinar=webinar, member=member)
    clock.move_to(START, tick=False)
    join(member, webinar)
    create = hub_bbb.calls_to("create")[0]
    assert create.algorithm == "sha256"
    expected = hashlib.sha256(
        ("create" + create.query.rsplit("&checksum=", 1)[0] + hub_bbb.secret).encode()
    ).hexdigest()
    assert create.query.endswith(expected)
