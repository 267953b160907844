"""Pages of the community: questions and answers, experience, case discussions, flags, moderation."""

from __future__ import annotations

from dataclasses import asdict
from datetime import timedelta
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count, prefetch_related_objects
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from childhub.accounts.permissions import (
    coordinated_countries,
    has_moderator_powers,
    has_staff_powers,
    needs_mfa_setup,
)
from childhub.core import fragments, ratelimit
from childhub.core.http import MemberRequest, mfa_setup_redirect
from childhub.core.markdown import render_markdown
from childhub.core.models import Topic, reader_languages
from childhub.core.pages import CountCachedPaginator, cache_anonymous_page
from childhub.search import backends as search

from . import actions, permissions, queries
from .forms import (
    CaseForm,
    CaseSessionForm,
    CommunityFilterForm,
    FlagForm,
    ModerationForm,
    PostForm,
    QuestionForm,
    ReplyForm,
)
from .guard import check_text
from .models import CaseSession, Contribution, Flag, Follow, Helpline

PAGE_SIZE = 20
POSTS_PER_HOUR = 10
POSTS_PER_HOUR_AFTER_REJECTIONS = 2
FLAGS_PER_HOUR = 20


def _may_post(request: MemberRequest) -> bool:
    limit = (
        POSTS_PER_HOUR_AFTER_REJECTIONS if actions.recent_rejections(request.user) >= 2 else POSTS_PER_HOUR
    )
    return ratelimit.allow(request, scope="community-post", limit=limit, seconds=3600)


def _too_many(request: HttpRequest) -> HttpResponse:
    response = render(request, "community/too_many.html", status=429)
    response["Retry-After"] = "3600"
    return response


def _root(request: HttpRequest, pk: int, kind: str) -> Contribution:
    contribution = get_object_or_404(Contribution, pk=pk, kind=kind, parent=None)
    if not permissions.can_view(request.user, contribution):
        raise Http404
    return contribution


@cache_anonymous_page(query=("show", "topic", "country", "language", "page"))
def index(request: HttpRequest) -> HttpResponse:
    form = CommunityFilterForm(request.GET or None)
    data = form.cleaned_data if form.is_bound and form.is_valid() else {}
    query = (data.get("q") or "").strip()
    params = request.GET.copy()
    params.pop("page", None)
    context: dict[str, Any] = {
        "form": form,
        "query": query,
        "show": data.get("show", ""),
        "base_query": params.urlencode(),
    }
    if query:
        if not ratelimit.allow(request, scope="community-search", limit=60, seconds=60):
            return _too_many(request)
        results = search.search(query, kinds=[actions.SEARCH_KIND], access_levels={"public"}, limit=60)
        found = {
            c.pk: c
            for c in Contribution.objects.published()
            .filter(pk__in=[h.object_id for h in results.hits])
            .select_related("author__profile")
        }
        order = reader_languages(request.user, request.LANGUAGE_CODE)
        hits = [(found[h.object_id], h) for h in results.hits if h.object_id in found]
        hits.sort(key=lambda pair: order.index(pair[0].language) if pair[0].language in order else len(order))
        context.update(hits=hits)
    else:
        topic = Topic.objects.filter(slug=data.get("topic") or "").first()
        context["topic"] = topic
        context["following_topic"] = (
            topic is not None
            and request.user.is_authenticated
            and Follow.objects.filter(member=request.user, topic=topic).exists()
        )
        items = queries.listing(
            show=data.get("show", ""),
            topic=data.get("topic", ""),
            country=data.get("country", ""),
            language=data.get("language", ""),
        )
        # The total (for "unanswered", a count over every question) is kept for a minute; the
        # rows of the page are read fresh.
        count_key = "community:" + ":".join(
            str(data.get(name, "")) for name in ("show", "topic", "country", "language")
        )
        page = CountCachedPaginator(items, PAGE_SIZE, count_key=count_key).get_page(request.GET.get("page"))
        page.object_list = queries.with_reply_counts(page.object_list)
        context["page"] = page
    return render(request, "community/index.html", context)


def _reply_links(replies: list[Contribution]) -> None:
    """Each reply's body as HTML and the addresses of its actions (for the replies not cached)."""
    for item in replies:
        item.body_html = render_markdown(item.body)  # type: ignore[attr-defined]
        item.links = {  # type: ignore[attr-defined]
            name: reverse(f"community:{name}", kwargs={"pk": item.pk})
            for name in ("vote", "accept", "flag", "edit")
        }


