"""Builders for the learning tests: a course with modules and lessons, and its translations."""

from __future__ import annotations

from typing import Any

from childhub.courses.models import Block, Choice, Course, Lesson, Module, Question
from childhub.courses.tests.factories import (
    BlockFactory,
    ChoiceFactory,
    CourseFactory,
    LessonFactory,
    ModuleFactory,
    QuestionFactory,
)


def build_course(*shape: int, **course_fields: Any) -> Course:
    """A published course with one module per number in ``shape``, each with that many "opened"
    lessons holding one text block: ``build_course(2, 1)``."""
    course = CourseFactory(**course_fields)
    for position, count in enumerate(shape or (1,)):
        module = ModuleFactory(course=course, position=position, title=f"Module {position + 1}")
        for n in range(count):
            lesson = LessonFactory(module=module, position=n, title=f"Lesson {position + 1}.{n + 1}")
            BlockFactory(lesson=lesson, position=0, body=f"<p>Text of lesson {position + 1}.{n + 1}</p>")
    return course


def lessons_of(course: Course) -> list[Lesson]:
    return list(Lesson.objects.filter(module__course=course).order_by("module__position", "position", "pk"))


def modules_of(course: Course) -> list[Module]:
    return list(course.modules.order_by("position", "pk"))


def translate(course: Course, language: str, *, skip: tuple[int, ...] = (), title: str = "") -> Course:
    """A version of the course in ``language`` with the same keys; lessons whose index (in course
    order) is in ``skip`` are left untranslated."""
    version = Course.objects.get(pk=course.pk)
    version.pk = None
    version.id = None
    version.language = language
    version.title = title or f"{course.title} ({language})"
    version.translated_from = course
    version.save()
    index = 0
    for module in modules_of(course):
        copy = Module.objects.create(
            course=version,
            key=module.key,
            position=module.position,
            kind=module.kind,
            title=f"{module.title} [{language}]",
            required=module.required,
        )
        for lesson in module.lessons.order_by("position", "pk"):
            if index not in skip:
                lesson_copy = Lesson.objects.create(
                    module=copy,
                    key=lesson.key,
                    position=lesson.position,
                    title=f"{lesson.title} [{language}]",
                    completion_rule=lesson.completion_rule,
                    minimum_minutes=lesson.minimum_minutes,
                    status=Lesson.Status.REVIEWED,
                    source_revision=lesson.revision,
                )
                for block in lesson.blocks.order_by("position", "pk"):
                    Block.objects.create(
                        lesson=lesson_copy,
                        key=block.key,
                        position=block.position,
                        kind=block.kind,
                        body=f"[{language}] {block.body}",
                        pass_mark=block.pass_mark,
                    )
            index += 1
    return version


def add_quiz(lesson: Lesson, *, pass_mark: int = 100) -> Block:
    """A quiz of one single-choice question: "Article 12" is right, "Article 3" is wrong."""
    lesson.completion_rule = Lesson.Rule.QUIZ
    lesson.save()
    block = BlockFactory(lesson=lesson, kind=Block.Kind.QUIZ, body="", position=10, pass_mark=pass_mark)
    question = QuestionFactory(block=block, kind=Question.Kind.SINGLE, position=0)
    ChoiceFactory(
        question=question, position=0, text="Article 3", feedback="That one is about best interests."
    )
    ChoiceFactory(
        question=question, position=1, text="Article 12", correct=True, feedback="Yes: being heard."
    )
    return block


def add_reflection(lesson: Lesson) -> Block:
    lesson.completion_rule = Lesson.Rule.REFLECTION
    lesson.save()
    return BlockFactory(
        lesson=lesson, kind=Block.Kind.REFLECTION, body="<p>What did you notice?</p>", position=11
    )


def choice(question: Question, text: str, *, correct: bool = False, match: str = "") -> Choice:
    position = question.choices.count()
    return ChoiceFactory(question=question, position=position, text=text, correct=correct, match=match)
