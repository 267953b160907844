"""Changes to members: sign-up, consent, profile, verification, language, export, erasure."""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Iterable
from typing import Any

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone

from childhub.core import privacy
from childhub.core.images import reencode_image
from childhub.core.mail import mail_member
from childhub.core.models import Language, Topic
from childhub.core.queries import current_policy_versions

from .models import Consent, Profile, User, VerificationRequest


@transaction.atomic
def complete_signup(*, user: User, display_name: str, language: str) -> Profile:
    """Finish a new member's account: name, language, empty profile, consent to policies."""
    user.display_name = display_name.strip()
    user.language = language
    user.save(update_fields=["display_name", "language"])
    profile, _created = Profile.objects.get_or_create(user=user)
    record_consent(member=user)
    return profile


def record_consent(*, member: User) -> list[Consent]:
    """Record that the member accepts the versions of every policy now in force."""
    now = timezone.now()
    consents = []
    for kind, version in current_policy_versions().items():
        consent, _ = Consent.objects.get_or_create(
            member=member, kind=kind, version=version, defaults={"accepted_at": now}
        )
        consents.append(consent)
    return consents


def pending_consents(*, member: User) -> dict[str, int]:
    """Policies (kind → version in force) the member has not yet accepted."""
    current = current_policy_versions()
    accepted = set(
        Consent.objects.filter(member=member, kind__in=current.keys()).values_list("kind", "version")
    )
    return {kind: v for kind, v in current.items() if (kind, v) not in accepted}


@transaction.atomic
def update_profile(
    *,
    profile: Profile,
    display_name: str,
    fields: dict[str, Any],
    languages: Iterable[Language],
    topics: Iterable[Topic],
    photo: UploadedFile | None = None,
    remove_photo: bool = False,
) -> Profile:
    """Save the member's profile; a new photo is re-encoded without its metadata."""
    user = profile.user
    if user.display_name != display_name.strip():
        user.display_name = display_name.strip()
        user.save(update_fields=["display_name"])
    for name, value in fields.items():
        setattr(profile, name, value)
    if remove_photo and profile.photo:
        profile.photo.delete(save=False)
    if photo is not None:
        if profile.photo:
            profile.photo.delete(save=False)
        profile.photo.save("photo.jpg", reencode_image(photo, max_side=512, name="photo"), save=False)
    profile.save()
    profile.languages.set(languages)
    profile.topics.set(topics)
    return profile


def set_preferred_language(*, member: User, language: str) -> None:
    if member.language != language:
        member.language = language
        member.save(update_fields=["language"])


@transaction.atomic
def request_verification(*, member: User, evidence: str) -> VerificationRequest:
    """Ask coordinators of the member's country (or staff) to verify their professional status."""
    pending = VerificationRequest.objects.select_for_update().filter(
        member=member, status=VerificationRequest.Status.PENDING
    )
    existing = pending.first()
    if existing is not None:
        existing.evidence = evidence
        existing.save(update_fields=["evidence"])
        return existing
    return VerificationRequest.objects.create(member=member, evidence=evidence)


@transaction.atomic
def decide_verification(
    *, request: VerificationRequest, decided_by: User, approve: bool, reason: str
) -> VerificationRequest:
    """Approve or decline a request; the member is told by e-mail in their language."""
    request = VerificationRequest.objects.select_for_update().get(pk=request.pk)
    if request.status != VerificationRequest.Status.PENDING:
        return request
    now = timezone.now()
    request.status = VerificationRequest.Status.APPROVED if approve else VerificationRequest.Status.DECLINED
    request.decided_by = decided_by
    request.decided_at = now
    request.reason = reason.strip()
    request.save(update_fields=["status", "decided_by", "decided_at", "reason"])
    if approve:
        Profile.objects.filter(user=request.member).update(verified_at=now)
    mail_member(
        member=request.member,
        template="accounts/email/verification_decided",
        context={"approved": approve, "reason": request.reason},
    )
    return request


def export_personal_data(*, member: User) -> bytes:
    """A ZIP of everything the hub holds about the member: one JSON file per kind, plus files."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        index = {}
        for label, entry in sorted(privacy.registered().items()):
            data = entry.export(member)
            name = label.replace(".", "-").lower() + ".json"
            archive.writestr(name, json.dumps(data, ensure_ascii=False, indent=2, default=str))
            index[label] = {"file": name, "rows": len(data)}
            for stored in entry.files(member):
                if stored and stored.name:
                    with stored.open("rb") as handle:
                        archive.writestr(f"files/{stored.name}", handle.read())
        archive.writestr(
            "README.json",
            json.dumps(
                {"member": member.email, "exported_at": timezone.now().isoformat(), "contents": index},
                ensure_ascii=False,
                indent=2,
            ),
        )
    return buffer.getvalue()


@transaction.atomic
def erase_account(*, member: User) -> None:
    """Erase the member's personal data. Contributions stay, shown as by "former member"."""
    for entry in privacy.registered().values():
        entry.erase(member)
