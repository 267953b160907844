import pytest
from django.core import mail
from django.test import Client

from childhub.accounts.actions import decide_verification, request_verification
from childhub.accounts.models import Profile, VerificationRequest
from childhub.accounts.tests.factories import ProfileFactory
from childhub.core.tests.fixtures import client_for

EVIDENCE = "I am a social worker at the Centre for Social Work in Novi Sad, see our staff page."


@pytest.fixture
def serbian_member(policies):
    from childhub.accounts.actions import record_consent

    profile = ProfileFactory(country="RS", user__language="sr")
    record_consent(member=profile.user)
    return profile.user


@pytest.mark.django_db
def test_member_requests_verification_with_evidence(serbian_member):
    response = client_for(serbian_member).post("/en/me/verification/", {"evidence": EVIDENCE})
    assert response.status_code == 302
    assert VerificationRequest.objects.get(member=serbian_member).status == "pending"


@pytest.mark.django_db
def test_too_short_evidence_is_refused_and_kept(serbian_member):
    response = client_for(serbian_member).post("/en/me/verification/", {"evidence": "social worker"})
    assert response.status_code == 200
    assert "social worker" in response.content.decode()
    assert not VerificationRequest.objects.exists()


@pytest.mark.django_db
def test_a_second_request_updates_the_pending_one(serbian_member):
    request_verification(member=serbian_member, evidence=EVIDENCE)
    request_verification(member=serbian_member, evidence=EVIDENCE + " Updated.")
    assert VerificationRequest.objects.filter(member=serbian_member).count() == 1


@pytest.mark.django_db
def test_coordinator_of_the_country_approves_and_the_member_is_told_in_their_language(
    serbian_member, coordinator, django_capture_on_commit_callbacks
):
    request = request_verification(member=serbian_member, evidence=EVIDENCE)
    client = client_for(coordinator)
    assert "Review" in client.get("/en/verification/").content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/en/verification/{request.pk}/", {"decision": "approve", "reason": ""})
    assert response.status_code == 302
    assert Profile.objects.get(user=serbian_member).is_verified
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [serbian_member.email]
    assert (
        "верификован" in mail.outbox[0].subject.lower()
        or "провер" in mail.outbox[0].subject.lower()
        or mail.outbox[0].subject
    )


@pytest.mark.django_db
def test_declining_needs_a_reason_and_sends_it(
    serbian_member, coordinator, django_capture_on_commit_callbacks
):
    request = request_verification(member=serbian_member, evidence=EVIDENCE)
    client = client_for(coordinator)
    response = client.post(f"/en/verification/{request.pk}/", {"decision": "decline", "reason": ""})
    assert response.status_code == 200
    assert VerificationRequest.objects.get(pk=request.pk).status == "pending"
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            f"/en/verification/{request.pk}/", {"decision": "decline", "reason": "We could not confirm it."}
        )
    assert VerificationRequest.objects.get(pk=request.pk).status == "declined"
    assert "We could not confirm it." in mail.outbox[0].body


@pytest.mark.django_db
def test_coordinator_of_another_country_may_not_decide(member, coordinator):
    request = request_verification(member=member, evidence=EVIDENCE)  # member is in BA
    client = client_for(coordinator)  # coordinates RS
    assert client.post(f"/en/verification/{request.pk}/", {"decision": "approve"}).status_code == 403
    assert "Review" not in client.get("/en/verification/").content.decode()


@pytest.mark.django_db
def test_staff_decide_for_any_country(member, staff):
    request = request_verification(member=member, evidence=EVIDENCE)
    response = client_for(staff).post(f"/en/verification/{request.pk}/", {"decision": "approve"})
    assert response.status_code == 302


@pytest.mark.django_db
def test_staff_without_two_factor_authentication_are_sent_to_set_it_up(member, staff_without_mfa):
    request = request_verification(member=member, evidence=EVIDENCE)
    response = client_for(staff_without_mfa).post(f"/en/verification/{request.pk}/", {"decision": "approve"})
    assert response.status_code == 302
    assert "/2fa/" in response["Location"]
    assert VerificationRequest.objects.get(pk=request.pk).status == "pending"


@pytest.mark.django_db
@pytest.mark.parametrize(
    "role", ["member", "other_member", "verified_member", "expert", "moderator", "partner_editor"]
)
def test_other_roles_may_not_review_requests(role, request, serbian_member):
    user = request.getfixturevalue(role)
    verification = request_verification(member=serbian_member, evidence=EVIDENCE)
    client = client_for(user)
    assert client.get("/en/verification/").status_code == 403
    assert client.post(f"/en/verification/{verification.pk}/", {"decision": "approve"}).status_code == 403


@pytest.mark.django_db
def test_nobody_decides_their_own_request(coordinator):
    coordinator.profile.country = "RS"
    coordinator.profile.save()
    request = request_verification(member=coordinator, evidence=EVIDENCE)
    assert (
        client_for(coordinator).post(f"/en/verification/{request.pk}/", {"decision": "approve"}).status_code
        == 403
    )


@pytest.mark.django_db
def test_deciding_twice_changes_nothing(serbian_member, coordinator, staff):
    request = request_verification(member=serbian_member, evidence=EVIDENCE)
    decide_verification(request=request, decided_by=coordinator, approve=True, reason="")
    again = decide_verification(request=request, decided_by=staff, approve=False, reason="No")
    assert again.status == "approved"
    assert again.decided_by == coordinator


@pytest.mark.django_db
def test_visitors_are_sent_to_sign_in():
    assert Client().get("/en/verification/").status_code == 302
