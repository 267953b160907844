"""Changes in the courses: enrolling, reading lessons, time spent, quizzes, reflections.

Every action that a learner takes in a lesson re-evaluates, in the same transaction, whether the
lesson, its module and the course are complete (never a later batch); when the course becomes
complete its certificate is issued once the transaction commits.
"""

from __future__ import annotations

import random
import re
import uuid
from dataclasses import dataclass, field
from functools import partial
from typing import Any

from django.core.cache import cache
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from childhub.notifications.actions import notify

from . import certificates, queries
from .models import (
    Block,
    Choice,
    Course,
    Enrolment,
    Lesson,
    LessonProgress,
    Question,
    QuizAttempt,
    Reflection,
)

# A report of time spent counts no more than the time really elapsed since the previous one, and
# at most this much (a page left open overnight is not an evening of study).
MAX_SECONDS_PER_REPORT = 3600
Rule = Lesson.Rule


class CourseClosed(Exception):
    """The course is not open for enrolment (a draft)."""


class ModuleLocked(Exception):
    """The lesson's module waits for its prerequisites."""


class WrongCourse(ValueError):
    """The lesson or block does not belong to the enrolment's course."""


# Enrolling and languages


def enrol(*, learner: Any, course: Course) -> Enrolment:
    """Enrol the learner in the course (every language version of it), reading ``course``'s
    language; enrolling again changes nothing."""
    if course.status != Course.Status.PUBLISHED:
        raise CourseClosed
    enrolment, _created = Enrolment.objects.get_or_create(
        learner=learner, course_key=course.translation_key, defaults={"language": course.language}
    )
    return enrolment


def switch_language(*, enrolment: Enrolment, course: Course) -> Enrolment:
    """Read the course in another version from now on; progress is kept (it is kept by key)."""
    if course.translation_key != enrolment.course_key:
        raise WrongCourse("That is a version of another course.")
    enrolment.language = course.language
    enrolment.save(update_fields=["language"])
    return enrolment


# Reading and completing lessons


@dataclass
class LessonState:
    """What an action needs to decide about a lesson: the course's structure and the learner's
    progress in it, the lesson as the original defines it (its rule), and its progress row."""

    original: Course
    outline: queries.Outline
    module: queries.ModuleItem
    lesson: Lesson  # the original's lesson, whose rule counts
    progress: LessonProgress
    newly_completed: bool = False
    course_completed: bool = False


def _state(enrolment: Enrolment, lesson_key: uuid.UUID) -> LessonState:
    versions = list(Course.objects.filter(translation_key=enrolment.course_key).order_by("pk"))
    if not versions:
        raise WrongCourse("The course no longer exists.")
    original = queries.original_of(versions)
    outline = queries.outline(original, original, queries.completed_lessons(enrolment))
    found = outline.find(lesson_key)
    if found is None:
        raise WrongCourse("That lesson is not in this course.")
    module, item = found
    if module.locked:
        raise ModuleLocked
    progress, _created = LessonProgress.objects.get_or_create(enrolment=enrolment, lesson_key=lesson_key)
    return LessonState(
        original=original, outline=outline, module=module, lesson=item.lesson, progress=progress
    )


def _locked_enrolment(enrolment: Enrolment) -> Enrolment:
    """Reread the enrolment, locked until the transaction ends (one learner's reports in order)."""
    enrolment.refresh_from_db(from_queryset=Enrolment.objects.select_for_update())
    return enrolment


def _rule_met(enrolment: Enrolment, state: LessonState) -> bool:
    lesson, progress = state.lesson, state.progress
    rule = lesson.completion_rule
    if rule == Rule.TIME:
        return progress.seconds_spent >= lesson.minimum_minutes * 60
    if rule == Rule.QUIZ:
        keys = list(lesson.blocks.filter(kind=Block.Kind.QUIZ).values_list("key", flat=True))
        passed = set(
            QuizAttempt.objects.filter(enrolment=enrolment, block_key__in=keys, passed=True).values_list(
                "block_key", flat=True
            )
        )
        return all(key in passed for key in keys)
    if rule == Rule.REFLECTION:
        keys = list(lesson.blocks.filter(kind=Block.Kind.REFLECTION).values_list("key", flat=True))
        written = set(
            Reflection.objects.filter(enrolment=enrolment, block_key__in=keys)
            .exclude(text="")
            .values_list("block_key", flat=True)
        )
        return all(key in written for key in keys)
    return True  # opened


