"""Quizzes: graded on the server for every kind of question, retries with the best attempt kept,
and nothing in the page that gives the answers away before submission."""

from __future__ import annotations

import re

import pytest

from childhub.core.tests.fixtures import client_for
from childhub.courses import actions, queries
from childhub.courses.models import Block, Question, QuizAttempt
from childhub.courses.tests.factories import BlockFactory, QuestionFactory
from childhub.courses.tests.helpers import add_quiz, build_course, choice, lessons_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def quiz():
    """A lesson whose quiz has one question of each kind; pass mark 60 %."""
    course = build_course(1)
    (lesson,) = lessons_of(course)
    lesson.completion_rule = "quiz"
    lesson.save()
    block = BlockFactory(lesson=lesson, kind=Block.Kind.QUIZ, body="", position=5, pass_mark=60)
    single = QuestionFactory(block=block, kind=Question.Kind.SINGLE, position=0, text="Which article?")
    choice(single, "Article 3")
    choice(single, "Article 12", correct=True)
    multiple = QuestionFactory(block=block, kind=Question.Kind.MULTIPLE, position=1, text="Which are rights?")
    choice(multiple, "To be heard", correct=True)
    choice(multiple, "To vote at ten")
    choice(multiple, "To be protected", correct=True)
    true_false = QuestionFactory(
        block=block, kind=Question.Kind.TRUE_FALSE, position=2, text="Children may be heard in court."
    )
    choice(true_false, "True", correct=True)
    choice(true_false, "False")
    matching = QuestionFactory(block=block, kind=Question.Kind.MATCHING, position=3, text="Match them.")
    choice(matching, "CRC", match="Convention on the Rights of the Child")
    choice(matching, "UNICEF", match="United Nations Children's Fund")
    short = QuestionFactory(
        block=block,
        kind=Question.Kind.SHORT_TEXT,
        position=4,
        text="The UN body of experts on the CRC?",
        accepted_answers="Committee on the Rights of the Child\nCRC Committee",
        feedback_correct="Well done.",
        feedback_wrong="It is the Committee on the Rights of the Child.",
    )
    return {
        "course": course,
        "lesson": lesson,
        "block": block,
        "single": single,
        "multiple": multiple,
        "true_false": true_false,
        "matching": matching,
        "short": short,
    }


def all_right(quiz):
    return {
        str(quiz["single"].key): "1",
        str(quiz["multiple"].key): ["0", "2"],
        str(quiz["true_false"].key): "0",
        str(quiz["matching"].key): {
            "0": "Convention on the Rights of the Child",
            "1": "United Nations Children's Fund",
        },
        str(quiz["short"].key): "  committee on the rights of the child. ",
    }


def results(quiz, answers):
    graded = actions.grade(list(quiz["block"].questions.all()), answers)
    return graded.score, {r.question.kind: r.correct for r in graded.results}


def test_every_kind_of_question_is_graded_right_when_answered_right(quiz):
    score, correct = results(quiz, all_right(quiz))
    assert score == 100 and all(correct.values()) and len(correct) == 5


@pytest.mark.parametrize(
    ("kind", "wrong"),
    [
        ("single", "0"),
        ("multiple", ["0"]),  # one right answer of two is not enough
        ("true_false", "1"),
        ("matching", {"0": "United Nations Children's Fund", "1": "Convention on the Rights of the Child"}),
        ("short", "UNICEF"),
    ],
)
def test_each_kind_of_question_is_graded_wrong_when_answered_wrong(quiz, kind, wrong):
    answers = all_right(quiz) | {str(quiz[kind].key): wrong}
    score, correct = results(quiz, answers)
    assert score == 80
    assert [k for k, ok in correct.items() if not ok] == [quiz[kind].kind]


def test_choosing_every_answer_of_a_multiple_choice_question_is_wrong(quiz):
    answers = all_right(quiz) | {str(quiz["multiple"].key): ["0", "1", "2"]}
    assert results(quiz, answers)[1]["multiple"] is False


def test_feedback_follows_the_answer_given(quiz):
    wrong = all_right(quiz) | {str(quiz["short"].key): "UNICEF"}
    graded = actions.grade(list(quiz["block"].questions.all()), wrong)
    short = next(r for r in graded.results if r.question.kind == "short_text")
    assert short.feedback == ["It is the Committee on the Rights of the Child."]


def test_retries_are_kept_and_the_best_attempt_counts(member, quiz):
    enrolment = actions.enrol(learner=member, course=quiz["course"])
    block = quiz["block"]
    actions.submit_quiz(enrolment=enrolment, block=block, answers=all_right(quiz))
    worse = all_right(quiz) | {str(quiz["single"].key): "0", str(quiz["short"].key): "no idea"}
    actions.submit_quiz(enrolment=enrolment, block=block, answers=worse)
    assert QuizAttempt.objects.filter(enrolment=enrolment).count() == 2
    best = queries.best_attempt(enrolment, block.key)
    assert best is not None and best.score == 100 and best.passed
    assert queries.completed_lessons(enrolment) == {quiz["lesson"].key}


