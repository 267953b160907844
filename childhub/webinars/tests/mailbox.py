"""Reading the e-mails the webinars sent: the attached calendar, parsed back with icalendar."""

from __future__ import annotations

import icalendar
from django.core.mail import EmailMessage


def attached_calendar(message: EmailMessage) -> icalendar.Calendar:
    """The text/calendar part of a sent message, parsed."""
    for part in message.message().walk():
        if part.get_content_type() == "text/calendar":
            return icalendar.Calendar.from_ical(part.get_payload(decode=True))
    raise AssertionError("No calendar attached.")


def calendar_method_header(message: EmailMessage) -> str:
    for part in message.message().walk():
        if part.get_content_type() == "text/calendar":
            return str(part.get_param("method"))
    return ""