REPLY_SECONDS = 300


def _reply_blocks(
    request: HttpRequest,
    root: Contribution,
    replies: list[queries.ReplyStamp],
    *,
    can_accept: bool,
    can_moderate: bool,
) -> SafeString:
    """The replies as HTML, each kept for a few minutes per version of the reply and kind of viewer
    (and the thread's run of them once more, as one value).

    A reply's block holds no CSRF token (its buttons submit the page's one form), so the same HTML
    serves every viewer who may do the same things with it; rendering fifty answers with their
    buttons was most of the cost of a long thread.
    """
    user = request.user
    language = translation.get_language()
    # Read once: each read of the request's user goes through its lazy wrapper.
    signed_in, user_pk = user.is_authenticated, user.pk
    rights = f"{int(can_accept)}{int(can_moderate)}"
    keys = {}
    for item in replies:
        viewer = f"{int(signed_in)}{int(user_pk == item.author_id)}{rights}"
        accepted = int(item.pk == root.accepted_answer_id)
        version = f"{item.updated_at}:{item.score}:{item.status}:{accepted}"
        keys[item.pk] = f"reply:{item.pk}:{language}:{root.kind}:{version}:{viewer}"

    def render(missing_pks: list[int]) -> dict[int, str]:
        loaded = queries.replies(missing_pks)  # a reply deleted meanwhile is left out
        missing = [loaded[pk] for pk in missing_pks if pk in loaded]
        _reply_links(missing)
        context = {
            "root": root,
            "user": user,
            "request": request,
            "can_accept": can_accept,
            "can_moderate": can_moderate,
        }
        return {
            item.pk: render_to_string("community/_reply.html", {**context, "item": item}) for item in missing
        }

    return fragments.joined(keys, render, REPLY_SECONDS)


def _thread_page(
    request: HttpRequest, root: Contribution, form: ReplyForm | None = None, status: int = 200
) -> HttpResponse:
    replies = queries.thread(root, request.user)
    can_reply = permissions.can_reply(request.user, root)
    can_accept = permissions.can_accept(request.user, root)
    can_moderate = permissions.can_moderate(request.user, root)
    following, following_author = queries.follows(request.user, root)
    # What the thread's own text shows this viewer (and so part of its key).
    viewer = {
        "can_moderate": can_moderate,
        "show_author": permissions.can_see_author(request.user, root),
        "following": following,
        "following_author": following_author,
    }
    return render(
        request,
        "community/thread.html",
        {
            "root": root,
            "root_block": _root_block(request, root, viewer),
            "replies": _reply_blocks(
                request, root, replies, can_accept=can_accept, can_moderate=can_moderate
            ),
            "reply_count": len(replies),
            "form": form or (ReplyForm(language=request.LANGUAGE_CODE) if can_reply else None),
        },
        status=status,
    )


def _root_block(request: HttpRequest, root: Contribution, viewer: dict[str, bool]) -> SafeString:
    """The thread's own text, kept like its replies (per version and kind of viewer): its author's
    profile and its topics are read only when it is drawn. A case discussion is drawn on every view,
    as its details are redacted in place."""
    user = request.user

    def render(_pks: list[int]) -> dict[int, str]:
        prefetch_related_objects([root], "author__profile", "topics")
        details = getattr(root, "case_details", None) if root.kind == Contribution.Kind.CASE else None
        context = {"root": root, "user": user, "request": request, "details": details, **viewer}
        return {root.pk: render_to_string("community/_root.html", context)}

    if root.kind == Contribution.Kind.CASE:
        return mark_safe(render([root.pk])[root.pk])  # drawn by the template engine
    flags = "".join(
        str(int(flag)) for flag in (user.is_authenticated, user.pk == root.author_id, *viewer.values())
    )
    version = f"{root.updated_at.isoformat()}:{root.status}"
    key = f"root:{root.pk}:{translation.get_language()}:{version}:{flags}"
    return fragments.shared({root.pk: key}, render, REPLY_SECONDS)[root.pk]


def question(request: HttpRequest, pk: int) -> HttpResponse:
    return _thread_page(request, _root(request, pk, Contribution.Kind.QUESTION))


def post(request: HttpRequest, pk: int) -> HttpResponse:
    return _thread_page(request, _root(request, pk, Contribution.Kind.POST))


def case(request: HttpRequest, pk: int) -> HttpResponse:
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    response = _thread_page(request, _root(request, pk, Contribution.Kind.CASE))
    response["X-Robots-Tag"] = "noindex, nofollow, noarchive"
    return response


