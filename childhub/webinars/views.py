"""Pages of the webinars: listing, presenters, registering, joining, calendars, organising."""

from __future__ import annotations

import contextlib
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import prefetch_related_objects
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from childhub.core import fragments, ratelimit
from childhub.core.http import CsvDownload, MemberRequest
from childhub.core.models import HubSetting, hub_setting
from childhub.core.pages import cache_anonymous_page

from . import actions, calendar, permissions, queries
from .bbb import BigBlueButtonException, CallbackRejected
from .forms import (
    AttendanceImportForm,
    DecisionForm,
    FeedbackForm,
    GuestRegistrationForm,
    MaterialForm,
    PresenterForm,
    ResultsFilterForm,
    SurveyQuestionFormSet,
    WebinarFilterForm,
    WebinarForm,
)
from .models import (
    JOIN_OPENS_BEFORE,
    CalendarFeed,
    FeedbackAnswer,
    Material,
    Presenter,
    Registration,
    Webinar,
)
from .templatetags.webinars import places_left
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
    webinar = get_object_or_404(Webinar.objects.select_related("organiser"), pk=pk)
    if not permissions.can_view_webinar(request.user, webinar):
        raise Http404
    return webinar


def _managed(request: HttpRequest, pk: int) -> Webinar:
    webinar = get_object_or_404(Webinar.objects.select_related("organiser"), pk=pk)
    permissions.check_can_manage_webinar(request.user, webinar)
    return webinar


# Reading


@cache_anonymous_page(query=("when", "language", "topic", "presenter", "page"), vary=viewer_zone)
def index(request: HttpRequest) -> HttpResponse:
    form = WebinarFilterForm(request.GET or None, presenters=queries.listed_presenters())
    data = form.cleaned_data if form.is_bound and form.is_valid() else {}
    past = data.get("when") == "past"
    items = queries.listing(
        past=past,
        language=data.get("language", ""),
        topic=data.get("topic", ""),
        presenter=data.get("presenter"),
    )
    page = Paginator(items, PAGE_SIZE).get_page(request.GET.get("page"))
    page.object_list = list(page.object_list)
    queries.count_places(page.object_list)
    params = request.GET.copy()
    params.pop("page", None)
    zone = viewer_zone(request)
    context = {
        "form": form,
        "past": past,
        "page": page,
        "cards": _cards(
            page.object_list,
            registrations=queries.active_registrations(request.user, page.object_list),
            past=past,
            zone=zone,
        ),
        "viewer_zone": zone,
        "base_query": params.urlencode(),
        "can_create": permissions.can_create_webinar(request.user),
    }
    return _with_zone(request, render(request, "webinars/index.html", context))


CARD_SECONDS = 60  # as long as a visitor's copy of the list page is kept


def _cards(
    webinars: list[Webinar], *, registrations: dict[int, Registration], past: bool, zone: str
) -> list[SafeString]:
    """Each webinar's card as HTML, kept for a minute per version of the webinar, language, time
    zone and what the card says of the viewer's place (or of the places left).

    Twenty cards with their times, presenters and topics were most of the cost of the list for a
    member (whose page cannot be cached whole); the topics and presenters are fetched only for
    the cards not found.
    """
    language = translation.get_language()
    keys = {}
    for webinar in webinars:
        registration = registrations.get(webinar.pk)
        if webinar.is_cancelled:
            state = "cancelled"
        elif registration is not None:
            state = f"registration:{registration.status}"
        else:
            state = "past" if past else f"left:{places_left(webinar)}"
        version = f"{webinar.updated_at.timestamp():.6f}"
        keys[webinar] = f"webinar-card:{webinar.pk}:{version}:{language}:{zone}:{state}"

    def render(missing: list[Webinar]) -> dict[Webinar, str]:
        prefetch_related_objects(missing, "topics", "presenters")
        return {
            webinar: render_to_string(
                "webinars/_card.html",
                {
                    "webinar": webinar,
                    "registration": registrations.get(webinar.pk),
                    "past": past,
                    "viewer_zone": zone,
                },
            )
            for webinar in missing
        }

    cards = fragments.shared(keys, render, CARD_SECONDS)
    return [cards[webinar] for webinar in webinars]


