"""E-mail to registrants, members and guests alike, in their language, sent after the commit;
with the webinar attached as an .ics invitation or cancellation when there is one."""

from __future__ import annotations

from email.mime.text import MIMEText
from typing import Any

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation

from . import calendar, tasks
from .models import Registration
from .times import zoned


def mail_registrant(
    *, registration: Registration, template: str, context: dict[str, Any] | None = None, ics: str = ""
) -> None:
    """Send ``webinars/email/<template>_subject.txt`` and ``_body.txt`` to the registrant, in their
    language, once the transaction commits. ``ics`` is "REQUEST" or "CANCEL".

    The background worker writes the message (the templates and the .ics, which is the costly
    part), so neither the transaction that holds the webinar's row lock nor the request waits on
    it. What the message says of the registration's state, and the calendar SEQUENCE it carries,
    are fixed now, as this transaction leaves them; a later change sends its own message."""
    if not registration.email:
        return
    registration_id, status, sequence = registration.pk, registration.status, registration.webinar.sequence
    kept = dict(context or {})
    transaction.on_commit(
        lambda: tasks.write_to_registrant.enqueue(
            registration_id=registration_id,
            template=template,
            context=kept,
            ics=ics,
            status=status,
            sequence=sequence,
        )
    )


def write(registration: Registration, template: str, context: dict[str, Any], ics: str) -> None:
    """Render the message in the registrant's language and send it (in the background worker)."""
    to = registration.email
    if not to:
        return
    language = registration.language
    webinar = registration.webinar
    with translation.override(language):
        ctx = {
            "registration": registration,
            "webinar": webinar,
            "name": registration.name,
            "site_url": settings.SITE_URL,
            "page_url": calendar.page_url(webinar, language),
            "join_url": calendar.join_url(registration),
            "when": zoned(webinar.starts_at, webinar.time_zone, language),
            **context,
        }
        subject = render_to_string(f"webinars/email/{template}_subject.txt", ctx).strip().replace("\n", " ")
        body = render_to_string(f"webinars/email/{template}_body.txt", ctx)
    message = EmailMessage(subject=settings.EMAIL_SUBJECT_PREFIX + subject, body=body, to=[to])
    if ics:
        part = MIMEText(calendar.invitation(registration, method=ics), "calendar", "utf-8")
        part.set_param("method", ics)
        part.add_header("Content-Disposition", "attachment", filename="webinar.ics")
        message.attach(part)
    message.send()
