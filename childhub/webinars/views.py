"""Pages of the webinars: listing, presenters, registering, joining, calendars, organising."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from childhub.core import ratelimit
from childhub.core.http import MemberRequest

from . import actions, calendar, permissions, queries
from .forms import DecisionForm, GuestRegistrationForm, WebinarFilterForm, WebinarForm
from .models import JOIN_OPENS_BEFORE, CalendarFeed, Presenter, Registration, Webinar
from .times import TZ_COOKIE, valid_zone

PAGE_SIZE = 20
HOST_EARLY = 4 * JOIN_OPENS_BEFORE  # presenters and organisers may open the room an hour early
GUEST_REGISTRATIONS_PER_HOUR = 10
Status = Registration.Status


def viewer_zone(request: HttpRequest) -> str:
    """The viewer's zone: ``?tz=`` or the cookie the browser's script sets; "" when unknown."""
    return valid_zone(request.GET.get("tz")) or valid_zone(request.COOKIES.get(TZ_COOKIE))


def _with_zone(request: HttpRequest, response: HttpResponse) -> HttpResponse:
    chosen = valid_zone(request.GET.get("tz"))
    if chosen:
        response.set_cookie(TZ_COOKIE, chosen, max_age=365 * 24 * 3600, samesite="Lax")
    return response


def _webinar(request: HttpRequest, pk: int) -> Webinar:
    webinar = get_object_or_404(
        Webinar.objects.select_related("organiser").prefetch_related("topics", "presenters"), pk=pk
    )
    if not permissions.can_view_webinar(request.user, webinar):
        raise Http404
    return webinar


def _managed(request: HttpRequest, pk: int) -> Webinar:
    webinar = get_object_or_404(Webinar.objects.select_related("organiser"), pk=pk)
    permissions.check_can_manage_webinar(request.user, webinar)
    return webinar


# Reading


def index(request: HttpRequest) -> HttpResponse:
    presenters = list(
        Presenter.objects.filter(webinars__status__in=[Webinar.Status.PUBLISHED, Webinar.Status.CANCELLED])
        .distinct()
        .order_by("name")
        .values_list("pk", "name")
    )
    form = WebinarFilterForm(request.GET or None, presenters=presenters)
    data = form.cleaned_data if form.is_bound and form.is_valid() else {}
    past = data.get("when") == "past"
    items = queries.listing(
        past=past,
        language=data.get("language", ""),
        topic=data.get("topic", ""),
        presenter=data.get("presenter"),
    )
    page = Paginator(items, PAGE_SIZE).get_page(request.GET.get("page"))
    params = request.GET.copy()
    params.pop("page", None)
    context = {
        "form": form,
        "past": past,
        "page": page,
        "registrations": queries.active_registrations(request.user, page.object_list),
        "viewer_zone": viewer_zone(request),
        "base_query": params.urlencode(),
        "can_create": permissions.can_create_webinar(request.user),
    }
    return _with_zone(request, render(request, "webinars/index.html", context))


def detail(request: HttpRequest, pk: int, *, guest_form: GuestRegistrationForm | None = None) -> HttpResponse:
    webinar = _webinar(request, pk)
    registration = queries.active_registrations(request.user, [webinar]).get(webinar.pk)
    guests = permissions.can_register_as_guest(request.user, webinar)
    context: dict[str, Any] = {
        "webinar": webinar,
        "registration": registration,
        "seats_left": webinar.seats_left(),
        "can_register": registration is None and permissions.can_register(request.user, webinar),
        "can_manage": permissions.can_manage_webinar(request.user, webinar),
        "guest_form": guest_form
        or (GuestRegistrationForm(initial={"language": request.LANGUAGE_CODE}) if guests else None),
        "join_open": webinar.join_is_open(),
        "is_past": webinar.is_past(),
        "viewer_zone": viewer_zone(request),
        "other_versions": webinar.other_versions(),
    }
    status = 400 if guest_form is not None else 200
    return _with_zone(request, render(request, "webinars/detail.html", context, status=status))


def presenters(request: HttpRequest) -> HttpResponse:
    page = Paginator(queries.presenter_directory().order_by("name", "pk"), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return render(request, "webinars/presenters.html", {"page": page})


def event_calendar(request: HttpRequest, pk: int) -> HttpResponse:
    webinar = _webinar(request, pk)
    response = HttpResponse(
        calendar.public_event(webinar, language=request.LANGUAGE_CODE),
        content_type="text/calendar; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="webinar-{webinar.pk}.ics"'
    return response


# Registering


@login_required
@require_POST
def register(request: MemberRequest, pk: int) -> HttpResponse:
    webinar = _webinar(request, pk)
    try:
        registration = actions.register(webinar=webinar, member=request.user)
    except actions.RegistrationClosed:
        messages.error(request, _("Registration for this webinar is not open."))
        return redirect(webinar)
    messages.success(request, _status_message(registration))
    return redirect(webinar)


def _status_message(registration: Registration) -> str:
    return {
        Status.CONFIRMED: _("You have a place. We have e-mailed you a calendar invitation."),
        Status.WAITLISTED: _(
            "The webinar is full: you are on the waiting list. We will e-mail you if a place frees up."
        ),
        Status.PENDING: _("Thank you. The organiser approves each registration; we will e-mail you."),
        Status.OFFERED: _("A place is held for you: confirm it below."),
        Status.UNCONFIRMED: _("Please confirm your e-mail address with the link we sent you."),
    }.get(Status(registration.status), _("Saved."))


@login_required
@require_POST
def cancel(request: MemberRequest, pk: int) -> HttpResponse:
    webinar = _webinar(request, pk)
    registration = get_object_or_404(
        Registration, webinar=webinar, member=request.user, status__in=Registration.ACTIVE
    )
    if not permissions.can_cancel_registration(request.user, registration):
        raise PermissionDenied
    actions.cancel_registration(registration=registration)
    messages.success(request, _("Your registration is cancelled."))
    return redirect(webinar)


@login_required
@require_POST
def confirm_place(request: MemberRequest, pk: int) -> HttpResponse:
    webinar = _webinar(request, pk)
    registration = get_object_or_404(
        Registration, webinar=webinar, member=request.user, status=Status.OFFERED
    )
    registration = actions.confirm_offered_place(registration=registration)
    if registration.status == Status.CONFIRMED:
        messages.success(request, _status_message(registration))
    else:
        messages.error(request, _("Sorry, the place held for you has expired and went to the next person."))
    return redirect(webinar)


@require_POST
def guest_register(request: HttpRequest, pk: int) -> HttpResponse:
    webinar = _webinar(request, pk)
    if not permissions.can_register_as_guest(request.user, webinar):
        raise PermissionDenied
    if not ratelimit.allow(request, scope="webinar-guest", limit=GUEST_REGISTRATIONS_PER_HOUR, seconds=3600):
        response = render(request, "webinars/too_many.html", status=429)
        response["Retry-After"] = "3600"
        return response
    form = GuestRegistrationForm(request.POST)
    if not form.is_valid():
        return detail(request, pk, guest_form=form)
    try:
        actions.register_guest(
            webinar=webinar,
            name=form.cleaned_data["name"],
            email=form.cleaned_data["email"],
            language=form.cleaned_data["language"],
        )
    except actions.RegistrationClosed:
        messages.error(request, _("Registration for this webinar is not open."))
        return redirect(webinar)
    messages.success(request, _("Almost done: confirm your e-mail address with the link we have sent you."))
    return redirect(webinar)


@require_http_methods(["GET", "POST"])
def guest(request: HttpRequest, token: str) -> HttpResponse:
    """A guest's own page, reached from the e-mailed link: confirm, see the status, cancel."""
    registration = get_object_or_404(Registration.objects.select_related("webinar__organiser"), token=token)
    if request.method == "POST":
        what = request.POST.get("action")
        try:
            if what == "confirm":
                registration = actions.confirm_guest(registration=registration)
                messages.success(request, _status_message(registration))
            elif what == "confirm-place":
                registration = actions.confirm_offered_place(registration=registration)
                messages.success(request, _status_message(registration))
            elif what == "cancel":
                registration = actions.cancel_registration(registration=registration)
                messages.success(request, _("Your registration is cancelled."))
        except actions.RegistrationClosed:
            messages.error(request, _("Registration for this webinar is not open."))
        return redirect("webinars:guest", token=token)
    response = render(
        request,
        "webinars/guest.html",
        {"registration": registration, "webinar": registration.webinar, "viewer_zone": viewer_zone(request)},
    )
    response["Referrer-Policy"] = "no-referrer"
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


