"""Reads of the courses: the catalogue, a course's versions and outline, a learner's progress.

A course's structure (which modules and lessons there are, which are required, what comes
first) is its original version's; the other versions lend their titles and text lesson by
lesson, by key. Progress is kept by key, so it is the same in every version.
"""

from __future__ import annotations

import copy
import uuid
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import Any

from django.db import connection
from django.db.models import Prefetch, Q

from childhub.core import fragments, sql
from childhub.core.models import pick_best_version
from childhub.records.models import Certificate

from . import permissions
from .certificates import source_of
from .models import Block, Course, Enrolment, Lesson, LessonProgress, Module, QuizAttempt, Reflection

# Versions


def versions_of(slug: str) -> list[Course]:
    """Every language version of the course with this slug (drafts included), oldest first, each
    the request's own copy.

    The rows (with their issuers) are kept in each process for a minute under their structure
    versions, which every save of a course renews: a stamp query of one indexed table says whether
    they are still the ones kept. An edit of an issuing organisation shows within the minute.
    """
    with connection.cursor() as cursor:
        cursor.execute(_version_stamps_sql(), [slug])
        stamps = tuple((pk, str(version)) for pk, version in cursor.fetchall())
    if not stamps:
        return []
    rows = fragments.kept(("course-versions", slug, stamps), lambda: _read_versions(slug))
    return [copy.copy(row) for row in rows]


def _read_versions(slug: str) -> tuple[Course, ...]:
    rows = list(Course.objects.filter(slug=slug).select_related("issuer", "co_issuer").order_by("pk"))
    if not rows:
        return ()
    key = rows[0].translation_key
    return tuple(row for row in rows if row.translation_key == key)


@cache
def _version_stamps_sql() -> str:
    """Written out: composing it through the ORM would cost more than running it."""
    quote = connection.ops.quote_name
    course = Course._meta
    return (
        f"SELECT {quote(course.pk.column)}, {quote(course.get_field('structure_version').column)} "
        f"FROM {quote(course.db_table)} WHERE {quote(course.get_field('slug').column)} = %s "
        f"ORDER BY {quote(course.pk.column)}"
    )


def original_of(versions: Sequence[Course]) -> Course:
    """The version the others translate: the oldest without ``translated_from``."""
    originals = [v for v in versions if v.translated_from_id is None]
    return min(originals or versions, key=lambda v: v.pk)


def visible_versions(user: Any, versions: Iterable[Course]) -> list[Course]:
    return [v for v in versions if permissions.can_view_course(user, v)]


def choose_version(
    versions: Sequence[Course],
    *,
    requested: str,
    enrolment: Enrolment | None,
    preferences: Callable[[], Sequence[str]],
) -> Course | None:
    """The version to show: the one asked for (?lang=), else the learner's, else the reader's best
    (their languages are read only then: a learner's pages never need them)."""
    by_language = {v.language: v for v in versions}
    if requested in by_language:
        return by_language[requested]
    if enrolment is not None and enrolment.language in by_language:
        return by_language[enrolment.language]
    return pick_best_version(versions, preferences())


# Structure and outline


@dataclass
class LessonItem:
    key: uuid.UUID
    lesson: Lesson  # in the version shown, or the original's when the version lacks it
    fallback: bool
    done: bool = False


@dataclass
class ModuleItem:
    key: uuid.UUID
    module: Module
    required: bool
    prerequisite_keys: list[uuid.UUID]
    lessons: list[LessonItem] = field(default_factory=list)
    prerequisites: list[Module] = field(default_factory=list)
    locked: bool = False

    @property
    def done_count(self) -> int:
        return sum(1 for item in self.lessons if item.done)

    @property
    def total(self) -> int:
        return len(self.lessons)

    @property
    def complete(self) -> bool:
        return self.done_count == self.total


