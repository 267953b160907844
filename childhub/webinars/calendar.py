"""Webinars as RFC 5545 calendars: invitations (REQUEST), cancellations (CANCEL) and feeds (PUBLISH).

Every copy of a webinar carries the same UID, and its SEQUENCE is the webinar's, bumped whenever its
time or title change, so calendar programs update the event they already hold instead of adding one.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import timedelta
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from django.conf import settings
from django.urls import reverse
from django.utils import timezone, translation

from .models import Registration, Webinar

if TYPE_CHECKING:
    import icalendar

PRODID = "-//ChildHub//Webinars//EN"


def uid(webinar: Webinar) -> str:
    host = urlsplit(settings.SITE_URL).hostname or "childhub"
    return f"webinar-{webinar.pk}@{host}"


def join_url(registration: Registration) -> str:
    """The hub's own join address for a registrant (in their language); never the room itself."""
    with translation.override(registration.language):
        if registration.is_guest:
            path = reverse("webinars:guest_join", kwargs={"token": registration.token})
        else:
            path = reverse("webinars:join", kwargs={"pk": registration.webinar_id})
    return settings.SITE_URL + path


def page_url(webinar: Webinar, language: str) -> str:
    with translation.override(language):
        return settings.SITE_URL + webinar.get_absolute_url()


def _event(
    webinar: Webinar, *, registration: Registration | None, method: str, language: str
) -> icalendar.Event:
    import icalendar  # loaded when a calendar is made, not by every web process (about 9 MB)

    zone = webinar.zone
    event = icalendar.Event()
    event.add("uid", uid(webinar))
    event.add("sequence", webinar.sequence)
    event.add("dtstamp", timezone.now())
    event.add("dtstart", webinar.starts_at.astimezone(zone))
    event.add("dtend", (webinar.starts_at + timedelta(minutes=webinar.duration_minutes)).astimezone(zone))
    event.add("summary", webinar.title)
    url = page_url(webinar, language)
    event.add("url", url)
    description = webinar.description
    if registration is not None and method != "CANCEL":
        link = join_url(registration)
        event.add("location", link)
        description = f"{description}\n\n{link}"
    event.add("description", f"{description}\n\n{url}")
    cancelled = method == "CANCEL" or webinar.is_cancelled
    if cancelled:
        event.add("status", "CANCELLED")
    elif registration is not None and registration.status != Registration.Status.CONFIRMED:
        event.add("status", "TENTATIVE")
    else:
        event.add("status", "CONFIRMED")
    if method in ("REQUEST", "CANCEL") and registration is not None:
        organizer = icalendar.vCalAddress(f"mailto:{settings.DEFAULT_FROM_EMAIL}")
        organizer.params["cn"] = icalendar.vText(webinar.organiser.name)
        event.add("organizer", organizer)
        attendee = icalendar.vCalAddress(f"mailto:{registration.email}")
        attendee.params["cn"] = icalendar.vText(registration.name)
        attendee.params["role"] = icalendar.vText("REQ-PARTICIPANT")
        attendee.params["partstat"] = icalendar.vText("DECLINED" if cancelled else "ACCEPTED")
        attendee.params["rsvp"] = icalendar.vText("FALSE")
        event.add("attendee", attendee)
    return event


def _calendar(method: str | None) -> icalendar.Calendar:
    import icalendar

    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    if method:
        calendar.add("method", method)
    return calendar


def invitation(registration: Registration, *, method: str = "REQUEST") -> str:
    """One registrant's invitation (REQUEST) or its withdrawal (CANCEL), as text for an e-mail."""
    calendar = _calendar(method)
    calendar.add_component(
        _event(registration.webinar, registration=registration, method=method, language=registration.language)
    )
    calendar.add_missing_timezones()
    return calendar.to_ical().decode("utf-8")


def public_event(webinar: Webinar, *, language: str) -> bytes:
    """The webinar for anyone's calendar (no join link)."""
    calendar = _calendar("PUBLISH")
    calendar.add_component(_event(webinar, registration=None, method="PUBLISH", language=language))
    calendar.add_missing_timezones()
    return bytes(calendar.to_ical())


def feed(registrations: Iterable[Registration], *, name: str, language: str) -> bytes:
    """A member's personal feed: every webinar they are registered for."""
    calendar = _calendar("PUBLISH")
    calendar.add("x-wr-calname", name)
    for registration in registrations:
        calendar.add_component(
            _event(registration.webinar, registration=registration, method="PUBLISH", language=language)
        )
    calendar.add_missing_timezones()
    return bytes(calendar.to_ical())
