"""Changes in the webinars: organising, registering, the waitlist, reminders, calendars, the room,
attendance, the feedback survey and the materials shared afterwards.

Every change to who holds a place happens with the webinar's row locked (``select_for_update``; on
SQLite the project's IMMEDIATE transactions serialise writers), so places are never overbooked.
E-mail goes out after the commit, in each registrant's language.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import IntegrityError, connection, transaction
from django.db.models import Max
from django.urls import reverse
from django.utils import timezone, translation

from childhub.accounts.models import User
from childhub.core.models import HubSetting, hub_setting
from childhub.notifications.actions import notify

from .bbb import BigBlueButton, BigBlueButtonException
from .mail import mail_registrant
from .models import (
    DEFAULT_REMINDERS,
    SENSITIVE_TOPICS,
    CalendarFeed,
    FeedbackAnswer,
    FeedbackReceipt,
    FeedbackResponse,
    Material,
    Presence,
    Registration,
    Reminder,
    SentReminder,
    SurveyQuestion,
    Webinar,
)

HOLD = timedelta(hours=24)
GUEST_CONFIRMATION_TIME = timedelta(hours=48)  # an unconfirmed guest registration expires after this
MIN_HOLD = timedelta(hours=1)
BBB_TIMEOUT = 5  # seconds: a member waits on this before the friendly "room unavailable" page

WEBINAR_FIELDS = (
    "title",
    "description",
    "language",
    "delivered_in",
    "organiser",
    "starts_at",
    "duration_minutes",
    "time_zone",
    "capacity",
    "registration_opens_at",
    "registration_closes_at",
    "approval_required",
    "guests_allowed",
    "backend",
    "external_url",
    "status",
)
# A change to any of these is a new version of the event for calendars (SEQUENCE).
CALENDAR_FIELDS = ("title", "starts_at", "duration_minutes", "time_zone")

Status = Registration.Status


class RegistrationClosed(Exception):
    """Registration is not open for this webinar (not yet, any more, or it is not published)."""


class RoomUnavailable(Exception):
    """The conferencing service cannot be reached or refused to open the room."""


class AlreadyAnswered(Exception):
    """The registrant has answered this webinar's survey already."""


# Organising


@transaction.atomic
def create_webinar(*, created_by: User | None, data: dict[str, Any]) -> Webinar:
    """Create a webinar with the usual reminders (24 hours and 1 hour before)."""
    webinar = Webinar(created_by=created_by, **{f: data[f] for f in WEBINAR_FIELDS if f in data})
    if data.get("translation_key"):
        webinar.translation_key = data["translation_key"]  # a version of another webinar
    webinar.save()
    webinar.topics.set(data.get("topics") or [])
    webinar.presenters.set(data.get("presenters") or [])
    Reminder.objects.bulk_create(Reminder(webinar=webinar, minutes_before=m) for m in DEFAULT_REMINDERS)
    return webinar


@transaction.atomic
def update_webinar(*, webinar: Webinar, data: dict[str, Any]) -> Webinar:
    """Save the organiser's changes. A new time or title bumps the calendar SEQUENCE and sends
    registrants an updated invitation; cancelling sends a cancellation; more places promote the
    waiting list."""
    locked = _locked(webinar)
    before = {f: getattr(locked, f) for f in (*CALENDAR_FIELDS, "status", "capacity")}
    for name in WEBINAR_FIELDS:
        if name in data:
            setattr(locked, name, data[name])
    rescheduled = any(before[f] != getattr(locked, f) for f in CALENDAR_FIELDS)
    cancelled = locked.status == Webinar.Status.CANCELLED and before["status"] != Webinar.Status.CANCELLED
    if rescheduled or cancelled:
        locked.sequence += 1
    locked.save()
    if "topics" in data:
        locked.topics.set(data["topics"])
    if "presenters" in data:
        locked.presenters.set(data["presenters"])
    registrations = locked.registrations.filter(status__in=Registration.ACTIVE).select_related("member")
    if cancelled:
        for registration in registrations:
            registration.webinar = locked
            mail_registrant(registration=registration, template="webinar_cancelled", ics="CANCEL")
    elif rescheduled and locked.status == Webinar.Status.PUBLISHED:
        for registration in registrations.filter(status=Status.CONFIRMED):
            registration.webinar = locked
            mail_registrant(registration=registration, template="updated", ics="REQUEST")
    if locked.capacity > before["capacity"]:
        promote_waitlist(webinar=locked)
    return locked


