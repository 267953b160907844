"""Certificates of completion: the courses' side of the records app (issued when a course is
completed, pending the co-issuer's approval when the course says so)."""

from __future__ import annotations

from django.conf import settings
from django.utils import timezone

from childhub.records import actions as records
from childhub.records.models import Certificate

from .models import Course, Enrolment

INTERFACE_LANGUAGES = {code for code, _name in settings.LANGUAGES}


def source_of(enrolment: Enrolment) -> str:
    return f"courses.enrolment:{enrolment.pk}"


def signatory(line: str, organisation_name: str) -> dict[str, str] | None:
    """ "Dr Jane Doe, Director" as a signatory of the organisation; None when nobody signs."""
    name, _sep, role = line.partition(",")
    if not name.strip():
        return None
    return {"name": name.strip(), "role": role.strip(), "organisation": organisation_name}


def certificate_language(enrolment: Enrolment) -> str:
    """The language the learner reads the course in, when it is an interface language; else theirs."""
    if enrolment.language in INTERFACE_LANGUAGES:
        return enrolment.language
    chosen = getattr(enrolment.learner, "language", "") or settings.LANGUAGE_CODE
    return chosen if chosen in INTERFACE_LANGUAGES else settings.LANGUAGE_CODE


def issue_for_enrolment(*, enrolment_id: int) -> Certificate | None:
    """Issue (once) the certificate of a completed course, titled in the certificate's language
    when the course has that version."""
    enrolment = Enrolment.objects.select_related("learner").filter(pk=enrolment_id).first()
    if enrolment is None or enrolment.completed_at is None:
        return None
    versions = {
        c.language: c
        for c in Course.objects.filter(translation_key=enrolment.course_key).select_related(
            "issuer", "co_issuer"
        )
    }
    if not versions:
        return None
    language = certificate_language(enrolment)
    course = (
        versions.get(language)
        or versions.get(enrolment.language)
        or min(versions.values(), key=lambda c: c.pk)
    )
    signatories = [
        s
        for s in (
            signatory(course.issuer_signatory, course.issuer.name),
            signatory(course.co_issuer_signatory, course.co_issuer.name) if course.co_issuer else None,
        )
        if s is not None
    ]
    return records.issue_certificate(
        member=enrolment.learner,
        source=source_of(enrolment),
        kind=Certificate.Kind.COURSE_COMPLETION,
        title=course.title,
        language=language,
        hours=course.estimated_hours,
        completed_on=timezone.localdate(enrolment.completed_at),
        issuer=course.issuer,
        co_issuer=course.co_issuer,
        requires_approval=bool(course.co_issuer_approves and course.co_issuer),
        signatories=signatories,
    )
