"""Staff revoke certificates (with MFA, for a reason); the co-issuer's editors approve pending ones."""

from __future__ import annotations

import pytest

from childhub.accounts.tests.factories import OrganisationFactory
from childhub.core.tests.fixtures import client_for
from childhub.records.models import Certificate
from childhub.records.tests.factories import CertificateFactory

pytestmark = pytest.mark.django_db


def revoke_path(certificate: Certificate) -> str:
    return f"/en/records/certificates/{certificate.code}/revoke/"


def test_staff_with_mfa_revoke_a_certificate_giving_a_reason(staff):
    certificate = CertificateFactory()
    client = client_for(staff)
    assert client.get(revoke_path(certificate)).status_code == 200
    response = client.post(revoke_path(certificate), {"reason": "Attendance was not confirmed."})
    assert response.status_code == 302 and response["Location"] == f"/en/records/verify/{certificate.code}/"
    certificate.refresh_from_db()
    assert certificate.status == Certificate.Status.REVOKED
    assert certificate.revoke_reason == "Attendance was not confirmed." and certificate.revoked_by == staff


def test_revoking_without_a_reason_keeps_the_certificate_valid(staff):
    certificate = CertificateFactory()
    response = client_for(staff).post(revoke_path(certificate), {"reason": "   "})
    assert response.status_code == 400 and "This field is required" in response.text
    certificate.refresh_from_db()
    assert certificate.status == Certificate.Status.VALID


def test_staff_without_mfa_are_sent_to_set_it_up_before_revoking(staff_without_mfa):
    certificate = CertificateFactory()
    response = client_for(staff_without_mfa).post(revoke_path(certificate), {"reason": "Because."})
    assert response.status_code == 302 and response["Location"] == "/en/accounts/2fa/totp/activate/"
    certificate.refresh_from_db()
    assert certificate.status == Certificate.Status.VALID


def test_members_and_partner_editors_cannot_revoke(member, partner_editor):
    certificate = CertificateFactory(member=member)
    for user in (member, partner_editor):
        assert client_for(user).post(revoke_path(certificate), {"reason": "Mine."}).status_code == 403
    certificate.refresh_from_db()
    assert certificate.status == Certificate.Status.VALID


def test_visitors_are_asked_to_sign_in_to_revoke(client):
    certificate = CertificateFactory()
    assert client.post(revoke_path(certificate), {"reason": "x"}).status_code == 302
    certificate.refresh_from_db()
    assert certificate.status == Certificate.Status.VALID


def test_revoking_a_revoked_certificate_says_it_already_is(staff, client):
    certificate = CertificateFactory(status=Certificate.Status.REVOKED, revoked_at="2026-12-01T10:00Z")
    response = client_for(staff).get(revoke_path(certificate), follow=True)
    assert "was revoked on 1 December 2026" in response.text


def test_the_co_issuers_editor_sees_and_approves_pending_certificates(partner_editor):
    celcis = partner_editor.organisations.get()
    mine = CertificateFactory(co_issuer=celcis, status=Certificate.Status.PENDING, title="Course for CELCIS")
    other = CertificateFactory(
        co_issuer=OrganisationFactory(), status=Certificate.Status.PENDING, title="Another partner's"
    )
    client = client_for(partner_editor)
    text = client.get("/en/records/approvals/").text
    assert "Course for CELCIS" in text and "Another partner" not in text
    assert client.post(f"/en/records/certificates/{mine.code}/approve/").status_code == 302
    assert client.post(f"/en/records/certificates/{other.code}/approve/").status_code == 403
    mine.refresh_from_db()
    other.refresh_from_db()
    assert mine.status == Certificate.Status.VALID and mine.approved_by == partner_editor
    assert other.status == Certificate.Status.PENDING


def test_members_have_nothing_to_approve(member):
    certificate = CertificateFactory(co_issuer=OrganisationFactory(), status=Certificate.Status.PENDING)
    client = client_for(member)
    assert client.get("/en/records/approvals/").status_code == 403
    assert client.post(f"/en/records/certificates/{certificate.code}/approve/").status_code == 403


def test_staff_approve_any_pending_certificate(staff):
    certificate = CertificateFactory(co_issuer=OrganisationFactory(), status=Certificate.Status.PENDING)
    assert client_for(staff).post(f"/en/records/certificates/{certificate.code}/approve/").status_code == 302
    certificate.refresh_from_db()
    assert certificate.status == Certificate.Status.VALID


def test_the_staff_interface_lists_certificates_read_only_and_approves_through_the_action(staff):
    pending = CertificateFactory(co_issuer=OrganisationFactory(), status=Certificate.Status.PENDING)
    client = client_for(staff)
    assert client.get("/en/staff/records/certificate/").status_code == 200
    change = client.get(f"/en/staff/records/certificate/{pending.pk}/change/")
    assert change.status_code == 200 and revoke_path(pending) in change.text
    assert client.get("/en/staff/records/certificate/add/").status_code == 403
    response = client.post(
        "/en/staff/records/certificate/",
        {"action": "approve_selected", "_selected_action": [pending.pk]},
    )
    assert response.status_code == 302
    pending.refresh_from_db()
    assert pending.status == Certificate.Status.VALID and pending.approved_by == staff
