"""Personal data held by the courses: enrolments, with the progress, quiz answers and private
reflections kept under them. Erasing an account deletes what the learner wrote (reflections, the
answers of their quiz attempts) and where they were; that someone enrolled, progressed and
completed stays, under the erased ("former member") account, because the hub's figures are
counted from those facts. A certificate already issued stays in the records app."""

from __future__ import annotations

from typing import Any

from childhub.accounts.models import User
from childhub.core.privacy import register, rows

from .models import Course, Enrolment, LessonProgress, QuizAttempt, Reflection


def _titles(member: User) -> dict[Any, str]:
    keys = Enrolment.objects.filter(learner=member).values("course_key")
    titles: dict[Any, str] = {}
    for key, title in (
        Course.objects.filter(translation_key__in=keys)
        .order_by("-pk")
        .values_list("translation_key", "title")
    ):
        titles[key] = title  # the oldest version's title wins: the original
    return titles


def _export_enrolments(member: User) -> list[dict[str, Any]]:
    titles = _titles(member)
    out = rows(
        Enrolment.objects.filter(learner=member).order_by("pk"),
        "course_key",
        "language",
        "enrolled_at",
        "last_lesson_key",
        "last_position",
        "completed_at",
    )
    for row in out:
        row["course"] = titles.get(row["course_key"], "")
        row["course_key"] = str(row["course_key"])
        row["last_lesson_key"] = str(row["last_lesson_key"] or "")
    return out


def _update(rows_of_member: Any, **values: Any) -> None:
    rows_of_member.update(**values)


def _stringify(out: list[dict[str, Any]], *fields: str) -> list[dict[str, Any]]:
    for row in out:
        for name in fields:
            row[name] = str(row[name])
    return out


register(
    "courses.Enrolment",
    export=_export_enrolments,
    erase=lambda u: _update(Enrolment.objects.filter(learner=u), last_lesson_key=None, last_position=0),
)
register(
    "courses.LessonProgress",
    export=lambda u: _stringify(
        rows(
            LessonProgress.objects.filter(enrolment__learner=u).order_by("pk"),
            "enrolment__course_key",
            "lesson_key",
            "first_viewed_at",
            "seconds_spent",
            "completed_at",
        ),
        "enrolment__course_key",
        "lesson_key",
    ),
    # Which lessons were done and for how long: no content of the member's, kept for the figures.
    erase=lambda u: None,
)
register(
    "courses.QuizAttempt",
    export=lambda u: _stringify(
        rows(
            QuizAttempt.objects.filter(enrolment__learner=u).order_by("pk"),
            "enrolment__course_key",
            "block_key",
            "answers",
            "score",
            "passed",
            "submitted_at",
        ),
        "enrolment__course_key",
        "block_key",
    ),
    erase=lambda u: _update(QuizAttempt.objects.filter(enrolment__learner=u), answers={}),
)
register(
    "courses.Reflection",
    export=lambda u: _stringify(
        rows(
            Reflection.objects.filter(enrolment__learner=u).order_by("pk"),
            "enrolment__course_key",
            "block_key",
            "text",
            "updated_at",
        ),
        "enrolment__course_key",
        "block_key",
    ),
    erase=lambda u: Reflection.objects.filter(enrolment__learner=u).delete() and None,
)