@login_required
@require_POST
def reply(request: MemberRequest, pk: int) -> HttpResponse:
    root = get_object_or_404(Contribution, pk=pk, parent=None)
    if not permissions.can_view(request.user, root) or not permissions.can_reply(request.user, root):
        raise PermissionDenied
    if not _may_post(request):
        return _too_many(request)
    form = ReplyForm(request.POST, language=root.language)
    if not form.is_valid():
        return _thread_page(request, root, form=form, status=400)
    kind = Contribution.Kind.ANSWER if root.kind == Contribution.Kind.QUESTION else Contribution.Kind.COMMENT
    created = actions.contribute(
        author=request.user,
        kind=kind,
        parent=root,
        body=form.cleaned_data["body"],
        language=root.language,
        overridden=form.overridden,
        hold_reason=form.cleaned_data.get("hold_reason", ""),
    )
    _say_where_it_went(request, created)
    return redirect(root.get_absolute_url())


def _say_where_it_went(request: HttpRequest, created: Contribution) -> None:
    if created.status == Contribution.Status.HELD:
        messages.info(request, _("Thank you. A moderator will check your text before it is shown to others."))
    else:
        messages.success(request, _("Published."))


@login_required
@require_http_methods(["GET", "POST"])
def ask(request: MemberRequest) -> HttpResponse:
    return _new_root(request, QuestionForm, Contribution.Kind.QUESTION)


@login_required
@require_http_methods(["GET", "POST"])
def share(request: MemberRequest) -> HttpResponse:
    return _new_root(request, PostForm, Contribution.Kind.POST)


@login_required
@require_http_methods(["GET", "POST"])
def new_case(request: MemberRequest) -> HttpResponse:
    if not permissions.can_start_case(request.user):
        raise PermissionDenied
    return _new_root(request, CaseForm, Contribution.Kind.CASE)


def _new_root(request: MemberRequest, form_class: type, kind: str) -> HttpResponse:
    form = form_class(request.POST or None, language=request.LANGUAGE_CODE)
    if request.method == "POST":
        if not _may_post(request):
            return _too_many(request)
        if form.is_valid():
            data = form.cleaned_data
            case_fields = None
            if kind == Contribution.Kind.CASE:
                case_fields = actions.CaseFields(
                    age_band=data["age_band"],
                    gender=data.get("gender", ""),
                    region=data["region"],
                    family_situation=data["family_situation"],
                    services_involved=data.get("services_involved", ""),
                    what_was_done=data["what_was_done"],
                    summary=data["summary"],
                )
            created = actions.contribute(
                author=request.user,
                kind=kind,
                title=data["title"],
                body=data["body"],
                language=data["language"],
                country=data.get("country", ""),
                topics=data.get("topics") or [],
                is_anonymous=data.get("is_anonymous", False),
                overridden=form.overridden,
                hold_reason=data.get("hold_reason", ""),
                case=case_fields,
            )
            _say_where_it_went(request, created)
            return redirect(created.get_absolute_url())
    return render(
        request, "community/compose.html", {"form": form, "kind": kind}, status=400 if form.errors else 200
    )


@login_required
@require_http_methods(["GET", "POST"])
def edit(request: MemberRequest, pk: int) -> HttpResponse:
    contribution = get_object_or_404(Contribution.objects.select_related("parent"), pk=pk)
    if not permissions.can_edit(request.user, contribution):
        raise PermissionDenied
    form_class = {Contribution.Kind.QUESTION: QuestionForm, Contribution.Kind.POST: PostForm}.get(
        Contribution.Kind(contribution.kind), ReplyForm
    )
    initial = {
        "title": contribution.title,
        "body": contribution.body,
        "language": contribution.language,
        "country": contribution.country,
    }
    if form_class is ReplyForm or contribution.kind == Contribution.Kind.CASE:
        form_class = ReplyForm
    form = form_class(request.POST or None, initial=initial, language=contribution.language)
    if request.method == "POST" and form.is_valid():
        actions.edit_contribution(
            contribution=contribution,
            editor=request.user,
            title=form.cleaned_data.get("title", contribution.title),
            body=form.cleaned_data["body"],
            overridden=form.overridden,
            hold_reason=form.cleaned_data.get("hold_reason", ""),
        )
        messages.success(request, _("Your changes are saved."))
        return redirect(contribution.get_absolute_url())
    return render(
        request, "community/compose.html", {"form": form, "kind": contribution.kind, "editing": contribution}
    )


