"""E-mail to registrants, members and guests alike, in their language, sent after the commit;
with the webinar attached as an .ics invitation or cancellation when there is one."""

from __future__ import annotations

import copy
from typing import Any

from django.conf import settings
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation

from childhub.core.tasks import send_email

from . import calendar
from .models import Registration
from .tasks import send_email_with_calendar
from .times import zoned


def mail_registrant(
    *, registration: Registration, template: str, context: dict[str, Any] | None = None, ics: str = ""
) -> None:
    """Render ``webinars/email/<template>_subject.txt`` and ``_body.txt`` in the registrant's language
    and enqueue the message, all once the transaction commits: rendering (and the .ics above all)
    stays out of the transaction that holds the webinar's row lock. ``ics`` is "REQUEST" or "CANCEL".
    """
    if not registration.email:
        return
    # What the message says is fixed now, as the transaction sees it.
    snapshot = copy.copy(registration)
    transaction.on_commit(lambda: _send(snapshot, template, dict(context or {}), ics))


def _send(registration: Registration, template: str, context: dict[str, Any], ics: str) -> None:
    to = registration.email
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
    subject = settings.EMAIL_SUBJECT_PREFIX + subject
    if ics:
        text = calendar.invitation(registration, method=ics)
        send_email_with_calendar.enqueue(to=[to], subject=subject, body=body, ics=text, method=ics)
    else:
        send_email.enqueue(to=[to], subject=subject, body=body)
