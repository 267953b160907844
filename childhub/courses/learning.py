"""The courses' part of a member's learning record: each course they completed."""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING

from django.utils import timezone
from django.utils.translation import gettext

from childhub.records.models import Certificate
from childhub.records.registry import LearningEntry

from .certificates import source_of
from .models import Course, Enrolment
from .queries import original_of

if TYPE_CHECKING:
    from childhub.accounts.models import User


def learning_entries(member: User) -> list[LearningEntry]:
    """Completed courses, in the version the learner read, with the course's estimated hours and
    the certificate when there is one (three queries)."""
    completed = list(Enrolment.objects.filter(learner=member, completed_at__isnull=False).order_by("pk"))
    if not completed:
        return []
    versions: dict[object, list[Course]] = defaultdict(list)
    for course in Course.objects.filter(translation_key__in=[e.course_key for e in completed]).order_by("pk"):
        versions[course.translation_key].append(course)
    certificates = dict(
        Certificate.objects.filter(source__in=[source_of(e) for e in completed]).values_list("source", "pk")
    )
    label = gettext("Course")
    entries = []
    for enrolment in completed:
        rows = versions.get(enrolment.course_key)
        if not rows or enrolment.completed_at is None:
            continue
        course = {c.language: c for c in rows}.get(enrolment.language) or original_of(rows)
        entries.append(
            LearningEntry(
                kind=label,
                title=course.title,
                date=timezone.localdate(enrolment.completed_at),
                hours=course.estimated_hours,
                url=course.get_absolute_url(),
                certificate_id=certificates.get(source_of(enrolment)),
                language=course.language,
            )
        )
    return entries
