"""Certificates of attendance: the webinars' side of the records app (issued when attendance is
decided, withdrawn when an organiser corrects it)."""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.utils.translation import gettext, override

from childhub.records import actions as records
from childhub.records.models import Certificate

from .models import Registration


def source_of(registration: Registration) -> str:
    return f"webinars.registration:{registration.pk}"


def issue_for(registration: Registration) -> None:
    """Issue (once) a certificate of attendance, in the language the webinar was given in."""
    webinar = registration.webinar
    if registration.member is None:
        return
    records.issue_certificate(
        member=registration.member,
        source=source_of(registration),
        kind=Certificate.Kind.WEBINAR_ATTENDANCE,
        title=webinar.title,
        language=webinar.delivered_in
        if webinar.delivered_in in dict(settings.LANGUAGES)
        else registration.language,
        hours=Decimal(webinar.duration_minutes) / 60,
        completed_on=webinar.local_start.date(),
        issuer=webinar.organiser,
    )


def withdraw_for(registration: Registration) -> None:
    """The organiser corrected the attendance: a certificate already issued is revoked."""
    certificate = Certificate.objects.filter(source=source_of(registration)).first()
    if certificate is None or certificate.status == Certificate.Status.REVOKED:
        return
    with override(registration.webinar.delivered_in):
        reason = gettext("The organiser corrected the attendance.")
    records.revoke_certificate(certificate=certificate, by=None, reason=reason)
