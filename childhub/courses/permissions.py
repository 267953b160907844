"""Who may read, preview, take and download courses.

Published versions are public to read; drafts only to staff (with MFA) and the partner editors of
the issuing organisation, who preview them. Members enrol in published courses; a learner's
reflections and quiz answers are theirs alone.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied

from childhub.accounts.permissions import editor_organisation_ids, has_staff_powers

from .models import Course, Enrolment


def is_member(user: Any) -> bool:
    return bool(user.is_authenticated and user.is_active)


def can_preview_course(user: Any, course: Course) -> bool:
    """See a course as it is, drafts included: staff and the issuer's partner editors."""
    if has_staff_powers(user):
        return True
    return course.issuer_id in editor_organisation_ids(user)


def can_view_course(user: Any, course: Course) -> bool:
    return course.status == Course.Status.PUBLISHED or can_preview_course(user, course)


def check_can_view_course(user: Any, course: Course) -> None:
    if not can_view_course(user, course):
        raise PermissionDenied


def can_enrol(user: Any, course: Course) -> bool:
    return is_member(user) and course.status == Course.Status.PUBLISHED


def is_learner(user: Any, enrolment: Enrolment | None) -> bool:
    """The enrolment is the user's own: only they see its progress, answers and reflections."""
    return bool(enrolment is not None and is_member(user) and enrolment.learner_id == user.pk)


def check_is_learner(user: Any, enrolment: Enrolment | None) -> None:
    if not is_learner(user, enrolment):
        raise PermissionDenied
