"""Personal data held by the community: what members wrote, their votes, flags and moderation."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from childhub.core.privacy import exempt, register, rows

from .models import (
    CaseSession,
    Contribution,
    ExpertOffer,
    Flag,
    Follow,
    ModerationDecision,
    Revision,
    SafeguardingLead,
    Vote,
)


def _forget(rows_of_member: QuerySet[Any], field: str) -> None:
    """Keep the rows, no longer linked to the person."""
    rows_of_member.update(**{field: None})


register(
    "community.Contribution",
    export=lambda u: rows(
        Contribution.objects.filter(author=u),
        "id",
        "kind",
        "parent_id",
        "title",
        "body",
        "language",
        "country",
        "is_anonymous",
        "status",
        "created_at",
    ),
    # Contributions stay in their threads; the author is shown as a former member.
    erase=lambda u: None,
)
register(
    "community.Revision",
    export=lambda u: rows(Revision.objects.filter(editor=u), "contribution_id", "title", "body", "at"),
    # The edit history stays with the contribution, no longer naming the editor.
    erase=lambda u: _forget(Revision.objects.filter(editor=u), "editor"),
)
register(
    "community.Vote",
    export=lambda u: rows(Vote.objects.filter(voter=u), "answer_id", "value"),
    erase=lambda u: Vote.objects.filter(voter=u).delete() and None,
)
register(
    "community.Flag",
    export=lambda u: rows(Flag.objects.filter(reporter=u), "contribution_id", "reason", "note", "created_at"),
    # Flags stay for moderators, no longer linked to the person who raised them.
    erase=lambda u: _forget(Flag.objects.filter(reporter=u), "reporter"),
)
register(
    "community.ModerationDecision",
    export=lambda u: rows(
        ModerationDecision.objects.filter(moderator=u), "contribution_id_ref", "action", "reason", "at"
    ),
    erase=lambda u: None,  # the audit log is append-only; it now names a former member
)
register(
    "community.SafeguardingLead",
    export=lambda u: rows(SafeguardingLead.objects.filter(member=u), "country"),
    erase=lambda u: SafeguardingLead.objects.filter(member=u).delete() and None,
)
register(
    "community.Follow",
    export=lambda u: rows(
        Follow.objects.filter(member=u), "thread_id", "topic__slug", "followed_id", "created_at"
    ),
    erase=lambda u: Follow.objects.filter(member=u).delete() and None,
)
register(
    "community.ExpertOffer",
    export=lambda u: rows(ExpertOffer.objects.filter(expert=u), "question_id", "offered_at"),
    erase=lambda u: ExpertOffer.objects.filter(expert=u).delete() and None,
)
register(
    "community.CaseSession",
    export=lambda u: rows(
        CaseSession.objects.filter(facilitator=u), "title", "language", "starts_at", "ends_at"
    ),
    # A scheduled discussion stays on record; its facilitator is shown as a former member.
    erase=lambda u: None,
)
exempt("community.CaseDetails", reason="Belongs to a case contribution, exported with it; holds no member.")
exempt("community.Helpline", reason="Public helpline numbers; no member data.")
