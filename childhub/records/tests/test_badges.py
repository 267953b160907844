"""Open Badges 3.0: the signed credential, verified offline with the published key alone; who may
have it; its key and its revocation status."""

from __future__ import annotations

import base64
import hashlib
import json
import stat
from typing import Any

import pytest
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import Encoding, NoEncryption, PrivateFormat
from django.core.exceptions import ImproperlyConfigured

from childhub.accounts.tests.factories import OrganisationFactory
from childhub.core.tests.fixtures import client_for
from childhub.records import actions, badges
from childhub.records.models import Certificate
from childhub.records.tests.factories import CertificateFactory

pytestmark = pytest.mark.django_db

KEY_SET = "/en/records/keys/badge-key.json"


def path(certificate: Certificate, extension: str = "json") -> str:
    return f"/en/records/certificates/{certificate.code}.{extension}"


def b64decode(segment: str) -> bytes:
    return base64.urlsafe_b64decode(segment + "=" * (-len(segment) % 4))


def b64encode(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def token_of(response: Any) -> str:
    envelope = json.loads(response.content)
    assert envelope["type"] == "EnvelopedVerifiableCredential"
    prefix = "data:application/vc+jwt,"
    assert envelope["id"].startswith(prefix)
    return envelope["id"][len(prefix) :]


def verify_offline(token: str, key_set: dict[str, Any]) -> dict[str, Any]:
    """What a verifier does with the token and the published JWK set, and nothing else: pick the
    key by its kid, accept only EdDSA over Ed25519, check the signature, then read the payload."""
    header_part, payload_part, signature_part = token.split(".")
    header = json.loads(b64decode(header_part))
    assert header["alg"] == "EdDSA" and header["typ"] == "vc+jwt"
    (jwk,) = [k for k in key_set["keys"] if k["kid"] == header["kid"]]
    assert jwk["kty"] == "OKP" and jwk["crv"] == "Ed25519"
    public_key = Ed25519PublicKey.from_public_bytes(b64decode(jwk["x"]))
    public_key.verify(b64decode(signature_part), f"{header_part}.{payload_part}".encode())
    return json.loads(b64decode(payload_part))


def tampered(token: str, change: Any) -> str:
    header_part, payload_part, signature_part = token.split(".")
    payload = json.loads(b64decode(payload_part))
    change(payload)
    return f"{header_part}.{b64encode(json.dumps(payload).encode())}.{signature_part}"


@pytest.fixture
def badge(issue: Any, member: Any) -> tuple[Certificate, str]:
    certificate = issue(member)
    response = client_for(member).get(path(certificate))
    assert response.status_code == 200
    return certificate, token_of(response)


# Verifying offline


def test_the_credential_verifies_with_the_published_key_alone(client, badge, django_assert_num_queries):
    certificate, token = badge
    key_set = json.loads(client.get(KEY_SET).content)
    with django_assert_num_queries(0):
        payload = verify_offline(token, key_set)
    assert payload["id"] == certificate.verification_url()
    assert payload["credentialSubject"]["achievement"]["name"] == "Listening to children"


def test_a_credential_with_a_changed_name_is_rejected(client, badge):
    _certificate, token = badge
    key_set = json.loads(client.get(KEY_SET).content)
    forged = tampered(token, lambda p: p.update(name="Certificate of completion: Something else"))
    with pytest.raises(InvalidSignature):
        verify_offline(forged, key_set)


def test_a_credential_with_a_changed_achievement_is_rejected(client, badge):
    _certificate, token = badge
    key_set = json.loads(client.get(KEY_SET).content)
    forged = tampered(token, lambda p: p["credentialSubject"]["achievement"].update(name="Advanced course"))
    with pytest.raises(InvalidSignature):
        verify_offline(forged, key_set)


def test_a_credential_signed_with_another_key_is_rejected(client, issue, member):
    key_set = json.loads(client.get(KEY_SET).content)
    other_key = Ed25519PrivateKey.generate()
    forged = badges.sign(badges.credential(issue(member)), key=other_key)
    with pytest.raises(ValueError):  # its kid is not in the published set
        verify_offline(forged, key_set)
    header, payload, signature = forged.split(".")
    relabelled = json.loads(b64decode(header)) | {"kid": key_set["keys"][0]["kid"]}
    with pytest.raises(InvalidSignature):
        verify_offline(f"{b64encode(json.dumps(relabelled).encode())}.{payload}.{signature}", key_set)


def test_the_same_certificate_gives_the_same_credential_each_time(badge, member):
    certificate, token = badge
    assert token_of(client_for(member).get(path(certificate))) == token


# What it says


def test_the_credential_is_an_open_badge_3_credential(client, badge):
    certificate, token = badge
    payload = verify_offline(token, json.loads(client.get(KEY_SET).content))
    assert payload["@context"] == [
        "https://www.w3.org/ns/credentials/v2",
        "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
    ]
    assert payload["type"] == ["VerifiableCredential", "OpenBadgeCredential"]
    assert payload["name"] == "Certificate of attendance: Listening to children"
    assert payload["validFrom"].endswith("Z")
    assert payload["iss"] == payload["issuer"]["id"] and payload["jti"] == payload["id"]
    subject = payload["credentialSubject"]
    assert subject["type"] == ["AchievementSubject"]
    achievement = subject["achievement"]
    assert achievement["type"] == ["Achievement"]
    assert achievement["id"].startswith("urn:uuid:")
    assert "Listening to children" in achievement["description"]
    assert (
        "Attended the webinar “Listening to children” on 25 November 2026 (1.5 hours)"
        in (achievement["criteria"]["narrative"])
    )
    assert payload["credentialStatus"] == {
        "id": f"http://127.0.0.1:8000/en/records/certificates/{certificate.code}/status.json",
        "type": "1EdTechRevocationList",
    }


def test_the_issuer_is_the_organisations_profile_pointing_to_the_key(issue, member, issuer):
    issuer.website = "https://tdh.example"
    issuer.save()
    profile = badges.credential(issue(member))["issuer"]
    assert profile["id"] == "http://127.0.0.1:8000/en/organisations/tdh/"
    assert profile["type"] == ["Profile"]
    assert profile["name"] == "Terre des hommes" and profile["url"] == "https://tdh.example"
    assert profile["otherIdentifier"][0]["identifier"] == f"http://127.0.0.1:8000{KEY_SET}"


def test_a_certificate_without_an_issuer_is_issued_by_the_hub(issue, member):
    profile = badges.credential(issue(member, issuer=None))["issuer"]
    assert profile["name"] == "ChildHub" and profile["id"] == "http://127.0.0.1:8000/"


def test_the_holder_is_named_and_identified_by_a_salted_hash_of_their_email(issue, member):
    certificate = issue(member)
    email, name = badges.credential(certificate)["credentialSubject"]["identifier"]
    assert email["type"] == "IdentityObject" and email["identityType"] == "emailAddress"
    assert email["hashed"] is True and member.email not in json.dumps(email)
    expected = hashlib.sha256((member.email + email["salt"]).encode()).hexdigest()
    assert email["identityHash"] == f"sha256${expected}"
    assert name == {
        "type": "IdentityObject",
        "identityType": "name",
        "hashed": False,
        "identityHash": certificate.holder_name,
    }


def test_each_certificate_has_its_own_salt(issue, member):
    first = badges.credential(issue(member))["credentialSubject"]["identifier"][0]
    second = badges.credential(issue(member, source="webinars.registration:2"))["credentialSubject"][
        "identifier"
    ][0]
    assert first["salt"] != second["salt"] and first["identityHash"] != second["identityHash"]


def test_the_credential_speaks_the_certificates_language(issue, member):
    payload = badges.credential(issue(member, language="bg"))
    assert payload["id"].startswith("http://127.0.0.1:8000/bg/records/verify/")
    assert payload["credentialSubject"]["achievement"]["inLanguage"] == "bg"
    assert "Listening to children" in payload["name"] and "Certificate of attendance" not in payload["name"]


def test_a_co_issuer_is_named_in_the_achievement(issue, member):
    co_issuer = OrganisationFactory(name="CELCIS")
    description = badges.credential(issue(member, co_issuer=co_issuer))["credentialSubject"]["achievement"][
        "description"
    ]
    assert "Issued by Terre des hommes with CELCIS" in description


# Who may have it


def test_anonymous_visitors_are_asked_to_sign_in(client, issue, member):
    response = client.get(path(issue(member)))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_another_member_is_refused(issue, member, other_member):
    assert client_for(other_member).get(path(issue(member))).status_code == 403


def test_the_holder_downloads_their_badge(issue, member):
    response = client_for(member).get(path(issue(member)))
    assert response.status_code == 200 and response["Content-Type"] == "application/json"
    assert "attachment" in response["Content-Disposition"] and "no-store" in response["Cache-Control"]


def test_staff_with_mfa_download_any_badge(issue, member, staff):
    assert client_for(staff).get(path(issue(member))).status_code == 200


def test_staff_without_mfa_are_sent_to_set_it_up(issue, member, staff_without_mfa):
    response = client_for(staff_without_mfa).get(path(issue(member)))
    assert response.status_code == 302 and response["Location"] == "/en/accounts/2fa/totp/activate/"


def test_a_revoked_certificate_has_no_badge(issue, member, staff):
    certificate = issue(member)
    actions.revoke_certificate(certificate=certificate, by=staff, reason="Attendance was misreported.")
    for user in (member, staff):
        response = client_for(user).get(path(certificate))
        assert response.status_code == 410
        assert "revoked" in response.json()["error"]


def test_a_certificate_waiting_for_approval_has_no_badge_yet(member):
    certificate = CertificateFactory(member=member, status=Certificate.Status.PENDING)
    response = client_for(member).get(path(certificate))
    assert response.status_code == 404 and "waiting for approval" in response.json()["error"]


def test_a_revoked_certificate_of_someone_else_is_still_refused_not_described(member, other_member):
    certificate = CertificateFactory(member=member, status=Certificate.Status.REVOKED)
    assert client_for(other_member).get(path(certificate)).status_code == 403


def test_an_erased_holders_certificate_has_no_badge(staff):
    certificate = CertificateFactory(member=None, holder_name="")
    assert client_for(staff).get(path(certificate)).status_code == 410


def test_an_unknown_code_is_not_found(member):
    assert client_for(member).get("/en/records/certificates/2345-6789-ABCD.json").status_code == 404


def test_the_bare_token_is_the_same_credential(client, badge, member):
    certificate, token = badge
    response = client_for(member).get(path(certificate, "jwt"))
    assert response.status_code == 200 and response["Content-Type"] == "application/vc+jwt"
    assert response.content.decode() == token


def test_the_record_links_each_valid_certificate_to_its_badge(issue, member):
    valid = issue(member)
    revoked = CertificateFactory(member=member, status=Certificate.Status.REVOKED)
    text = client_for(member).get("/en/records/").text
    assert "Open Badge (JSON)" in text
    assert path(valid) in text and path(revoked) not in text


# The published key and the revocation status


def test_the_key_set_is_public_and_holds_no_private_part(client):
    response = client.get(KEY_SET)
    assert response.status_code == 200 and response["Content-Type"] == "application/jwk-set+json"
    assert response["Access-Control-Allow-Origin"] == "*"
    (key,) = response.json()["keys"]
    assert set(key) == {"kty", "crv", "x", "kid", "alg", "use"}
    assert (key["kty"], key["crv"], key["alg"]) == ("OKP", "Ed25519", "EdDSA")


def test_the_status_lists_the_credential_once_revoked(client, issue, member, staff):
    certificate = issue(member)
    status = f"/en/records/certificates/{certificate.code}/status.json"
    before = client.get(status).json()
    assert before["revokedCredentials"] == []
    assert before["issuer"] == badges.credential(certificate)["issuer"]["id"]
    actions.revoke_certificate(certificate=certificate, by=staff, reason="Misreported.")
    after = client.get(status).json()
    assert after["revokedCredentials"] == [{"id": certificate.verification_url(), "revoked": True}]
    assert "Misreported" not in json.dumps(after)


def test_the_status_of_a_pending_or_unknown_certificate_is_not_found(client, member):
    pending = CertificateFactory(member=member, status=Certificate.Status.PENDING)
    assert client.get(f"/en/records/certificates/{pending.code}/status.json").status_code == 404
    assert client.get("/en/records/certificates/2345-6789-ABCD/status.json").status_code == 404


# The key's configuration


def test_the_key_comes_from_the_environment(monkeypatch, client):
    key = Ed25519PrivateKey.generate()
    pem = key.private_bytes(Encoding.PEM, PrivateFormat.PKCS8, NoEncryption()).decode()
    monkeypatch.setenv(badges.KEY_ENV, pem.replace("\n", "\\n"))  # as a one-line .env value
    (published,) = client.get(KEY_SET).json()["keys"]
    assert published == badges.public_jwk(key)


def test_a_key_that_is_not_ed25519_is_refused(monkeypatch):
    from cryptography.hazmat.primitives.asymmetric import ec

    pem = (
        ec.generate_private_key(ec.SECP256R1())
        .private_bytes(Encoding.PEM, PrivateFormat.PKCS8, NoEncryption())
        .decode()
    )
    monkeypatch.setenv(badges.KEY_ENV, pem)
    with pytest.raises(ImproperlyConfigured):
        badges.signing_key()


def test_in_development_a_key_is_made_once_and_kept_private(monkeypatch, settings, tmp_path):
    monkeypatch.delenv(badges.KEY_ENV, raising=False)
    settings.VAR_DIR = tmp_path
    first = badges.public_jwk()
    kept = tmp_path / badges.KEY_FILE
    assert stat.S_IMODE(kept.stat().st_mode) == 0o600
    assert badges.public_jwk() == first
    assert [p.name for p in kept.parent.iterdir()] == [kept.name]  # no draft left behind


def test_in_production_a_missing_key_is_a_configuration_error(monkeypatch, settings, tmp_path):
    monkeypatch.delenv(badges.KEY_ENV, raising=False)
    monkeypatch.delenv("CHILDHUB_ALLOW_INSECURE_KEY", raising=False)
    settings.DEBUG = False
    settings.VAR_DIR = tmp_path
    with pytest.raises(ImproperlyConfigured):
        badges.signing_key()
    assert not (tmp_path / badges.KEY_FILE).exists()