@dataclass
class Outline:
    """The course as the learner sees it, module by module, with their progress."""

    original: Course
    shown: Course
    modules: list[ModuleItem]

    def lessons(self) -> list[tuple[ModuleItem, LessonItem]]:
        return [(m, item) for m in self.modules for item in m.lessons]

    def find(self, lesson_key: uuid.UUID) -> tuple[ModuleItem, LessonItem] | None:
        for module, item in self.lessons():
            if item.key == lesson_key:
                return module, item
        return None

    def next_after(self, lesson_key: uuid.UUID) -> LessonItem | None:
        keys = [item for _m, item in self.lessons()]
        for index, item in enumerate(keys):
            if item.key == lesson_key:
                return keys[index + 1] if index + 1 < len(keys) else None
        return None

    def first_open_lesson(self) -> LessonItem | None:
        """Where a learner starts or carries on: the first lesson not done in an open module."""
        for module, item in self.lessons():
            if not module.locked and not item.done:
                return item
        return self.modules[0].lessons[0] if self.modules and self.modules[0].lessons else None

    @property
    def done_count(self) -> int:
        return sum(m.done_count for m in self.modules)

    @property
    def total(self) -> int:
        return sum(m.total for m in self.modules)

    @property
    def complete(self) -> bool:
        """Every required module complete (and at least one lesson to complete)."""
        required = [m for m in self.modules if m.required]
        return bool(required) and all(m.complete for m in required)


@dataclass
class Structure:
    """One version of a course as its lesson pages read it: the modules with their lessons and
    prerequisites, and each lesson's blocks with their questions and answers (read when first
    asked for). It is kept in each process under the course's structure version and shared by
    every request that reads that version: read it, never change it."""

    modules: list[Module]
    lessons: dict[uuid.UUID, Lesson]
    _blocks: dict[uuid.UUID, list[Block]] = field(default_factory=dict)

    def blocks(self, lesson_key: uuid.UUID) -> list[Block]:
        if lesson_key not in self._blocks:
            lesson = self.lessons[lesson_key]
            blocks = list(
                Block.objects.filter(lesson=lesson)
                .order_by("position", "pk")
                .prefetch_related("questions__choices")
            )
            for block in blocks:
                block.lesson = lesson
            self._blocks[lesson_key] = blocks
        return self._blocks[lesson_key]


STRUCTURES_KEPT = 32  # language versions of courses, a few dozen KB each


def structure(course: Course) -> Structure:
    """The structure of this version of the course, read again only when it has changed: what
    the modules, lessons and blocks are used to cost about ten queries on every lesson page."""
    return _structure(course.pk, course.structure_version)


@lru_cache(maxsize=STRUCTURES_KEPT)
def _structure(course_id: int, version: uuid.UUID) -> Structure:
    del version  # the key under which the structure is kept
    course = Course.objects.get(pk=course_id)
    lessons = Prefetch("lessons", queryset=Lesson.objects.order_by("position", "pk"))
    prerequisites = Prefetch("prerequisites", queryset=Module.objects.only("pk", "key"))
    modules = list(course.modules.order_by("position", "pk").prefetch_related(lessons, prerequisites))
    by_key = {}
    for module in modules:
        module.course = course  # so that nothing reads it lazily into the shared objects
        by_key.update({lesson.key: lesson for lesson in module.lessons.all()})
    return Structure(modules=modules, lessons=by_key)


def lesson_in(course: Course, lesson_key: uuid.UUID) -> Lesson | None:
    """The lesson of this version of the course, as a copy of its own (with its module) that
    belongs to ``course``: the kept structure is shared, and the request's course is current."""
    kept = structure(course).lessons.get(lesson_key)
    if kept is None:
        return None
    lesson, module = copy.copy(kept), copy.copy(kept.module)
    module.course = course
    lesson.module = module
    return lesson


def outline(original: Course, shown: Course, completed: set[uuid.UUID]) -> Outline:
    """The outline in the version shown, with the learner's completed lessons (no query while the
    course's structure is kept)."""
    modules = structure(original).modules
    counterparts: dict[uuid.UUID, Module] = {}
    lessons_shown: dict[uuid.UUID, Lesson] = {}
    if shown.pk != original.pk:
        for module in structure(shown).modules:
            counterparts[module.key] = module
            lessons_shown.update({lesson.key: lesson for lesson in module.lessons.all()})
    items = []
    for module in modules:
        item = ModuleItem(
            key=module.key,
            module=counterparts.get(module.key, module),
            required=module.required,
            prerequisite_keys=[p.key for p in module.prerequisites.all()],
        )
        for lesson in module.lessons.all():
            translated = lessons_shown.get(lesson.key)
            item.lessons.append(
                LessonItem(
                    key=lesson.key,
                    lesson=translated or lesson,
                    fallback=shown.pk != original.pk and translated is None,
                    done=lesson.key in completed,
                )
            )
        items.append(item)
    by_key = {m.key: m for m in items}
    for item in items:
        item.prerequisites = [by_key[k].module for k in item.prerequisite_keys if k in by_key]
        item.locked = any(not by_key[k].complete for k in item.prerequisite_keys if k in by_key)
    return Outline(original=original, shown=shown, modules=items)


