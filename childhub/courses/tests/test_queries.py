"""Reads of the courses written out in SQL, checked against the ORM's answer."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from childhub.accounts.tests.factories import ProfileFactory
from childhub.courses import actions, queries
from childhub.courses.models import LessonProgress
from childhub.courses.tests.helpers import build_course, lessons_of

pytestmark = pytest.mark.django_db


def _fields(instance) -> dict:
    return {field.attname: getattr(instance, field.attname) for field in instance._meta.concrete_fields}


def test_the_enrolment_and_its_progress_are_read_together_as_the_orm_reads_them(member):
    course, other_course = build_course(3), build_course(1)
    first, second, third = lessons_of(course)
    assert queries.enrolment_and_progress(member, course) == (None, {})
    assert queries.enrolment_and_progress(AnonymousUser(), course) == (None, {})

    enrolment = actions.enrol(learner=member, course=course)
    actions.enrol(learner=member, course=other_course)
    actions.enrol(learner=ProfileFactory().user, course=course)
    found, progress = queries.enrolment_and_progress(member, course)
    assert found is not None and _fields(found) == _fields(enrolment) and progress == {}

    now = timezone.now()
    LessonProgress.objects.create(
        enrolment=enrolment, lesson_key=first.key, seconds_spent=90, completed_at=now
    )
    LessonProgress.objects.create(
        enrolment=enrolment, lesson_key=second.key, first_viewed_at=now - timedelta(days=1)
    )
    enrolment.completed_at = now
    enrolment.save()
    found, progress = queries.enrolment_and_progress(member, course)
    expected = {row.lesson_key: row for row in LessonProgress.objects.filter(enrolment=enrolment)}
    assert found is not None and _fields(found) == _fields(queries.enrolment_of(member, course))
    assert found.completed_at == now  # a date, not the text SQLite keeps
    assert set(progress) == set(expected) == {first.key, second.key}
    for key, row in progress.items():
        assert _fields(row) == _fields(expected[key])
        assert row.enrolment is found
    assert progress[first.key].completed_at == now and progress[second.key].completed_at is None
    assert third.key not in progress