@login_required
@require_POST
def vote(request: MemberRequest, pk: int) -> HttpResponse:
    answer = get_object_or_404(
        Contribution, pk=pk, kind=Contribution.Kind.ANSWER, status=Contribution.Status.PUBLISHED
    )
    if not permissions.can_view(request.user, answer) or answer.author_id == request.user.pk:
        raise PermissionDenied
    value = 1 if request.POST.get("value") != "-1" else -1
    actions.vote(answer=answer, voter=request.user, value=value)
    return redirect(answer.get_absolute_url())


@login_required
@require_POST
def accept(request: MemberRequest, pk: int) -> HttpResponse:
    answer = get_object_or_404(
        Contribution.objects.select_related("parent"), pk=pk, kind=Contribution.Kind.ANSWER
    )
    question = answer.parent
    if question is None or not permissions.can_accept(request.user, question):
        raise PermissionDenied
    unaccept = question.accepted_answer_id == answer.pk
    actions.accept_answer(question=question, answer=None if unaccept else answer)
    return redirect(question.get_absolute_url())


@login_required
@require_http_methods(["GET", "POST"])
def flag(request: MemberRequest, pk: int) -> HttpResponse:
    contribution = get_object_or_404(Contribution.objects.select_related("parent"), pk=pk)
    if not permissions.can_flag(request.user, contribution):
        raise Http404
    form = FlagForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        # A child at risk is never turned away: only ordinary flags count against the limit.
        urgent = form.cleaned_data["reason"] == Flag.Reason.AT_RISK
        if not urgent and not ratelimit.allow(
            request, scope="community-flag", limit=FLAGS_PER_HOUR, seconds=3600
        ):
            return _too_many(request)
        created = actions.flag(
            contribution=contribution,
            reporter=request.user,
            reason=form.cleaned_data["reason"],
            note=form.cleaned_data["note"],
        )
        if created.reason == Flag.Reason.AT_RISK:
            country = queries.country_at_risk(contribution, request.user)
            helplines = Helpline.objects.filter(country__in=[country, ""])
            return render(request, "community/at_risk.html", {"helplines": helplines, "country": country})
        messages.success(request, _("Thank you. Moderators will look at it."))
        return redirect(contribution.get_absolute_url())
    return render(request, "community/flag.html", {"form": form, "contribution": contribution})


def _queue_scope(user: Any) -> set[str] | None:
    if has_moderator_powers(user) or has_staff_powers(user):
        return None
    countries = coordinated_countries(user)
    if not countries:
        raise PermissionDenied
    return countries


@login_required
def moderation(request: MemberRequest) -> HttpResponse:
    if needs_mfa_setup(request.user):
        return mfa_setup_redirect(request)
    queue = queries.moderation_queue(countries=_queue_scope(request.user))
    return render(request, "community/moderation.html", queue)


@login_required
@require_http_methods(["GET", "POST"])
def moderate(request: MemberRequest, pk: int) -> HttpResponse:
    contribution = get_object_or_404(Contribution.objects.select_related("parent", "author"), pk=pk)
    if not permissions.can_moderate(request.user, contribution):
        raise PermissionDenied
    form = ModerationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        actions.moderate(
            contribution=contribution,
            moderator=request.user,
            action=form.cleaned_data["action"],
            reason=form.cleaned_data["reason"],
        )
        messages.success(request, _("The decision is saved."))
        return redirect("community:moderation")
    findings = check_text(contribution.body, language=contribution.language)
    return render(
        request,
        "community/moderate.html",
        {"form": form, "contribution": contribution, "findings": findings, "flags": contribution.flags.all()},
    )


@login_required
def cases(request: MemberRequest) -> HttpResponse:
    if not (permissions.is_verified(request.user) or permissions.can_moderate(request.user)):
        return render(request, "community/cases_closed.html", status=403)
    items = (
        Contribution.objects.cases()
        .published()
        .top_level()
        .select_related("case_details", "author__profile")
        .annotate(replies=Count("children", distinct=True))
        .order_by("-created_at")
    )
    page = Paginator(items, PAGE_SIZE).get_page(request.GET.get("page"))
    sessions = CaseSession.objects.upcoming().select_related("facilitator")[:10]
    context = {"page": page, "sessions": sessions, "can_schedule": permissions.can_moderate(request.user)}
    response = render(request, "community/cases.html", context)
    response["X-Robots-Tag"] = "noindex, nofollow, noarchive"
    return response


