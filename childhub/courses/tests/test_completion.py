"""Completion as the learner acts: each rule, prerequisites, the course, its certificate."""

from __future__ import annotations

import pytest

from childhub.accounts.models import Organisation
from childhub.accounts.tests.factories import OrganisationFactory
from childhub.courses import actions, queries
from childhub.courses.certificates import source_of
from childhub.courses.models import Lesson, LessonProgress
from childhub.courses.tests.helpers import add_quiz, add_reflection, build_course, lessons_of, modules_of
from childhub.records import actions as records
from childhub.records.models import Certificate

pytestmark = pytest.mark.django_db


def test_an_opened_lesson_is_complete_as_soon_as_it_is_viewed(member):
    course = build_course(2)
    first, _second = lessons_of(course)
    enrolment = actions.enrol(learner=member, course=course)
    state = actions.view_lesson(enrolment=enrolment, lesson=first)
    assert state.progress.completed_at is not None
    assert queries.completed_lessons(enrolment) == {first.key}


def test_a_time_lesson_completes_only_after_its_minutes(member, clock):
    course = build_course(1)
    (lesson,) = lessons_of(course)
    lesson.completion_rule, lesson.minimum_minutes = Lesson.Rule.TIME, 2
    lesson.save()
    enrolment = actions.enrol(learner=member, course=course)
    actions.view_lesson(enrolment=enrolment, lesson=lesson)
    clock.shift(60)
    state = actions.record_time(enrolment=enrolment, lesson=lesson, seconds=60)
    assert state.progress.seconds_spent == 60 and state.progress.completed_at is None
    clock.shift(65)
    state = actions.record_time(enrolment=enrolment, lesson=lesson, seconds=65)
    assert state.progress.completed_at is not None


def test_time_reported_counts_no_more_than_the_time_really_elapsed(member, clock):
    course = build_course(1)
    (lesson,) = lessons_of(course)
    lesson.completion_rule, lesson.minimum_minutes = Lesson.Rule.TIME, 30
    lesson.save()
    enrolment = actions.enrol(learner=member, course=course)
    actions.view_lesson(enrolment=enrolment, lesson=lesson)
    clock.shift(10)
    state = actions.record_time(enrolment=enrolment, lesson=lesson, seconds=5000)
    assert state.progress.seconds_spent == 10
    state = actions.record_time(enrolment=enrolment, lesson=lesson, seconds=5000)  # no time has passed
    assert state.progress.seconds_spent == 10 and state.progress.completed_at is None


def test_without_javascript_done_counts_the_time_since_the_page_was_opened(member, clock):
    course = build_course(1)
    (lesson,) = lessons_of(course)
    lesson.completion_rule, lesson.minimum_minutes = Lesson.Rule.TIME, 3
    lesson.save()
    enrolment = actions.enrol(learner=member, course=course)
    actions.view_lesson(enrolment=enrolment, lesson=lesson)
    clock.shift(120)
    assert actions.complete_lesson(enrolment=enrolment, lesson=lesson).progress.completed_at is None
    clock.shift(61)
    assert actions.complete_lesson(enrolment=enrolment, lesson=lesson).progress.completed_at is not None


def test_a_quiz_lesson_completes_when_the_quiz_is_passed(member):
    course = build_course(1)
    (lesson,) = lessons_of(course)
    block = add_quiz(lesson)
    question = block.questions.get()
    enrolment = actions.enrol(learner=member, course=course)
    actions.view_lesson(enrolment=enrolment, lesson=lesson)
    assert queries.completed_lessons(enrolment) == set()
    actions.submit_quiz(enrolment=enrolment, block=block, answers={str(question.key): "0"})
    assert queries.completed_lessons(enrolment) == set()
    actions.submit_quiz(enrolment=enrolment, block=block, answers={str(question.key): "1"})
    assert queries.completed_lessons(enrolment) == {lesson.key}


def test_a_reflection_lesson_completes_when_the_reflection_is_written(member):
    course = build_course(1)
    (lesson,) = lessons_of(course)
    block = add_reflection(lesson)
    enrolment = actions.enrol(learner=member, course=course)
    actions.view_lesson(enrolment=enrolment, lesson=lesson)
    assert queries.completed_lessons(enrolment) == set()
    actions.save_reflection(enrolment=enrolment, block=block, text="  ")
    assert queries.completed_lessons(enrolment) == set()
    actions.save_reflection(enrolment=enrolment, block=block, text="Children rarely get asked.")
    assert queries.completed_lessons(enrolment) == {lesson.key}


def test_a_practice_module_stays_locked_until_its_foundation_module_is_complete(member):
    course = build_course(2, 1)
    foundation, practice = modules_of(course)
    practice.prerequisites.add(foundation)
    first, second, practice_lesson = lessons_of(course)
    enrolment = actions.enrol(learner=member, course=course)
    with pytest.raises(actions.ModuleLocked):
        actions.view_lesson(enrolment=enrolment, lesson=practice_lesson)
    actions.view_lesson(enrolment=enrolment, lesson=first)
    with pytest.raises(actions.ModuleLocked):
        actions.view_lesson(enrolment=enrolment, lesson=practice_lesson)
    actions.view_lesson(enrolment=enrolment, lesson=second)
    assert actions.view_lesson(enrolment=enrolment, lesson=practice_lesson).progress.completed_at
    assert not LessonProgress.objects.filter(enrolment=enrolment, completed_at=None).exists()


