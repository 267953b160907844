"""Background work of the webinars: writing and sending e-mail to registrants, outside the request."""

from __future__ import annotations

from typing import Any

from django_tasks import task


@task()
def write_to_registrant(
    *, registration_id: int, template: str, context: dict[str, Any], ics: str, status: str, sequence: int
) -> None:
    """Write and send one message to a registrant (see ``mail.mail_registrant``): the registration
    as it was when the message was asked for, its webinar and member as they are now."""
    from . import mail
    from .models import Registration

    registration = (
        Registration.objects.select_related("webinar__organiser", "member").filter(pk=registration_id).first()
    )
    if registration is None:
        return
    registration.status = status
    registration.webinar.sequence = sequence
    mail.write(registration, template, context, ics)
