"""A course in a real browser, from enrolment to certificate, with axe-core on every page."""

from __future__ import annotations

import re
from typing import Any

import pytest
from playwright.sync_api import expect

from childhub.accounts.actions import record_consent
from childhub.accounts.tests.factories import ProfileFactory
from childhub.courses.models import Block, Lesson, Module
from childhub.courses.tests.factories import (
    BlockFactory,
    ChoiceFactory,
    CourseFactory,
    LessonFactory,
    ModuleFactory,
    QuestionFactory,
)
from childhub.records.models import Certificate

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PASSWORD = "correct horse battery"


def test_enrol_learn_pass_the_quiz_and_get_the_certificate(
    page: Any, policies: None, assert_accessible: Any
) -> None:
    learner = ProfileFactory(user__display_name="Elira Hoxha", country="AL").user
    record_consent(member=learner)
    course = CourseFactory(
        title="Supporting Children's Participation", slug="participation", estimated_hours=6
    )
    foundation = ModuleFactory(course=course, position=0, title="Why participation matters")
    practice = ModuleFactory(
        course=course,
        position=1,
        title="Children in care",
        kind=Module.Kind.PRACTICE,
        children_group="in care",
    )
    practice.prerequisites.add(foundation)
    reading = LessonFactory(module=foundation, position=0, title="The right to be heard")
    BlockFactory(lesson=reading, body="<p>Article 12 gives every child the right to be heard.</p>")
    checking = LessonFactory(
        module=practice, position=0, title="Hearing children in care", completion_rule=Lesson.Rule.QUIZ
    )
    quiz = BlockFactory(lesson=checking, kind=Block.Kind.QUIZ, body="", pass_mark=100)
    question = QuestionFactory(block=quiz, text="Which article is about the right to be heard?")
    ChoiceFactory(
        question=question, position=0, text="Article 3", feedback="That one is about best interests."
    )
    ChoiceFactory(question=question, position=1, text="Article 12", correct=True)

    # The page's script reports time spent in the background. The live server's in-memory SQLite
    # locks whole tables across its threads, so that report would collide with the page's own
    # requests here (a file database in WAL mode, as served, does not); the journey is the one that
    # works without JavaScript, so the report is answered by a stand-in.
    page.route(re.compile(r".*/progress/(\?.*)?$"), lambda route: route.fulfill(status=204, body=""))
    page.goto("/en/accounts/login/")
    page.get_by_label("Email").fill(learner.email)
    page.get_by_label(re.compile(r"^Password:?$")).fill(PASSWORD)
    page.get_by_role("button", name="Sign In").click()
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Courses").click()
    assert_accessible(page)
    page.get_by_role("link", name=course.title).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(course.title)
    assert_accessible(page)

    page.get_by_role("button", name="Enrol (free)").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(reading.title)
    assert_accessible(page)
    # An "opened" lesson is done as soon as it is read: the button goes on to the next one.
    page.get_by_role("button", name="Next lesson").click()

    expect(page.get_by_role("heading", level=1)).to_have_text(checking.title)
    assert_accessible(page)
    # The right answer looks like any other before the learner answers.
    assert "correct" not in page.locator("main form").last.inner_html().lower()
    page.get_by_label("Article 3").check()
    page.get_by_role("button", name="Submit my answers").click()
    expect(page.get_by_text("That one is about best interests.")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Article 12").check()
    page.get_by_role("button", name="Try again").click()

    certificate = Certificate.objects.get(member=learner)
    assert certificate.title == course.title and certificate.kind == Certificate.Kind.COURSE_COMPLETION
    page.goto(course.get_absolute_url())
    assert_accessible(page)
    page.get_by_role("navigation", name="Your account").get_by_role("link", name="My learning record").click()
    expect(page.get_by_role("link", name=course.title, exact=True)).to_be_visible()
    assert_accessible(page)
    pdf = page.request.get(f"/en/records/certificates/{certificate.code}.pdf")
    assert pdf.ok and pdf.body()[:5] == b"%PDF-"