def test_the_course_is_complete_when_its_required_modules_are_and_a_certificate_is_issued(member, committing):
    course = build_course(1, 1, estimated_hours=6)
    _required, optional = modules_of(course)
    optional.required = False
    optional.save()
    first, _optional_lesson = lessons_of(course)
    enrolment = actions.enrol(learner=member, course=course)
    with committing():
        state = actions.view_lesson(enrolment=enrolment, lesson=first)
    assert state.course_completed
    enrolment.refresh_from_db()
    assert enrolment.completed_at is not None
    certificate = Certificate.objects.get(source=source_of(enrolment))
    assert certificate.status == Certificate.Status.VALID
    assert certificate.kind == Certificate.Kind.COURSE_COMPLETION
    assert (
        certificate.title == course.title and certificate.hours == 6 and certificate.issuer == course.issuer
    )
    assert certificate.language == "en"
    from childhub.notifications.models import Notification

    notice = Notification.objects.get(recipient=member, kind="course-completed")
    assert course.title in notice.message and notice.url.endswith("/records/")


def test_a_course_is_not_complete_while_a_required_lesson_is_not(member, committing):
    course = build_course(2)
    first, _second = lessons_of(course)
    enrolment = actions.enrol(learner=member, course=course)
    with committing():
        actions.view_lesson(enrolment=enrolment, lesson=first)
    enrolment.refresh_from_db()
    assert enrolment.completed_at is None
    assert not Certificate.objects.exists()


def test_with_co_issuer_approval_the_certificate_is_pending_until_its_editor_approves(
    member, partner_editor, committing
):
    celcis = Organisation.objects.get(slug="celcis")
    course = build_course(
        1,
        co_issuer=celcis,
        co_issuer_approves=True,
        issuer_signatory="Ana Novak, Director",
        co_issuer_signatory="Prof. Jo Smith",
    )
    (lesson,) = lessons_of(course)
    enrolment = actions.enrol(learner=member, course=course)
    with committing():
        actions.view_lesson(enrolment=enrolment, lesson=lesson)
    certificate = Certificate.objects.get(source=source_of(enrolment))
    assert certificate.status == Certificate.Status.PENDING
    assert certificate.co_issuer == celcis
    assert [s["name"] for s in certificate.signatories] == ["Ana Novak", "Prof. Jo Smith"]
    records.approve_certificate(certificate=certificate, by=partner_editor)
    certificate.refresh_from_db()
    assert certificate.status == Certificate.Status.VALID


def test_the_certificate_is_in_the_version_the_learner_reads_or_in_their_interface_language(
    member, committing
):
    from childhub.courses.tests.helpers import translate

    course = build_course(1)
    bulgarian = translate(course, "bg", title="Участие на децата")
    (lesson,) = lessons_of(course)
    enrolment = actions.enrol(learner=member, course=bulgarian)
    with committing():
        actions.view_lesson(enrolment=enrolment, lesson=lesson)
    certificate = Certificate.objects.get(source=source_of(enrolment))
    assert certificate.language == "bg" and certificate.title == "Участие на децата"


def test_a_course_in_a_language_without_an_interface_takes_the_learners_language(member, committing):
    from childhub.courses.certificates import certificate_language

    member.language = "hr"
    member.save()
    course = build_course(1, language="de", issuer=OrganisationFactory())
    enrolment = actions.enrol(learner=member, course=course)
    assert certificate_language(enrolment) == "hr"


def test_the_learner_resumes_at_the_last_lesson_and_the_position_in_its_video(member, clock):
    course = build_course(2)
    first, second = lessons_of(course)
    enrolment = actions.enrol(learner=member, course=course)
    actions.view_lesson(enrolment=enrolment, lesson=first)
    actions.view_lesson(enrolment=enrolment, lesson=second)
    clock.shift(30)
    actions.record_time(enrolment=enrolment, lesson=second, seconds=30, position=125)
    enrolment.refresh_from_db()
    assert (enrolment.last_lesson_key, enrolment.last_position) == (second.key, 125)
    actions.view_lesson(enrolment=enrolment, lesson=second)  # coming back keeps the position
    enrolment.refresh_from_db()
    assert enrolment.last_position == 125
    actions.view_lesson(enrolment=enrolment, lesson=first)
    enrolment.refresh_from_db()
    assert (enrolment.last_lesson_key, enrolment.last_position) == (first.key, 0)


def test_a_lesson_of_another_course_is_refused(member):
    course, other = build_course(1), build_course(1)
    enrolment = actions.enrol(learner=member, course=course)
    with pytest.raises(actions.WrongCourse):
        actions.view_lesson(enrolment=enrolment, lesson=lessons_of(other)[0])


def test_a_draft_course_cannot_be_enrolled_in(member):
    course = build_course(1, status="draft")
    with pytest.raises(actions.CourseClosed):
        actions.enrol(learner=member, course=course)
