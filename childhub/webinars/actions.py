"""Changes in the webinars: organising, registering, the waitlist, reminders, calendars and the room.

Every change to who holds a place happens with the webinar's row locked (``select_for_update``; on
SQLite the project's IMMEDIATE transactions serialise writers), so places are never overbooked.
E-mail goes out after the commit, in each registrant's language.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.urls import reverse
from django.utils import timezone, translation

from childhub.accounts.models import User
from childhub.notifications.actions import notify

from .bbb import BigBlueButton, BigBlueButtonException
from .mail import mail_registrant
from .models import DEFAULT_REMINDERS, CalendarFeed, Registration, Reminder, SentReminder, Webinar

HOLD = timedelta(hours=24)
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
            existing = _active(locked).filter(member=member).first()
            if existing is not None:
                return existing
            if not locked.registration_is_open():
                raise RegistrationClosed
            registration = Registration(webinar=locked, member=member)
            _place(locked, registration, approved=False)
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
    base_url = getattr(settings, "BBB_URL", "")
    secret = getattr(settings, "BBB_SECRET", "")
    try:
        client = BigBlueButton(base_url, secret, timeout=BBB_TIMEOUT)
        with translation.override(participant.language):
            logout_url = settings.SITE_URL + reverse("webinars:detail", kwargs={"pk": webinar.pk})
        meeting = client.create_meeting(
            webinar.meeting_id,
            webinar.title,
            duration=webinar.duration_minutes + 60,
            logout_url=logout_url,
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


# Helpers


def _locked(webinar: Webinar) -> Webinar:
    return Webinar.objects.select_for_update().select_related("organiser").get(pk=webinar.pk)


def _active(webinar: Webinar) -> Any:
    return Registration.objects.filter(webinar=webinar, status__in=Registration.ACTIVE)


def _fresh(registration: Registration, locked: Webinar) -> Registration:
    fresh = Registration.objects.select_related("member").get(pk=registration.pk)
    fresh.webinar = locked
    return fresh


def _place(webinar: Webinar, registration: Registration, *, approved: bool) -> None:
    """Give a place, a waiting position, or (when the organiser approves each) a request."""
    now = timezone.now()
    registration.webinar = webinar
    if webinar.approval_required and not approved:
        registration.status = Status.PENDING
        registration.save()
        mail_registrant(registration=registration, template="pending")
        return
    waiting = webinar.registrations.filter(status=Status.WAITLISTED).exclude(pk=registration.pk).exists()
    if webinar.seats_left() > 0 and not waiting:
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
