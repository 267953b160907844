"""Courses: one row per language version of a course, its modules, lessons and blocks, each carrying
a ``key`` shared with its counterparts in the other versions; learners' enrolments, progress, quiz
attempts and private reflections are kept by those keys, so switching language keeps them."""

from __future__ import annotations

import uuid
from decimal import Decimal
from typing import Any, ClassVar

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from childhub.accounts.models import Organisation
from childhub.core.models import Topic, TranslatableContent


class CourseQuerySet(models.QuerySet["Course"]):
    def published(self) -> CourseQuerySet:
        return self.filter(status=Course.Status.PUBLISHED)

    def structure_changed(self) -> int:
        """Give these courses a new structure version (see ``Course.structure_version``)."""
        return self.update(structure_version=uuid.uuid4())


class Course(TranslatableContent):
    """One language version of a course; versions share ``translation_key``. The original version
    has no ``translated_from``; lessons of the other versions follow its lessons."""

    class Status(models.TextChoices):
        DRAFT = "draft", pgettext_lazy("course status", "Draft")
        PUBLISHED = "published", pgettext_lazy("course status", "Published")

    class Level(models.TextChoices):
        INTRODUCTORY = "introductory", _("Introductory")
        INTERMEDIATE = "intermediate", _("Intermediate")
        ADVANCED = "advanced", _("Advanced")

    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("short name in addresses"), max_length=80)
    summary = models.TextField(_("summary"), max_length=3000)
    audience = models.CharField(_("for whom"), max_length=300)
    level = models.CharField(_("level"), max_length=15, choices=Level.choices, default=Level.INTRODUCTORY)
    estimated_hours = models.DecimalField(
        _("estimated hours"), max_digits=5, decimal_places=1, default=Decimal(1)
    )
    topics = models.ManyToManyField(Topic, verbose_name=_("topics"), blank=True, related_name="courses")
    issuer = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="issued_courses", verbose_name=_("issued by")
    )
    co_issuer = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="co_issued_courses",
        verbose_name=_("co-issued by"),
    )
    co_issuer_approves = models.BooleanField(_("the co-issuer approves each certificate"), default=False)
    issuer_signatory = models.CharField(
        _("signed for the issuer by (name, role)"), max_length=200, blank=True
    )
    co_issuer_signatory = models.CharField(
        _("signed for the co-issuer by (name, role)"), max_length=200, blank=True
    )
    authors = models.CharField(_("authors"), max_length=300, blank=True)
    licence = models.CharField(_("licence"), max_length=100, blank=True)
    adapted_from = models.CharField(_("adapted from"), max_length=300, blank=True)
    adaptation_notes = models.TextField(_("what changed in the adaptation"), blank=True)
    translated_from = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="translations",
        verbose_name=_("translated from"),
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.DRAFT)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    updated_at = models.DateTimeField(auto_now=True)
    # New whenever the course or one of its modules, lessons, blocks, questions or answers is saved
    # or deleted (and when authoring copies parts in bulk): lesson pages keep the structure they
    # read under it, in each process, and read it again only when it changes.
    structure_version = models.UUIDField(default=uuid.uuid4, editable=False)

    objects = CourseQuerySet.as_manager()

    class Meta:
        ordering = ["title", "pk"]
        verbose_name = _("course")
        verbose_name_plural = _("courses")
        constraints = [
            models.UniqueConstraint(
                fields=["translation_key", "language"], name="one_course_version_per_language"
            ),
            models.UniqueConstraint(fields=["slug", "language"], name="course_slug_unique_per_language"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("courses:detail", kwargs={"slug": self.slug})

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.structure_version = uuid.uuid4()
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "structure_version"}
        super().save(*args, **kwargs)


class CoursePart(models.Model):
    """A module, lesson, block, question or answer: saving or deleting one gives its course a new
    structure version (and, when it moves, the course it leaves)."""

    course_lookup: ClassVar[str]  # from Course to this part

    class Meta:
        abstract = True

    def save(self, *args: Any, **kwargs: Any) -> None:
        self._structure_changed()
        super().save(*args, **kwargs)
        self._structure_changed()

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        self._structure_changed()
        return super().delete(*args, **kwargs)

    def _structure_changed(self) -> None:
        if self.pk is not None:
            Course.objects.filter(**{self.course_lookup: self.pk}).structure_changed()


class Module(CoursePart):
    """A part of a course: foundation modules first, then practice modules, each about one group
    of children."""

    course_lookup = "modules"

    class Kind(models.TextChoices):
        FOUNDATION = "foundation", _("Foundation module")
        PRACTICE = "practice", _("Practice module")

    course = models.ForeignKey(Course, on_delete=models.CASCADE, related_name="modules")
    key = models.UUIDField(default=uuid.uuid4, editable=False, db_index=True)
    position = models.PositiveSmallIntegerField(default=0)
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices, default=Kind.FOUNDATION)
    children_group = models.CharField(
        _("the children it is about"),
        max_length=150,
        blank=True,
        help_text=_("For a practice module: children in conflict with the law, with disabilities, in care…"),
    )
    title = models.CharField(_("title"), max_length=200)
    summary = models.TextField(_("summary"), blank=True, max_length=2000)
    required = models.BooleanField(_("required for completing the course"), default=True)
    prerequisites = models.ManyToManyField(
        "self", symmetrical=False, blank=True, related_name="unlocks", verbose_name=_("to be completed first")
    )

    class Meta:
        ordering = ["position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["course", "key"], name="one_module_per_key_in_a_course")
        ]

    def __str__(self) -> str:
        return self.title


