"""How members' personal data held by accounts (and the auth libraries) is exported and erased."""

from __future__ import annotations

from typing import TYPE_CHECKING

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.contrib.sessions.models import Session  # noqa: F401  (no member key: see below)

from childhub.core.privacy import exempt, register, rows

from .models import Consent, CoordinatorAssignment, Membership, Profile, User, VerificationRequest

if TYPE_CHECKING:
    from django.db.models.fields.files import FieldFile


def _export_user(user: User) -> list[dict]:
    return rows(
        User.objects.filter(pk=user.pk),
        "email",
        "display_name",
        "language",
        "date_joined",
        "last_login",
        "is_staff",
        "is_moderator",
    )


def _erase_user(user: User) -> None:
    user.email = f"erased-{user.pk}@erased.invalid"
    user.display_name = ""
    user.is_active = False
    user.is_staff = False
    user.is_superuser = False
    user.is_moderator = False
    user.set_unusable_password()
    from django.utils import timezone

    user.erased_at = timezone.now()
    user.save()
    user.groups.clear()
    user.user_permissions.clear()


def _export_profile(user: User) -> list[dict]:
    profile = Profile.objects.filter(user=user).first()
    if profile is None:
        return []
    data = rows(
        Profile.objects.filter(pk=profile.pk),
        "profession",
        "job_title",
        "organisation__name",
        "country",
        "bio",
        "gender",
        "photo",
        "verified_at",
        "is_expert",
        *(f"{f}_visibility" for f in Profile.VISIBLE_FIELDS),
    )[0]
    data["languages"] = [lang.code for lang in profile.languages.all()]
    data["topics"] = [t.slug for t in profile.topics.all()]
    data["expert_topics"] = [t.slug for t in profile.expert_topics.all()]
    data["expert_languages"] = [lang.code for lang in profile.expert_languages.all()]
    return [data]


def _profile_files(user: User) -> list[FieldFile]:
    profile = Profile.objects.filter(user=user).first()
    return [profile.photo] if profile and profile.photo else []


def _erase_profile(user: User) -> None:
    for profile in Profile.objects.filter(user=user):
        if profile.photo:
            profile.photo.delete(save=False)
        profile.delete()


register("accounts.User", export=_export_user, erase=_erase_user)
register("accounts.Profile", export=_export_profile, erase=_erase_profile, files=_profile_files)
register(
    "accounts.Membership",
    export=lambda u: rows(Membership.objects.filter(member=u), "organisation__name", "role"),
    erase=lambda u: Membership.objects.filter(member=u).delete() and None,
)
register(
    "accounts.CoordinatorAssignment",
    export=lambda u: rows(CoordinatorAssignment.objects.filter(member=u), "country"),
    erase=lambda u: CoordinatorAssignment.objects.filter(member=u).delete() and None,
)
register(
    "accounts.VerificationRequest",
    export=lambda u: rows(
        VerificationRequest.objects.filter(member=u),
        "evidence",
        "status",
        "created_at",
        "decided_at",
        "reason",
    ),
    erase=lambda u: VerificationRequest.objects.filter(member=u).delete() and None,
)
register(
    "accounts.Consent",
    export=lambda u: rows(Consent.objects.filter(member=u), "kind", "version", "accepted_at"),
    erase=lambda u: Consent.objects.filter(member=u).delete() and None,
)
register(
    "account.EmailAddress",
    export=lambda u: rows(EmailAddress.objects.filter(user=u), "email", "verified", "primary"),
    erase=lambda u: EmailAddress.objects.filter(user=u).delete() and None,
)
register(
    "mfa.Authenticator",
    export=lambda u: rows(Authenticator.objects.filter(user=u), "type", "created_at", "last_used_at"),
    erase=lambda u: Authenticator.objects.filter(user=u).delete() and None,
)
exempt(
    "admin.LogEntry",
    reason="The staff audit trail of admin changes; kept for accountability, names come from the erased row.",
)
exempt(
    "accounts.Organisation",
    reason="Its members are held through Membership, which is exported and erased above.",
)
