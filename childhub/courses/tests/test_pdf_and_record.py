"""A module as a PDF pack for offline reading; completed courses in the learning record; the
learner's data in their export."""

from __future__ import annotations

import pypdfium2 as pdfium
import pytest

from childhub.core import privacy
from childhub.core.tests.fixtures import client_for
from childhub.courses import actions
from childhub.courses.models import Block, Enrolment, Reflection
from childhub.courses.tests.helpers import (
    add_quiz,
    add_reflection,
    build_course,
    lessons_of,
    modules_of,
    translate,
)
from childhub.records.queries import learning_record

pytestmark = pytest.mark.django_db


def pdf_text(data: bytes) -> str:
    document = pdfium.PdfDocument(data)
    try:
        return "\n".join(document[i].get_textpage().get_text_range() for i in range(len(document)))
    finally:
        document.close()


def test_the_module_pack_holds_the_lesson_text_in_cyrillic(member):
    course = build_course(2, language="bg", title="Участие на децата")
    first, second = lessons_of(course)
    first.blocks.update(body="<h2>Правото да бъдеш чут</h2><ul><li>Член 12 от Конвенцията</li></ul>")
    video = second.blocks.get()
    video.kind, video.transcript = Block.Kind.VIDEO, "Стенограма на видеото"
    video.save()
    add_quiz(second)
    actions.enrol(learner=member, course=course)
    module = modules_of(course)[0]
    response = client_for(member).get(f"{course.get_absolute_url()}modules/{module.key}/pack.pdf")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    text = pdf_text(response.content)
    for expected in (
        "Участие на децата",
        "Правото да бъдеш чут",
        "Член 12 от Конвенцията",
        "Стенограма на видеото",
    ):
        assert expected in text
    assert "Article 12" not in text  # a quiz's answers are not printed


def test_the_pack_follows_the_learners_version_with_the_original_for_missing_lessons(member):
    course = build_course(2)
    translate(course, "ru", skip=(1,))
    enrolment = actions.enrol(learner=member, course=course)
    enrolment.language = "ru"
    enrolment.save()
    module = modules_of(course)[0]
    text = pdf_text(
        client_for(member).get(f"{course.get_absolute_url()}modules/{module.key}/pack.pdf").content
    )
    assert "Lesson 1.1 [ru]" in text and "Lesson 1.2" in text


def test_the_pack_is_for_learners(client, other_member):
    course = build_course(1)
    url = f"{course.get_absolute_url()}modules/{modules_of(course)[0].key}/pack.pdf"
    assert client.get(url).status_code == 302
    assert client_for(other_member).get(url).status_code == 302


def test_a_completed_course_is_in_the_learning_record_with_hours_and_certificate(member, committing):
    course = build_course(1, title="Supervision in practice", estimated_hours=12)
    enrolment = actions.enrol(learner=member, course=course)
    with committing():
        actions.view_lesson(enrolment=enrolment, lesson=lessons_of(course)[0])
    record = learning_record(member)
    (entry,) = [e for e in record.entries if e.title == "Supervision in practice"]
    assert entry.hours == 12 and entry.kind == "Course" and entry.certificate_id is not None
    assert entry.url == course.get_absolute_url()
    assert "Supervision in practice" in client_for(member).get("/en/records/").text


def test_a_course_in_progress_is_not_in_the_learning_record(member):
    course = build_course(2, title="Half done")
    enrolment = actions.enrol(learner=member, course=course)
    actions.view_lesson(enrolment=enrolment, lesson=lessons_of(course)[0])
    assert all(e.title != "Half done" for e in learning_record(member).entries)


def test_every_course_model_about_a_member_is_exported_and_erased(member):
    course = build_course(1)
    lesson = lessons_of(course)[0]
    reflection = add_reflection(lesson)
    enrolment = actions.enrol(learner=member, course=course)
    actions.save_reflection(enrolment=enrolment, block=reflection, text="Only mine")
    registered = privacy.registered()
    exported = registered["courses.Reflection"].export(member)
    assert exported[0]["text"] == "Only mine"
    assert registered["courses.Enrolment"].export(member)[0]["course"] == course.title
    for label in ("courses.Reflection", "courses.QuizAttempt", "courses.LessonProgress", "courses.Enrolment"):
        registered[label].erase(member)
    assert not Reflection.objects.exists()  # what they wrote goes
    kept = Enrolment.objects.get()  # that they enrolled stays, for the hub's figures
    assert kept.learner == member and kept.last_lesson_key is None
