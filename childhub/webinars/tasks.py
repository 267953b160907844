"""Background work of the webinars: e-mail with a calendar attached, sent outside the request."""

from __future__ import annotations

from email.mime.text import MIMEText

from django.core.mail import EmailMessage
from django_tasks import task


@task()
def send_email_with_calendar(*, to: list[str], subject: str, body: str, ics: str, method: str) -> None:
    message = EmailMessage(subject=subject, body=body, to=to)
    part = MIMEText(ics, "calendar", "utf-8")
    part.set_param("method", method)
    part.add_header("Content-Disposition", "attachment", filename="webinar.ics")
    message.attach(part)
    message.send()
