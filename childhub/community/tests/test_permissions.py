"""Who may see and do what in the community, for every role (object-level checks)."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from childhub.community.models import Contribution, ModerationDecision
from childhub.community.tests.factories import CaseFactory, QuestionFactory
from childhub.core.tests.fixtures import client_for

pytestmark = pytest.mark.django_db

ROLES = ["member", "verified_member", "expert", "coordinator", "moderator", "staff", "partner_editor"]


def _client(request, role: str) -> Client:
    return Client() if role == "visitor" else client_for(request.getfixturevalue(role))


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("visitor", 302),
        ("member", 403),
        ("partner_editor", 403),
        ("verified_member", 200),
        ("expert", 200),
        ("coordinator", 200),
        ("moderator", 200),
        ("staff", 200),
    ],
)
def test_case_discussions_are_for_verified_professionals_and_moderators(request, role, expected):
    case = CaseFactory(country="RS")
    response = _client(request, role).get(case.get_absolute_url())
    assert response.status_code == (404 if expected == 403 else expected)
    if expected == 200:
        assert response["X-Robots-Tag"] == "noindex, nofollow, noarchive"
        assert "a town in the north" in response.text
    listing = _client(request, role).get("/en/community/cases/")
    assert listing.status_code == expected


@pytest.mark.parametrize("role", ["member", "partner_editor"])
def test_only_verified_professionals_start_a_case(request, role, verified_member):
    assert _client(request, role).get("/en/community/cases/new/").status_code == 403
    assert client_for(verified_member).get("/en/community/cases/new/").status_code == 200


def test_a_case_is_never_listed_with_questions_nor_in_the_sitemap_feeds(client):
    CaseFactory(title="A very private case title")
    assert "A very private case title" not in client.get("/en/community/").text
    assert "A very private case title" not in client.get("/en/community/?show=posts").text


def test_starting_a_case_needs_both_confirmations(verified_member):
    data = {
        "title": "A teenager placed with relatives",
        "age_band": "13-15",
        "region": "a town in the south",
        "family_situation": "Lives with grandparents.",
        "what_was_done": "Home visits.",
        "body": "How do we prepare the return?",
        "summary": "Return home from kinship care.",
        "language": "en",
    }
    client = client_for(verified_member)
    response = client.post("/en/community/cases/new/", data)
    assert response.status_code == 400 and not Contribution.objects.exists()
    assert "Lives with grandparents." in response.text
    response = client.post(
        "/en/community/cases/new/", {**data, "confirm_anonymised": "on", "confirm_consent": "on"}
    )
    assert response.status_code == 302
    case = Contribution.objects.get()
    assert case.kind == Contribution.Kind.CASE and case.case_details.age_band == "13-15"
    assert case.case_details.confirmed_anonymised


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("visitor", 302),
        ("member", 403),
        ("verified_member", 403),
        ("expert", 403),
        ("partner_editor", 403),
        ("coordinator", 200),
        ("moderator", 200),
        ("staff", 200),
    ],
)
def test_the_moderation_queue_is_for_moderators_coordinators_and_staff(request, role, expected):
    assert _client(request, role).get("/en/community/moderation/").status_code == expected


def test_staff_without_two_factor_are_sent_to_set_it_up(staff_without_mfa):
    response = client_for(staff_without_mfa).get("/en/community/moderation/")
    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_activate_totp")


def test_a_coordinator_moderates_only_their_own_countrys_threads(coordinator):
    serbian = QuestionFactory(
        country="RS", status=Contribution.Status.HELD, title="Pitanje iz Srbije o školi"
    )
    bosnian = QuestionFactory(country="BA", status=Contribution.Status.HELD, title="Pitanje iz Bosne o školi")
    client = client_for(coordinator)
    queue = client.get("/en/community/moderation/").text
    assert "Pitanje iz Srbije" in queue and "Pitanje iz Bosne" not in queue
    decision = {"action": "approve", "reason": "Fine"}
    assert client.post(reverse("community:moderate", args=[bosnian.pk]), decision).status_code == 403
    assert client.post(reverse("community:moderate", args=[serbian.pk]), decision).status_code == 302
    serbian.refresh_from_db()
    assert serbian.status == Contribution.Status.PUBLISHED
    assert ModerationDecision.objects.get().moderator == coordinator


@pytest.mark.parametrize(
    ("role", "expected"), [("member", 403), ("expert", 403), ("moderator", 302), ("staff", 302)]
)
def test_hiding_a_question(request, role, expected):
    question = QuestionFactory(country="HR")
    response = _client(request, role).post(
        reverse("community:moderate", args=[question.pk]), {"action": "hide", "reason": "Spam"}
    )
    assert response.status_code == expected
    question.refresh_from_db()
    assert (question.status == Contribution.Status.HIDDEN) == (expected == 302)


def test_a_moderation_decision_without_a_reason_is_refused(moderator):
    question = QuestionFactory()
    response = client_for(moderator).post(
        reverse("community:moderate", args=[question.pk]), {"action": "hide"}
    )
    assert response.status_code == 200 and "This field is required" in response.text
    question.refresh_from_db()
    assert question.status == Contribution.Status.PUBLISHED


def test_a_hidden_question_is_gone_for_members_but_not_for_moderators(verified_member, moderator):
    question = QuestionFactory(status=Contribution.Status.HIDDEN)
    assert client_for(verified_member).get(question.get_absolute_url()).status_code == 404
    assert client_for(moderator).get(question.get_absolute_url()).status_code == 200


def test_the_sitemap_lists_public_threads_and_never_cases(client):
    question = QuestionFactory()
    held = QuestionFactory(status=Contribution.Status.HELD)
    case = CaseFactory()
    sitemap = client.get("/sitemap-community.xml").content.decode()
    assert f"/community/questions/{question.pk}/" in sitemap
    assert f"/{held.pk}/" not in sitemap
    assert f"/cases/{case.pk}/" not in sitemap and "/cases/" not in sitemap