def test_a_failed_attempt_then_a_passing_retry_completes_the_lesson(member, quiz):
    enrolment = actions.enrol(learner=member, course=quiz["course"])
    bad = {str(quiz["single"].key): "0"}
    first = actions.submit_quiz(enrolment=enrolment, block=quiz["block"], answers=bad)
    assert (first.score, first.passed) == (0, False)
    assert queries.completed_lessons(enrolment) == set()
    actions.submit_quiz(enrolment=enrolment, block=quiz["block"], answers=all_right(quiz))
    assert queries.completed_lessons(enrolment) == {quiz["lesson"].key}


def test_the_quiz_page_carries_nothing_that_tells_the_right_answers(member, quiz):
    actions.enrol(learner=member, course=quiz["course"])
    html = client_for(member).get(quiz["lesson"].get_absolute_url()).text
    assert "Article 12" in html and "To be protected" in html
    assert "correct" not in html.lower()
    right = re.search(r"<input[^>]*>\s*Article 12", html)
    wrong = re.search(r"<input[^>]*>\s*Article 3", html)
    assert right and wrong
    strip = lambda tag: re.sub(r'(id|value)="[^"]*"', "", tag)  # noqa: E731
    assert strip(right.group(0).replace("Article 12", "")) == strip(wrong.group(0).replace("Article 3", ""))
    assert "Committee on the Rights of the Child" not in html  # accepted answers stay on the server
    assert 'type="hidden" name="q-' not in html


def test_matching_sides_are_offered_in_one_shuffled_order_per_attempt(member, quiz):
    enrolment = actions.enrol(learner=member, course=quiz["course"])
    matching = quiz["matching"]
    seed = actions.quiz_seed(enrolment, quiz["block"])
    order = actions.matching_order(matching, seed=seed)
    assert order == actions.matching_order(matching, seed=seed)
    assert sorted(order) == sorted(c.match for c in matching.choices.all())


def test_submitting_the_quiz_shows_the_score_and_feedback_and_keeps_the_attempt(member, quiz):
    actions.enrol(learner=member, course=quiz["course"])
    browser = client_for(member)
    lesson = quiz["lesson"]
    url = f"{lesson.get_absolute_url()}quiz/{quiz['block'].key}/"
    data = {
        f"q-{quiz['single'].key}": "0",
        f"q-{quiz['multiple'].key}": ["0", "2"],
        f"q-{quiz['true_false'].key}": "0",
        f"q-{quiz['matching'].key}-0": "Convention on the Rights of the Child",
        f"q-{quiz['matching'].key}-1": "United Nations Children's Fund",
        f"q-{quiz['short'].key}": "UNICEF",
    }
    response = browser.post(url, data, follow=True)
    assert response.status_code == 200
    assert "Your score: 60%" in response.text
    assert "It is the Committee on the Rights of the Child." in response.text
    attempt = QuizAttempt.objects.get()
    assert attempt.score == 60 and attempt.passed


def test_an_incomplete_submission_keeps_the_answers_and_says_what_is_missing(member, quiz):
    actions.enrol(learner=member, course=quiz["course"])
    url = f"{quiz['lesson'].get_absolute_url()}quiz/{quiz['block'].key}/"
    response = client_for(member).post(url, {f"q-{quiz['short'].key}": "My own words"})
    assert response.status_code == 400
    assert "Answer every question" in response.text and 'value="My own words"' in response.text
    assert not QuizAttempt.objects.exists()


def test_quiz_submissions_are_rate_limited(member, settings):
    course = build_course(1)
    block = add_quiz(lessons_of(course)[0])
    actions.enrol(learner=member, course=course)
    browser = client_for(member)
    url = f"{lessons_of(course)[0].get_absolute_url()}quiz/{block.key}/"
    question = block.questions.get()
    from childhub.courses import views

    statuses = [
        browser.post(url, {f"q-{question.key}": "0"}).status_code
        for _ in range(views.QUIZ_SUBMISSIONS_PER_10_MINUTES + 1)
    ]
    assert statuses[-1] == 429 and set(statuses[:-1]) == {302}


def test_a_visitor_cannot_submit_a_quiz(client):
    course = build_course(1)
    block = add_quiz(lessons_of(course)[0])
    url = f"{lessons_of(course)[0].get_absolute_url()}quiz/{block.key}/"
    response = client.post(url, {})
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert not QuizAttempt.objects.exists()
