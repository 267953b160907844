"""Certificates: issued for any activity of the hub, verified by a code anyone can type."""

from __future__ import annotations

import re
import secrets
from typing import Any

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from childhub.accounts.models import Organisation

# No 0/O, 1/I/L or U: nothing a reader can mistake for something else when typing a printed code.
CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ"
CODE_LENGTH = 12
CODE_GROUP = 4
_NOT_CODE = re.compile(r"[^0-9A-Z]")


def format_code(raw: str) -> str:
    return "-".join(raw[i : i + CODE_GROUP] for i in range(0, len(raw), CODE_GROUP))


def new_code() -> str:
    """A random code such as ``7KQM-X3HD-RT9P`` (30¹² ≈ 5·10¹⁷ possibilities)."""
    return format_code("".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH)))


def normalise_code(text: str) -> str | None:
    """The canonical form of a typed code (any case, with or without dashes or spaces), or None
    when the text cannot be a code at all."""
    raw = _NOT_CODE.sub("", (text or "").upper()[:100])
    if len(raw) != CODE_LENGTH or any(c not in CODE_ALPHABET for c in raw):
        return None
    return format_code(raw)


def certificate_upload_to(certificate: Certificate, filename: str) -> str:
    # An unguessable name: the file is only ever served through the permission-checked view.
    return f"records/certificates/{secrets.token_urlsafe(18)}.pdf"


class CertificateQuerySet(models.QuerySet["Certificate"]):
    def valid(self) -> CertificateQuerySet:
        return self.filter(status=Certificate.Status.VALID)

    def pending(self) -> CertificateQuerySet:
        return self.filter(status=Certificate.Status.PENDING)

    def of(self, member: Any) -> CertificateQuerySet:
        return self.filter(member=member)

    def newest_first(self) -> CertificateQuerySet:
        return self.order_by("-completed_on", "-issued_at", "-pk")


class Certificate(models.Model):
    """A certificate of one activity (a webinar attended, a course completed), with snapshots of
    what it says: later changes to the member, the webinar or the course do not alter it."""

    class Kind(models.TextChoices):
        WEBINAR_ATTENDANCE = "webinar_attendance", _("Certificate of attendance")
        COURSE_COMPLETION = "course_completion", _("Certificate of completion")

    class Status(models.TextChoices):
        PENDING = "pending", pgettext_lazy("certificate status", "Waiting for approval")
        VALID = "valid", pgettext_lazy("certificate status", "Valid")
        REVOKED = "revoked", pgettext_lazy("certificate status", "Revoked")

    code = models.CharField(_("verification code"), max_length=14, unique=True, default=new_code)
    member = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="certificates",
        verbose_name=_("member"),
    )
    # Blank once the member's account is erased (see privacy.py): shown as "former member".
    holder_name = models.CharField(_("holder's name"), max_length=200, blank=True)
    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=300)
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    hours = models.DecimalField(_("hours"), max_digits=6, decimal_places=2)
    completed_on = models.DateField(_("completed on"))
    issuer = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="issued_certificates",
        verbose_name=_("issued by"),
    )
    co_issuer = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="co_issued_certificates",
        verbose_name=_("co-issued by"),
    )
    # Who signs it, as printed under the issuers: [{"name", "role", "organisation"}], in order.
    signatories = models.JSONField(_("signatories"), default=list, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, db_index=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    approved_at = models.DateTimeField(_("approved at"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)
    revoke_reason = models.TextField(_("reason for revoking"), max_length=1000, blank=True)
    # What the certificate is for, as "app.model:pk" ("webinars.registration:42"): one per source.
    source = models.CharField(_("source"), max_length=100, unique=True)
    pdf = models.FileField(_("PDF"), upload_to=certificate_upload_to, blank=True, editable=False)
    issued_at = models.DateTimeField(_("issued at"), default=timezone.now, editable=False)

    objects = CertificateQuerySet.as_manager()

    class Meta:
        ordering = ["-issued_at", "-pk"]
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")
        indexes = [models.Index(fields=["member", "completed_on"])]

    def __str__(self) -> str:
        return f"{self.code} · {self.title}"

    def get_absolute_url(self) -> str:
        return reverse("records:verify_code", kwargs={"code": self.code})

    @property
    def holder(self) -> str:
        """The name the certificate is made out to, in the reader's language once erased."""
        return self.holder_name or gettext("former member")

    @property
    def is_valid(self) -> bool:
        return self.status == self.Status.VALID

    @property
    def is_revoked(self) -> bool:
        return self.status == self.Status.REVOKED

    @property
    def is_pending(self) -> bool:
        return self.status == self.Status.PENDING

    def verification_url(self) -> str:
        """The absolute address of the public verification page, in the certificate's language."""
        with translation.override(self.language):
            path = reverse("records:verify_code", kwargs={"code": self.code})
        return settings.SITE_URL + path
