"""After (and around) a webinar: recordings and slides, decisions in the hub, guests who never
confirmed, and presenter profiles kept by organisers."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from childhub.core.models import Topic
from childhub.core.tests.fixtures import client_for
from childhub.library.models import Resource
from childhub.library.tests.factories import make_pdf, make_png
from childhub.notifications.models import Notification
from childhub.webinars import actions
from childhub.webinars.models import Material, Presenter, Registration
from childhub.webinars.tests.factories import RegistrationFactory, WebinarFactory

pytestmark = pytest.mark.django_db

START = datetime(2026, 11, 20, 14, 0, tzinfo=UTC)


@pytest.fixture
def webinar(clock):
    return WebinarFactory(starts_at=START, title="Roma children in school", delivered_in="bs", language="bs")


def slides():
    return SimpleUploadedFile(
        "slides.pdf", make_pdf(["Roma children in school"]), content_type="application/pdf"
    )


def test_slides_of_an_ordinary_topic_are_published_to_members_and_the_library(webinar, staff, member, client):
    response = client_for(staff).post(
        f"/en/webinars/{webinar.pk}/materials/", {"kind": "slides", "file": slides()}
    )
    assert response.status_code == 302
    material = Material.objects.get()
    assert material.is_published
    resource = material.resource
    assert resource.status == Resource.Status.PUBLISHED and resource.access == Resource.Access.MEMBERS
    assert resource.language == "bs" and resource.organisation == webinar.organiser
    assert material.file.url in client_for(member).get(webinar.get_absolute_url()).text
    assert material.file.url not in client.get(webinar.get_absolute_url()).text  # visitors do not see it


def test_a_recording_of_a_sensitive_topic_waits_for_review(webinar, staff, member, clock):
    webinar.topics.add(Topic.objects.get_or_create(slug="sexual-abuse")[0])
    url = "https://video.example.org/recording/42"
    client_for(staff).post(f"/en/webinars/{webinar.pk}/materials/", {"kind": "recording", "url": url})
    material = Material.objects.get()
    assert not material.is_published and material.resource is None
    assert url not in client_for(member).get(webinar.get_absolute_url()).text
    clock.shift(timedelta(seconds=5))  # the reviewer takes a moment; the page shows it at once
    client_for(staff).post(
        f"/en/webinars/{webinar.pk}/materials/", {"material": material.pk, "action": "publish"}
    )
    material.refresh_from_db()
    assert material.is_published and material.resource.kind == Resource.Kind.VIDEO
    assert url in client_for(member).get(webinar.get_absolute_url()).text
    clock.shift(timedelta(seconds=5))
    client_for(staff).post(
        f"/en/webinars/{webinar.pk}/materials/", {"material": material.pk, "action": "unpublish"}
    )
    material.refresh_from_db()
    assert not material.is_published and material.resource.status == Resource.Status.PENDING
    assert url not in client_for(member).get(webinar.get_absolute_url()).text


def test_materials_are_managed_by_organisers_only(webinar, member):
    response = client_for(member).post(
        f"/en/webinars/{webinar.pk}/materials/", {"kind": "recording", "url": "https://example.org/v"}
    )
    assert response.status_code == 403
    assert not Material.objects.exists()


def test_a_material_needs_a_file_or_an_address(webinar, staff):
    response = client_for(staff).post(f"/en/webinars/{webinar.pk}/materials/", {"kind": "slides"})
    assert response.status_code == 400 and "Upload a file or give a web address" in response.text


def test_the_presenter_directory_links_published_recordings_for_members(webinar, staff, member, client):
    presenter = webinar.presenters.create(name="Mirela Hodžić")
    actions.add_material(
        webinar=webinar, kind="recording", added_by=staff, url="https://video.example.org/r/7"
    )
    assert "https://video.example.org/r/7" in client_for(member).get("/en/webinars/presenters/").text
    page = client.get("/en/webinars/presenters/")
    assert presenter.name in page.text and "https://video.example.org/r/7" not in page.text


def test_a_decision_on_a_registration_also_appears_in_the_hub(clock, member, staff):
    webinar = WebinarFactory(approval_required=True)
    registration = actions.register(webinar=webinar, member=member)
    actions.decide_registration(registration=registration, decider=staff, approve=False)
    notice = Notification.objects.get(recipient=member)
    assert notice.kind == "webinar-decision" and webinar.title in notice.message


def test_guest_registrations_never_confirmed_expire_after_two_days(clock):
    webinar = WebinarFactory(guests_allowed=True)
    registration = actions.register_guest(webinar=webinar, name="Guest", email="g@example.org", language="en")
    clock.move_to(datetime.now(UTC) + timedelta(hours=47), tick=False)
    assert actions.expire_unconfirmed_guests() == 0
    clock.move_to(datetime.now(UTC) + timedelta(hours=2), tick=False)
    assert actions.expire_unconfirmed_guests() == 1
    registration.refresh_from_db()
    assert registration.status == Registration.Status.EXPIRED
    # the address can register again
    again = actions.register_guest(webinar=webinar, name="Guest", email="g@example.org", language="en")
    assert again.pk != registration.pk


def test_organisers_add_a_guest_presenter_with_a_clean_photo(partner_editor, member):
    data = {"name": "Dr. Elena Dimitrova", "bio": "Child psychologist, Sofia.", "photo": _photo()}
    assert client_for(member).post("/en/webinars/presenters/new/", data).status_code == 403
    response = client_for(partner_editor).post("/en/webinars/presenters/new/", {**data, "photo": _photo()})
    assert response.status_code == 302
    presenter = Presenter.objects.get()
    assert presenter.name == "Dr. Elena Dimitrova" and presenter.photo
    from PIL import Image

    with Image.open(presenter.photo.open()) as image:
        assert not image.getexif()


def test_a_presenter_without_a_name_is_refused_with_a_message(partner_editor):
    response = client_for(partner_editor).post("/en/webinars/presenters/new/", {"bio": "Kept text"})
    assert response.status_code == 400 and "Kept text" in response.text


def _photo():
    return SimpleUploadedFile("photo.png", make_png(), content_type="image/png")


def test_callbacks_need_the_hub_to_know_its_room(webinar):
    response = Client().post(
        f"/en/webinars/{webinar.pk}/room/analytics/?meetingID={webinar.meeting_id}&token=x"
    )
    assert response.status_code == 403


def test_erasing_an_account_gives_up_upcoming_places_and_keeps_past_attendance(clock, member):
    from childhub.core.privacy import registered

    past = WebinarFactory(starts_at=START)
    coming = WebinarFactory(starts_at=datetime(2027, 3, 1, 14, 0, tzinfo=UTC))
    attended = RegistrationFactory(webinar=past, member=member, attended=True)
    place = RegistrationFactory(webinar=coming, member=member)
    registered()["webinars.Registration"].erase(member)
    attended.refresh_from_db()
    place.refresh_from_db()
    assert attended.status == Registration.Status.CONFIRMED and attended.attended and attended.member is None
    assert place.status == Registration.Status.CANCELLED