# Joining


@require_http_methods(["GET"])
def join(request: HttpRequest, pk: int) -> HttpResponse:
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    webinar = _webinar(request, pk)
    host = permissions.is_host(request.user, webinar)
    registered = Registration.objects.filter(
        webinar=webinar, member=request.user, status=Status.CONFIRMED
    ).exists()
    if not (host or registered):
        return render(request, "webinars/join_refused.html", {"webinar": webinar}, status=403)
    member = request.user
    participant = actions.Participant(
        name=member.public_name,  # type: ignore[union-attr]
        user_id=f"member-{member.pk}",
        language=getattr(member, "language", "") or request.LANGUAGE_CODE,
        moderator=host,
    )
    return _enter(request, webinar, participant, early=HOST_EARLY if host else JOIN_OPENS_BEFORE)


@require_http_methods(["GET"])
def guest_join(request: HttpRequest, token: str) -> HttpResponse:
    registration = get_object_or_404(Registration.objects.select_related("webinar__organiser"), token=token)
    webinar = registration.webinar
    if registration.status != Status.CONFIRMED or not registration.is_guest:
        return render(request, "webinars/join_refused.html", {"webinar": webinar}, status=403)
    participant = actions.Participant(
        name=registration.guest_name or _("Guest"),
        user_id=f"guest-{registration.pk}",
        language=registration.language,
        moderator=False,
    )
    return _enter(request, webinar, participant, early=JOIN_OPENS_BEFORE)


