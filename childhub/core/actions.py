"""Changes to shared content: publishing a new version of a policy."""

from __future__ import annotations

import uuid

from django.db import transaction
from django.utils import timezone

from .models import PolicyPage
from .queries import forget_policy_versions


@transaction.atomic
def publish_policy_version(
    *, kind: str, texts: dict[str, tuple[str, str]], version: int | None = None
) -> list[PolicyPage]:
    """Publish a policy version in several languages ({language: (title, body)}).

    Members who consented to an older version are asked again on their next request.
    """
    latest = PolicyPage.objects.filter(kind=kind).order_by("-version").first()
    number = version if version is not None else (latest.version + 1 if latest else 1)
    key = uuid.uuid4()
    now = timezone.now()
    pages = [
        PolicyPage.objects.create(
            kind=kind,
            version=number,
            language=language,
            title=title,
            body=body,
            translation_key=key,
            published_at=now,
        )
        for language, (title, body) in texts.items()
    ]
    forget_policy_versions()
    transaction.on_commit(forget_policy_versions)
    return pages
