"""Courses in the staff interface: partner editors write their organisation's courses here. Every
save goes through ``authoring`` (HTML sanitised, lesson revisions counted); staff who are not
superusers see only the courses their organisations issue or co-issue."""

from __future__ import annotations

from collections import Counter
from typing import Any

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.helpers import ActionForm
from django.db.models import Model, Q, QuerySet
from django.forms import BaseInlineFormSet, ModelForm
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from childhub.accounts.models import Organisation
from childhub.accounts.permissions import editor_organisation_ids

from . import authoring
from .models import (
    Block,
    Choice,
    Course,
    Enrolment,
    Lesson,
    LessonProgress,
    Module,
    Question,
    QuizAttempt,
    Reflection,
)

LANGUAGE_CODES = {code for code, _name in settings.LANGUAGES}


def edited_organisations(request: HttpRequest) -> set[int]:
    """The organisations the signed-in member edits (read once per request with their roles)."""
    return editor_organisation_ids(request.user)


def _of_their_organisations(path: str, organisations: set[int]) -> Q:
    return Q(**{f"{path}issuer__in": organisations}) | Q(**{f"{path}co_issuer__in": organisations})


def preview_url(lesson: Lesson) -> str:
    """The learner's page of the lesson, in its course's language (staff and the issuer's editors
    may preview drafts there)."""
    course = lesson.module.course
    language = course.language if course.language in LANGUAGE_CODES else settings.LANGUAGE_CODE
    with translation.override(language):
        return reverse("courses:lesson", kwargs={"slug": course.slug, "lesson_key": lesson.key})


def preview_link(lesson: Lesson) -> SafeString | str:
    try:
        url = preview_url(lesson)
    except NoReverseMatch:
        return "–"
    return format_html('<a href="{}" target="_blank" rel="noopener">{}</a>', url, _("Preview"))


class AuthoringPermissions:
    """Course content: superusers edit every course; other staff edit the courses of the
    organisations they are editors of (issued or co-issued), and see no others. ``course_path``
    leads from the model to its course."""

    course_path = ""

    def _scoped(self, request: HttpRequest, queryset: QuerySet[Any]) -> QuerySet[Any]:
        if request.user.is_superuser:
            return queryset
        return queryset.filter(_of_their_organisations(self.course_path, edited_organisations(request)))

    def _may_author(self, request: HttpRequest) -> bool:
        return bool(request.user.is_superuser or edited_organisations(request))

    def has_module_permission(self, request: HttpRequest) -> bool:
        return self._may_author(request)

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return self._may_author(request)

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return self._may_author(request)

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return self._may_author(request)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return self._may_author(request)

    def formfield_for_foreignkey(self, db_field: Any, request: HttpRequest, **kwargs: Any) -> Any:
        if not request.user.is_superuser:
            organisations = edited_organisations(request)
            scoped = {
                "issuer": Organisation.objects.filter(pk__in=organisations),
                "course": Course.objects.filter(_of_their_organisations("", organisations)),
                "translated_from": Course.objects.filter(_of_their_organisations("", organisations)),
                "module": Module.objects.filter(_of_their_organisations("course__", organisations)),
                "lesson": Lesson.objects.filter(_of_their_organisations("module__course__", organisations)),
                "block": Block.objects.filter(
                    _of_their_organisations("lesson__module__course__", organisations)
                ),
                "question": Question.objects.filter(
                    _of_their_organisations("block__lesson__module__course__", organisations)
                ),
            }
            if db_field.name in scoped:
                kwargs["queryset"] = scoped[db_field.name]
        return super().formfield_for_foreignkey(db_field, request, **kwargs)  # type: ignore[misc]


class SavedThroughAuthoring(AuthoringPermissions, admin.ModelAdmin):
    """Lessons, blocks, questions and answers, and those in the inlines, are saved and deleted
    through ``authoring``; one form saved is one new revision of the lesson."""

    def get_queryset(self, request: HttpRequest) -> QuerySet[Any]:
        return self._scoped(request, super().get_queryset(request))

    def changeform_view(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        with authoring.one_revision():
            return super().changeform_view(request, *args, **kwargs)

    def save_model(self, request: HttpRequest, obj: Any, form: ModelForm, change: bool) -> None:
        _save(obj)

    def delete_model(self, request: HttpRequest, obj: Any) -> None:
        _delete(obj)

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[Any]) -> None:
        with authoring.one_revision():
            for obj in queryset:
                _delete(obj)

    def save_formset(
        self, request: HttpRequest, form: ModelForm, formset: BaseInlineFormSet, change: bool
    ) -> None:
        instances = formset.save(commit=False)
        for obj in formset.deleted_objects:
            _delete(obj)
        for obj in instances:
            _save(obj)
        formset.save_m2m()


def _save(obj: Model) -> None:
    if isinstance(obj, Lesson | Block | Question | Choice):
        authoring.save_part(obj)
    else:
        obj.save()


def _delete(obj: Model) -> None:
    if isinstance(obj, Lesson | Block | Question | Choice):
        authoring.delete_part(obj)
    else:
        obj.delete()


