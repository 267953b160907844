"""Authoring courses: saving lessons and their parts (HTML sanitised, each change of content counted
as a new revision of the lesson), making a language version of a course, and the state of each
lesson's translation (missing, draft, reviewed, outdated)."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any, TypeVar
from uuid import UUID

from django.db import models, transaction
from django.db.models import F, OuterRef, Subquery
from django.db.models.fields.files import FieldFile
from django.utils import timezone
from django.utils.translation import pgettext_lazy

from .content import clean_html
from .models import Block, Choice, Course, Lesson, Module, Question

logger = logging.getLogger(__name__)

# What a translation follows: a change to any of these is a new revision of the lesson. (The
# completion rule, a quiz's pass mark and a lesson's place in its module are not translated.)
LESSON_CONTENT = ("title",)
BLOCK_CONTENT = ("position", "kind", "body", "media", "embed_url", "transcript", "alt_text")
QUESTION_CONTENT = ("position", "kind", "text", "accepted_answers", "feedback_correct", "feedback_wrong")
CHOICE_CONTENT = ("position", "text", "correct", "match", "feedback")

Part = Lesson | Block | Question | Choice
M = TypeVar("M", bound=models.Model)


class TranslationState(models.TextChoices):
    MISSING = "missing", pgettext_lazy("translation status", "Missing")
    DRAFT = "draft", pgettext_lazy("translation status", "Draft")
    REVIEWED = "reviewed", pgettext_lazy("translation status", "Reviewed")
    OUTDATED = "outdated", pgettext_lazy("translation status", "Outdated")


# --- Revisions -----------------------------------------------------------------------------------

# Lessons already given their new revision in the current ``one_revision()`` block (None outside one).
_counted: ContextVar[set[int] | None] = ContextVar("courses_revision_counted", default=None)


@contextmanager
def one_revision() -> Iterator[None]:
    """Changes saved inside count as one new revision per lesson (an editor saving a lesson with
    its blocks in one form), and a lesson created inside stays at its first revision."""
    if _counted.get() is not None:
        yield
        return
    token = _counted.set(set())
    try:
        yield
    finally:
        _counted.reset(token)


def _new_revision(lesson_id: int) -> None:
    counted = _counted.get()
    if counted is not None:
        if lesson_id in counted:
            return
        counted.add(lesson_id)
    # (The part saved or deleted just before, in the same transaction, renewed the course's
    # structure version: the new revision shows with it.)
    Lesson.objects.filter(pk=lesson_id).update(revision=F("revision") + 1, updated_at=timezone.now())


def _changed(obj: models.Model, fields: Iterable[str]) -> bool:
    """Whether ``obj`` differs from its stored row in any of ``fields`` (a new row always does)."""
    if obj.pk is None:
        return True
    model_fields = [obj._meta.get_field(name) for name in fields]
    stored = type(obj)._default_manager.filter(pk=obj.pk).values(*fields).first()
    if stored is None:
        return True
    return any(
        field.get_prep_value(field.value_from_object(obj)) != field.get_prep_value(stored[field.name])  # type: ignore[union-attr]
        for field in model_fields
    )


@transaction.atomic
def save_lesson(lesson: Lesson) -> Lesson:
    """Save a lesson. A new title makes a new revision; a new lesson starts at revision 1."""
    if lesson.pk is None:
        lesson.revision = 1
        lesson.save()
        counted = _counted.get()
        if counted is not None:
            counted.add(lesson.pk)
        return lesson
    changed = _changed(lesson, LESSON_CONTENT)
    # The stored count, not the one this object was loaded with: a block saved meanwhile may have moved it.
    lesson.revision = Lesson.objects.select_for_update().values_list("revision", flat=True).get(pk=lesson.pk)
    lesson.save()
    if changed:
        _new_revision(lesson.pk)
        lesson.refresh_from_db(fields=["revision"])
    return lesson


@transaction.atomic
def save_block(block: Block) -> Block:
    """Save a block with its text sanitised; a change of what it shows makes a new revision of its
    lesson (of both lessons, should it move)."""
    block.body = clean_html(block.body)
    before = (
        Block.objects.filter(pk=block.pk).values_list("lesson_id", flat=True).first() if block.pk else None
    )
    changed = _changed(block, BLOCK_CONTENT) or before != block.lesson_id
    block.save()
    if changed:
        _new_revision(block.lesson_id)
        if before is not None and before != block.lesson_id:
            _new_revision(before)
    return block


@transaction.atomic
def save_question(question: Question) -> Question:
    """Save a quiz question; a change of its text, kind, answers or feedback makes a new revision of
    its lesson."""
    changed = _changed(question, QUESTION_CONTENT)
    question.save()
    if changed:
        _new_revision(_lesson_of_block(question.block_id))
    return question


@transaction.atomic
def save_choice(choice: Choice) -> Choice:
    """Save an answer of a question; a change makes a new revision of the question's lesson."""
    changed = _changed(choice, CHOICE_CONTENT)
    choice.save()
    if changed:
        _new_revision(_lesson_of_question(choice.question_id))
    return choice


