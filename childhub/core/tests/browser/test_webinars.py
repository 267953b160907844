"""A webinar in a real browser: register, join the room, answer the survey, get the certificate
and check it, with axe-core on every page of the hub the member sees."""

from __future__ import annotations

import re
import urllib.request
from datetime import timedelta
from typing import Any

import pytest
from django.core import mail
from django.utils import timezone
from playwright.sync_api import expect

from childhub.accounts.actions import record_consent
from childhub.accounts.tests.factories import ProfileFactory
from childhub.records.models import Certificate
from childhub.webinars import actions
from childhub.webinars.bbb_test_server import bbb_server_fixture
from childhub.webinars.models import FeedbackReceipt, FeedbackResponse, Registration
from childhub.webinars.tests.factories import WebinarFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PASSWORD = "correct horse battery"
bbb_server = bbb_server_fixture()


def _sign_in(page: Any, email: str) -> None:
    page.goto("/en/accounts/login/")
    page.get_by_label("Email").fill(email)
    page.get_by_label(re.compile(r"^Password:?$")).fill(PASSWORD)
    page.get_by_role("button", name="Sign In").click()
    expect(
        page.get_by_role("navigation", name="Your account").get_by_role("link", name="Sign out")
    ).to_be_visible()


def test_register_join_answer_the_survey_and_get_the_certificate(
    page: Any,
    policies: None,
    live_server: Any,
    bbb_server: Any,
    settings: Any,
    time_machine: Any,
    assert_accessible: Any,
) -> None:
    settings.BBB_URL = bbb_server.url
    settings.BBB_SECRET = bbb_server.secret
    settings.SITE_URL = live_server.url  # where BigBlueButton sends its callbacks
    member = ProfileFactory(user__display_name="Amra Hodžić", country="BA").user
    record_consent(member=member)
    start = timezone.now().replace(microsecond=0) - timedelta(minutes=5)
    webinar = WebinarFactory(
        title="Talking with children about what happened",
        starts_at=start,
        duration_minutes=60,
        capacity=30,
    )
    # The room itself is BigBlueButton's client, outside the hub: the browser is shown a stand-in.
    page.route(
        re.compile(r"^https://bbb\.invalid/.*"),
        lambda route: route.fulfill(
            content_type="text/html",
            body="<!doctype html><html lang='en'><title>Room</title><h1>In the room</h1>",
        ),
    )

    _sign_in(page, member.email)
    page.goto(webinar.get_absolute_url())
    expect(page.get_by_role("heading", level=1)).to_have_text(webinar.title)
    assert_accessible(page)
    page.get_by_role("button", name="Register").click()
    expect(page.get_by_text("Confirmed", exact=True)).to_be_visible()
    assert_accessible(page)

    # The hub's own join link checks the place and the time, then signs the room's address.
    page.get_by_role("link", name="Join the webinar").click()
    expect(page.get_by_role("heading", name="In the room")).to_be_visible()
    meeting = bbb_server.created[webinar.meeting_id]
    assert [a["fullName"] for a in meeting.attendees] == ["Amra Hodžić"]

    # The meeting ends; BigBlueButton reports who was there (signed with the shared secret).
    callback = bbb_server.analytics_callback(webinar.meeting_id, finish=webinar.ends_at.isoformat())
    request = urllib.request.Request(
        callback.url, data=callback.body, headers=callback.headers, method="POST"
    )
    with urllib.request.urlopen(request, timeout=10) as response:
        assert response.status == 200
    registration = Registration.objects.get(webinar=webinar, member=member)
    assert registration.attended

    # After the end, attendees are asked in their language whether it was useful.
    time_machine.move_to(webinar.ends_at + timedelta(minutes=10), tick=True)
    assert actions.send_due_surveys() == 1
    (invitation,) = [m for m in mail.outbox if "useful" in m.subject]
    survey_path = re.search(r"https?://[^/]+(/\S+/feedback/)", invitation.body).group(1)
    page.goto(survey_path)
    assert_accessible(page)
    page.get_by_role("button", name="Send my answers").click()
    expect(page.get_by_text("Choose how useful it was, from 1 to 5.")).to_be_visible()
    page.get_by_label("5 — very useful").check()
    expect(page.get_by_label(re.compile("Answer anonymously"))).to_be_checked()
    page.get_by_role("button", name="Send my answers").click()
    expect(page.get_by_text("Thank you: your answers help the next webinars.")).to_be_visible()
    assert FeedbackReceipt.objects.filter(registration=registration).exists()
    assert FeedbackResponse.objects.get(webinar=webinar).member is None  # anonymous, yet counted
    assert_accessible(page)

    # The certificate of attendance, on the webinar's page and in the learning record.
    certificate = Certificate.objects.get(member=member)
    link = page.get_by_role("link", name="Your certificate of attendance (PDF)")
    pdf = page.request.get(link.get_attribute("href"))
    assert pdf.ok and pdf.headers["content-type"] == "application/pdf" and pdf.body()[:5] == b"%PDF-"
    page.get_by_role("link", name="My learning record").first.click()
    expect(page.get_by_role("link", name=webinar.title, exact=True)).to_be_visible()
    assert_accessible(page)

    # Anyone can check the code printed on it.
    page.goto("/en/records/verify/")
    page.get_by_label(re.compile("code", re.IGNORECASE)).fill(certificate.code.lower().replace("-", " "))
    page.get_by_role("button", name="Verify").click()
    expect(
        page.get_by_text(f"The certificate with code {certificate.code} is genuine and valid.")
    ).to_be_visible()
    expect(page.locator("main").get_by_text("Amra Hodžić")).to_be_visible()
    assert_accessible(page)