class AuthoringInline(AuthoringPermissions):
    extra = 0
    show_change_link = True


# --- Courses and modules ---------------------------------------------------------------------------


class ModuleInline(AuthoringInline, admin.TabularInline):
    model = Module
    fields = ["position", "kind", "children_group", "title", "required"]


class TranslateActionForm(ActionForm):
    language = forms.ChoiceField(
        label=_("into"), choices=[("", "---------"), *settings.LANGUAGES], required=False
    )


@admin.register(Course)
class CourseAdmin(SavedThroughAuthoring):
    list_display = ["title", "language", "status", "issuer", "co_issuer", "translated_from", "updated_at"]
    list_filter = ["status", "language", "level", "issuer"]
    list_select_related = ["issuer", "co_issuer", "translated_from"]
    search_fields = ["title", "slug", "summary"]
    filter_horizontal = ["topics"]
    readonly_fields = ["translated_from", "translation_key", "translation_status"]
    inlines = [ModuleInline]
    action_form = TranslateActionForm
    actions = ["translate_into"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "language", "status", "summary", "topics"]}),
        (_("For whom"), {"fields": ["audience", "level", "estimated_hours"]}),
        (
            _("Certificate"),
            {
                "fields": [
                    "issuer",
                    "issuer_signatory",
                    "co_issuer",
                    "co_issuer_signatory",
                    "co_issuer_approves",
                ]
            },
        ),
        (_("Provenance"), {"fields": ["authors", "licence", "adapted_from", "adaptation_notes"]}),
        (_("Translation"), {"fields": ["translated_from", "translation_key", "translation_status"]}),
    ]

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> Any:
        fields = list(super().get_readonly_fields(request, obj))
        if obj is not None and not request.user.is_superuser:
            fields.append("issuer")  # an editor may not give their organisation's course away
        return fields

    @admin.display(description=_("translation status"))
    def translation_status(self, course: Course) -> SafeString | str:
        if course.pk is None:
            return "–"
        rows = authoring.translation_status(course)
        versions = []
        if course.translated_from_id is None:
            versions = [
                (v, _counts(authoring.translation_status(v)))
                for v in course.translations.order_by("language")
            ]
        return render_to_string(
            "courses/admin/translation_status.html",
            {"course": course, "rows": rows, "summary": _counts(rows), "versions": versions},
        )

    @admin.action(description=_("Translate the selected courses (language chosen above)"))
    def translate_into(self, request: HttpRequest, queryset: QuerySet[Course]) -> None:
        language = request.POST.get("language", "")
        if language not in LANGUAGE_CODES:
            self.message_user(request, _("Choose the language to translate into."), messages.WARNING)
            return
        made = 0
        for course in queryset:
            original = course.translated_from or course
            if original.language == language:
                continue
            authoring.translate_course(course, language, by=request.user)
            made += 1
        self.message_user(
            request,
            ngettext(
                "%(count)d course now has a version to translate.",
                "%(count)d courses now have a version to translate.",
                made,
            )
            % {"count": made},
            messages.SUCCESS,
        )


def _counts(rows: list[authoring.LessonTranslation]) -> list[tuple[str, int]]:
    """(state, how many lessons are in it), in the order of the states, leaving out those with none."""
    counts = Counter(row.state for row in rows)
    return [
        (str(label), counts[state]) for state, label in authoring.TranslationState.choices if counts[state]
    ]


class LessonInline(AuthoringInline, admin.TabularInline):
    model = Lesson
    fields = ["position", "title", "completion_rule", "minimum_minutes", "status", "revision"]
    readonly_fields = ["revision"]


@admin.register(Module)
class ModuleAdmin(SavedThroughAuthoring):
    course_path = "course__"
    list_display = ["title", "course", "kind", "children_group", "position", "required"]
    list_filter = ["kind", "course__language"]
    list_select_related = ["course"]
    search_fields = ["title", "children_group"]
    raw_id_fields = ["course", "prerequisites"]
    readonly_fields = ["key"]
    inlines = [LessonInline]


# --- Lessons, blocks, questions and answers -------------------------------------------------------


class BlockInline(AuthoringInline, admin.StackedInline):
    model = Block
    fields = ["position", "kind", "body", "embed_url", "transcript", "media", "alt_text", "pass_mark"]


