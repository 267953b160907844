"""Who may download, approve and revoke certificates. Verifying one needs no account at all.

The holder downloads their own certificate once it is valid; staff (with MFA) download any and
revoke any; editors of the co-issuing organisation, and staff, approve pending ones. The Open
Badge of a certificate is for its holder and staff, and exists only while the certificate is valid.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied

from childhub.accounts.permissions import editor_organisation_ids, has_staff_powers

from .models import Certificate


def is_holder(user: Any, certificate: Certificate) -> bool:
    return (
        bool(user.is_authenticated and user.is_active and certificate.member_id is not None)
        and certificate.member_id == user.pk
    )


def can_download_certificate(user: Any, certificate: Certificate) -> bool:
    if has_staff_powers(user):
        return True
    return is_holder(user, certificate) and certificate.is_valid


def check_can_download_certificate(user: Any, certificate: Certificate) -> None:
    if not can_download_certificate(user, certificate):
        raise PermissionDenied


def can_see_badge_of(user: Any, certificate: Certificate) -> bool:
    """Whether the user may ask for the certificate's Open Badge (served only while it is valid)."""
    return has_staff_powers(user) or is_holder(user, certificate)


def co_issuer_ids(user: Any) -> set[int]:
    """The organisations whose certificates the user approves as one of their editors."""
    return editor_organisation_ids(user)


def can_approve_certificate(user: Any, certificate: Certificate) -> bool:
    if not certificate.is_pending:
        return False
    if has_staff_powers(user):
        return True
    return certificate.co_issuer_id is not None and certificate.co_issuer_id in co_issuer_ids(user)


def check_can_approve_certificate(user: Any, certificate: Certificate) -> None:
    if not can_approve_certificate(user, certificate):
        raise PermissionDenied


def can_revoke_certificates(user: Any) -> bool:
    return has_staff_powers(user)


def can_revoke_certificate(user: Any, certificate: Certificate) -> bool:
    return can_revoke_certificates(user) and not certificate.is_revoked