@require_POST
def check(request: HttpRequest) -> HttpResponse:
    """The guard as a hint while typing (used by a small script; the server checks again)."""
    if not request.user.is_authenticated:
        return JsonResponse({"findings": []}, status=403)
    if not ratelimit.allow(request, scope="guard-hint", limit=120, seconds=60):
        return JsonResponse({"findings": []}, status=429)
    text = request.POST.get("text", "")[:20_000]
    language = request.POST.get("language") or request.LANGUAGE_CODE
    return JsonResponse({"findings": [asdict(f) for f in check_text(text, language=language)]})


@login_required
@require_POST
def follow_thread(request: MemberRequest, pk: int) -> HttpResponse:
    root = get_object_or_404(Contribution, pk=pk, parent=None)
    if not permissions.can_view(request.user, root):
        raise Http404
    if request.POST.get("follow") == "0":
        actions.unfollow(member=request.user, thread=root)
    else:
        actions.follow(member=request.user, thread=root)
    return redirect(root.get_absolute_url())


@login_required
@require_POST
def follow_topic(request: MemberRequest, slug: str) -> HttpResponse:
    topic = get_object_or_404(Topic, slug=slug)
    if request.POST.get("follow") == "0":
        actions.unfollow(member=request.user, topic=topic)
    else:
        actions.follow(member=request.user, topic=topic)
    return redirect(f"{reverse('community:index')}?topic={topic.slug}")


@login_required
@require_POST
def follow_member(request: MemberRequest, pk: int) -> HttpResponse:
    """Follow the author of a thread (anonymous authors cannot be followed: the thread is the way)."""
    root = get_object_or_404(
        Contribution.objects.select_related("author"), pk=pk, parent=None, is_anonymous=False
    )
    if not permissions.can_view(request.user, root) or root.author_id == request.user.pk:
        raise Http404
    if request.POST.get("follow") == "0":
        actions.unfollow(member=request.user, followed=root.author)
    else:
        actions.follow(member=request.user, followed=root.author)
    return redirect(root.get_absolute_url())


@login_required
def unanswered_queue(request: MemberRequest) -> HttpResponse:
    """Questions waiting for a first answer, oldest first, with their age (coordinators, staff)."""
    if needs_mfa_setup(request.user):
        return mfa_setup_redirect(request)
    scope = _queue_scope(request.user)
    waiting = queries.waiting_for_answer(countries=scope)
    page = Paginator(waiting, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "community/unanswered_queue.html",
        {
            "page": page,
            "now": timezone.now(),
            "target_hours": int(actions.FIRST_ANSWER_TARGET.total_seconds() // 3600),
        },
    )


def _session(request: HttpRequest, pk: int) -> CaseSession:
    if not (permissions.is_verified(request.user) or permissions.can_moderate(request.user)):
        raise Http404
    return get_object_or_404(CaseSession.objects.select_related("facilitator"), pk=pk)


@login_required
def case_session(request: MemberRequest, pk: int) -> HttpResponse:
    session = _session(request, pk)
    response = render(request, "community/case_session.html", {"session": session})
    response["X-Robots-Tag"] = "noindex, nofollow, noarchive"
    return response


@login_required
def case_session_calendar(request: MemberRequest, pk: int) -> HttpResponse:
    session = _session(request, pk)
    response = HttpResponse(
        actions.case_session_calendar(session), content_type="text/calendar; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="case-discussion-{session.pk}.ics"'
    return response


@login_required
@require_http_methods(["GET", "POST"])
def new_case_session(request: MemberRequest) -> HttpResponse:
    if not permissions.can_moderate(request.user):
        raise PermissionDenied
    form = CaseSessionForm(request.POST or None, initial={"language": request.LANGUAGE_CODE})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        session = actions.schedule_case_session(
            created_by=request.user,
            data={
                "title": data["title"],
                "description": data["description"],
                "language": data["language"],
                "country": data.get("country", ""),
                "starts_at": data["starts_at"],
                "ends_at": data["starts_at"] + timedelta(minutes=data["duration"]),
                "time_zone": data["time_zone"],
                "facilitator": data.get("facilitator") or request.user,
                "join_url": data.get("join_url", ""),
            },
        )
        messages.success(request, _("The case discussion is announced."))
        return redirect(session.get_absolute_url())
    return render(
        request, "community/case_session_form.html", {"form": form}, status=400 if form.errors else 200
    )
