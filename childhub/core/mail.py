"""E-mail to members, written in each member's own language, sent after the commit."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation

from .tasks import send_email

if TYPE_CHECKING:
    from childhub.accounts.models import User


def mail_member(
    *, member: User, template: str, context: dict[str, Any], headers: dict[str, str] | None = None
) -> None:
    """Render ``<template>_subject.txt`` and ``<template>_body.txt`` in the member's language
    and enqueue the message once the surrounding transaction commits."""
    if member.erased_at or not member.email:
        return
    with translation.override(member.language or settings.LANGUAGE_CODE):
        ctx = {"member": member, "site_url": settings.SITE_URL, **context}
        subject = render_to_string(f"{template}_subject.txt", ctx).strip().replace("\n", " ")
        body = render_to_string(f"{template}_body.txt", ctx)
    to = [member.email]
    transaction.on_commit(
        lambda: send_email.enqueue(
            to=to, subject=settings.EMAIL_SUBJECT_PREFIX + subject, body=body, headers=headers
        )
    )
