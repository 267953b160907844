"""The structure of a course kept per process (``queries.structure``): read once per structure
version, and read again after any change to the course or its parts, however it was made."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from childhub.core.tests.fixtures import client_for
from childhub.courses import actions, authoring, queries
from childhub.courses.models import Block, Choice, Course, Lesson, Module, Question
from childhub.courses.tests.factories import BlockFactory, LessonFactory, ModuleFactory
from childhub.courses.tests.helpers import add_quiz, build_course, lessons_of, modules_of, translate

pytestmark = pytest.mark.django_db

STRUCTURE_TABLES = ("courses_module", "courses_lesson", "courses_block", "courses_question", "courses_choice")


def _structure_reads(browser: Any, url: str) -> list[str]:
    with CaptureQueriesContext(connection) as captured:
        assert browser.get(url).status_code == 200
    return [
        q["sql"]
        for q in captured.captured_queries
        if q["sql"].startswith("SELECT") and any(f'FROM "{table}"' in q["sql"] for table in STRUCTURE_TABLES)
    ]


def test_a_lesson_page_reads_the_course_structure_only_the_first_time(member):
    course = build_course(2, 1)
    add_quiz(lessons_of(course)[0])
    translate(course, "bg")
    actions.enrol(learner=member, course=course)
    browser = client_for(member)
    url = lessons_of(course)[0].get_absolute_url()
    assert _structure_reads(browser, url)  # the first time: modules, lessons, blocks, questions…
    assert _structure_reads(browser, url) == []
    assert _structure_reads(browser, url + "?lang=bg") != []  # another version: its own structure
    assert _structure_reads(browser, url + "?lang=bg") == []


def _retitle_lesson(course: Course) -> str:
    lesson = lessons_of(course)[0]
    lesson.title = "A retitled lesson"
    authoring.save_lesson(lesson)
    return "A retitled lesson"


def _new_block(course: Course) -> str:
    BlockFactory(lesson=lessons_of(course)[0], position=5, body="<p>A block added later</p>")
    return "A block added later"


def _edited_block(course: Course) -> str:
    block = Block.objects.filter(lesson=lessons_of(course)[0]).first()
    assert block is not None
    block.body = "<p>Text edited by the partner</p>"
    authoring.save_block(block)
    return "Text edited by the partner"


def _new_module(course: Course) -> str:
    module = ModuleFactory(course=course, position=9, title="A module added later")
    LessonFactory(module=module, position=0, title="Its first lesson")
    return "Its first lesson"  # next after the lesson shown


def _renamed_module(course: Course) -> str:
    module = modules_of(course)[0]
    module.title = "A renamed module"
    module.save(update_fields=["title"])
    return "A renamed module"


def _edited_question(course: Course) -> str:
    question = Question.objects.get(block__lesson__module__course=course)
    question.text = "Which article gives children the right to be heard?"
    authoring.save_question(question)
    return "Which article gives children the right to be heard?"


def _edited_choice(course: Course) -> str:
    choice = Choice.objects.filter(question__block__lesson__module__course=course, correct=False).get()
    choice.text = "Article 19"
    choice.save()
    return "Article 19"


@pytest.mark.parametrize(
    "change",
    [
        _retitle_lesson,
        _new_block,
        _edited_block,
        _new_module,
        _renamed_module,
        _edited_question,
        _edited_choice,
    ],
)
def test_every_change_to_a_course_shows_on_the_next_lesson_page(member, change: Callable[[Course], str]):
    course = build_course(1)
    add_quiz(lessons_of(course)[0])
    actions.enrol(learner=member, course=course)
    browser = client_for(member)
    url = lessons_of(course)[0].get_absolute_url()
    assert browser.get(url).status_code == 200  # the structure is kept now
    shown = change(course)
    assert shown in browser.get(url).text


def test_a_deleted_block_and_a_deleted_lesson_are_gone_from_the_next_page(member):
    course = build_course(2)
    first, second = lessons_of(course)
    actions.enrol(learner=member, course=course)
    browser = client_for(member)
    page = browser.get(first.get_absolute_url()).text
    assert "Text of lesson 1.1" in page and "Lesson 1.2" in page
    authoring.delete_part(Block.objects.get(lesson=first))
    authoring.delete_part(second)
    page = browser.get(first.get_absolute_url()).text
    assert "Text of lesson 1.1" not in page and "Lesson 1.2" not in page
    assert browser.get(second.get_absolute_url()).status_code == 404


def test_a_new_prerequisite_locks_the_module_at_once(member):
    course = build_course(1)
    foundation, practice = modules_of(course)[0], ModuleFactory(course=course, position=1, title="Practice")
    practice_lesson = LessonFactory(module=practice, position=0, title="Practice lesson")
    actions.enrol(learner=member, course=course)
    browser = client_for(member)
    assert browser.get(practice_lesson.get_absolute_url()).status_code == 200
    practice.save()  # as the staff interface does, before it saves the module's prerequisites
    practice.prerequisites.set([foundation])
    assert browser.get(practice_lesson.get_absolute_url()).status_code == 403


def test_copying_a_translation_and_reviewing_a_lesson_give_a_new_structure_version():
    course = build_course(1)
    version = authoring.translate_course(course, "bg")
    before = Course.objects.get(pk=version.pk).structure_version
    LessonFactory(module=modules_of(course)[0], position=1, title="Added to the original")
    authoring.translate_course(course, "bg")  # copies the new lesson in bulk
    after_copy = Course.objects.get(pk=version.pk).structure_version
    assert after_copy != before
    lesson = Lesson.objects.filter(module__course=version).first()
    assert lesson is not None
    authoring.mark_reviewed(lesson)
    assert Course.objects.get(pk=version.pk).structure_version != after_copy


def test_a_change_to_the_course_itself_gives_a_new_structure_version():
    course = build_course(1)
    before = Course.objects.get(pk=course.pk).structure_version
    course.refresh_from_db()
    course.slug = "a-new-address"
    course.save(update_fields=["slug"])
    assert Course.objects.get(pk=course.pk).structure_version != before


def test_the_lesson_a_request_gets_is_its_own_copy_with_the_request_s_course():
    course = build_course(1)
    course.refresh_from_db()
    key = lessons_of(course)[0].key
    kept = queries.structure(course).lessons[key]
    lesson = queries.lesson_in(course, key)
    assert lesson is not None and lesson is not kept and lesson.module is not kept.module
    assert lesson.module.course is course
    assert kept.module.course is not course  # the kept structure still holds its own
    assert queries.lesson_in(course, Module.objects.get(course=course).key) is None


def _course_reads(browser: Any, url: str) -> list[str]:
    with CaptureQueriesContext(connection) as captured:
        assert browser.get(url).status_code == 200
    return [q["sql"] for q in captured.captured_queries if 'FROM "courses_course"' in q["sql"]]


def test_a_course_s_versions_are_read_whole_only_when_one_of_them_changed(member):
    course = build_course(1)
    version = translate(course, "bg")
    actions.enrol(learner=member, course=course)
    browser = client_for(member)
    url = lessons_of(course)[0].get_absolute_url()
    assert len(_course_reads(browser, url)) > 1  # the stamps, the rows, the structure
    assert len(_course_reads(browser, url)) == 1  # the stamps only
    course.refresh_from_db()
    course.title = "Hearing children: a retitled course"
    course.save()
    assert len(_course_reads(browser, url)) > 1
    assert "Hearing children: a retitled course" in browser.get(url).text
    assert 'value="bg"' in browser.get(url).text  # the Bulgarian version is offered
    version.refresh_from_db()
    version.status = Course.Status.DRAFT
    version.save()  # withdrawn
    assert 'value="bg"' not in browser.get(url).text


def test_each_request_gets_its_own_copy_of_the_kept_versions():
    course = build_course(1)
    first, second = queries.versions_of(course.slug), queries.versions_of(course.slug)
    assert [v.pk for v in first] == [v.pk for v in second] == [course.pk]
    assert first[0] is not second[0]
    first[0].title = "Changed by one request"
    assert queries.versions_of(course.slug)[0].title != "Changed by one request"
    assert queries.versions_of("no-such-course") == []
