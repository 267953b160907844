"""Personal data held by the webinars: registrations, presenter profiles, calendar feeds."""

from __future__ import annotations

from typing import Any

from django.utils import timezone
from django.utils.translation import gettext

from childhub.accounts.models import User
from childhub.core.privacy import exempt, register, rows

from .models import CalendarFeed, FeedbackResponse, Presenter, Registration, Webinar


def _erase_presenter(member: User) -> None:
    """The presenter stays on past webinars' pages, no longer named or described."""
    for presenter in Presenter.objects.filter(member=member):
        if presenter.photo:
            presenter.photo.delete(save=False)
        presenter.member = None
        presenter.name = gettext("former member")
        presenter.bio = ""
        presenter.save()


def _erase_registrations(member: User) -> None:
    """Registrations stay as counts (webinar figures are computed from them), no longer linked."""
    # Places in webinars still to come are given up; those of past webinars stay as they were
    # (registered, attended), because the webinars' figures are counted from them.
    upcoming = Registration.objects.filter(
        member=member, status__in=Registration.ACTIVE, webinar__ends_at__gt=timezone.now()
    )
    upcoming.update(status=Registration.Status.CANCELLED)
    Registration.objects.filter(member=member).update(member=None, guest_name="", guest_email="")


def _unlink(rows_of_member: Any, field: str) -> None:
    rows_of_member.update(**{field: None})


def _forget_creator(member: User) -> None:
    Webinar.objects.filter(created_by=member).update(created_by=None)


register(
    "webinars.Registration",
    export=lambda u: rows(
        Registration.objects.filter(member=u),
        "webinar__title",
        "webinar__starts_at",
        "status",
        "created_at",
        "confirmed_at",
        "ended_at",
        "present_minutes",
        "attended",
    ),
    erase=_erase_registrations,
)
register(
    "webinars.FeedbackResponse",
    # Only answers given with the member's name; anonymous ones name nobody and cannot be found.
    export=lambda u: rows(
        FeedbackResponse.objects.filter(member=u), "webinar__title", "useful", "submitted_on"
    ),
    # The answers still count in the webinar's results, as anonymous ones.
    erase=lambda u: _unlink(FeedbackResponse.objects.filter(member=u), "member"),
)
register(
    "webinars.Presenter",
    export=lambda u: rows(Presenter.objects.filter(member=u), "name", "bio", "created_at"),
    erase=_erase_presenter,
    files=lambda u: [p.photo for p in Presenter.objects.filter(member=u) if p.photo],
)
register(
    "webinars.CalendarFeed",
    export=lambda u: rows(CalendarFeed.objects.filter(member=u), "created_at"),
    erase=lambda u: CalendarFeed.objects.filter(member=u).delete() and None,
)
register(
    "webinars.Webinar",
    export=lambda u: rows(Webinar.objects.filter(created_by=u), "title", "language", "starts_at"),
    # The webinar belongs to its organiser organisation; it no longer names who created it.
    erase=lambda u: _forget_creator(u),
)
exempt("webinars.SentReminder", reason="Belongs to a registration; records only when a reminder went out.")
exempt("webinars.Presence", reason="Belongs to a registration: when its holder was in the room.")
exempt("webinars.FeedbackReceipt", reason="Belongs to a registration: only that the survey was answered.")
exempt("webinars.FeedbackAnswer", reason="Belongs to a survey response; names nobody by itself.")
exempt("webinars.SurveyQuestion", reason="An organiser's question; no member.")
exempt(
    "webinars.Material",
    reason="A webinar's recording or slides; who reviewed it is staff work, not personal data.",
)
exempt("webinars.Reminder", reason="An offset before a webinar's start; no member.")
