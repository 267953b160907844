"""The kinds of notification: what each says, and how often it is e-mailed unless the member chooses.

Messages are rendered when they are shown, in the reader's language, from the parameters stored
with each notification — never from text frozen in the sender's language.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext_lazy as _
from django_stubs_ext import StrPromise


class Frequency:
    IMMEDIATE = "immediate"
    DAILY = "daily"
    WEEKLY = "weekly"
    NEVER = "never"

    CHOICES = [
        (IMMEDIATE, _("At once")),
        (DAILY, _("Daily digest")),
        (WEEKLY, _("Weekly digest")),
        (NEVER, _("Only in the hub")),
    ]


@dataclass(frozen=True)
class Kind:
    label: StrPromise
    message: StrPromise  # may use %(title)s
    default: str
    configurable: bool = True

    def render(self, params: dict[str, Any]) -> str:
        try:
            return str(self.message) % {"title": params.get("title", "")}
        except (KeyError, TypeError, ValueError):
            return str(self.label)


KINDS: dict[str, Kind] = {
    "answer": Kind(
        _("Answers to questions I ask or follow"), _("New answer to “%(title)s”"), Frequency.IMMEDIATE
    ),
    "comment": Kind(
        _("Comments on posts I write or follow"), _("New comment on “%(title)s”"), Frequency.DAILY
    ),
    "case-reply": Kind(
        _("Replies in case discussions I follow"),
        _("New reply in a case discussion you follow"),
        Frequency.DAILY,
    ),
    "accepted": Kind(
        _("My answer was accepted"), _("Your answer to “%(title)s” was accepted"), Frequency.IMMEDIATE
    ),
    "topic": Kind(
        _("New questions in topics I follow"), _("New in a topic you follow: “%(title)s”"), Frequency.WEEKLY
    ),
    "member": Kind(
        _("New questions and posts by members I follow"),
        _("New from a member you follow: “%(title)s”"),
        Frequency.WEEKLY,
    ),
    "expert-question": Kind(
        _("Questions offered to me as an expert"),
        _("A question for your expertise: “%(title)s”"),
        Frequency.IMMEDIATE,
    ),
    "escalation": Kind(
        _("Unanswered questions in my country (coordinators)"),
        _("Unanswered for 72 hours: “%(title)s”"),
        Frequency.IMMEDIATE,
    ),
    "published": Kind(
        _("What I wrote is published after moderation"), _("Now published: “%(title)s”"), Frequency.IMMEDIATE
    ),
    # Alerts are also e-mailed at once by the action that raises them; here they are in-hub only.
    "at-risk": Kind(
        _("A child may be at risk now (safeguarding)"),
        _("Urgent: a member fears a child may be at risk now"),
        Frequency.NEVER,
        configurable=False,
    ),
    # The place is also e-mailed by the webinar's own message (with its deadline): in the hub only.
    "webinar-offer": Kind(
        _("A webinar place offered to me from the waiting list"),
        _("A place is waiting for you: “%(title)s”"),
        Frequency.NEVER,
        configurable=False,
    ),
    "webinar-decision": Kind(
        _("The organiser's decision on my webinar registration"),
        _("The organiser decided on your registration for “%(title)s”"),
        Frequency.NEVER,
        configurable=False,
    ),
    "course-completed": Kind(
        _("A course I completed, and its certificate"),
        _("You completed “%(title)s”: your certificate is in your learning record"),
        Frequency.IMMEDIATE,
    ),
    "case-session": Kind(
        _("Scheduled case discussions"), _("A case discussion is scheduled: “%(title)s”"), Frequency.WEEKLY
    ),
}


def kind_of(name: str) -> Kind:
    return KINDS.get(name) or Kind(_("Notification"), _("Notification"), Frequency.NEVER, configurable=False)