def _evaluate(enrolment: Enrolment, state: LessonState) -> LessonState:
    """Complete the lesson when its rule is met, then the course when its required modules are."""
    now = timezone.now()
    if state.progress.completed_at is None and _rule_met(enrolment, state):
        state.progress.completed_at = now
        state.progress.save(update_fields=["completed_at"])
        state.newly_completed = True
        for module in state.outline.modules:
            for item in module.lessons:
                if item.key == state.progress.lesson_key:
                    item.done = True
    if enrolment.completed_at is None and state.outline.complete:
        enrolment.completed_at = now
        enrolment.save(update_fields=["completed_at"])
        state.course_completed = True
        transaction.on_commit(partial(certificates.issue_for_enrolment, enrolment_id=enrolment.pk))
        notify(  # also e-mailed, in the learner's language, unless they choose otherwise
            recipients=[enrolment.learner],
            kind="course-completed",
            url=reverse("records:record"),
            params={"title": state.outline.shown.title},
        )
    return state


def _seen_key(enrolment: Enrolment, lesson_key: uuid.UUID) -> str:
    return f"courses:seen:{enrolment.pk}:{lesson_key}"


@transaction.atomic
def view_lesson(*, enrolment: Enrolment, lesson: Lesson) -> LessonState:
    """The learner opens a lesson: it becomes where they resume (the position of its video kept
    when they come back to it), its time starts counting, and an "opened" lesson is complete."""
    _check_lesson(enrolment, lesson)
    _locked_enrolment(enrolment)
    state = _state(enrolment, lesson.key)
    if enrolment.last_lesson_key != lesson.key:
        enrolment.last_lesson_key = lesson.key
        enrolment.last_position = 0
        enrolment.save(update_fields=["last_lesson_key", "last_position"])
    note_seen(enrolment=enrolment, lesson_key=lesson.key)
    return _evaluate(enrolment, state)


def revisit_changes_nothing(
    *,
    enrolment: Enrolment,
    lesson_key: uuid.UUID,
    progress: LessonProgress | None,
    rule: str,
    outline_complete: bool,
) -> bool:
    """Whether opening this lesson again would change nothing but when it was last seen: it is
    already where the learner resumes, it was opened before, its rule is not met by opening (or it
    is complete: quizzes, reflections and time reports complete a lesson when they are made), and
    the course is not waiting to be completed. Then the page needs no lock and no write."""
    return (
        progress is not None
        and enrolment.last_lesson_key == lesson_key
        and (progress.completed_at is not None or rule != Rule.VIEWED)
        and not (enrolment.completed_at is None and outline_complete)
    )


SEEN_AGAIN_AFTER = 60  # seconds; a lesson shown again sooner keeps the time it was seen before


def note_seen(*, enrolment: Enrolment, lesson_key: uuid.UUID) -> None:
    """The lesson was shown again: time reports count from now.

    Shown again within a minute, it keeps the earlier time: a learner reloading the page was
    reading it meanwhile, and the page costs a read, not a write (the cache is a table of the
    database on SQLite, and writing takes its lock)."""
    key = _seen_key(enrolment, lesson_key)
    now = timezone.now().timestamp()
    last = cache.get(key)
    if last is None or not 0 <= now - float(last) < SEEN_AGAIN_AFTER:
        cache.set(key, now, MAX_SECONDS_PER_REPORT * 24)


def _credit(enrolment: Enrolment, progress: LessonProgress, claimed: int | None) -> int:
    """How many of the claimed seconds count: no more than really elapsed since the last report
    (or, when that is unknown, since the lesson was first opened, less what is already counted)."""
    now = timezone.now()
    key = _seen_key(enrolment, progress.lesson_key)
    last = cache.get(key)
    since_first = (now - progress.first_viewed_at).total_seconds() - progress.seconds_spent
    elapsed = since_first if last is None else min(now.timestamp() - float(last), since_first)
    cache.set(key, now.timestamp(), MAX_SECONDS_PER_REPORT * 24)
    allowed = max(0, min(int(elapsed), MAX_SECONDS_PER_REPORT))
    return allowed if claimed is None else max(0, min(claimed, allowed))


@transaction.atomic
def record_time(
    *, enrolment: Enrolment, lesson: Lesson, seconds: int | None, position: int | None = None
) -> LessonState:
    """Add time spent on the lesson (``None``: as much as elapsed since the last report) and
    remember the position in its video or audio, in seconds."""
    _check_lesson(enrolment, lesson)
    _locked_enrolment(enrolment)
    state = _state(enrolment, lesson.key)
    credited = _credit(enrolment, state.progress, seconds)
    if credited:
        state.progress.seconds_spent += credited
        state.progress.save(update_fields=["seconds_spent"])
    if position is not None and position >= 0:
        enrolment.last_lesson_key = lesson.key
        enrolment.last_position = min(position, 24 * 3600)
        enrolment.save(update_fields=["last_lesson_key", "last_position"])
    return _evaluate(enrolment, state)


@transaction.atomic
def complete_lesson(*, enrolment: Enrolment, lesson: Lesson) -> LessonState:
    """The learner says they are done ("Next"): the time since the last report is counted, and
    the lesson completes if its rule is met (``state.progress.completed_at`` tells)."""
    return record_time(enrolment=enrolment, lesson=lesson, seconds=None)


