"""The public verification page: valid, revoked or unknown, and nothing more than it must say."""

from __future__ import annotations

import pytest

from childhub.core.tests.fixtures import client_for
from childhub.records import actions
from childhub.records.models import Certificate
from childhub.records.tests.factories import CertificateFactory
from childhub.records.views import VERIFICATIONS_PER_WINDOW

pytestmark = pytest.mark.django_db


def test_a_valid_certificate_shows_its_holder_title_and_date(client):
    certificate = CertificateFactory(holder_name="Arbër Çela", title="Listening to children")
    response = client.get(f"/en/records/verify/{certificate.code}/")
    assert response.status_code == 200
    text = response.text
    assert "genuine and valid" in text
    assert "Arbër Çela" in text and "Listening to children" in text and "25 November 2026" in text


def test_the_page_reveals_nothing_else(client):
    certificate = CertificateFactory(hours="7.25", source="webinars.registration:987654")
    text = client.get(f"/en/records/verify/{certificate.code}/").text
    assert certificate.member.email not in text
    assert certificate.member.email.split("@")[0] not in text.replace(certificate.holder_name, "")
    assert "7.25" not in text and "7.25 hours" not in text
    assert "987654" not in text
    assert f"/accounts/{certificate.member.pk}/" not in text


def test_a_revoked_certificate_says_so_with_its_date_but_not_the_reason(client, staff):
    certificate = CertificateFactory()
    actions.revoke_certificate(certificate=certificate, by=staff, reason="Did not attend at all")
    text = client.get(f"/en/records/verify/{certificate.code}/").text
    assert "was revoked on" in text and "no longer valid" in text
    assert "Did not attend at all" not in text


def test_an_unknown_code_is_reported_as_unknown(client):
    response = client.get("/en/records/verify/2345-6789-ABCD/")
    assert response.status_code == 404
    assert "No certificate has the code 2345-6789-ABCD" in response.text


def test_a_certificate_waiting_for_approval_is_not_yet_verified(client):
    certificate = CertificateFactory(status=Certificate.Status.PENDING)
    response = client.get(f"/en/records/verify/{certificate.code}/")
    assert response.status_code == 404 and certificate.holder_name not in response.text


def test_codes_typed_in_any_case_and_spacing_lead_to_the_certificate(client):
    certificate = CertificateFactory()
    typed = certificate.code.lower().replace("-", " ")
    response = client.get("/en/records/verify/", {"code": typed})
    assert response.status_code == 302
    assert response["Location"] == f"/en/records/verify/{certificate.code}/"
    response = client.get(f"/en/records/verify/{certificate.code.replace('-', '').lower()}/")
    assert response["Location"] == f"/en/records/verify/{certificate.code}/"


def test_something_that_cannot_be_a_code_is_explained_on_the_form(client):
    response = client.get("/en/records/verify/", {"code": "hello"})
    assert response.status_code == 400
    assert "twelve letters and digits" in response.text
    assert 'value="hello"' in response.text


def test_the_form_is_open_to_anyone_in_any_language(client):
    for language in ("en", "bg", "el", "sq", "sr-latn"):
        assert client.get(f"/{language}/records/verify/").status_code == 200


def test_the_result_is_shown_in_the_interface_language(client):
    certificate = CertificateFactory(completed_on="2026-11-25")
    text = client.get(f"/el/records/verify/{certificate.code}/").text
    assert "Νοεμβρίου 2026" in text


def test_lookups_are_rate_limited_per_client(client, time_machine):
    time_machine.move_to("2026-12-03T09:01:00Z", tick=False)  # well inside one window
    for _ in range(VERIFICATIONS_PER_WINDOW):
        assert client.get("/en/records/verify/2345-6789-ABCD/").status_code == 404
    response = client.get("/en/records/verify/2345-6789-ABCD/")
    assert response.status_code == 429 and response["Retry-After"]


def test_the_page_is_kept_out_of_search_engines(client):
    certificate = CertificateFactory()
    assert "noindex" in client.get(f"/en/records/verify/{certificate.code}/")["X-Robots-Tag"]


def test_a_holders_name_with_markup_is_escaped(client):
    certificate = CertificateFactory(
        holder_name="<script>alert(1)</script>", title="<img src=x onerror=alert(2)>"
    )
    text = client.get(f"/en/records/verify/{certificate.code}/").text
    assert "<script>alert(1)</script>" not in text and "&lt;script&gt;alert(1)&lt;/script&gt;" in text
    assert "<img src=x" not in text


def test_staff_see_a_way_to_revoke_and_members_do_not(staff, member):
    certificate = CertificateFactory()
    path = f"/en/records/verify/{certificate.code}/"
    revoke = f"/en/records/certificates/{certificate.code}/revoke/"
    assert revoke in client_for(staff).get(path).text
    assert revoke not in client_for(member).get(path).text
