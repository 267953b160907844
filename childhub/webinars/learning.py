"""The webinars' part of a member's learning record: each webinar they attended."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from django.utils.translation import gettext

from childhub.records.models import Certificate
from childhub.records.registry import LearningEntry

from .certificates import source_of
from .models import Registration

if TYPE_CHECKING:
    from childhub.accounts.models import User


def learning_entries(member: User) -> list[LearningEntry]:
    """Attended webinars, with the hours scheduled and the certificate when there is one (two queries)."""
    attended = list(
        Registration.objects.filter(member=member, attended=True).select_related("webinar").order_by("pk")
    )
    certificates = dict(
        Certificate.objects.filter(source__in=[source_of(r) for r in attended]).values_list("source", "pk")
    )
    label = gettext("Webinar")
    return [
        LearningEntry(
            kind=label,
            title=r.webinar.title,
            date=r.webinar.local_start.date(),
            hours=(Decimal(r.webinar.duration_minutes) / 60).quantize(Decimal("0.01")),
            url=r.webinar.get_absolute_url(),
            certificate_id=certificates.get(source_of(r)),
            language=r.webinar.language,
        )
        for r in attended
    ]
