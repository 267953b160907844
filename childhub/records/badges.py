"""Open Badges 3.0: each valid certificate as an ``OpenBadgeCredential``, signed by the hub as a
VC-JWT (a compact JWS, EdDSA over Ed25519) that anyone can check offline against the published key.

The key is the hub's Ed25519 private key, PKCS#8 PEM, in the environment variable
``CHILDHUB_BADGE_KEY``. Without it, and only in development and tests (``DJANGO_DEBUG=1`` or
``CHILDHUB_ALLOW_INSECURE_KEY=1``), one is made once and kept in ``VAR_DIR/keys/badge-ed25519.pem``
(mode 0600). See docs/decisions/0009-open-badges-signing.md.

``cryptography`` is imported inside the functions: web workers load it only when a badge or the
key set is asked for.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import hmac
import json
import os
import secrets
import uuid
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from .formats import day_text, hours_text
from .models import Certificate

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from childhub.accounts.models import Organisation

KEY_ENV = "CHILDHUB_BADGE_KEY"
KEY_FILE = Path("keys") / "badge-ed25519.pem"  # under settings.VAR_DIR
CONTEXTS = [
    "https://www.w3.org/ns/credentials/v2",
    "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
]
TYPES = ["VerifiableCredential", "OpenBadgeCredential"]
MEDIA_TYPE = "application/vc+jwt"
# Achievements of the same activity share an id across holders: a name-based UUID in this namespace.
ACHIEVEMENT_NAMESPACE = uuid.UUID("6f1d2c8e-4b7a-5e39-9c0d-3a1f8b2e7d44")


# The hub's key


def signing_key() -> Ed25519PrivateKey:
    """The hub's badge key: from ``CHILDHUB_BADGE_KEY``, else (development and tests only) the
    key kept under ``VAR_DIR``, made on first use."""
    pem = os.environ.get(KEY_ENV, "").strip()
    if pem:
        return _load_pem(pem.replace("\\n", "\n"))  # a one-line .env value keeps its newlines as \n
    if not (settings.DEBUG or os.environ.get("CHILDHUB_ALLOW_INSECURE_KEY") == "1"):
        raise ImproperlyConfigured(f"Set {KEY_ENV} to the hub's Ed25519 private key (PEM) to sign badges.")
    return _load_pem(_development_key_pem(Path(settings.VAR_DIR) / KEY_FILE))


@lru_cache(maxsize=4)
def _load_pem(pem: str) -> Ed25519PrivateKey:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    from cryptography.hazmat.primitives.serialization import load_pem_private_key

    key = load_pem_private_key(pem.encode("ascii"), password=None)
    if not isinstance(key, Ed25519PrivateKey):
        raise ImproperlyConfigured(f"{KEY_ENV} must be an Ed25519 private key.")
    return key


def _development_key_pem(path: Path) -> str:
    """The PEM kept at ``path``, written there first (readable by its owner only) if missing.

    Concurrent first uses (test workers) may each make a key: the first link wins, and every
    process then reads that one.
    """
    if not path.exists():
        from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
        from cryptography.hazmat.primitives.serialization import Encoding, NoEncryption, PrivateFormat

        path.parent.mkdir(parents=True, exist_ok=True)
        pem = Ed25519PrivateKey.generate().private_bytes(Encoding.PEM, PrivateFormat.PKCS8, NoEncryption())
        draft = path.with_name(f".{path.name}.{secrets.token_hex(8)}")
        descriptor = os.open(draft, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        try:
            with os.fdopen(descriptor, "wb") as handle:
                handle.write(pem)
            os.link(draft, path)
        except FileExistsError:
            pass
        finally:
            draft.unlink(missing_ok=True)
    return path.read_text(encoding="ascii")


def public_jwk(key: Ed25519PrivateKey | None = None) -> dict[str, str]:
    """The public half of the key as a JWK (RFC 8037), its ``kid`` the RFC 7638 thumbprint."""
    from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

    raw = (key or signing_key()).public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    members = {"crv": "Ed25519", "kty": "OKP", "x": _b64url(raw)}
    thumbprint = hashlib.sha256(json.dumps(members, separators=(",", ":"), sort_keys=True).encode()).digest()
    return {**members, "kid": _b64url(thumbprint), "alg": "EdDSA", "use": "sig"}


def key_set() -> dict[str, list[dict[str, str]]]:
    """The published JWK set that verifies the hub's badges."""
    return {"keys": [public_jwk()]}


def key_set_url() -> str:
    return _absolute("records:badge_key_set")


# The credential


def credential(certificate: Certificate) -> dict[str, Any]:
    """The certificate as an unsigned OpenBadgeCredential (Verifiable Credentials Data Model 2.0),
    its words in the certificate's language."""
    issuer = issuer_profile(certificate.issuer)
    valid_from = _timestamp(certificate.approved_at or certificate.issued_at)
    with translation.override(certificate.language):
        heading = certificate.get_kind_display()
        return {
            "@context": CONTEXTS,
            "id": certificate.verification_url(),
            "type": TYPES,
            "name": f"{heading}: {certificate.title}",
            "issuer": issuer,
            "validFrom": valid_from,
            "awardedDate": valid_from,
            "credentialSubject": {
                "type": ["AchievementSubject"],
                "identifier": _identifiers(certificate),
                "activityEndDate": _timestamp(
                    dt.datetime.combine(certificate.completed_on, dt.time(), tzinfo=dt.UTC)
                ),
                "achievement": _achievement(certificate, issuer, heading),
            },
            "credentialStatus": {"id": _absolute_status(certificate), "type": "1EdTechRevocationList"},
        }