def _enter(
    request: HttpRequest, webinar: Webinar, participant: actions.Participant, *, early: Any
) -> HttpResponse:
    now = timezone.now()
    context: dict[str, Any] = {"webinar": webinar, "viewer_zone": viewer_zone(request)}
    if webinar.is_cancelled:
        return render(request, "webinars/join_wait.html", {**context, "state": "cancelled"}, status=410)
    if webinar.is_past(now):
        return render(request, "webinars/join_wait.html", {**context, "state": "ended"}, status=410)
    if not webinar.join_is_open(now, early=early):
        context.update(state="not-yet", opens_at=webinar.starts_at - early)
        return render(request, "webinars/join_wait.html", context)
    try:
        url = actions.open_room(webinar=webinar, participant=participant)
    except actions.RoomUnavailable:
        response = render(request, "webinars/room_unavailable.html", context, status=503)
        response["Retry-After"] = "60"
        return response
    response = HttpResponseRedirect(url)
    response["Cache-Control"] = "no-store"
    response["Referrer-Policy"] = "no-referrer"
    return response


# Calendars


def calendar_feed(request: HttpRequest, token: str) -> HttpResponse:
    feed = get_object_or_404(
        CalendarFeed.objects.select_related("member"),
        token=token,
        member__is_active=True,
        member__erased_at=None,
    )
    body = calendar.feed(
        queries.feed_registrations(feed.member),
        name=_("ChildHub webinars"),
        language=feed.member.language or request.LANGUAGE_CODE,
    )
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Cache-Control"] = "private, max-age=300"
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