class Lesson(CoursePart):
    """A lesson of a module, with the rule that completes it. ``revision`` counts changes to its
    content; a translation remembers which revision of the original it follows."""

    course_lookup = "modules__lessons"

    class Rule(models.TextChoices):
        VIEWED = "viewed", _("Opened")
        TIME = "time", _("Time spent")
        QUIZ = "quiz", _("Quiz passed")
        REFLECTION = "reflection", _("Reflection written")

    class Status(models.TextChoices):
        DRAFT = "draft", pgettext_lazy("translation status", "Draft")
        REVIEWED = "reviewed", pgettext_lazy("translation status", "Reviewed")

    module = models.ForeignKey(Module, on_delete=models.CASCADE, related_name="lessons")
    key = models.UUIDField(default=uuid.uuid4, editable=False, db_index=True)
    position = models.PositiveSmallIntegerField(default=0)
    title = models.CharField(_("title"), max_length=200)
    completion_rule = models.CharField(
        _("complete when"), max_length=12, choices=Rule.choices, default=Rule.VIEWED
    )
    minimum_minutes = models.PositiveSmallIntegerField(_("minimum minutes (for time spent)"), default=0)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.DRAFT)
    revision = models.PositiveIntegerField(default=1, editable=False)
    source_revision = models.PositiveIntegerField(
        null=True,
        blank=True,
        editable=False,
        help_text="the original lesson's revision this translation follows",
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["module", "key"], name="one_lesson_per_key_in_a_module")
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("courses:lesson", kwargs={"slug": self.module.course.slug, "lesson_key": self.key})


class Block(CoursePart):
    """One piece of a lesson. Text is sanitised HTML; a quiz block holds questions."""

    course_lookup = "modules__lessons__blocks"

    class Kind(models.TextChoices):
        TEXT = "text", _("Text")
        VIDEO = "video", _("Video")
        AUDIO = "audio", _("Audio")
        FILE = "file", _("File to download")
        IMAGE = "image", _("Image")
        REFLECTION = "reflection", _("Reflection prompt")
        QUIZ = "quiz", _("Quiz")

    lesson = models.ForeignKey(Lesson, on_delete=models.CASCADE, related_name="blocks")
    key = models.UUIDField(default=uuid.uuid4, editable=False, db_index=True)
    position = models.PositiveSmallIntegerField(default=0)
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices, default=Kind.TEXT)
    body = models.TextField(_("text"), blank=True)  # sanitised HTML; the prompt of a reflection
    media = models.FileField(_("file"), upload_to="courses/%Y/%m/", blank=True)
    embed_url = models.URLField(_("embedded video address"), max_length=500, blank=True)
    transcript = models.TextField(_("transcript"), blank=True)
    alt_text = models.CharField(_("description of the image"), max_length=300, blank=True)
    pass_mark = models.PositiveSmallIntegerField(_("pass mark (%)"), default=70)

    class Meta:
        ordering = ["position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["lesson", "key"], name="one_block_per_key_in_a_lesson"),
            models.CheckConstraint(condition=Q(pass_mark__lte=100), name="pass_mark_is_a_percentage"),
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.position} of {self.lesson_id}"