ABOUT_SECONDS = 60


def _about(webinar: Webinar, *, zone: str, seats_left: int, members: bool) -> SafeString:
    """What the page says of the webinar, the same for every viewer with the same time zone and
    access to its recordings: kept for a minute per version of the webinar and places left.

    The presenters, topics, other language versions and recordings are read only when it is
    rendered. Publishing or withdrawing a recording makes a new version of the webinar, so it
    shows at once; a presenter renamed shows within the minute."""
    is_past = webinar.is_past()
    key = ":".join(
        [
            "webinar-about",
            str(webinar.pk),
            f"{webinar.updated_at.timestamp():.6f}",
            translation.get_language() or "",
            zone,
            str(seats_left),
            str(int(members)),
            str(int(is_past)),
        ]
    )

    def render(_missing: list[int]) -> dict[int, str]:
        prefetch_related_objects([webinar], "topics", "presenters")
        context = {
            "webinar": webinar,
            "viewer_zone": zone,
            "seats_left": seats_left,
            "is_past": is_past,
            "other_versions": webinar.other_versions(),
            "materials": queries.published_materials(webinar) if members else [],
        }
        return {webinar.pk: render_to_string("webinars/_about.html", context)}

    return fragments.shared({webinar.pk: key}, render, ABOUT_SECONDS)[webinar.pk]


def detail(request: HttpRequest, pk: int, *, guest_form: GuestRegistrationForm | None = None) -> HttpResponse:
    webinar = _webinar(request, pk)
    registration = queries.active_registrations(request.user, [webinar]).get(webinar.pk)
    guests = permissions.can_register_as_guest(request.user, webinar)
    attendance = queries.attendance_of(request.user, webinar)
    seats_left = webinar.seats_left()
    zone = viewer_zone(request)
    context: dict[str, Any] = {
        "webinar": webinar,
        "about": _about(
            webinar,
            zone=zone,
            seats_left=seats_left,
            members=permissions.can_see_materials(request.user, webinar),
        ),
        "registration": registration,
        "seats_left": seats_left,
        "can_register": registration is None and permissions.can_register(request.user, webinar),
        "can_manage": permissions.can_manage_webinar(request.user, webinar),
        "guest_form": guest_form
        or (GuestRegistrationForm(initial={"language": request.LANGUAGE_CODE}) if guests else None),
        "join_open": webinar.join_is_open(),
        "is_past": webinar.is_past(),
        "viewer_zone": zone,
        "attendance": attendance,
        "certificate": queries.certificate_of(attendance),
    }
    status = 400 if guest_form is not None else 200
    return _with_zone(request, render(request, "webinars/detail.html", context, status=status))