def save_part(part: Part) -> Part:
    """Save a lesson, block, question or answer through the function above that fits it."""
    if isinstance(part, Lesson):
        return save_lesson(part)
    if isinstance(part, Block):
        return save_block(part)
    if isinstance(part, Question):
        return save_question(part)
    return save_choice(part)


@transaction.atomic
def delete_part(part: Part) -> None:
    """Delete a block, question or answer (a new revision of its lesson), or a whole lesson."""
    if isinstance(part, Block):
        lesson_id: int | None = part.lesson_id
    elif isinstance(part, Question):
        lesson_id = _lesson_of_block(part.block_id)
    elif isinstance(part, Choice):
        lesson_id = _lesson_of_question(part.question_id)
    else:
        lesson_id = None
    part.delete()
    if lesson_id is not None:
        _new_revision(lesson_id)


def _lesson_of_block(block_id: int) -> int:
    return Block.objects.values_list("lesson_id", flat=True).get(pk=block_id)


def _lesson_of_question(question_id: int) -> int:
    return Question.objects.values_list("block__lesson_id", flat=True).get(pk=question_id)


# --- Translations --------------------------------------------------------------------------------


def _copy(obj: M, **changes: Any) -> M:
    """An unsaved copy of ``obj`` (its key included), with ``changes`` given by attribute name."""
    values = {f.attname: getattr(obj, f.attname) for f in obj._meta.concrete_fields if not f.primary_key}
    values = {name: v.name if isinstance(v, FieldFile) else v for name, v in values.items()}
    values.update(changes)
    return type(obj)(**values)


@transaction.atomic
def translate_course(course: Course, language: str, by: Any = None) -> Course:
    """Make the ``language`` version of a course, or complete it with what the original gained since.

    The original's modules, lessons, blocks, questions and answers are copied with their keys (so
    learners' progress carries over), in the original's words for the translator to replace; copied
    lessons are drafts that follow the original lesson's current revision. The new version is a
    draft with the same slug and metadata. Parts already in the version are left as they are.
    """
    original = course.translated_from or course
    if language == original.language:
        raise ValueError(f"{original} is written in {language!r}: it is the original.")
    version = Course.objects.filter(translation_key=original.translation_key, language=language).first()
    if version is None:
        version = _copy(
            original,
            language=language,
            translated_from_id=original.pk,
            status=Course.Status.DRAFT,
            created_at=timezone.now(),
        )
        version.save()
        version.topics.set(original.topics.all())

    modules = list(original.modules.prefetch_related("prerequisites"))
    ours = {m.key: m for m in version.modules.all()}
    new_modules = [_copy(m, course_id=version.pk) for m in modules if m.key not in ours]
    Module.objects.bulk_create(new_modules)
    ours.update({m.key: m for m in new_modules})
    new_keys = {m.key for m in new_modules}
    Prerequisite = Module.prerequisites.through
    Prerequisite.objects.bulk_create(
        Prerequisite(from_module_id=ours[m.key].pk, to_module_id=ours[p.key].pk)
        for m in modules
        if m.key in new_keys
        for p in m.prerequisites.all()
        if p.key in ours
    )

    have = set(Lesson.objects.filter(module__course=version).values_list("key", flat=True))
    originals = [
        lesson
        for lesson in Lesson.objects.filter(module__course=original).select_related("module")
        if lesson.key not in have
    ]
    lessons = {
        source.pk: _copy(
            source,
            module_id=ours[source.module.key].pk,
            status=Lesson.Status.DRAFT,
            revision=1,
            source_revision=source.revision,
            updated_at=timezone.now(),
        )
        for source in originals
    }
    Lesson.objects.bulk_create(lessons.values())
    blocks = {
        b.pk: _copy(b, lesson_id=lessons[b.lesson_id].pk)
        for b in Block.objects.filter(lesson__in=list(lessons))
    }
    Block.objects.bulk_create(blocks.values())
    questions = {
        q.pk: _copy(q, block_id=blocks[q.block_id].pk)
        for q in Question.objects.filter(block__in=list(blocks))
    }
    Question.objects.bulk_create(questions.values())
    Choice.objects.bulk_create(
        _copy(c, question_id=questions[c.question_id].pk)
        for c in Choice.objects.filter(question__in=list(questions))
    )
    Course.objects.filter(pk=version.pk).structure_changed()  # the parts were created in bulk
    logger.info(
        "courses: %s lessons of course %s copied into %s by member %s",
        len(lessons),
        original.pk,
        language,
        getattr(by, "pk", None),
    )
    return version