class Question(CoursePart):
    """A quiz question. Its correct answers live in its choices (or accepted answers) and are
    never sent to the browser before the learner submits."""

    course_lookup = "modules__lessons__blocks__questions"

    class Kind(models.TextChoices):
        SINGLE = "single", _("One correct answer")
        MULTIPLE = "multiple", _("Several correct answers")
        TRUE_FALSE = "true_false", _("True or false")
        MATCHING = "matching", _("Matching pairs")
        SHORT_TEXT = "short_text", _("Short text")

    block = models.ForeignKey(Block, on_delete=models.CASCADE, related_name="questions")
    key = models.UUIDField(default=uuid.uuid4, editable=False, db_index=True)
    position = models.PositiveSmallIntegerField(default=0)
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices, default=Kind.SINGLE)
    text = models.TextField(_("question"))
    accepted_answers = models.TextField(_("accepted answers, one per line (short text)"), blank=True)
    feedback_correct = models.TextField(_("feedback when right"), blank=True)
    feedback_wrong = models.TextField(_("feedback when wrong"), blank=True)

    class Meta:
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return self.text[:60]


class Choice(CoursePart):
    """An answer to choose; for a matching question, a left side and the right side it matches."""

    course_lookup = "modules__lessons__blocks__questions__choices"

    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="choices")
    position = models.PositiveSmallIntegerField(default=0)
    text = models.CharField(_("answer"), max_length=500)
    correct = models.BooleanField(_("correct"), default=False)
    match = models.CharField(_("matches (for matching pairs)"), max_length=500, blank=True)
    feedback = models.TextField(_("feedback for this answer"), blank=True)

    class Meta:
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return self.text[:60]


class Enrolment(models.Model):
    """A learner in a course (all its language versions): where they are, and when they finished."""

    learner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="enrolments")
    course_key = models.UUIDField(db_index=True)  # the course's translation key
    language = models.CharField(_("language"), max_length=10)  # the version the learner reads now
    enrolled_at = models.DateTimeField(default=timezone.now)
    last_lesson_key = models.UUIDField(null=True, blank=True)
    last_position = models.PositiveIntegerField(default=0)  # seconds into the lesson's video or audio
    completed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["learner", "course_key"], name="one_enrolment_per_course")
        ]

    def __str__(self) -> str:
        return f"{self.learner_id} in {self.course_key}"


class LessonProgress(models.Model):
    enrolment = models.ForeignKey(Enrolment, on_delete=models.CASCADE, related_name="progress")
    lesson_key = models.UUIDField()
    first_viewed_at = models.DateTimeField(default=timezone.now)
    seconds_spent = models.PositiveIntegerField(default=0)
    completed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["enrolment", "lesson_key"], name="one_progress_per_lesson")
        ]

    def __str__(self) -> str:
        return f"{self.enrolment_id}: {self.lesson_key}"


class QuizAttempt(models.Model):
    """One submission of a quiz, graded on the server; every attempt is kept, the best one counts."""

    enrolment = models.ForeignKey(Enrolment, on_delete=models.CASCADE, related_name="quiz_attempts")
    block_key = models.UUIDField(db_index=True)
    answers = models.JSONField(default=dict)
    score = models.PositiveSmallIntegerField()  # percent
    passed = models.BooleanField()
    submitted_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-score", "submitted_at"]

    def __str__(self) -> str:
        return f"{self.score} % ({self.enrolment_id})"


class Reflection(models.Model):
    """What a learner wrote for a reflection prompt: private to them."""

    enrolment = models.ForeignKey(Enrolment, on_delete=models.CASCADE, related_name="reflections")
    block_key = models.UUIDField()
    text = models.TextField(max_length=10_000)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["enrolment", "block_key"], name="one_reflection_per_prompt")
        ]

    def __str__(self) -> str:
        return f"reflection of {self.enrolment_id}"