# Registering


def register(*, webinar: Webinar, member: User) -> Registration:
    """Register a member: a place if one is free (and no approval is needed), else the waiting list,
    or a request for the organiser. Registering twice gives back the registration already there."""
    try:
        with transaction.atomic():
            locked = _locked(webinar)
            # Read while the webinar is locked, in one statement: the lock (on SQLite, the
            # database's only write lock) is held by one registration at a time.
            places = _places(locked, member=member)
            if places.mine is not None:
                return _active(locked).get(pk=places.mine)
            if not locked.registration_is_open():
                raise RegistrationClosed
            registration = Registration(webinar=locked, member=member)
            _place(locked, registration, approved=False, places=places)
            return registration
    except IntegrityError:
        # Another request registered the same member between our check and our insert.
        return Registration.objects.get(webinar=webinar, member=member, status__in=Registration.ACTIVE)


def register_guest(*, webinar: Webinar, name: str, email: str, language: str) -> Registration:
    """Register someone without an account: they confirm their address through the link e-mailed
    to them before they are given a place. Asking again sends the link again."""
    email = email.strip().lower()
    try:
        with transaction.atomic():
            locked = _locked(webinar)
            if not (locked.guests_allowed and locked.registration_is_open()):
                raise RegistrationClosed
            registration = _active(locked).filter(member=None, guest_email=email).first()
            if registration is None:
                registration = Registration.objects.create(
                    webinar=locked,
                    guest_name=name.strip(),
                    guest_email=email,
                    guest_language=language,
                    status=Status.UNCONFIRMED,
                )
            registration.webinar = locked
            if registration.status == Status.UNCONFIRMED:
                mail_registrant(registration=registration, template="guest_confirm")
            return registration
    except IntegrityError:
        return Registration.objects.get(
            webinar=webinar, member=None, guest_email=email, status__in=Registration.ACTIVE
        )


@transaction.atomic
def confirm_guest(*, registration: Registration) -> Registration:
    """The guest followed the link: now they get a place, a waiting position or a request."""
    locked = _locked(registration.webinar)
    registration = _fresh(registration, locked)
    if registration.status != Status.UNCONFIRMED:
        return registration
    if not locked.registration_is_open():
        raise RegistrationClosed
    _place(locked, registration, approved=False)
    return registration


@transaction.atomic
def cancel_registration(*, registration: Registration) -> Registration:
    """The participant cancels: they get a calendar cancellation, and a freed place goes to the
    first on the waiting list."""
    locked = _locked(registration.webinar)
    registration = _fresh(registration, locked)
    if not registration.is_active:
        return registration
    had_invitation = registration.status == Status.CONFIRMED
    freed = registration.status in Registration.HOLDING_A_PLACE
    _end(registration, Status.CANCELLED)
    mail_registrant(registration=registration, template="cancelled", ics="CANCEL" if had_invitation else "")
    if freed:
        promote_waitlist(webinar=locked)
    return registration


@transaction.atomic
def decide_registration(*, registration: Registration, decider: User, approve: bool) -> Registration:
    """The organiser approves a request (a place, or the waiting list when full) or declines it."""
    locked = _locked(registration.webinar)
    registration = _fresh(registration, locked)
    if registration.status != Status.PENDING:
        return registration
    registration.decided_by = decider
    if approve:
        _place(locked, registration, approved=True)
    else:
        _end(registration, Status.DECLINED)
        mail_registrant(registration=registration, template="declined")
    if registration.member is not None:  # the e-mail says it too; the hub is where a member looks first
        notify(
            recipients=[registration.member],
            kind="webinar-decision",
            url=locked.get_absolute_url(),
            params={"title": locked.title},
            actor=decider,
        )
    return registration


@transaction.atomic
def confirm_offered_place(*, registration: Registration, now: datetime | None = None) -> Registration:
    """The person offered a place takes it, while the hold lasts; after it, the place moves on."""
    now = now or timezone.now()
    locked = _locked(registration.webinar)
    registration = _fresh(registration, locked)
    if registration.status != Status.OFFERED:
        return registration
    if registration.hold_expires_at is not None and registration.hold_expires_at <= now:
        _expire(registration)
        promote_waitlist(webinar=locked, now=now)
        return registration
    _confirm(registration, now)
    return registration