def presenters(request: HttpRequest) -> HttpResponse:
    page = Paginator(queries.presenter_directory().order_by("name", "pk"), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    context = {
        "page": page,
        "can_add": permissions.can_create_webinar(request.user),
        "members_see_recordings": permissions.is_member(request.user),
    }
    return render(request, "webinars/presenters.html", context)


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


# Presenters


@login_required
@require_http_methods(["GET", "POST"])
def presenter_form(request: MemberRequest, pk: int | None = None) -> HttpResponse:
    """Add a guest presenter's profile (or edit one) so that webinars can name them."""
    permissions.check_can_create_webinar(request.user)
    presenter = get_object_or_404(Presenter, pk=pk) if pk else None
    form = PresenterForm(request.POST or None, request.FILES or None, instance=presenter)
    if request.method == "POST" and form.is_valid():
        saved = actions.save_presenter(form=form)
        messages.success(request, _("The presenter's profile is saved."))
        return redirect(reverse("webinars:presenters") + f"#presenter-{saved.pk}")
    status = 400 if form.is_bound else 200
    return render(
        request, "webinars/presenter_form.html", {"form": form, "presenter": presenter}, status=status
    )


# Attendance


@login_required
@require_http_methods(["GET", "POST"])
def attendance(request: MemberRequest, pk: int) -> HttpResponse:
    """The organiser's attendance sheet: tick who attended, or import a participant report."""
    webinar = _managed(request, pk)
    import_form = AttendanceImportForm()
    report = None
    status = 200
    if request.method == "POST" and request.POST.get("action") == "import":
        import_form = AttendanceImportForm(request.POST, request.FILES)
        if import_form.is_valid():
            try:
                report = actions.import_attendance(webinar=webinar, data=import_form.cleaned_data["report"])
            except ValueError:
                import_form.add_error(
                    "report",
                    _("The file needs an e-mail column, a join time column and a leave time column."),
                )
                status = 400
            else:
                messages.success(
                    request,
                    ngettext(
                        "%(count)d line of the report was recorded.",
                        "%(count)d lines of the report were recorded.",
                        report.matched,
                    )
                    % {"count": report.matched},
                )
        else:
            status = 400
    elif request.method == "POST":
        present = {int(v) for v in request.POST.getlist("present") if v.isdigit()}
        count = actions.mark_attendance(webinar=webinar, present=present, marked_by=request.user)
        messages.success(
            request,
            ngettext("%(count)d person attended.", "%(count)d people attended.", count) % {"count": count},
        )
        return redirect("webinars:attendance", pk=webinar.pk)
    context = {
        "webinar": webinar,
        "registrations": list(queries.attendance_sheet(webinar)),
        "import_form": import_form,
        "report": report,
        "share": hub_setting(HubSetting.Key.ATTENDANCE_SHARE),
    }
    return render(request, "webinars/attendance.html", context, status=status)


def _bbb_callback(request: HttpRequest, pk: int) -> tuple[Webinar, Any]:
    webinar = get_object_or_404(Webinar.objects.select_related("organiser"), pk=pk)
    try:
        client = actions.bbb_client()
    except ValueError as error:
        raise PermissionDenied from error
    meeting_id = request.GET.get("meetingID", "")
    if meeting_id != webinar.meeting_id or not client.verify_callback_token(
        meeting_id, request.GET.get("token")
    ):
        raise PermissionDenied
    return webinar, client


@csrf_exempt
@require_http_methods(["GET", "POST"])
def room_ended(request: HttpRequest, pk: int) -> HttpResponse:
    """BigBlueButton calls this when the meeting ends: attendees recorded so far are asked for feedback."""
    webinar, _client = _bbb_callback(request, pk)
    actions.send_survey_invitations(webinar=webinar)
    return HttpResponse("ok", content_type="text/plain")


@csrf_exempt
@require_POST
def room_analytics(request: HttpRequest, pk: int) -> HttpResponse:
    """BigBlueButton's report of who joined and left when (a JWT signed with the shared secret)."""
    webinar, client = _bbb_callback(request, pk)
    try:
        payload = client.verify_analytics_callback(
            request.headers.get("Authorization"), request.body, expected_meeting_id=webinar.meeting_id
        )
    except CallbackRejected as error:
        raise PermissionDenied from error
    recorded = actions.record_room_analytics(webinar=webinar, payload=payload)
    return HttpResponse(f"recorded {recorded}", content_type="text/plain")


@csrf_exempt
@require_POST
def recording_ready(request: HttpRequest, pk: int) -> HttpResponse:
    """BigBlueButton announces a recording: it is attached, unpublished, for the organiser to review."""
    webinar, client = _bbb_callback(request, pk)
    try:
        ready = client.verify_recording_ready(
            request.POST.get("signed_parameters"), expected_meeting_id=webinar.meeting_id
        )
    except CallbackRejected as error:
        raise PermissionDenied from error
    try:
        actions.attach_recording(webinar=webinar, record_id=ready.record_id)
    except BigBlueButtonException:
        return HttpResponse("unavailable", status=503, content_type="text/plain")
    return HttpResponse("ok", content_type="text/plain")


# Feedback


def _feedback(
    request: HttpRequest, registration: Registration, action_url: str, done_url: str
) -> HttpResponse:
    webinar = registration.webinar
    context: dict[str, Any] = {"webinar": webinar, "action_url": action_url, "done_url": done_url}
    if not registration.attended:
        return render(request, "webinars/feedback.html", {**context, "state": "not-attended"}, status=403)
    if hasattr(registration, "feedback_receipt"):
        return render(request, "webinars/feedback.html", {**context, "state": "answered"})
    questions = list(webinar.survey_questions.all())
    form = FeedbackForm(request.POST or None, questions=questions)
    if request.method == "POST" and form.is_valid():
        with contextlib.suppress(actions.AlreadyAnswered):  # a double submit: the first one counts
            actions.submit_feedback(
                registration=registration,
                useful=form.cleaned_data["useful"],
                answers=form.answers(),
                anonymous=form.cleaned_data["anonymous"],
            )
        messages.success(request, _("Thank you: your answers help the next webinars."))
        return redirect(done_url)
    status = 400 if form.is_bound else 200
    return render(
        request, "webinars/feedback.html", {**context, "form": form, "state": "open"}, status=status
    )


@login_required
@require_http_methods(["GET", "POST"])
def feedback(request: MemberRequest, pk: int) -> HttpResponse:
    webinar = _webinar(request, pk)
    registration = (
        Registration.objects.filter(webinar=webinar, member=request.user, status=Status.CONFIRMED)
        .select_related("feedback_receipt")
        .first()
    )
    if registration is None:
        raise Http404
    registration.webinar = webinar
    url = reverse("webinars:feedback", kwargs={"pk": pk})
    return _feedback(request, registration, url, webinar.get_absolute_url())


@require_http_methods(["GET", "POST"])
def guest_feedback(request: HttpRequest, token: str) -> HttpResponse:
    registration = get_object_or_404(
        Registration.objects.select_related("webinar__organiser", "feedback_receipt"),
        token=token,
        member=None,
        status=Status.CONFIRMED,
    )
    url = reverse("webinars:guest_feedback", kwargs={"token": token})
    return _feedback(request, registration, url, reverse("webinars:guest", kwargs={"token": token}))


@login_required
@require_http_methods(["GET", "POST"])
def survey(request: MemberRequest, pk: int) -> HttpResponse:
    """The organiser's own questions, asked after "Was this webinar useful for your work?"."""
    webinar = _managed(request, pk)
    answered = set(
        FeedbackAnswer.objects.filter(question__webinar=webinar).values_list("question_id", flat=True)
    )
    kept = [q for q in webinar.survey_questions.all() if q.pk in answered]
    editable = [q for q in webinar.survey_questions.all() if q.pk not in answered]
    initial = [
        {"text": q.text, "kind": q.kind, "choices": q.choices, "required": q.required} for q in editable
    ]
    formset = SurveyQuestionFormSet(request.POST or None, initial=initial, prefix="q")
    if request.method == "POST" and formset.is_valid():
        questions = [f.cleaned_data for f in formset.forms if f.cleaned_data.get("text")]
        actions.set_survey_questions(webinar=webinar, questions=questions)
        messages.success(request, _("The questions are saved."))
        return redirect("webinars:survey", pk=webinar.pk)
    status = 400 if formset.is_bound else 200
    context = {"webinar": webinar, "formset": formset, "kept": kept}
    return render(request, "webinars/survey.html", context, status=status)


# Results


@login_required
def webinar_results(request: MemberRequest, pk: int) -> HttpResponse:
    webinar = _managed(request, pk)
    rows = queries.webinar_results(Webinar.objects.filter(pk=webinar.pk))
    context = {
        "webinar": webinar,
        "results": rows[0][1],
        "distribution": queries.useful_distribution(webinar),
        "questions": queries.survey_summary(webinar),
    }
    return render(request, "webinars/webinar_results.html", context)


def _results_rows(request: MemberRequest) -> tuple[ResultsFilterForm, str, list[Any]]:
    if not permissions.can_see_results(request.user):
        raise PermissionDenied
    form = ResultsFilterForm(request.GET or None)
    data = form.cleaned_data if form.is_bound and form.is_valid() else {}
    webinars = queries.managed_webinars(request.user).filter(ends_at__lte=timezone.now())
    if data.get("start"):
        webinars = webinars.filter(starts_at__date__gte=data["start"])
    if data.get("end"):
        webinars = webinars.filter(starts_at__date__lte=data["end"])
    group = data.get("group") or "webinar"
    return form, group, queries.webinar_results(webinars.order_by("-starts_at"))


@login_required
def results(request: MemberRequest) -> HttpResponse:
    """Across webinars: registrations, participants, response rate and the share who found them useful."""
    form, group, rows = _results_rows(request)
    context = {
        "form": form,
        "group": group,
        "groups": queries.grouped_results(rows, group),
        "rows": rows if group == "webinar" else [],
        "total": queries.total(rows),
        "query": request.GET.urlencode(),
    }
    return render(request, "webinars/results.html", context)


@login_required
def results_csv(request: MemberRequest) -> HttpResponse:
    _form, group, rows = _results_rows(request)
    download = CsvDownload(f"webinar-results-{group}.csv")
    download.row(
        _("Group"),
        _("Webinars"),
        _("Registrations"),
        _("Participants"),
        _("Responses"),
        _("Response rate"),
        _("Found it useful (4 or 5 of 5)"),
        _("Share who found it useful"),
    )

    def share(value: float | None) -> str:
        return "" if value is None else f"{value:.3f}"

    for result in queries.grouped_results(rows, group):
        download.row(
            result.label,
            result.webinars,
            result.registrations,
            result.participants,
            result.responses,
            share(result.response_rate),
            result.found_useful,
            share(result.useful_share),
        )
    return download.response


# Recordings and slides


@login_required
@require_http_methods(["GET", "POST"])
def materials(request: MemberRequest, pk: int) -> HttpResponse:
    webinar = _managed(request, pk)
    form = MaterialForm()
    status = 200
    if request.method == "POST" and request.POST.get("material", "").isdigit():
        material = get_object_or_404(Material, pk=int(request.POST["material"]), webinar=webinar)
        if request.POST.get("action") == "publish":
            actions.publish_material(material=material, reviewer=request.user)
            messages.success(
                request, _("Published: members can see it on the webinar's page and in the library.")
            )
        else:
            actions.unpublish_material(material=material, reviewer=request.user)
            messages.success(request, _("Hidden from members again."))
        return redirect("webinars:materials", pk=webinar.pk)
    if request.method == "POST":
        form = MaterialForm(request.POST, request.FILES)
        if form.is_valid():
            material = actions.add_material(
                webinar=webinar,
                kind=form.cleaned_data["kind"],
                added_by=request.user,
                upload=form.cleaned_data.get("file"),
                url=form.cleaned_data.get("url") or "",
            )
            messages.success(
                request,
                _("Added and published.")
                if material.is_published
                else _("Added. It stays hidden until someone reviews and publishes it."),
            )
            return redirect("webinars:materials", pk=webinar.pk)
        status = 400
    context = {
        "webinar": webinar,
        "form": form,
        "materials": list(webinar.materials.select_related("reviewed_by")),
        "needs_review": actions.needs_review(webinar),
    }
    return render(request, "webinars/materials.html", context, status=status)