@admin.register(Lesson)
class LessonAdmin(SavedThroughAuthoring):
    course_path = "module__course__"
    list_display = ["title", "module", "language", "position", "status", "translation", "revision", "preview"]
    list_filter = ["status", "module__course__language", "module__course"]
    list_select_related = ["module__course"]
    search_fields = ["title", "module__title", "module__course__title"]
    raw_id_fields = ["module"]
    readonly_fields = ["key", "revision", "source_revision", "translation", "preview"]
    fields = [
        "module",
        "position",
        "title",
        "completion_rule",
        "minimum_minutes",
        "status",
        "key",
        "revision",
        "source_revision",
        "translation",
        "preview",
    ]
    inlines = [BlockInline]
    actions = ["mark_reviewed"]

    def get_queryset(self, request: HttpRequest) -> QuerySet[Any]:
        return authoring.with_original_revision(super().get_queryset(request))

    @admin.display(description=_("language"), ordering="module__course__language")
    def language(self, lesson: Lesson) -> str:
        return lesson.module.course.language

    @admin.display(description=_("translation"))
    def translation(self, lesson: Lesson) -> str:
        if lesson.pk is None:
            return "–"
        course = lesson.module.course
        state = authoring.lesson_state(
            lesson,
            getattr(lesson, "original_revision", None),
            is_original=course.translated_from_id is None,
        )
        return str(authoring.TranslationState(state).label)

    @admin.display(description=_("preview"))
    def preview(self, lesson: Lesson) -> SafeString | str:
        return preview_link(lesson) if lesson.pk else "–"

    @admin.action(description=_("Mark the selected lessons reviewed"))
    def mark_reviewed(self, request: HttpRequest, queryset: QuerySet[Lesson]) -> None:
        lessons = list(queryset.select_related("module__course"))
        for lesson in lessons:
            authoring.mark_reviewed(lesson, by=request.user)
        self.message_user(
            request,
            ngettext("%(count)d lesson marked reviewed.", "%(count)d lessons marked reviewed.", len(lessons))
            % {"count": len(lessons)},
            messages.SUCCESS,
        )


class QuestionInline(AuthoringInline, admin.StackedInline):
    model = Question
    fields = ["position", "kind", "text", "accepted_answers", "feedback_correct", "feedback_wrong"]


@admin.register(Block)
class BlockAdmin(SavedThroughAuthoring):
    course_path = "lesson__module__course__"
    list_display = ["__str__", "lesson", "kind", "position", "preview"]
    list_filter = ["kind", "lesson__module__course__language"]
    list_select_related = ["lesson__module__course"]
    search_fields = ["lesson__title", "body"]
    raw_id_fields = ["lesson"]
    readonly_fields = ["key", "preview"]
    inlines = [QuestionInline]

    @admin.display(description=_("preview"))
    def preview(self, block: Block) -> SafeString | str:
        return preview_link(block.lesson) if block.pk else "–"


class ChoiceInline(AuthoringInline, admin.TabularInline):
    model = Choice
    fields = ["position", "text", "correct", "match", "feedback"]


@admin.register(Question)
class QuestionAdmin(SavedThroughAuthoring):
    course_path = "block__lesson__module__course__"
    list_display = ["__str__", "kind", "block", "position"]
    list_filter = ["kind"]
    search_fields = ["text"]
    raw_id_fields = ["block"]
    readonly_fields = ["key"]
    inlines = [ChoiceInline]


@admin.register(Choice)
class ChoiceAdmin(SavedThroughAuthoring):
    course_path = "question__block__lesson__module__course__"
    list_display = ["__str__", "question", "correct", "position"]
    search_fields = ["text", "question__text"]
    raw_id_fields = ["question"]


# --- Learners' records: read, not edited ----------------------------------------------------------


class LearnerRecordAdmin(admin.ModelAdmin):
    """What learners did: staff read it (other staff only for their organisations' courses)."""

    enrolment_path = "enrolment__"

    def get_queryset(self, request: HttpRequest) -> QuerySet[Any]:
        queryset = super().get_queryset(request)
        if request.user.is_superuser:
            return queryset
        keys = Course.objects.filter(_of_their_organisations("", edited_organisations(request))).values(
            "translation_key"
        )
        return queryset.filter(**{f"{self.enrolment_path}course_key__in": keys})

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class ProgressInline(admin.TabularInline):
    model = LessonProgress
    extra = 0
    can_delete = False
    readonly_fields = ["lesson_key", "first_viewed_at", "seconds_spent", "completed_at"]

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Enrolment)
class EnrolmentAdmin(LearnerRecordAdmin):
    enrolment_path = ""
    list_display = ["learner", "course_key", "language", "enrolled_at", "completed_at"]
    list_filter = ["language", "completed_at"]
    search_fields = ["learner__email", "learner__display_name"]
    raw_id_fields = ["learner"]
    inlines = [ProgressInline]


@admin.register(LessonProgress)
class LessonProgressAdmin(LearnerRecordAdmin):
    list_display = ["enrolment", "lesson_key", "first_viewed_at", "seconds_spent", "completed_at"]
    raw_id_fields = ["enrolment"]


@admin.register(QuizAttempt)
class QuizAttemptAdmin(LearnerRecordAdmin):
    list_display = ["enrolment", "block_key", "score", "passed", "submitted_at"]
    list_filter = ["passed"]
    raw_id_fields = ["enrolment"]


@admin.register(Reflection)
class ReflectionAdmin(LearnerRecordAdmin):
    """Reflections are private to the learner: staff see that one was written, never what."""

    list_display = ["enrolment", "block_key", "updated_at"]
    fields = ["enrolment", "block_key", "updated_at"]
    readonly_fields = ["enrolment", "block_key", "updated_at"]