def completed_lessons(enrolment: Enrolment | None) -> set[uuid.UUID]:
    if enrolment is None or enrolment.pk is None:
        return set()
    return set(
        LessonProgress.objects.filter(enrolment=enrolment, completed_at__isnull=False).values_list(
            "lesson_key", flat=True
        )
    )


def enrolment_and_progress(
    user: Any, course: Course
) -> tuple[Enrolment | None, dict[uuid.UUID, LessonProgress]]:
    """The learner's enrolment and their progress in each lesson they have opened (by lesson
    key), in one read written out (decision 0013): a lesson page needs both, and composing them
    through the ORM cost more than the database's answer."""
    if not permissions.is_member(user):
        return None, {}
    enrolment_columns, progress_columns = sql.columns(Enrolment, "e"), sql.columns(LessonProgress, "p")
    with connection.cursor() as cursor:
        course_key = Enrolment._meta.get_field("course_key").get_db_prep_value(
            course.translation_key, connection
        )
        cursor.execute(_enrolment_and_progress_sql(), [user.pk, course_key])
        rows = cursor.fetchall()
    if not rows:
        return None, {}
    enrolment = enrolment_columns.load(rows[0][: len(enrolment_columns)])
    progress = {}
    for row in rows:
        found = progress_columns.load(row[len(enrolment_columns) :])
        if found is not None:
            found.enrolment = enrolment
            progress[found.lesson_key] = found
    return enrolment, progress


@cache
def _enrolment_and_progress_sql() -> str:
    quote = connection.ops.quote_name
    enrolment, progress = Enrolment._meta, LessonProgress._meta
    return (
        f"SELECT {sql.columns(Enrolment, 'e').sql}, {sql.columns(LessonProgress, 'p').sql} "
        f"FROM {quote(enrolment.db_table)} e LEFT JOIN {quote(progress.db_table)} p "
        f"ON p.{quote(progress.get_field('enrolment').column)} = e.{quote(enrolment.pk.column)} "
        f"WHERE e.{quote(enrolment.get_field('learner').column)} = %s "
        f"AND e.{quote(enrolment.get_field('course_key').column)} = %s"
    )


def enrolment_of(user: Any, course: Course) -> Enrolment | None:
    if not permissions.is_member(user):
        return None
    return Enrolment.objects.filter(learner=user, course_key=course.translation_key).first()


# The lesson in each language


@dataclass(frozen=True)
class LessonVersion:
    course: Course
    status: str  # "original", "reviewed", "draft", "outdated" or "missing"


def lesson_versions(
    versions: Sequence[Course], original: Course, lesson_key: uuid.UUID
) -> list[LessonVersion]:
    """Each version of the course with the translation status of one lesson (from their kept
    structures)."""
    lessons = {
        version.pk: lesson
        for version in versions
        if (lesson := structure(version).lessons.get(lesson_key)) is not None
    }
    source = lessons.get(original.pk)
    out = []
    for version in sorted(versions, key=lambda v: v.language):
        lesson = lessons.get(version.pk)
        if version.pk == original.pk:
            status = "original"
        elif lesson is None:
            status = "missing"
        elif (
            source is not None
            and lesson.source_revision is not None
            and lesson.source_revision < source.revision
        ):
            status = "outdated"
        else:
            status = lesson.status
        out.append(LessonVersion(course=version, status=status))
    return out


# The learner's answers


def best_attempt(enrolment: Enrolment | None, block_key: uuid.UUID) -> QuizAttempt | None:
    if enrolment is None:
        return None
    return (
        QuizAttempt.objects.filter(enrolment=enrolment, block_key=block_key)
        .order_by("-score", "submitted_at")
        .first()
    )


def attempts_count(enrolment: Enrolment | None, block_key: uuid.UUID) -> int:
    if enrolment is None:
        return 0
    return QuizAttempt.objects.filter(enrolment=enrolment, block_key=block_key).count()


def reflections_of(enrolment: Enrolment | None, block_keys: Iterable[uuid.UUID]) -> dict[uuid.UUID, str]:
    """The learner's own reflections on these prompts (never anyone else's)."""
    keys = list(block_keys)
    if enrolment is None or not keys:
        return {}
    return dict(
        Reflection.objects.filter(enrolment=enrolment, block_key__in=keys).values_list("block_key", "text")
    )