@login_required
@require_http_methods(["GET", "POST"])
def my_calendar(request: MemberRequest) -> HttpResponse:
    if request.method == "POST":
        actions.renew_calendar_feed(member=request.user)
        messages.success(request, _("Your calendar has a new address. The old one no longer works."))
        return redirect("webinars:my_calendar")
    feed = actions.calendar_feed_for(member=request.user)
    url = request.build_absolute_uri(feed.get_absolute_url())
    return render(
        request,
        "webinars/my_calendar.html",
        {
            "feed_url": url,
            "webcal_url": "webcal://" + url.split("://", 1)[-1],
            "registrations": queries.feed_registrations(request.user),
        },
    )


# Organising


@login_required
@require_http_methods(["GET", "POST"])
def create(request: MemberRequest) -> HttpResponse:
    """Plan a webinar; with ``?version_of=<pk>``, a version of one the user organises, in another
    language (the same translation key), starting from a copy of it."""
    permissions.check_can_create_webinar(request.user)
    organisers = permissions.organiser_choices(request.user)
    source = None
    if request.GET.get("version_of", "").isdigit():
        source = _managed(request, int(request.GET["version_of"]))
    initial = WebinarForm.initial_for(source) if source else None
    form = WebinarForm(request.POST or None, initial=initial, organisers=organisers)
    if request.method == "POST" and form.is_valid():
        data = form.webinar_data()
        if source is not None:
            data["translation_key"] = source.translation_key
        webinar = actions.create_webinar(created_by=request.user, data=data)
        messages.success(request, _("The webinar is saved."))
        return redirect(webinar)
    status = 400 if form.is_bound else 200
    context = {"form": form, "webinar": None, "source": source}
    return render(request, "webinars/form.html", context, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def edit(request: MemberRequest, pk: int) -> HttpResponse:
    webinar = _managed(request, pk)
    organisers = permissions.organiser_choices(request.user) | type(webinar.organiser).objects.filter(
        pk=webinar.organiser_id
    )
    if request.method == "POST":
        form = WebinarForm(request.POST, organisers=organisers.distinct())
        if form.is_valid():
            actions.update_webinar(webinar=webinar, data=form.webinar_data())
            messages.success(request, _("The webinar is saved."))
            return redirect(webinar)
        return render(request, "webinars/form.html", {"form": form, "webinar": webinar}, status=400)
    form = WebinarForm(initial=WebinarForm.initial_for(webinar), organisers=organisers.distinct())
    return render(request, "webinars/form.html", {"form": form, "webinar": webinar})


@login_required
def registrations(request: MemberRequest, pk: int) -> HttpResponse:
    webinar = _managed(request, pk)
    rows = list(queries.registrations_for_organiser(webinar))
    return render(
        request,
        "webinars/registrations.html",
        {
            "webinar": webinar,
            "registrations": rows,
            "seats_left": webinar.seats_left(),
            "statuses": Registration.Status,
        },
    )


@login_required
@require_POST
def decide(request: MemberRequest, pk: int, registration_pk: int) -> HttpResponse:
    webinar = _managed(request, pk)
    registration = get_object_or_404(Registration, pk=registration_pk, webinar=webinar)
    form = DecisionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose to approve or to decline."))
        return redirect("webinars:registrations", pk=webinar.pk)
    approve = form.cleaned_data["decision"] == "approve"
    registration = actions.decide_registration(
        registration=registration, decider=request.user, approve=approve
    )
    if approve:
        messages.success(
            request,
            _("Approved: %(name)s has a place.") % {"name": registration.name}
            if registration.status == Status.CONFIRMED
            else _("Approved: the webinar is full, so %(name)s is on the waiting list.")
            % {"name": registration.name},
        )
    else:
        messages.success(request, _("Declined. %(name)s has been told.") % {"name": registration.name})
    return redirect(reverse("webinars:registrations", kwargs={"pk": webinar.pk}))
