"""Webinar pages through the test client: listing, filters, presenters, registering, organising."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext

from childhub.accounts.models import Organisation
from childhub.accounts.tests.factories import ProfileFactory
from childhub.core.models import Topic
from childhub.core.tests.fixtures import client_for
from childhub.webinars import actions
from childhub.webinars.models import Registration, Webinar
from childhub.webinars.tests.factories import PresenterFactory, WebinarFactory

pytestmark = pytest.mark.django_db

PAST = datetime(2026, 5, 14, 10, 0, tzinfo=UTC)


def test_the_listing_shows_upcoming_published_webinars_only(client, clock):
    WebinarFactory(title="Upcoming one")
    WebinarFactory(title="A draft", status=Webinar.Status.DRAFT)
    WebinarFactory(title="Long gone", starts_at=PAST)
    text = client.get("/en/webinars/").text
    assert "Upcoming one" in text and "A draft" not in text and "Long gone" not in text


def test_past_webinars_have_their_own_list(client, clock):
    WebinarFactory(title="Upcoming one")
    WebinarFactory(title="Long gone", starts_at=PAST)
    text = client.get("/en/webinars/?when=past").text
    assert "Long gone" in text and "Upcoming one" not in text


def test_filters_by_language_topic_and_presenter(client, clock):
    topic, _ = Topic.objects.get_or_create(slug="online-safety")
    presenter = PresenterFactory(name="Dr Guest")
    english = WebinarFactory(title="In English", delivered_in="en")
    english.topics.add(topic)
    bulgarian = WebinarFactory(title="На български", language="bg", delivered_in="bg")
    bulgarian.presenters.add(presenter)
    assert "На български" in client.get("/en/webinars/?language=bg").text
    assert "In English" not in client.get("/en/webinars/?language=bg").text
    by_topic = client.get("/en/webinars/?topic=online-safety").text
    assert "In English" in by_topic and "На български" not in by_topic
    by_presenter = client.get(f"/en/webinars/?presenter={presenter.pk}").text
    assert "На български" in by_presenter and "In English" not in by_presenter


def test_bad_filters_never_fail(client, clock):
    for query in (
        "?presenter=abc",
        "?language=xx",
        "?when=later",
        "?page=999",
        "?tz=Not/AZone",
        "?topic=%00",
    ):
        assert client.get("/en/webinars/" + query).status_code == 200


def test_the_listing_makes_the_same_number_of_queries_for_3_or_30_webinars(member, clock):
    browser = client_for(member)

    def count(*, cards_kept: bool) -> int:
        if not cards_kept:
            caches["pages"].clear()
        with CaptureQueriesContext(connection) as ctx:
            assert browser.get("/en/webinars/").status_code == 200
        return len(ctx.captured_queries)

    def add(n: int) -> None:
        topic, _ = Topic.objects.get_or_create(slug="child-participation")
        for webinar in WebinarFactory.create_batch(n):
            webinar.topics.add(topic)
            webinar.presenters.add(PresenterFactory(), PresenterFactory())
            actions.register(webinar=webinar, member=member)

    add(3)
    count(cards_kept=False)
    few_rendered, few_kept = count(cards_kept=False), count(cards_kept=True)
    add(27)
    assert count(cards_kept=False) == few_rendered
    assert count(cards_kept=True) == few_kept < few_rendered  # no topics or presenters read


def test_a_kept_card_changes_with_the_webinar_and_the_members_place(member, other_member, clock):
    browser = client_for(member)
    webinar = WebinarFactory(title="Listening to children", capacity=30)
    assert "30 places left" in browser.get("/en/webinars/").text
    clock.shift(timedelta(minutes=1))
    webinar.title = "Listening to children in court"
    webinar.save()
    assert "Listening to children in court" in browser.get("/en/webinars/").text
    actions.register(webinar=webinar, member=member)
    text = browser.get("/en/webinars/").text
    assert "Confirmed" in text and "places left" not in text
    assert "29 places left" in client_for(other_member).get("/en/webinars/").text


def test_the_presenter_directory_lists_each_presenter_with_their_webinars(client, clock):
    guest = PresenterFactory(name="Dr Elena Guest")
    WebinarFactory(title="Children and the environment").presenters.add(guest)
    WebinarFactory(title="A secret draft", status=Webinar.Status.DRAFT).presenters.add(guest)
    PresenterFactory(name="Nobody Yet")
    text = client.get("/en/webinars/presenters/").text
    assert "Dr Elena Guest" in text and "Children and the environment" in text
    assert "A secret draft" not in text and "Nobody Yet" not in text


def test_the_presenter_directory_makes_constant_queries(client, clock):
    def count() -> int:
        with CaptureQueriesContext(connection) as ctx:
            client.get("/en/webinars/presenters/")
        return len(ctx.captured_queries)

    WebinarFactory().presenters.add(PresenterFactory(), PresenterFactory())
    count()
    few = count()
    for _ in range(8):
        WebinarFactory().presenters.add(PresenterFactory(), PresenterFactory())
    assert count() == few


def test_a_member_registers_and_cancels_from_the_page(member, clock):
    webinar = WebinarFactory()
    browser = client_for(member)
    response = browser.post(f"/en/webinars/{webinar.pk}/register/", follow=True)
    assert "You have a place" in response.text
    browser.post(f"/en/webinars/{webinar.pk}/register/")  # a double submit
    assert Registration.objects.filter(webinar=webinar, member=member).count() == 1
    response = browser.post(f"/en/webinars/{webinar.pk}/cancel/", follow=True)
    assert "cancelled" in response.text
    assert not Registration.objects.filter(
        webinar=webinar, member=member, status__in=Registration.ACTIVE
    ).exists()


def test_registering_when_closed_says_so(member, clock):
    webinar = WebinarFactory(registration_closes_at=datetime(2026, 12, 1, tzinfo=UTC))
    response = client_for(member).post(f"/en/webinars/{webinar.pk}/register/", follow=True)
    assert "not open" in response.text
    assert not Registration.objects.exists()


def test_a_visitor_must_sign_in_to_register(client, clock):
    webinar = WebinarFactory()
    response = client.post(f"/en/webinars/{webinar.pk}/register/")
    assert response.status_code == 302 and "/login/" in response["Location"]


def test_a_guest_registers_by_email_and_bad_input_keeps_what_was_typed(client, clock):
    webinar = WebinarFactory(guests_allowed=True)
    page = client.get(f"/en/webinars/{webinar.pk}/")
    assert "register without an account" in page.text
    bad = client.post(
        f"/en/webinars/{webinar.pk}/register-as-guest/",
        {"name": "Ana Typed", "email": "not-an-address", "language": "en"},
    )
    assert bad.status_code == 400
    assert 'value="Ana Typed"' in bad.text and 'value="not-an-address"' in bad.text
    assert "Enter a valid email address" in bad.text
    good = client.post(
        f"/en/webinars/{webinar.pk}/register-as-guest/",
        {"name": "Ana Typed", "email": "ana@example.org", "language": "en"},
        follow=True,
    )
    assert "confirm your e-mail address" in good.text
    registration = Registration.objects.get(guest_email="ana@example.org")
    confirm = client.post(f"/en/webinars/guest/{registration.token}/", {"action": "confirm"}, follow=True)
    assert "You have a place" in confirm.text


def test_guests_cannot_register_where_not_allowed(client, clock):
    webinar = WebinarFactory(guests_allowed=False)
    response = client.post(
        f"/en/webinars/{webinar.pk}/register-as-guest/",
        {"name": "A", "email": "a@example.org", "language": "en"},
    )
    assert response.status_code == 403


def test_a_wrong_guest_token_is_not_found(client):
    assert client.get("/en/webinars/guest/nope/").status_code == 404
    assert client.get("/en/webinars/guest/nope/join/").status_code == 404


def test_a_member_offered_a_place_takes_it_from_the_page(member, other_member, clock):
    webinar = WebinarFactory(capacity=1)
    seat = actions.register(webinar=webinar, member=other_member)
    actions.register(webinar=webinar, member=member)
    actions.cancel_registration(registration=seat)
    browser = client_for(member)
    assert "Take the place" in browser.get(f"/en/webinars/{webinar.pk}/").text
    response = browser.post(f"/en/webinars/{webinar.pk}/confirm-place/", follow=True)
    assert "You have a place" in response.text


# Organising: who may do what


def webinar_form(organiser: Organisation, **changes) -> dict:
    data = {
        "title": "Understanding children's rights and the environment",
        "description": "A conversation about climate and children's rights.",
        "language": "en",
        "delivered_in": "en",
        "organiser": organiser.pk,
        "time_zone": "Europe/Budapest",
        "start": "2027-10-26T15:00",
        "duration_minutes": "90",
        "capacity": "100",
        "backend": "bbb",
        "status": "published",
    }
    data.update(changes)
    return data


@pytest.fixture
def celcis(partner_editor) -> Organisation:
    return Organisation.objects.get(slug="celcis")


def test_a_partner_editor_plans_a_webinar_for_their_organisation(partner_editor, celcis, clock):
    response = client_for(partner_editor).post("/en/webinars/new/", webinar_form(celcis))
    webinar = Webinar.objects.get()
    assert response.status_code == 302
    assert webinar.starts_at == datetime(2027, 10, 26, 13, 0, tzinfo=UTC)  # 15:00 summer time in Budapest
    assert webinar.organiser == celcis and webinar.created_by == partner_editor
    assert sorted(webinar.reminders.values_list("minutes_before", flat=True)) == [60, 1440]


def test_a_partner_editor_cannot_organise_for_another_organisation(partner_editor, clock):
    other = Organisation.objects.create(name="Elsewhere", slug="elsewhere")
    response = client_for(partner_editor).post("/en/webinars/new/", webinar_form(other))
    assert response.status_code == 400 and not Webinar.objects.exists()


@pytest.mark.parametrize("role", ["member", "verified_member", "expert", "moderator"])
def test_members_without_organising_powers_cannot_plan_or_edit(role, request, clock):
    user = request.getfixturevalue(role)
    webinar = WebinarFactory()
    browser = client_for(user)
    assert browser.get("/en/webinars/new/").status_code == 403
    assert browser.get(f"/en/webinars/{webinar.pk}/edit/").status_code == 403
    assert browser.get(f"/en/webinars/{webinar.pk}/registrations/").status_code == 403


def test_a_visitor_is_sent_to_sign_in_to_organise(client, clock):
    webinar = WebinarFactory()
    assert "/login/" in client.get("/en/webinars/new/")["Location"]
    assert "/login/" in client.get(f"/en/webinars/{webinar.pk}/edit/")["Location"]


@pytest.mark.parametrize("role", ["coordinator", "staff"])
def test_coordinators_and_staff_plan_webinars_for_any_organisation(role, request, clock):
    user = request.getfixturevalue(role)
    organisation = Organisation.objects.create(name="Tdh", slug="tdh", country="RS")
    response = client_for(user).post("/en/webinars/new/", webinar_form(organisation))
    assert response.status_code == 302 and Webinar.objects.count() == 1


def test_a_coordinator_edits_webinars_of_their_country_but_not_others(coordinator, clock):
    ours = WebinarFactory(organiser=Organisation.objects.create(name="RS org", slug="rs-org", country="RS"))
    theirs = WebinarFactory(organiser=Organisation.objects.create(name="BG org", slug="bg-org", country="BG"))
    browser = client_for(coordinator)
    assert browser.get(f"/en/webinars/{ours.pk}/edit/").status_code == 200
    assert browser.get(f"/en/webinars/{theirs.pk}/edit/").status_code == 403


def test_the_partner_editor_edits_their_webinar_and_registrants_are_told(
    partner_editor, celcis, member, clock
):
    webinar = WebinarFactory(organiser=celcis)
    actions.register(webinar=webinar, member=member)
    browser = client_for(partner_editor)
    form = browser.get(f"/en/webinars/{webinar.pk}/edit/")
    assert 'value="2027-10-26T15:00"' in form.text
    response = browser.post(
        f"/en/webinars/{webinar.pk}/edit/", webinar_form(celcis, start="2027-10-26T16:00")
    )
    assert response.status_code == 302
    webinar.refresh_from_db()
    assert webinar.sequence == 1 and webinar.starts_at == datetime(2027, 10, 26, 14, 0, tzinfo=UTC)


def test_bad_input_on_the_webinar_form_keeps_what_was_typed(partner_editor, celcis, clock):
    response = client_for(partner_editor).post(
        "/en/webinars/new/",
        webinar_form(celcis, title="My typed title", start="next tuesday", capacity="0", backend="external"),
    )
    assert response.status_code == 400
    assert 'value="My typed title"' in response.text
    assert "Enter a date and time" in response.text
    assert "Give the link to the external room" in response.text
    assert "greater than or equal to 1" in response.text
    assert not Webinar.objects.exists()


def test_a_time_the_clocks_skip_is_refused_with_a_clear_message(partner_editor, celcis, clock):
    response = client_for(partner_editor).post(
        "/en/webinars/new/", webinar_form(celcis, start="2027-03-28T02:30")
    )
    assert response.status_code == 400 and "clocks change" in response.text


def test_registration_must_close_after_it_opens(partner_editor, celcis, clock):
    response = client_for(partner_editor).post(
        "/en/webinars/new/",
        webinar_form(celcis, registration_opens="2027-10-01T10:00", registration_closes="2027-09-01T10:00"),
    )
    assert response.status_code == 400 and "close after it opens" in response.text


def test_external_rooms_need_a_secure_address(partner_editor, celcis, clock):
    response = client_for(partner_editor).post(
        "/en/webinars/new/", webinar_form(celcis, backend="external", external_url="http://zoom.example/j/1")
    )
    assert response.status_code == 400 and "https://" in response.text


def test_drafts_are_hidden_from_everyone_but_their_organisers(client, member, partner_editor, celcis, clock):
    draft = WebinarFactory(status=Webinar.Status.DRAFT, organiser=celcis)
    assert client.get(f"/en/webinars/{draft.pk}/").status_code == 404
    assert client_for(member).get(f"/en/webinars/{draft.pk}/").status_code == 404
    assert client_for(partner_editor).get(f"/en/webinars/{draft.pk}/").status_code == 200


def test_the_organiser_approves_and_declines_from_the_registrations_table(partner_editor, celcis, clock):
    webinar = WebinarFactory(organiser=celcis, approval_required=True)
    first, second = ProfileFactory().user, ProfileFactory().user
    one = actions.register(webinar=webinar, member=first)
    two = actions.register(webinar=webinar, member=second)
    browser = client_for(partner_editor)
    table = browser.get(f"/en/webinars/{webinar.pk}/registrations/")
    assert "<caption>" in table.text and first.public_name in table.text
    browser.post(f"/en/webinars/{webinar.pk}/registrations/{one.pk}/decide/", {"decision": "approve"})
    browser.post(f"/en/webinars/{webinar.pk}/registrations/{two.pk}/decide/", {"decision": "decline"})
    one.refresh_from_db()
    two.refresh_from_db()
    assert (one.status, two.status) == ("confirmed", "declined")
    nonsense = browser.post(
        f"/en/webinars/{webinar.pk}/registrations/{one.pk}/decide/", {"decision": "x"}, follow=True
    )
    assert "Choose to approve or to decline" in nonsense.text


def test_nobody_else_may_decide_registrations(member, other_member, clock):
    webinar = WebinarFactory(approval_required=True)
    registration = actions.register(webinar=webinar, member=other_member)
    response = client_for(member).post(
        f"/en/webinars/{webinar.pk}/registrations/{registration.pk}/decide/", {"decision": "approve"}
    )
    assert response.status_code == 403


def test_pages_are_translated(client, clock):
    webinar = WebinarFactory(time_zone="Europe/Sofia", starts_at=datetime(2026, 12, 10, 9, 0, tzinfo=UTC))
    text = client.get(f"/bg/webinars/{webinar.pk}/").text
    assert 'lang="bg"' in text and "Източноевропейско стандартно време" in text


def test_the_main_navigation_links_to_webinars(client):
    assert 'href="/en/webinars/"' in client.get("/en/webinars/presenters/").text


def test_a_past_webinar_page_says_it_took_place(client, clock):
    webinar = WebinarFactory(starts_at=PAST)
    assert "has taken place" in client.get(f"/en/webinars/{webinar.pk}/").text


def test_a_member_sees_the_join_button_only_in_the_window(member, clock):
    webinar = WebinarFactory(starts_at=datetime(2026, 12, 3, 10, 0, tzinfo=UTC))
    actions.register(webinar=webinar, member=member)
    browser = client_for(member)
    assert "Join the webinar" not in browser.get(f"/en/webinars/{webinar.pk}/").text
    clock.move_to(webinar.starts_at - timedelta(minutes=10), tick=False)
    assert "Join the webinar" in browser.get(f"/en/webinars/{webinar.pk}/").text


def test_a_webinar_described_in_english_but_given_in_bulgarian_is_found_under_bulgarian(client, clock):
    WebinarFactory(
        title="Can we talk about sexual abuse of children in a common language?", delivered_in="bg"
    )
    assert "common language" in client.get("/en/webinars/?language=bg").text
    assert "common language" not in client.get("/en/webinars/?language=en").text


def test_a_webinar_links_to_its_versions_in_other_languages(client, clock):
    original = WebinarFactory(title="Children's rights and the environment", language="en")
    WebinarFactory(
        title="Të drejtat e fëmijëve dhe mjedisi",
        language="sq",
        delivered_in="sq",
        translation_key=original.translation_key,
    )
    text = client.get(f"/en/webinars/{original.pk}/").text
    assert "Albanian" in text


def test_an_organiser_adds_a_version_in_another_language(partner_editor, celcis, clock):
    original = WebinarFactory(organiser=celcis, title="Children's rights and the environment")
    browser = client_for(partner_editor)
    form = browser.get(f"/en/webinars/new/?version_of={original.pk}")
    assert "Children&#x27;s rights and the environment" in form.text
    browser.post(
        f"/en/webinars/new/?version_of={original.pk}",
        webinar_form(celcis, title="Të drejtat e fëmijëve dhe mjedisi", language="sq", delivered_in="sq"),
    )
    version = Webinar.objects.get(language="sq")
    assert version.translation_key == original.translation_key
    assert list(original.other_versions()) == [version]


def test_nobody_makes_a_version_of_a_webinar_they_do_not_organise(partner_editor, clock):
    elsewhere = WebinarFactory()
    assert client_for(partner_editor).get(f"/en/webinars/new/?version_of={elsewhere.pk}").status_code == 403


@pytest.mark.parametrize(
    "language", ["en", "sq", "bg", "bs", "hr", "el", "hu", "mk", "ro", "ru", "sr", "sr-latn", "uk"]
)
def test_the_pages_open_in_every_interface_language(language, client, clock):
    webinar = WebinarFactory(guests_allowed=True)
    webinar.presenters.add(PresenterFactory())
    for path in ("", f"{webinar.pk}/", "presenters/", "?when=past"):
        response = client.get(f"/{language}/webinars/{path}")
        assert response.status_code == 200, (language, path)
        assert f'lang="{language}"' in response.text


def test_visitors_get_a_cached_listing_one_copy_per_time_zone(client, clock):
    WebinarFactory(title="Cached for visitors")
    first = client.get("/en/webinars/")
    assert first.status_code == 200 and "X-Page-Cache" not in first
    assert client.get("/en/webinars/")["X-Page-Cache"] == "hit"
    client.cookies["tz"] = "America/New_York"
    in_new_york = client.get("/en/webinars/")
    assert "X-Page-Cache" not in in_new_york  # another zone: a page of its own
    assert "America/New_York" in in_new_york.text
    client.cookies["tz"] = "Nowhere/Invented"
    assert client.get("/en/webinars/")["X-Page-Cache"] == "hit"  # an unknown zone is no zone


def test_a_new_presenter_is_offered_in_the_filter_within_a_minute(member, clock):
    WebinarFactory(title="An early webinar").presenters.add(PresenterFactory(name="Dr First"))
    browser = client_for(member)
    assert "Dr First" in browser.get("/en/webinars/").text
    WebinarFactory(title="A later webinar").presenters.add(PresenterFactory(name="Dr Second"))
    page = browser.get("/en/webinars/").text
    assert "A later webinar" in page  # the list itself is read on every view
    assert ">Dr Second</option>" not in page  # the filter's presenters are kept for a minute
    clock.shift(61)
    assert ">Dr Second</option>" in browser.get("/en/webinars/").text