def promote_waitlist(*, webinar: Webinar, now: datetime | None = None) -> list[Registration]:
    """Offer each free place to the next on the waiting list, held for them for a day (less when
    the webinar is sooner). Call with the webinar locked."""
    now = now or timezone.now()
    if webinar.status != Webinar.Status.PUBLISHED or webinar.is_past(now):
        return []
    free = webinar.seats_left()
    if free <= 0:
        return []
    hold_until = min(now + HOLD, max(webinar.starts_at, now + MIN_HOLD))
    promoted = list(webinar.registrations.filter(status=Status.WAITLISTED).select_related("member")[:free])
    for registration in promoted:
        registration.webinar = webinar
        registration.status = Status.OFFERED
        registration.hold_expires_at = hold_until
        registration.save(update_fields=["status", "hold_expires_at"])
        mail_registrant(registration=registration, template="offered")
        if registration.member is not None:  # also in the hub, where a member looks first
            notify(
                recipients=[registration.member],
                kind="webinar-offer",
                url=webinar.get_absolute_url(),
                params={"title": webinar.title},
            )
    return promoted


def expire_holds(*, now: datetime | None = None) -> int:
    """Held places not taken in time pass to the next on the waiting list. Returns how many expired."""
    now = now or timezone.now()
    webinar_ids = set(
        Registration.objects.filter(status=Status.OFFERED, hold_expires_at__lte=now).values_list(
            "webinar_id", flat=True
        )
    )
    expired = 0
    for webinar_id in sorted(webinar_ids):
        with transaction.atomic():
            locked = Webinar.objects.select_for_update().get(pk=webinar_id)
            for registration in locked.registrations.filter(
                status=Status.OFFERED, hold_expires_at__lte=now
            ).select_related("member"):
                registration.webinar = locked
                _expire(registration)
                expired += 1
            promote_waitlist(webinar=locked, now=now)
    return expired


def expire_unconfirmed_guests(*, now: datetime | None = None) -> int:
    """Guest registrations whose e-mail address was not confirmed in time end as expired (they never
    held a place). Returns how many."""
    now = now or timezone.now()
    return Registration.objects.filter(
        status=Status.UNCONFIRMED, created_at__lte=now - GUEST_CONFIRMATION_TIME
    ).update(status=Status.EXPIRED, ended_at=now)


# Reminders