def issuer_profile(organisation: Organisation | None) -> dict[str, Any]:
    """The issuing organisation (the hub itself when none) as an Open Badges Profile, pointing to
    the key set that verifies what the hub signs for it."""
    if organisation is None:
        page = f"{settings.SITE_URL}/"
        name, url = "ChildHub", page
    else:
        page = _absolute("accounts:organisation", slug=organisation.slug)
        name, url = organisation.name, organisation.website or page
    return {
        "id": page,
        "type": ["Profile"],
        "name": name,
        "url": url,
        "otherIdentifier": [
            {"type": "IdentifierEntry", "identifier": key_set_url(), "identifierType": "ext:JwkSetUrl"}
        ],
    }


def _achievement(certificate: Certificate, issuer: dict[str, Any], heading: str) -> dict[str, Any]:
    attended = certificate.kind == Certificate.Kind.WEBINAR_ATTENDANCE
    facts = {
        "title": certificate.title,
        "date": day_text(certificate.completed_on),
        "hours": hours_text(certificate.hours),
    }
    narrative = (
        _("Attended the webinar “%(title)s” on %(date)s (%(hours)s), as recorded by its organisers.")
        if attended
        else _("Completed the course “%(title)s” on %(date)s (%(hours)s), as recorded by the hub.")
    ) % facts
    issued_by = [o.name for o in (certificate.issuer, certificate.co_issuer) if o is not None]
    description = f"{heading}: {certificate.title} ({facts['hours']})"
    if len(issued_by) == 2:
        description += ". " + _("Issued by %(issuer)s with %(co_issuer)s") % {
            "issuer": issued_by[0],
            "co_issuer": issued_by[1],
        }
    same_activity = f"{certificate.kind}|{certificate.issuer_id}|{certificate.language}|{certificate.title}"
    return {
        "id": uuid.uuid5(ACHIEVEMENT_NAMESPACE, same_activity).urn,
        "type": ["Achievement"],
        "name": certificate.title,
        "description": description,
        "criteria": {"narrative": narrative},
        "inLanguage": certificate.language,
        "creator": issuer,
    }


def _identifiers(certificate: Certificate) -> list[dict[str, Any]]:
    """Who holds it, as Open Badges IdentityObjects: the e-mail address hashed with a salt of this
    certificate's own (no one can match it up across badges or guess it from a list of addresses),
    and the name printed on the certificate."""
    identifiers: list[dict[str, Any]] = []
    email = getattr(certificate.member, "email", "")
    if email:
        salt = hmac.new(
            settings.SECRET_KEY.encode(), f"records.badge-salt:{certificate.code}".encode(), hashlib.sha256
        ).hexdigest()[:32]
        digest = hashlib.sha256((email.strip().lower() + salt).encode()).hexdigest()
        identifiers.append(
            {
                "type": "IdentityObject",
                "identityType": "emailAddress",
                "hashed": True,
                "identityHash": f"sha256${digest}",
                "salt": salt,
            }
        )
    if certificate.holder_name:
        identifiers.append(
            {
                "type": "IdentityObject",
                "identityType": "name",
                "hashed": False,
                "identityHash": certificate.holder_name,
            }
        )
    return identifiers


def revocation_list(certificate: Certificate) -> dict[str, Any]:
    """The certificate's entry in 1EdTech's Revocation List form: listed once it is revoked."""
    revoked = [{"id": certificate.verification_url(), "revoked": True}] if certificate.is_revoked else []
    return {
        "id": _absolute_status(certificate),
        "issuer": issuer_profile(certificate.issuer)["id"],
        "revokedCredentials": revoked,
    }


# Signing


def signed_credential(certificate: Certificate) -> str:
    """The credential as a compact VC-JWT: the credential itself is the payload, with the JWT
    claims Open Badges verifiers look for (iss, jti, nbf)."""
    payload = credential(certificate)
    payload.update(
        iss=payload["issuer"]["id"],
        jti=payload["id"],
        nbf=int(dt.datetime.fromisoformat(payload["validFrom"]).timestamp()),
    )
    return sign(payload)


def sign(payload: dict[str, Any], key: Ed25519PrivateKey | None = None) -> str:
    key = key or signing_key()
    jwk = public_jwk(key)
    header = {
        "alg": "EdDSA",
        "typ": "vc+jwt",
        "cty": "vc",
        "kid": jwk["kid"],
        "jku": key_set_url(),
        "jwk": {name: jwk[name] for name in ("kty", "crv", "x")},
    }
    signing_input = f"{_b64url(_json(header))}.{_b64url(_json(payload))}"
    return f"{signing_input}.{_b64url(key.sign(signing_input.encode('ascii')))}"


def enveloped(token: str) -> dict[str, Any]:
    """The signed credential as JSON: a Verifiable Credentials 2.0 EnvelopedVerifiableCredential."""
    return {
        "@context": CONTEXTS[0],
        "id": f"data:{MEDIA_TYPE},{token}",
        "type": "EnvelopedVerifiableCredential",
    }


# Helpers


def _absolute(name: str, **kwargs: str) -> str:
    """An absolute address that stays the same whatever the reader's language."""
    with translation.override(settings.LANGUAGE_CODE):
        return settings.SITE_URL + reverse(name, kwargs=kwargs or None)


def _absolute_status(certificate: Certificate) -> str:
    return _absolute("records:badge_status", code=certificate.code)


def _timestamp(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def _json(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def _b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")
