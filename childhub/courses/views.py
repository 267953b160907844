"""Pages of the courses: the catalogue, a course, its lessons (with quizzes and reflections),
a learner's courses, and each module as a PDF pack for reading offline."""

from __future__ import annotations

import copy
import uuid
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.functional import cached_property
from django.utils.http import content_disposition_header, url_has_allowed_host_and_scheme
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from childhub.accounts.models import Organisation
from childhub.core import fragments, ratelimit
from childhub.core.http import MemberRequest
from childhub.core.models import reader_languages
from childhub.core.pages import cache_anonymous_page

from . import actions, permissions, queries
from .forms import CatalogueFilterForm, QuizForm, ReflectionForm
from .models import Block, Course, Lesson, LessonProgress, Module, Question

PAGE_SIZE = 20
QUIZ_SUBMISSIONS_PER_10_MINUTES = 30
PROGRESS_REPORTS_PER_MINUTE = 20


# Fetching a course through its permissions


class _Course:
    """The course a request is about: its visible versions, the original, the learner's
    enrolment, and the version shown (``?lang=``, else the learner's, else the reader's best)."""

    def __init__(self, request: HttpRequest, slug: str, *, with_progress: bool = False) -> None:
        versions = queries.versions_of(slug)
        self.versions = queries.visible_versions(request.user, versions)
        if not self.versions:
            raise Http404
        self.original = queries.original_of(versions)
        # The learner's progress in each lesson, read with the enrolment when the page needs it.
        self.progress: dict[uuid.UUID, LessonProgress] = {}
        if with_progress:
            self.enrolment, self.progress = queries.enrolment_and_progress(request.user, self.original)
        else:
            self.enrolment = queries.enrolment_of(request.user, self.original)
        self._user = request.user
        self.requested = request.GET.get("lang", "")
        shown = queries.choose_version(
            self.versions,
            requested=self.requested,
            enrolment=self.enrolment,
            preferences=lambda: reader_languages(request.user, request.LANGUAGE_CODE),
        )
        assert shown is not None  # there is at least one version
        self.shown: Course = shown
        self.lang_query = f"?lang={shown.language}" if self.requested == shown.language else ""

    @cached_property
    def preview(self) -> bool:
        """Whether the reader may see the version shown as it is, drafts included (asked only
        of readers who are not its learners: it reads their roles)."""
        return permissions.can_preview_course(self._user, self.shown)

    def lesson(self, lesson_key: uuid.UUID) -> tuple[Lesson, bool]:
        """The lesson in the version shown, or the original's when not translated (fallback)."""
        for course, fallback in ((self.shown, False), (self.original, True)):
            found = queries.lesson_in(course, lesson_key)
            if found is not None:
                return found, fallback and self.shown.pk != self.original.pk
        raise Http404

    def block(self, lesson_key: uuid.UUID, block_key: uuid.UUID, kind: str) -> Block:
        """The block of the lesson shown, as a copy of its own (its questions and answers read)."""
        lesson, _fallback = self.lesson(lesson_key)
        for kept in queries.structure(lesson.module.course).blocks(lesson_key):
            if kept.key == block_key and kept.kind == kind:
                block = copy.copy(kept)
                block.lesson = lesson
                return block
        raise Http404

    def lesson_url(self, lesson_key: uuid.UUID, suffix: str = "") -> str:
        url = reverse("courses:lesson", kwargs={"slug": self.shown.slug, "lesson_key": lesson_key})
        return url + self.lang_query + suffix


