from __future__ import annotations

from typing import Any

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from . import actions
from .models import Certificate


@admin.register(Certificate)
class CertificateAdmin(admin.ModelAdmin):
    """Read-only: certificates are issued by the apps, and their status changes only through the
    actions (approve here, revoke with a reason on the records' own page)."""

    list_display = ["code", "holder_name", "title", "kind", "completed_on", "status", "issuer", "co_issuer"]
    list_filter = ["status", "kind", "language"]
    search_fields = ["code", "holder_name", "title", "member__email", "source"]
    date_hierarchy = "completed_on"
    list_select_related = ["issuer", "co_issuer"]
    actions = ["approve_selected"]
    readonly_fields = [
        "code",
        "member",
        "holder_name",
        "kind",
        "title",
        "language",
        "hours",
        "completed_on",
        "issuer",
        "co_issuer",
        "signatories",
        "status",
        "approved_by",
        "approved_at",
        "revoked_by",
        "revoked_at",
        "revoke_reason",
        "source",
        "issued_at",
        "pdf_link",
        "revoke_link",
    ]
    exclude = ["pdf"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    @admin.display(description=_("PDF"))
    def pdf_link(self, certificate: Certificate) -> str:
        return format_html(
            '<a href="{}">{}</a>',
            reverse("records:certificate_pdf", kwargs={"code": certificate.code}),
            _("Open the certificate"),
        )

    @admin.display(description=_("Revoke"))
    def revoke_link(self, certificate: Certificate) -> str:
        if certificate.is_revoked:
            return "—"
        return format_html(
            '<a href="{}">{}</a>',
            reverse("records:revoke", kwargs={"code": certificate.code}),
            _("Revoke this certificate"),
        )

    @admin.action(description=_("Approve the selected pending certificates"))
    def approve_selected(self, request: HttpRequest, queryset: QuerySet[Certificate]) -> None:
        approved = 0
        for certificate in queryset.filter(status=Certificate.Status.PENDING):
            actions.approve_certificate(certificate=certificate, by=request.user)
            approved += 1
        messages.success(
            request,
            ngettext("%(count)d certificate approved.", "%(count)d certificates approved.", approved)
            % {"count": approved},
        )