def certificate_of(enrolment: Enrolment | None) -> Certificate | None:
    if enrolment is None or enrolment.completed_at is None:
        return None
    return Certificate.objects.filter(source=source_of(enrolment)).first()


# Lists


def catalogue(
    *, preferences: Sequence[str], language: str = "", topic: str = "", audience: str = "", issuer: str = ""
) -> list[Course]:
    """Published courses, one version each (the reader's best, or the one in ``language``), with
    the languages each is available in as ``available_languages`` (two queries)."""
    matching = Course.objects.published()
    if language:
        matching = matching.filter(language=language)
    if topic:
        matching = matching.filter(topics__slug=topic)
    if audience:
        matching = matching.filter(audience__icontains=audience)
    if issuer:
        matching = matching.filter(Q(issuer__slug=issuer) | Q(co_issuer__slug=issuer))
    rows = (
        Course.objects.published()
        .filter(translation_key__in=matching.values("translation_key"))
        .select_related("issuer", "co_issuer")
        .prefetch_related("topics")
        .order_by("pk")
    )
    groups: dict[uuid.UUID, list[Course]] = defaultdict(list)
    for row in rows:
        groups[row.translation_key].append(row)
    courses = []
    for versions in groups.values():
        chosen = pick_best_version(versions, [language] if language else preferences)
        if chosen is None or (language and chosen.language != language):
            continue
        chosen.available_languages = sorted(v.language for v in versions)  # type: ignore[attr-defined]
        courses.append(chosen)
    courses.sort(key=lambda c: (c.title.casefold(), c.pk))
    return courses


def enrolments_by_key(user: Any, courses: Iterable[Course]) -> dict[uuid.UUID, Enrolment]:
    if not permissions.is_member(user):
        return {}
    keys = [c.translation_key for c in courses]
    return {e.course_key: e for e in Enrolment.objects.filter(learner=user, course_key__in=keys)}


@dataclass
class CourseProgress:
    enrolment: Enrolment
    course: Course  # the version the learner reads
    done: int
    total: int
    resume_key: uuid.UUID | None
    certificate: Certificate | None

    @property
    def percent(self) -> int:
        return round(100 * self.done / self.total) if self.total else 0


def my_courses(user: Any) -> list[CourseProgress]:
    """The learner's courses, newest enrolment first, with progress (five queries, whatever the count)."""
    enrolments = list(Enrolment.objects.filter(learner=user).order_by("-enrolled_at", "-pk"))
    if not enrolments:
        return []
    keys = [e.course_key for e in enrolments]
    versions: dict[uuid.UUID, list[Course]] = defaultdict(list)
    for course in Course.objects.filter(translation_key__in=keys).order_by("pk"):
        if permissions.can_view_course(user, course):
            versions[course.translation_key].append(course)
    originals = {key: original_of(rows) for key, rows in versions.items()}
    lessons: dict[uuid.UUID, list[uuid.UUID]] = defaultdict(list)
    course_keys = {c.pk: key for key, c in originals.items()}
    for lesson_key, course_id in (
        Lesson.objects.filter(module__course__in=list(originals.values()))
        .order_by("module__position", "module__pk", "position", "pk")
        .values_list("key", "module__course_id")
    ):
        lessons[course_keys[course_id]].append(lesson_key)
    done: dict[int, set[uuid.UUID]] = defaultdict(set)
    for enrolment_id, lesson_key in LessonProgress.objects.filter(
        enrolment__in=enrolments, completed_at__isnull=False
    ).values_list("enrolment_id", "lesson_key"):
        done[enrolment_id].add(lesson_key)
    certificates = {
        c.source: c
        for c in Certificate.objects.filter(source__in=[source_of(e) for e in enrolments if e.completed_at])
    }
    out = []
    for enrolment in enrolments:
        rows = versions.get(enrolment.course_key)
        if not rows:
            continue
        shown = {v.language: v for v in rows}.get(enrolment.language) or originals[enrolment.course_key]
        all_lessons = lessons.get(enrolment.course_key, [])
        finished = done[enrolment.pk]
        resume = enrolment.last_lesson_key or next((k for k in all_lessons if k not in finished), None)
        out.append(
            CourseProgress(
                enrolment=enrolment,
                course=shown,
                done=sum(1 for k in all_lessons if k in finished),
                total=len(all_lessons),
                resume_key=resume if resume in all_lessons else None,
                certificate=certificates.get(source_of(enrolment)),
            )
        )
    return out