def _learner_or_redirect(request: HttpRequest, course: _Course) -> HttpResponse | None:
    """None when the request comes from the course's learner; else where to send them."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if course.enrolment is None:
        messages.info(request, _("Enrol in the course to take its lessons."))
        return redirect(course.shown.get_absolute_url())
    return None


# The catalogue and a learner's courses


@require_GET
@cache_anonymous_page(query=("topic", "language", "audience", "issuer", "page"))
def catalogue(request: HttpRequest) -> HttpResponse:
    issuers = list(
        Organisation.objects.filter(issued_courses__status=Course.Status.PUBLISHED)
        .distinct()
        .order_by("name")
    )
    form = CatalogueFilterForm(request.GET or None, issuers=issuers)
    data = form.cleaned_data if form.is_bound and form.is_valid() else {}
    courses = queries.catalogue(
        preferences=reader_languages(request.user, request.LANGUAGE_CODE),
        language=data.get("language", ""),
        topic=data.get("topic", ""),
        audience=data.get("audience", ""),
        issuer=data.get("issuer", ""),
    )
    page = Paginator(courses, PAGE_SIZE).get_page(request.GET.get("page"))
    params = request.GET.copy()
    params.pop("page", None)
    context = {
        "form": form,
        "page": page,
        "enrolments": queries.enrolments_by_key(request.user, page.object_list),
        "base_query": params.urlencode(),
    }
    return render(request, "courses/catalogue.html", context)


@login_required
@require_GET
def my_courses(request: MemberRequest) -> HttpResponse:
    return render(request, "courses/my_courses.html", {"items": queries.my_courses(request.user)})


# A course


@require_GET
def detail(request: HttpRequest, slug: str) -> HttpResponse:
    course = _Course(request, slug)
    completed = queries.completed_lessons(course.enrolment)
    outline = queries.outline(course.original, course.shown, completed)
    resume = None
    if course.enrolment is not None:
        found = outline.find(course.enrolment.last_lesson_key) if course.enrolment.last_lesson_key else None
        resume = found[1] if found else outline.first_open_lesson()
    context = {
        "course": course.shown,
        "versions": [queries.LessonVersion(course=v, status="") for v in course.versions],
        "enrolment": course.enrolment,
        "outline": outline,
        "resume": resume,
        "preview": course.preview,
        "can_enrol": course.enrolment is None and permissions.can_enrol(request.user, course.shown),
        "certificate": queries.certificate_of(course.enrolment),
        "lang_query": course.lang_query,
    }
    return render(request, "courses/detail.html", context)


@require_POST
def enrol(request: HttpRequest, slug: str) -> HttpResponse:
    if not request.user.is_authenticated:
        return redirect_to_login(reverse("courses:detail", kwargs={"slug": slug}))
    course = _Course(request, slug)
    if course.enrolment is None:
        try:
            course.enrolment = actions.enrol(learner=request.user, course=course.shown)
        except actions.CourseClosed:
            messages.error(request, _("This course is not open for enrolment."))
            return redirect(course.shown.get_absolute_url())
        messages.success(request, _("You are enrolled. Welcome to the course!"))
    outline = queries.outline(course.original, course.shown, queries.completed_lessons(course.enrolment))
    first = outline.first_open_lesson()
    if first is None:
        return redirect(course.shown.get_absolute_url())
    return redirect(course.lesson_url(first.key))


@require_POST
def switch_language(request: HttpRequest, slug: str) -> HttpResponse:
    """The learner carries on in another language version; their progress comes with them."""
    course = _Course(request, slug)
    refused = _learner_or_redirect(request, course)
    if refused is not None:
        return refused
    assert course.enrolment is not None
    chosen = {v.language: v for v in course.versions}.get(request.POST.get("language", ""))
    if chosen is None:
        messages.error(request, _("This course has no version in that language."))
    else:
        actions.switch_language(enrolment=course.enrolment, course=chosen)
        messages.success(
            request, _("You now read the course in %(language)s.") % {"language": chosen.language_name}
        )
    target = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        target = course.shown.get_absolute_url()
    return redirect(target)


# A lesson


def _quiz_orders(enrolment: Any, block: Block, questions: list[Question]) -> dict[Any, list[str]]:
    """The order of each matching question's right-hand sides (the attempts are counted for the
    seed only when the quiz has one)."""
    matching = [q for q in questions if q.kind == Question.Kind.MATCHING]
    if not matching:
        return {}
    seed = actions.quiz_seed(enrolment, block)
    return {q.key: actions.matching_order(q, seed=seed) for q in matching}


def _quiz_fields(block: Block, form: QuizForm) -> SafeString:
    """An unanswered quiz's questions as HTML (no token, nothing of the learner's), kept in the
    process under the course's structure version: drawing the radio buttons through Django's
    widget templates was a sixth of the lesson page. A quiz with matching pairs is not kept: each
    attempt orders their sides anew."""
    course = block.lesson.module.course
    language = translation.get_language()
    key = ("quiz-fields", course.pk, course.structure_version, block.pk, language)
    html = fragments.kept(
        key, lambda: render_to_string("courses/_quiz_fields.html", {"form": form, "LANGUAGE_CODE": language})
    )
    return mark_safe(html)  # rendered (and escaped) by the template engine


def _block_parts(
    request: HttpRequest,
    course: _Course,
    blocks: list[Block],
    *,
    bound: dict[uuid.UUID, Any],
) -> list[dict[str, Any]]:
    """Each block with what it shows: a quiz's form, its graded attempt and the best one; a
    reflection prompt's form with the learner's own text."""
    enrolment = course.enrolment
    reflections = queries.reflections_of(
        enrolment, [b.key for b in blocks if b.kind == Block.Kind.REFLECTION]
    )
    shown_attempt = request.GET.get("attempt", "")
    parts = []
    for block in blocks:
        part: dict[str, Any] = {"block": block}
        if block.kind == Block.Kind.QUIZ:
            questions = list(block.questions.all())
            orders = _quiz_orders(enrolment, block, questions)
            form = bound.get(block.key) or QuizForm(questions=questions, orders=orders)
            part["form"] = form
            if not form.is_bound and not orders:
                part["fields"] = _quiz_fields(block, form)
            part["best"] = queries.best_attempt(enrolment, block.key)
            if enrolment is not None and shown_attempt.isdigit():
                attempt = enrolment.quiz_attempts.filter(pk=int(shown_attempt), block_key=block.key).first()
                if attempt is not None:
                    part["attempt"] = attempt
                    part["grade"] = actions.grade(questions, attempt.answers)
        elif block.kind == Block.Kind.REFLECTION:
            part["form"] = bound.get(block.key) or ReflectionForm(
                initial={"text": reflections.get(block.key, "")}
            )
            part["written"] = bool(reflections.get(block.key))
        parts.append(part)
    return parts


def _lesson_page(
    request: HttpRequest,
    slug: str,
    lesson_key: uuid.UUID,
    *,
    bound: dict[uuid.UUID, Any] | None = None,
    status: int = 200,
) -> HttpResponse:
    course = _Course(request, slug, with_progress=True)
    if course.enrolment is None and not course.preview:
        return _learner_or_redirect(request, course) or redirect(course.shown.get_absolute_url())
    lesson, fallback = course.lesson(lesson_key)
    enrolment = course.enrolment
    # The original's rule counts, whatever version is read.
    rule_of = queries.structure(course.original).lessons.get(lesson_key) or lesson
    rule, minimum_minutes = rule_of.completion_rule, rule_of.minimum_minutes
    progress_rows = course.progress
    completed = {key for key, row in progress_rows.items() if row.completed_at is not None}
    outline = queries.outline(course.original, course.shown, completed)
    progress = progress_rows.get(lesson_key)
    if enrolment is not None and bound is None:
        found = outline.find(lesson_key)
        if found is not None and found[0].locked:
            return _locked(request, course, lesson_key)
        if actions.revisit_changes_nothing(
            enrolment=enrolment,
            lesson_key=lesson_key,
            progress=progress,
            rule=rule,
            outline_complete=outline.complete,
        ):
            actions.note_seen(enrolment=enrolment, lesson_key=lesson_key)
        else:
            try:
                viewed = actions.view_lesson(enrolment=enrolment, lesson=lesson)
            except actions.ModuleLocked:
                return _locked(request, course, lesson_key)
            if viewed.course_completed:
                messages.success(request, _course_completed_message(viewed.original))
            if viewed.newly_completed:  # the outline read above shows it not done yet
                outline = queries.outline(course.original, course.shown, queries.completed_lessons(enrolment))
            progress = viewed.progress
    found = outline.find(lesson_key)
    if found is None:
        raise Http404
    module, item = found
    if module.locked and enrolment is not None:
        return _locked(request, course, lesson_key)
    following = outline.next_after(lesson_key)
    context = {
        "course": course.shown,
        "original": course.original,
        "enrolment": course.enrolment,
        "lesson": lesson,
        "fallback": fallback,
        "module": module,
        "item": item,
        "lesson_number": [i.key for i in module.lessons].index(lesson_key) + 1,
        "outline": outline,
        "next": following,
        "parts": _block_parts(
            request, course, queries.structure(lesson.module.course).blocks(lesson_key), bound=bound or {}
        ),
        "rule": rule,
        "minimum_minutes": minimum_minutes,
        "progress": progress,
        "minutes_spent": (progress.seconds_spent // 60) if progress else 0,
        "position": course.enrolment.last_position
        if course.enrolment is not None and course.enrolment.last_lesson_key == lesson_key
        else 0,
        "lesson_versions": queries.lesson_versions(course.versions, course.original, lesson_key),
        "preview": course.enrolment is None and course.preview,
        "lang_query": course.lang_query,
    }
    return render(request, "courses/lesson.html", context, status=status)


def _locked(request: HttpRequest, course: _Course, lesson_key: uuid.UUID) -> HttpResponse:
    outline = queries.outline(course.original, course.shown, queries.completed_lessons(course.enrolment))
    found = outline.find(lesson_key)
    context = {"course": course.shown, "module": found[0] if found else None, "lang_query": course.lang_query}
    return render(request, "courses/locked.html", context, status=403)


@require_GET
def lesson(request: HttpRequest, slug: str, lesson_key: uuid.UUID) -> HttpResponse:
    return _lesson_page(request, slug, lesson_key)


@require_POST
def complete(request: HttpRequest, slug: str, lesson_key: uuid.UUID) -> HttpResponse:
    """ "Next" (or "Mark as done"): count the time, complete the lesson if its rule is met, go on."""
    course = _Course(request, slug)
    refused = _learner_or_redirect(request, course)
    if refused is not None:
        return refused
    assert course.enrolment is not None
    lesson, _fallback = course.lesson(lesson_key)
    try:
        state = actions.complete_lesson(enrolment=course.enrolment, lesson=lesson)
    except actions.ModuleLocked:
        return _locked(request, course, lesson_key)
    if state.course_completed:
        messages.success(request, _course_completed_message(state.original))
        return redirect(course.shown.get_absolute_url() + course.lang_query)
    if state.progress.completed_at is None:
        messages.warning(request, _not_yet_message(state))
        return redirect(course.lesson_url(lesson_key))
    following = state.outline.next_after(lesson_key)
    if following is None:
        return redirect(course.shown.get_absolute_url() + course.lang_query)
    return redirect(course.lesson_url(following.key))


def _course_completed_message(course: Course) -> str:
    if course.co_issuer_approves and course.co_issuer_id:
        return _(
            "Congratulations, you have completed the course! Your certificate is issued and waits for "
            "the co-issuer's approval: its status is shown on the course page and in your learning record."
        )
    return _(
        "Congratulations, you have completed the course! Your certificate is issued: find it on the "
        "course page and in your learning record."
    )


def _not_yet_message(state: actions.LessonState) -> str:
    rule = state.lesson.completion_rule
    if rule == Lesson.Rule.TIME:
        left = max(1, -(-(state.lesson.minimum_minutes * 60 - state.progress.seconds_spent) // 60))
        return _("This lesson is complete after %(minutes)s more minutes of reading.") % {"minutes": left}
    if rule == Lesson.Rule.QUIZ:
        return _("Pass the quiz to complete this lesson.")
    if rule == Lesson.Rule.REFLECTION:
        return _("Write your reflection to complete this lesson.")
    return _("Not complete yet.")


@require_POST
def record_progress(request: HttpRequest, slug: str, lesson_key: uuid.UUID) -> HttpResponse:
    """Reports from the lesson page's script: seconds spent since the last report, and the
    position in the video or audio."""
    course = _Course(request, slug)
    if course.enrolment is None:
        return JsonResponse({"error": "not enrolled"}, status=403)
    if not ratelimit.allow(request, scope="course-progress", limit=PROGRESS_REPORTS_PER_MINUTE, seconds=60):
        return JsonResponse({"error": "too many reports"}, status=429)
    try:
        seconds = int(request.POST.get("seconds", "0"))
        position_text = request.POST.get("position", "")
        position = int(float(position_text)) if position_text else None
    except ValueError:
        return JsonResponse({"error": "numbers expected"}, status=400)
    if seconds < 0 or (position is not None and position < 0):
        return JsonResponse({"error": "numbers expected"}, status=400)
    lesson, _fallback = course.lesson(lesson_key)
    try:
        state = actions.record_time(
            enrolment=course.enrolment, lesson=lesson, seconds=seconds, position=position
        )
    except actions.ModuleLocked:
        return JsonResponse({"error": "locked"}, status=403)
    return JsonResponse(
        {"seconds": state.progress.seconds_spent, "done": state.progress.completed_at is not None}
    )


@require_POST
def submit_quiz(request: HttpRequest, slug: str, lesson_key: uuid.UUID, block_key: uuid.UUID) -> HttpResponse:
    course = _Course(request, slug)
    refused = _learner_or_redirect(request, course)
    if refused is not None:
        return refused
    assert course.enrolment is not None
    block = course.block(lesson_key, block_key, Block.Kind.QUIZ)
    if not ratelimit.allow(request, scope="course-quiz", limit=QUIZ_SUBMISSIONS_PER_10_MINUTES, seconds=600):
        response = render(request, "courses/too_many.html", {"course": course.shown}, status=429)
        response["Retry-After"] = "600"
        return response
    questions = list(block.questions.all())  # with their answers, kept with the structure
    orders = _quiz_orders(course.enrolment, block, questions)
    form = QuizForm(request.POST, questions=questions, orders=orders)
    if not form.is_valid():
        messages.error(request, _("Answer every question, then submit the quiz."))
        return _lesson_page(request, slug, lesson_key, bound={block.key: form}, status=400)
    try:
        attempt = actions.submit_quiz(
            enrolment=course.enrolment, block=block, answers=form.answers(), questions=questions
        )
    except actions.ModuleLocked:
        return _locked(request, course, lesson_key)
    if attempt.passed:
        messages.success(request, _("You passed with %(score)s%%.") % {"score": attempt.score})
    else:
        messages.warning(
            request,
            _("You scored %(score)s%%; %(pass_mark)s%% passes. Read the feedback and try again.")
            % {"score": attempt.score, "pass_mark": block.pass_mark},
        )
    course.enrolment.refresh_from_db(fields=["completed_at"])
    if course.enrolment.completed_at and attempt.passed:
        messages.success(request, _course_completed_message(course.original))
    separator = "&" if course.lang_query else "?"
    return redirect(course.lesson_url(lesson_key, f"{separator}attempt={attempt.pk}#block-{block.key}"))


@require_POST
def save_reflection(
    request: HttpRequest, slug: str, lesson_key: uuid.UUID, block_key: uuid.UUID
) -> HttpResponse:
    course = _Course(request, slug)
    refused = _learner_or_redirect(request, course)
    if refused is not None:
        return refused
    assert course.enrolment is not None
    block = course.block(lesson_key, block_key, Block.Kind.REFLECTION)
    form = ReflectionForm(request.POST)
    if not form.is_valid() or not form.cleaned_data["text"].strip():
        if form.is_valid():
            form.add_error("text", _("Write your reflection before saving it."))
        return _lesson_page(request, slug, lesson_key, bound={block.key: form}, status=400)
    try:
        actions.save_reflection(enrolment=course.enrolment, block=block, text=form.cleaned_data["text"])
    except actions.ModuleLocked:
        return _locked(request, course, lesson_key)
    messages.success(request, _("Your reflection is saved. Only you can see it."))
    return redirect(course.lesson_url(lesson_key, f"#block-{block.key}"))


# Offline reading


@require_GET
def module_pack(request: HttpRequest, slug: str, module_key: uuid.UUID) -> HttpResponse:
    """A module's lessons as one PDF, in the version shown (untranslated lessons in the original)."""
    course = _Course(request, slug)
    if not course.preview:
        refused = _learner_or_redirect(request, course)
        if refused is not None:
            return refused
    module = Module.objects.filter(course=course.shown, key=module_key).first()
    original = Module.objects.filter(course=course.original, key=module_key).first()
    if original is None:
        raise Http404
    translated = {
        lesson.key: lesson
        for lesson in (module.lessons.all() if module is not None else Lesson.objects.none())
    }
    lessons = [translated.get(lesson.key, lesson) for lesson in original.lessons.order_by("position", "pk")]
    from . import pdf  # reportlab is loaded when a pack is drawn, not by every web process

    data = pdf.module_pack_pdf(course=course.shown, module=module or original, lessons=lessons)
    response = HttpResponse(data, content_type="application/pdf")
    filename = f"{course.shown.slug}-{(module or original).position + 1}.pdf"
    response["Content-Disposition"] = content_disposition_header(True, filename) or "attachment"
    return response
