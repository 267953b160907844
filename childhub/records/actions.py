"""Changes in the records: issuing, drawing, approving and revoking certificates."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from decimal import ROUND_HALF_UP, Decimal
from functools import partial
from typing import Any

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.utils import timezone

from childhub.accounts.models import Organisation, User

from .models import Certificate
from .tasks import render_certificate

CODE_ATTEMPTS = 5
HUNDREDTH = Decimal("0.01")
LANGUAGE_CODES = {code for code, _name in settings.LANGUAGES}
MAX_SIGNATORIES = 4  # as many signature lines as fit side by side on the page
SIGNATORY_FIELDS = ("name", "role", "organisation")
SIGNATORY_FIELD_LENGTH = 200


class CertificateStateError(Exception):
    """The certificate is not in a state that allows this change."""


@transaction.atomic
def issue_certificate(
    *,
    member: User,
    source: str,
    kind: str,
    title: str,
    language: str,
    hours: Decimal | int | str,
    completed_on: dt.date,
    issuer: Organisation | None,
    co_issuer: Organisation | None = None,
    requires_approval: bool = False,
    signatories: Sequence[Mapping[str, str]] = (),
) -> Certificate:
    """Issue the certificate for ``source`` ("webinars.registration:42"), or give back the one
    already issued for it, unchanged.

    It is valid at once, or pending until the co-issuer approves it when ``requires_approval``.
    The holder's name and the title are copied as they are now; hours are rounded to hundredths.
    ``signatories`` ({"name", "role", "organisation"}, the issuer's first) are printed as signature
    lines, in that order.
    Once the transaction commits, drawing its PDF is enqueued (``tasks.render_certificate``).
    """
    signed_by = _signatories(signatories)
    if language not in LANGUAGE_CODES:
        raise ValueError(f"{language!r} is not an interface language.")
    if kind not in Certificate.Kind.values:
        raise ValueError(f"{kind!r} is not a kind of certificate.")
    if requires_approval and co_issuer is None:
        raise ValueError("Only a co-issuer approves certificates: name one.")
    existing = Certificate.objects.filter(source=source).first()
    if existing is not None:
        return existing
    for _attempt in range(CODE_ATTEMPTS):
        try:
            with transaction.atomic():
                certificate = Certificate.objects.create(
                    member=member,
                    holder_name=member.public_name,
                    source=source,
                    kind=kind,
                    title=title,
                    language=language,
                    hours=Decimal(hours).quantize(HUNDREDTH, rounding=ROUND_HALF_UP),
                    completed_on=completed_on,
                    issuer=issuer,
                    co_issuer=co_issuer,
                    signatories=signed_by,
                    status=Certificate.Status.PENDING if requires_approval else Certificate.Status.VALID,
                )
        except IntegrityError:
            # Issued meanwhile by a concurrent request, or (once in 10¹⁷) the random code was taken.
            existing = Certificate.objects.filter(source=source).first()
            if existing is not None:
                return existing
            continue
        transaction.on_commit(partial(render_certificate.enqueue, certificate_id=certificate.pk))
        return certificate
    raise IntegrityError("No free verification code found.")


def _signatories(signatories: Sequence[Mapping[str, str]]) -> list[dict[str, str]]:
    """The signatories as stored: each with a name, the three fields trimmed, nothing else kept."""
    if isinstance(signatories, Mapping) or len(signatories) > MAX_SIGNATORIES:
        raise ValueError(f"Give a list of at most {MAX_SIGNATORIES} signatories.")
    cleaned = []
    for signatory in signatories:
        entry = {field: str(signatory.get(field) or "").strip() for field in SIGNATORY_FIELDS}
        if not entry["name"]:
            raise ValueError("Each signatory needs a name.")
        if any(len(value) > SIGNATORY_FIELD_LENGTH for value in entry.values()):
            raise ValueError(
                f"A signatory's name, role or organisation is over {SIGNATORY_FIELD_LENGTH} characters."
            )
        cleaned.append(entry)
    return cleaned


def render_certificate_pdf(certificate: Certificate) -> Certificate:
    """Draw the certificate's PDF and store it (replacing an earlier one) in ``certificate.pdf``."""
    from . import pdf  # reportlab is loaded by the worker that draws, not by every web process

    data = pdf.certificate_pdf(certificate)
    old = certificate.pdf.name if certificate.pdf else ""
    certificate.pdf.save(f"{certificate.code}.pdf", ContentFile(data), save=False)
    Certificate.objects.filter(pk=certificate.pk).update(pdf=certificate.pdf.name)
    if old and old != certificate.pdf.name:
        certificate.pdf.storage.delete(old)
    return certificate


@transaction.atomic
def approve_certificate(*, certificate: Certificate, by: Any) -> Certificate:
    """The co-issuer approves a pending certificate: it becomes valid, and verifiable as such,
    recording who approved it and when. Its holder may download it from then on."""
    locked = Certificate.objects.select_for_update().get(pk=certificate.pk)
    if locked.status != Certificate.Status.PENDING:
        raise CertificateStateError("Only a pending certificate can be approved.")
    locked.status = Certificate.Status.VALID
    locked.approved_by = by
    locked.approved_at = timezone.now()
    locked.save(update_fields=["status", "approved_by", "approved_at"])
    return locked


@transaction.atomic
def revoke_certificate(*, certificate: Certificate, by: Any, reason: str) -> Certificate:
    """Revoke a certificate, pending or valid, for a stated reason: the verification page says so
    from now on, with the date, and its holder can no longer download it. Its PDF is kept as
    evidence for staff. The reason stays internal."""
    reason = reason.strip()
    if not reason:
        raise ValueError("A reason is required to revoke a certificate.")
    locked = Certificate.objects.select_for_update().get(pk=certificate.pk)
    if locked.status == Certificate.Status.REVOKED:
        raise CertificateStateError("The certificate is already revoked.")
    locked.status = Certificate.Status.REVOKED
    locked.revoked_by = by
    locked.revoked_at = timezone.now()
    locked.revoke_reason = reason
    locked.save(update_fields=["status", "revoked_by", "revoked_at", "revoke_reason"])
    return locked