def send_due_reminders(*, now: datetime | None = None) -> int:
    """E-mail each confirmed registrant the reminders now due, each exactly once per start time.

    A reminder is due from ``start - offset`` until the start; it is remembered with the start it
    announced, so moving the webinar arms it again. When several are due at once (a late run),
    only the nearest is sent. Someone confirmed after a reminder's moment does not get that one.
    """
    now = now or timezone.now()
    longest = Reminder.objects.aggregate(longest=Max("minutes_before"))["longest"]
    if not longest:
        return 0
    webinars = {
        w.pk: w
        for w in Webinar.objects.filter(
            status=Webinar.Status.PUBLISHED,
            starts_at__gt=now,
            starts_at__lte=now + timedelta(minutes=longest),
        ).select_related("organiser")
    }
    offsets: dict[int, list[int]] = {}
    for webinar_id, minutes in Reminder.objects.filter(webinar_id__in=webinars).values_list(
        "webinar_id", "minutes_before"
    ):
        offsets.setdefault(webinar_id, []).append(minutes)
    registrations = Registration.objects.filter(
        webinar_id__in=webinars, status=Status.CONFIRMED
    ).select_related("member")
    sent = set(
        SentReminder.objects.filter(registration__in=registrations).values_list(
            "registration_id", "minutes_before", "starts_at"
        )
    )
    count = 0
    for registration in registrations:
        webinar = webinars[registration.webinar_id]
        registration.webinar = webinar
        confirmed_at = registration.confirmed_at or registration.created_at
        due = sorted(
            minutes
            for minutes in offsets.get(webinar.pk, [])
            if confirmed_at <= webinar.starts_at - timedelta(minutes=minutes) <= now
            and (registration.pk, minutes, webinar.starts_at) not in sent
        )
        if not due:
            continue
        try:
            with transaction.atomic():
                SentReminder.objects.bulk_create(
                    SentReminder(
                        registration=registration, minutes_before=m, starts_at=webinar.starts_at, sent_at=now
                    )
                    for m in due
                )
                mail_registrant(
                    registration=registration,
                    template="reminder",
                    context={"minutes_before": due[0], "hours_before": due[0] // 60},
                )
        except IntegrityError:
            continue  # another run sent it
        count += 1
    return count


# Calendars


def calendar_feed_for(*, member: User) -> CalendarFeed:
    feed, _created = CalendarFeed.objects.get_or_create(member=member)
    return feed


def renew_calendar_feed(*, member: User) -> CalendarFeed:
    """A new secret address; the old one stops working at once."""
    from .models import new_token

    feed = calendar_feed_for(member=member)
    feed.token = new_token()
    feed.created_at = timezone.now()
    feed.save(update_fields=["token", "created_at"])
    return feed


# The room


@dataclass(frozen=True)
class Participant:
    name: str
    user_id: str
    language: str
    moderator: bool


def open_room(*, webinar: Webinar, participant: Participant) -> str:
    """The address to send the participant to, freshly signed for them. For BigBlueButton the
    meeting is created first (harmless when it exists). Raises RoomUnavailable."""
    if webinar.backend == Webinar.Backend.EXTERNAL:
        if not webinar.external_url:
            raise RoomUnavailable
        return webinar.external_url
    try:
        client = bbb_client()
        with translation.override(participant.language):
            logout_url = settings.SITE_URL + reverse("webinars:detail", kwargs={"pk": webinar.pk})
        callbacks = {
            name: client.with_callback_token(
                settings.SITE_URL + reverse(f"webinars:{name}", kwargs={"pk": webinar.pk}), webinar.meeting_id
            )
            for name in ("room_ended", "room_analytics", "recording_ready")
        }
        meeting = client.create_meeting(
            webinar.meeting_id,
            webinar.title,
            duration=webinar.duration_minutes + 60,
            logout_url=logout_url,
            record=True,
            end_callback_url=callbacks["room_ended"],
            analytics_callback_url=callbacks["room_analytics"],
            recording_ready_url=callbacks["recording_ready"],
            meta={"childhub-webinar": str(webinar.pk)},
        )
        return client.join_url(
            webinar.meeting_id,
            participant.name,
            role="MODERATOR" if participant.moderator else "VIEWER",
            user_id=participant.user_id,
            language=participant.language,
            create_time=meeting.create_time or None,
        )
    except (ValueError, BigBlueButtonException) as error:
        raise RoomUnavailable from error


def bbb_client() -> BigBlueButton:
    """The hub's BigBlueButton server (raises ValueError when it is not configured)."""
    return BigBlueButton(
        getattr(settings, "BBB_URL", ""), getattr(settings, "BBB_SECRET", ""), timeout=BBB_TIMEOUT
    )


# Attendance


def present_minutes(stretches: Iterable[tuple[datetime, datetime]], start: datetime, end: datetime) -> int:
    """Whole minutes within [start, end] covered by at least one stretch: rejoins and overlapping
    reports count once."""
    clipped = sorted((max(a, start), min(b, end)) for a, b in stretches if b > start and a < end)
    total = timedelta()
    current: tuple[datetime, datetime] | None = None
    for a, b in clipped:
        if current is None or a > current[1]:
            if current is not None:
                total += current[1] - current[0]
            current = (a, b)
        else:
            current = (current[0], max(current[1], b))
    if current is not None:
        total += current[1] - current[0]
    return int(total.total_seconds() // 60)


def record_presence(
    *,
    registration: Registration,
    stretches: Iterable[tuple[datetime, datetime]],
    source: str,
    replace: bool = False,
) -> Registration:
    """Add stretches of presence from one source (the same join reported twice counts once; with
    ``replace`` the source's earlier stretches go), then decide attendance: present for at least the
    share of the scheduled time staff set. A member who newly attended gets their certificate."""
    with transaction.atomic():
        if replace:
            registration.presence.filter(source=source).delete()
        Presence.objects.bulk_create(
            [
                Presence(registration=registration, joined_at=a, left_at=max(a, b), source=source)
                for a, b in stretches
            ],
            ignore_conflicts=True,
        )
        return _decide_attendance(registration)


def mark_attendance(*, webinar: Webinar, present: set[int], marked_by: User) -> int:
    """The organiser's own list (for rooms the hub cannot see into): the registrations in ``present``
    attended the whole scheduled time, the others' marks are withdrawn. Returns how many attended."""
    span = [(webinar.starts_at, webinar.ends_at)]
    count = 0
    for registration in webinar.registrations.filter(status=Status.CONFIRMED).select_related("member"):
        registration.webinar = webinar
        chosen = registration.pk in present
        record_presence(
            registration=registration,
            stretches=span if chosen else [],
            source=Presence.Source.ORGANISER,
            replace=True,
        )
        count += chosen
    return count


@dataclass
class ImportReport:
    """What an attendance import did: rows matched, addresses not registered, lines not understood."""

    matched: int = 0
    unknown: list[str] = field(default_factory=list)
    bad_lines: list[int] = field(default_factory=list)


EMAIL_COLUMNS = ("email", "e-mail", "user email", "email address", "e-mail address", "participant email")
JOIN_COLUMNS = ("join time", "joined", "join", "joined at", "first join", "join time (utc)")
LEAVE_COLUMNS = ("leave time", "left", "leave", "left at", "last leave", "leave time (utc)")
TIME_FORMATS = (
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M",
    "%m/%d/%Y %I:%M:%S %p",
    "%m/%d/%Y %I:%M %p",
    "%m/%d/%Y, %I:%M:%S %p",
    "%d/%m/%Y %H:%M:%S",
    "%d/%m/%Y %H:%M",
    "%d.%m.%Y %H:%M:%S",
    "%d.%m.%Y %H:%M",
)


def import_attendance(*, webinar: Webinar, data: str) -> ImportReport:
    """Read a CSV of joins and leaves (a conferencing service's participant report: an e-mail column,
    a join time and a leave time; times without a zone are in the webinar's zone) and record each
    confirmed registrant's stretches. Importing the same report again changes nothing."""
    report = ImportReport()
    sample = data[:4096]
    try:
        dialect: Any = csv.Sniffer().sniff(sample, delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(data), dialect)
    header = [cell.strip().lower().lstrip("\ufeff") for cell in next(reader, [])]
    columns = [_column(header, names) for names in (EMAIL_COLUMNS, JOIN_COLUMNS, LEAVE_COLUMNS)]
    if None in columns:
        raise ValueError("columns")
    email_at, join_at, leave_at = (c for c in columns if c is not None)
    by_email = {
        r.email.lower(): r
        for r in webinar.registrations.filter(status=Status.CONFIRMED).select_related("member")
        if r.email
    }
    stretches: dict[int, list[tuple[datetime, datetime]]] = {}
    for line, row in enumerate(reader, start=2):
        if not any(cell.strip() for cell in row):
            continue
        try:
            email = row[email_at].strip().lower()
            joined = _parse_time(row[join_at], webinar.zone)
            left = _parse_time(row[leave_at], webinar.zone)
        except (IndexError, ValueError):
            report.bad_lines.append(line)
            continue
        registration = by_email.get(email)
        if registration is None:
            if email and email not in report.unknown:
                report.unknown.append(email)
            continue
        stretches.setdefault(registration.pk, []).append((joined, max(joined, left)))
        report.matched += 1
    registrations = {r.pk: r for r in by_email.values()}
    for pk, found in stretches.items():
        registrations[pk].webinar = webinar
        record_presence(registration=registrations[pk], stretches=found, source=Presence.Source.IMPORT)
    return report


def record_room_analytics(*, webinar: Webinar, payload: Mapping[str, Any]) -> int:
    """Record the joins and leaves BigBlueButton reports after a meeting (its verified analytics
    callback). Participants are known by the user id the hub gave them at /join. Returns how many
    registrants' attendance was recorded."""
    data = payload.get("data") or {}
    finish = _parse_iso(data.get("finish") or data.get("end")) or webinar.ends_at
    registrations = {
        key: r
        for r in webinar.registrations.filter(status=Status.CONFIRMED).select_related("member")
        for key in [f"member-{r.member_id}" if r.member_id else f"guest-{r.pk}"]
    }
    recorded = 0
    for attendee in data.get("attendees") or []:
        if not isinstance(attendee, dict):
            continue
        registration = registrations.get(str(attendee.get("ext_user_id", "")))
        if registration is None:
            continue  # a presenter or organiser, or someone the hub did not send
        joins = sorted(filter(None, map(_parse_iso, attendee.get("joins") or [])))
        leaves = sorted(filter(None, map(_parse_iso, attendee.get("leaves") or [])))
        stretches = []
        for joined in joins:
            left = next((t for t in leaves if t >= joined), finish)
            if left in leaves:
                leaves.remove(left)
            stretches.append((joined, left))
        registration.webinar = webinar
        record_presence(registration=registration, stretches=stretches, source=Presence.Source.ROOM)
        recorded += 1
    send_survey_invitations(webinar=webinar)
    return recorded


def _decide_attendance(registration: Registration) -> Registration:
    webinar = registration.webinar
    minutes = present_minutes(
        registration.presence.values_list("joined_at", "left_at"), webinar.starts_at, webinar.ends_at
    )
    share = hub_setting(HubSetting.Key.ATTENDANCE_SHARE)
    was = registration.attended
    registration.present_minutes = minutes
    registration.attended = minutes * 100 >= share * webinar.duration_minutes
    registration.save(update_fields=["present_minutes", "attended"])
    if registration.attended != was and registration.member_id is not None:
        from . import certificates

        if registration.attended:
            certificates.issue_for(registration)
        else:
            certificates.withdraw_for(registration)
    return registration


def _column(header: list[str], names: tuple[str, ...]) -> int | None:
    for index, name in enumerate(header):
        if name in names or name.split(" (")[0] in names:
            return index
    return None


def _parse_time(text: str, zone: ZoneInfo) -> datetime:
    text = text.strip()
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        for pattern in TIME_FORMATS:
            try:
                moment = datetime.strptime(text, pattern)
                break
            except ValueError:
                continue
        else:
            raise
    return moment if moment.tzinfo else moment.replace(tzinfo=zone)


def _parse_iso(value: object) -> datetime | None:
    if not isinstance(value, str) or not value:
        return None
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=ZoneInfo("UTC"))


# The survey


def send_survey_invitations(*, webinar: Webinar, now: datetime | None = None) -> int:
    """Once the webinar has ended, ask each attendee (once) whether it was useful, in their language.
    Returns how many were asked."""
    now = now or timezone.now()
    if not webinar.is_past(now):
        return 0
    count = 0
    for registration in webinar.registrations.filter(
        attended=True, survey_sent_at__isnull=True, feedback_receipt__isnull=True
    ).select_related("member"):
        with transaction.atomic():
            claimed = Registration.objects.filter(pk=registration.pk, survey_sent_at__isnull=True).update(
                survey_sent_at=now
            )
            if not claimed:
                continue  # another run asked them
            registration.webinar = webinar
            mail_registrant(registration=registration, template="survey")
        count += 1
    return count


def send_due_surveys(*, now: datetime | None = None) -> int:
    """The surveys of webinars that ended in the last two weeks, for attendees not yet asked."""
    now = now or timezone.now()
    webinar_ids = (
        Registration.objects.filter(
            attended=True,
            survey_sent_at__isnull=True,
            webinar__ends_at__lte=now,
            webinar__ends_at__gt=now - timedelta(days=14),
        )
        .values_list("webinar_id", flat=True)
        .distinct()
    )
    return sum(
        send_survey_invitations(webinar=webinar, now=now)
        for webinar in Webinar.objects.filter(pk__in=list(webinar_ids)).select_related("organiser")
    )


@transaction.atomic
def submit_feedback(
    *,
    registration: Registration,
    useful: int,
    answers: Mapping[int, str],
    anonymous: bool,
) -> FeedbackResponse:
    """Store an attendee's answers. The receipt (that they answered) and the response (what) are
    kept apart; an anonymous response names nobody. Raises AlreadyAnswered on a second try."""
    if useful not in FeedbackResponse.USEFUL_SCALE:
        raise ValueError("useful")
    try:
        with transaction.atomic():
            FeedbackReceipt.objects.create(registration=registration, webinar_id=registration.webinar_id)
    except IntegrityError as error:
        raise AlreadyAnswered from error
    response = FeedbackResponse.objects.create(
        webinar_id=registration.webinar_id,
        useful=useful,
        member=None if anonymous or registration.member_id is None else registration.member,
    )
    questions = set(
        SurveyQuestion.objects.filter(webinar_id=registration.webinar_id).values_list("pk", flat=True)
    )
    FeedbackAnswer.objects.bulk_create(
        FeedbackAnswer(response=response, question_id=pk, value=value.strip()[:5000])
        for pk, value in answers.items()
        if pk in questions and value.strip()
    )
    return response


@transaction.atomic
def set_survey_questions(*, webinar: Webinar, questions: Iterable[Mapping[str, Any]]) -> None:
    """Replace the organiser's own questions, keeping those already answered (answers are never lost):
    a question with answers is kept as it was and stays asked."""
    answered = set(
        FeedbackAnswer.objects.filter(question__webinar=webinar).values_list("question_id", flat=True)
    )
    webinar.survey_questions.exclude(pk__in=answered).delete()
    start = len(answered)
    SurveyQuestion.objects.bulk_create(
        SurveyQuestion(
            webinar=webinar,
            position=start + index,
            text=q["text"],
            kind=q["kind"],
            choices=q.get("choices", ""),
            required=bool(q.get("required")),
        )
        for index, q in enumerate(questions)
    )


# Recordings and slides


def needs_review(webinar: Webinar) -> bool:
    return webinar.topics.filter(slug__in=SENSITIVE_TOPICS).exists()


@transaction.atomic
def add_material(
    *,
    webinar: Webinar,
    kind: str,
    added_by: User | None,
    upload: Any = None,
    url: str = "",
    bbb_record_id: str = "",
) -> Material:
    """Attach a recording or slides. They are published at once, unless the webinar is on a
    sensitive topic: then they wait for a review (``publish_material``)."""
    material = Material(webinar=webinar, kind=kind, url=url, bbb_record_id=bbb_record_id)
    if upload is not None:
        material.file = upload
    material.save()
    if not needs_review(webinar) and added_by is not None:
        publish_material(material=material, reviewer=added_by)
    return material


@transaction.atomic
def publish_material(*, material: Material, reviewer: User) -> Material:
    """Show the material to members on the webinar's page, and list it in the library (members only,
    in the webinar's language and topics, under the organiser)."""
    from childhub.library.models import Resource

    material = (
        Material.objects.select_for_update(of=("self",))
        .select_related("webinar__organiser")
        .get(pk=material.pk)
    )
    if material.is_published:
        return material
    webinar = material.webinar
    now = timezone.now()
    resource = material.resource
    if resource is None:
        with translation.override(webinar.delivered_in):
            label = str(Material.Kind(material.kind).label)
        resource = Resource.objects.create(
            kind=Resource.Kind.VIDEO if material.kind == Material.Kind.RECORDING else Resource.Kind.DOCUMENT,
            title=f"{webinar.title} — {label}"[:250],
            summary=webinar.description[:3000],
            language=webinar.delivered_in,
            organisation=webinar.organiser,
            year=webinar.starts_at.year,
            access=Resource.Access.MEMBERS,
            file=material.file.name if material.file else "",
            url="" if material.file else material.url,
            status=Resource.Status.PUBLISHED,
            published_at=now,
            submitted_by=reviewer,
        )
        resource.topics.set(webinar.topics.all())
        from childhub.library.actions import index_resource

        pk = resource.pk
        transaction.on_commit(lambda: index_resource(resource_id=pk))
    else:
        resource.status = Resource.Status.PUBLISHED
        resource.save(update_fields=["status", "updated_at"])
    material.resource = resource
    material.published_at = now
    material.reviewed_by = reviewer
    material.save(update_fields=["resource", "published_at", "reviewed_by"])
    _page_changed(webinar.pk)
    return material


def _page_changed(webinar_id: int) -> None:
    """The webinar's page shows something new (its kept copy is per version of the webinar)."""
    Webinar.objects.filter(pk=webinar_id).update(updated_at=timezone.now())


@transaction.atomic
def unpublish_material(*, material: Material, reviewer: User) -> Material:
    """Hide the material again, from the webinar's page and from the library."""
    from childhub.library.models import Resource

    material = Material.objects.select_for_update(of=("self",)).select_related("resource").get(pk=material.pk)
    material.published_at = None
    material.reviewed_by = reviewer
    material.save(update_fields=["published_at", "reviewed_by"])
    _page_changed(material.webinar_id)
    if material.resource is not None:
        material.resource.status = Resource.Status.PENDING
        material.resource.save(update_fields=["status", "updated_at"])
        from childhub.library.actions import index_resource

        pk = material.resource.pk
        transaction.on_commit(lambda: index_resource(resource_id=pk))
    return material


def attach_recording(*, webinar: Webinar, record_id: str) -> Material | None:
    """A recording BigBlueButton announced as ready: attach its playback address (once)."""
    existing = Material.objects.filter(webinar=webinar, bbb_record_id=record_id).first()
    if existing is not None:
        return existing
    recordings = bbb_client().get_recordings(record_ids=[record_id])
    playback = next((f.url for r in recordings for f in r.playback if f.url), "")
    if not playback:
        return None
    return add_material(
        webinar=webinar,
        kind=Material.Kind.RECORDING,
        added_by=None,
        url=playback,
        bbb_record_id=record_id,
    )


# Helpers


def _locked(webinar: Webinar) -> Webinar:
    # The webinar's row only: a join here would lock its organiser's row too, and with it every
    # registration for that organiser's other webinars.
    return Webinar.objects.select_for_update().get(pk=webinar.pk)


def _active(webinar: Webinar) -> Any:
    return Registration.objects.filter(webinar=webinar, status__in=Registration.ACTIVE)


def _fresh(registration: Registration, locked: Webinar) -> Registration:
    fresh = Registration.objects.select_related("member").get(pk=registration.pk)
    fresh.webinar = locked
    return fresh


@dataclass(frozen=True)
class _Places:
    """A locked webinar's registrations, counted: places free, whether others wait, and the active
    registration of the member asking (if any)."""

    free: int
    waiting: bool
    mine: int | None


# Written out (decision 0016): composed through the ORM, this read took 0.8 ms while the webinar
# is locked, 0.1 ms of it in the database. Its test compares it with the ORM's aggregate.
_HOLDING = [str(s) for s in Registration.HOLDING_A_PLACE]
_ACTIVE = [str(s) for s in Registration.ACTIVE]
_PLACES_SQL = (
    f"SELECT COUNT(*) FILTER (WHERE status IN ({', '.join(['%s'] * len(_HOLDING))})),"
    " COUNT(*) FILTER (WHERE status = %s AND id <> %s),"
    f" MAX(id) FILTER (WHERE member_id = %s AND status IN ({', '.join(['%s'] * len(_ACTIVE))}))"
    f" FROM {Registration._meta.db_table} WHERE webinar_id = %s"
)


def _places(webinar: Webinar, *, member: User | None = None, other_than: int | None = None) -> _Places:
    """One read of what placing a registration needs (``other_than``: the registration being placed,
    which does not wait for itself)."""
    params = [
        *_HOLDING,
        str(Status.WAITLISTED),
        other_than or 0,  # no registration has the key 0
        member.pk if member is not None else None,  # "= NULL" matches no row
        *_ACTIVE,
        webinar.pk,
    ]
    with connection.cursor() as cursor:
        cursor.execute(_PLACES_SQL, params)
        held, waiting, mine = cursor.fetchone()
    return _Places(free=max(webinar.capacity - held, 0), waiting=bool(waiting), mine=mine)


def _place(
    webinar: Webinar, registration: Registration, *, approved: bool, places: _Places | None = None
) -> None:
    """Give a place, a waiting position, or (when the organiser approves each) a request."""
    now = timezone.now()
    registration.webinar = webinar
    if webinar.approval_required and not approved:
        registration.status = Status.PENDING
        registration.save()
        mail_registrant(registration=registration, template="pending")
        return
    places = places or _places(webinar, other_than=registration.pk)
    if places.free > 0 and not places.waiting:
        _confirm(registration, now)
    else:
        registration.status = Status.WAITLISTED
        registration.save()
        mail_registrant(registration=registration, template="waitlisted")


def _confirm(registration: Registration, now: datetime) -> None:
    registration.status = Status.CONFIRMED
    registration.confirmed_at = now
    registration.hold_expires_at = None
    registration.save()
    mail_registrant(registration=registration, template="confirmed", ics="REQUEST")


def _end(registration: Registration, status: str) -> None:
    registration.status = status
    registration.ended_at = timezone.now()
    registration.hold_expires_at = None
    registration.save(update_fields=["status", "ended_at", "hold_expires_at", "decided_by"])


def _expire(registration: Registration) -> None:
    _end(registration, Status.EXPIRED)
    mail_registrant(registration=registration, template="hold_expired")


def save_presenter(*, form: Any) -> Any:
    """Save a presenter's profile from the form, with the photo re-encoded without its metadata."""
    from childhub.core.images import reencode_image

    presenter = form.save(commit=False)
    photo = form.cleaned_data.get("photo")
    if photo and hasattr(photo, "content_type"):
        presenter.photo = reencode_image(photo, max_side=400, name="presenter")
    presenter.save()
    return presenter