@dataclass(frozen=True)
class LessonTranslation:
    """One lesson of the original and its state in a language version (``lesson`` is None when missing)."""

    key: UUID
    original: Lesson
    lesson: Lesson | None
    state: str

    @property
    def label(self) -> str:
        return str(TranslationState(self.state).label)


def lesson_state(lesson: Lesson | None, original_revision: int | None, *, is_original: bool = False) -> str:
    """The translation state of ``lesson`` given the current revision of the lesson it translates."""
    if lesson is None:
        return TranslationState.MISSING
    if (
        not is_original
        and original_revision is not None
        and original_revision > (lesson.source_revision or 0)
    ):
        return TranslationState.OUTDATED
    return TranslationState.REVIEWED if lesson.status == Lesson.Status.REVIEWED else TranslationState.DRAFT


def translation_status(course_version: Course) -> list[LessonTranslation]:
    """Each lesson of the original, in course order, with its state in ``course_version``: missing,
    draft, reviewed, or outdated (the original changed after the translation was made or reviewed).
    For the original itself, each lesson is a draft or reviewed. Two queries, however long the course."""
    order = ("module__position", "module__pk", "position", "pk")
    original_id = course_version.translated_from_id or course_version.pk
    originals = list(
        Lesson.objects.filter(module__course_id=original_id).select_related("module").order_by(*order)
    )
    if course_version.translated_from_id is None:
        return [
            LessonTranslation(
                lesson.key, lesson, lesson, lesson_state(lesson, lesson.revision, is_original=True)
            )
            for lesson in originals
        ]
    ours = {
        lesson.key: lesson
        for lesson in Lesson.objects.filter(module__course=course_version).select_related("module")
    }
    return [
        LessonTranslation(
            source.key, source, ours.get(source.key), lesson_state(ours.get(source.key), source.revision)
        )
        for source in originals
    ]


def with_original_revision(lessons: models.QuerySet[Lesson]) -> models.QuerySet[Lesson]:
    """Lessons annotated with ``original_revision``: the current revision of the lesson each
    translates (None for lessons of an original)."""
    original = Lesson.objects.filter(
        key=OuterRef("key"), module__course=OuterRef("module__course__translated_from")
    ).values("revision")[:1]
    return lessons.annotate(original_revision=Subquery(original))


@transaction.atomic
def mark_reviewed(lesson: Lesson, by: Any = None) -> Lesson:
    """A reviewer has checked the lesson: it is reviewed, and (in a translation) follows the
    original lesson's current revision, so it is no longer outdated."""
    course = lesson.module.course
    if course.translated_from_id is not None:
        current = (
            Lesson.objects.filter(key=lesson.key, module__course_id=course.translated_from_id)
            .values_list("revision", flat=True)
            .first()
        )
        if current is not None:  # None: the original lesson was removed since
            lesson.source_revision = current
    lesson.status = Lesson.Status.REVIEWED
    Lesson.objects.filter(pk=lesson.pk).update(
        status=lesson.status, source_revision=lesson.source_revision, updated_at=timezone.now()
    )
    Course.objects.filter(pk=course.pk).structure_changed()
    logger.info("courses: lesson %s reviewed by member %s", lesson.pk, getattr(by, "pk", None))
    return lesson