# Quizzes


@dataclass
class QuestionResult:
    question: Question
    correct: bool
    feedback: list[str] = field(default_factory=list)


@dataclass
class Grade:
    score: int  # percent
    results: list[QuestionResult]


def _normalise(text: str) -> str:
    return re.sub(r"\s+", " ", str(text)).strip().rstrip(".!").strip().casefold()


def _chosen(choices: list[Choice], value: Any) -> list[Choice]:
    values = value if isinstance(value, list) else [value]
    picked = []
    for item in values:
        try:
            index = int(item)
        except (TypeError, ValueError):
            continue
        if 0 <= index < len(choices):
            picked.append(choices[index])
    return picked


def grade(questions: list[Question], answers: dict[str, Any]) -> Grade:
    """Grade answers given as ``{question key: answer}``: the index of the choice (single, true or
    false), a list of indexes (multiple), ``{left index: right text}`` (matching) or the text (short
    text). Every question counts the same; a multiple-choice one is right when exactly the correct
    choices are chosen."""
    results = []
    for question in questions:
        choices = list(question.choices.all())
        value = answers.get(str(question.key))
        feedback: list[str] = []
        kind = question.kind
        if kind in (Question.Kind.SINGLE, Question.Kind.TRUE_FALSE, Question.Kind.MULTIPLE):
            picked = _chosen(choices, value)
            if kind != Question.Kind.MULTIPLE:
                picked = picked[:1]
            correct = bool(picked) and {c.pk for c in picked} == {c.pk for c in choices if c.correct}
            feedback += [c.feedback for c in picked if c.feedback]
        elif kind == Question.Kind.MATCHING:
            given = value if isinstance(value, dict) else {}
            correct = bool(choices) and all(
                _normalise(given.get(str(i), "")) == _normalise(c.match) for i, c in enumerate(choices)
            )
        else:
            accepted = {_normalise(line) for line in question.accepted_answers.splitlines() if line.strip()}
            correct = _normalise(value or "") in accepted
        text = question.feedback_correct if correct else question.feedback_wrong
        if text:
            feedback.insert(0, text)
        results.append(QuestionResult(question=question, correct=correct, feedback=feedback))
    score = round(100 * sum(r.correct for r in results) / len(results)) if results else 100
    return Grade(score=score, results=results)


def matching_order(question: Question, *, seed: str) -> list[str]:
    """The right-hand sides of a matching question, shuffled the same way for the same seed (one
    attempt), so their order says nothing about which left side they match."""
    sides = sorted({c.match for c in question.choices.all() if c.match})
    random.Random(f"{seed}:{question.key}").shuffle(sides)
    return sides


def quiz_seed(enrolment: Enrolment | None, block: Block) -> str:
    """Changes with each attempt: a retry shows the matching sides in another order."""
    attempt = queries.attempts_count(enrolment, block.key)
    return f"{enrolment.pk if enrolment else 0}:{block.key}:{attempt}"


@transaction.atomic
def submit_quiz(
    *, enrolment: Enrolment, block: Block, answers: dict[str, Any], questions: list[Question] | None = None
) -> QuizAttempt:
    """Grade the answers on the server and keep the attempt (every one is kept; the best counts);
    a pass completes a lesson whose rule is "quiz passed". ``questions``: the block's questions
    with their choices, when the caller has them already."""
    if block.kind != Block.Kind.QUIZ:
        raise WrongCourse("That block is not a quiz.")
    _check_lesson(enrolment, block.lesson)
    _locked_enrolment(enrolment)
    state = _state(enrolment, block.lesson.key)
    if questions is None:
        questions = list(block.questions.prefetch_related("choices"))
    result = grade(questions, answers)
    attempt = QuizAttempt.objects.create(
        enrolment=enrolment,
        block_key=block.key,
        answers=answers,
        score=result.score,
        passed=result.score >= block.pass_mark,
    )
    _evaluate(enrolment, state)
    return attempt


# Reflections


@transaction.atomic
def save_reflection(*, enrolment: Enrolment, block: Block, text: str) -> Reflection:
    """Keep (or replace) what the learner wrote for a reflection prompt, visible to them alone;
    writing completes a lesson whose rule is "reflection written"."""
    if block.kind != Block.Kind.REFLECTION:
        raise WrongCourse("That block is not a reflection prompt.")
    _check_lesson(enrolment, block.lesson)
    _locked_enrolment(enrolment)
    state = _state(enrolment, block.lesson.key)
    reflection, _created = Reflection.objects.update_or_create(
        enrolment=enrolment, block_key=block.key, defaults={"text": text.strip()}
    )
    _evaluate(enrolment, state)
    return reflection


def _check_lesson(enrolment: Enrolment, lesson: Lesson) -> None:
    if lesson.module.course.translation_key != enrolment.course_key:
        raise WrongCourse("That lesson belongs to another course.")
