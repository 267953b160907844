"""Who may download a certificate's PDF: its holder once valid, and staff with MFA; nobody else."""

from __future__ import annotations

import pytest

from childhub.core.tests.fixtures import client_for
from childhub.records.models import Certificate
from childhub.records.tests.factories import CertificateFactory

pytestmark = pytest.mark.django_db


def path(certificate: Certificate) -> str:
    return f"/en/records/certificates/{certificate.code}.pdf"


def test_anonymous_visitors_are_asked_to_sign_in(client, issue, member):
    response = client.get(path(issue(member)))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_another_member_is_refused(issue, member, other_member):
    assert client_for(other_member).get(path(issue(member))).status_code == 403


def test_the_holder_downloads_their_certificate(issue, member):
    response = client_for(member).get(path(issue(member)))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content).startswith(b"%PDF-")
    assert "no-store" in response["Cache-Control"]


def test_staff_with_mfa_download_any_certificate(issue, member, staff):
    assert client_for(staff).get(path(issue(member))).status_code == 200


def test_staff_without_mfa_are_sent_to_set_it_up(issue, member, staff_without_mfa):
    response = client_for(staff_without_mfa).get(path(issue(member)))
    assert response.status_code == 302 and response["Location"] == "/en/accounts/2fa/totp/activate/"


def test_the_holder_cannot_download_a_revoked_certificate(member):
    certificate = CertificateFactory(member=member, status=Certificate.Status.REVOKED)
    assert client_for(member).get(path(certificate)).status_code == 403


def test_the_holder_cannot_download_a_certificate_waiting_for_approval(member):
    certificate = CertificateFactory(member=member, status=Certificate.Status.PENDING)
    assert client_for(member).get(path(certificate)).status_code == 403


def test_a_certificate_not_drawn_yet_is_drawn_when_asked_for(member):
    certificate = CertificateFactory(member=member)
    response = client_for(member).get(path(certificate))
    assert response.status_code == 200
    certificate.refresh_from_db()
    assert certificate.pdf


def test_an_unknown_or_malformed_code_is_not_found(member):
    client = client_for(member)
    assert client.get("/en/records/certificates/2345-6789-ABCD.pdf").status_code == 404
    assert client.get("/en/records/certificates/nonsense.pdf").status_code == 404


def test_the_code_may_be_typed_without_dashes(issue, member):
    certificate = issue(member)
    assert (
        client_for(member)
        .get(f"/en/records/certificates/{certificate.code.replace('-', '').lower()}.pdf")
        .status_code
        == 200
    )
