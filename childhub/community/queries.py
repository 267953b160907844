"""Reads of the community: lists with answer counts, a thread with scored answers, the queue."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import Any

from django.contrib.auth import get_user_model
from django.db import connection
from django.db.models import Count, Exists, IntegerField, OuterRef, Q, QuerySet, Sum, Value
from django.db.models.functions import Coalesce

from .models import Contribution, Flag, Follow, Vote

PUBLISHED = Contribution.Status.PUBLISHED


def listing(
    *, show: str = "", topic: str = "", country: str = "", language: str = ""
) -> QuerySet[Contribution]:
    kind = Contribution.Kind.POST if show == "posts" else Contribution.Kind.QUESTION
    items = Contribution.objects.filter(kind=kind, status=PUBLISHED, parent=None)
    if show == "unanswered":
        items = items.unanswered()
    if topic:
        through = Contribution.topics.through
        items = items.filter(
            Exists(through.objects.filter(contribution_id=OuterRef("pk"), topic__slug=topic))
        )
    if country:
        items = items.filter(country=country)
    if language:
        items = items.filter(language=language)
    return items.select_related("author__profile").prefetch_related("topics").order_by("-created_at", "-pk")


def with_reply_counts(items: Iterable[Contribution]) -> list[Contribution]:
    """The items (a page of a listing) with ``replies``, the number of published replies of each,
    counted in one query for the page rather than grouped over every item of the list."""
    rows = list(items)
    counts = dict(
        # The status is counted, not filtered: a filter on it may lead SQLite to its status index
        # (every published row) instead of the parent's (the page's replies).
        Contribution.objects.filter(parent__in=[item.pk for item in rows])
        .order_by()
        .values_list("parent")
        .annotate(n=Count("pk", filter=Q(status=PUBLISHED)))
    )
    for item in rows:
        item.replies = counts.get(item.pk, 0)  # type: ignore[attr-defined]
    return rows


@dataclass(frozen=True)
class ReplyStamp:
    """What identifies a version of a reply: enough to find its rendered block in the cache."""

    pk: int
    author_id: int | None
    updated_at: str  # as the database gives it: part of the version, never read as a date
    status: str
    score: int


def _score() -> Coalesce:
    return Coalesce(Sum("votes__value"), Value(0), output_field=IntegerField())


def thread(root: Contribution, viewer: Any) -> list[ReplyStamp]:
    """Published replies (and the viewer's own held ones), oldest first; for a question, the
    accepted answer first, then by votes. As stamps, without loading the replies themselves (most
    are rendered from the cache)."""
    question = root.kind == Contribution.Kind.QUESTION
    with connection.cursor() as cursor:
        cursor.execute(
            _thread_sql(by_votes=question),
            [
                root.pk,
                PUBLISHED,
                viewer.pk if viewer.is_authenticated else None,
                Contribution.Status.HELD,
                *([root.accepted_answer_id] if question else []),
            ],
        )
        return [
            ReplyStamp(
                pk=pk,
                author_id=author_id,
                updated_at=updated_at.replace(" ", "T"),
                status=status,
                score=score,
            )
            for pk, author_id, updated_at, status, score in cursor.fetchall()
        ]


@cache
def _thread_sql(*, by_votes: bool) -> str:
    """The thread's stamps with their scores, written out: composed through the ORM (an annotated
    sum over a join, then 100 dates converted) the query cost 1.6 ms of the question page, the
    database 0.1 ms of it. ``test_queries`` checks it against the ORM's answer."""
    quote = connection.ops.quote_name
    contribution, vote = quote(Contribution._meta.db_table), quote(Vote._meta.db_table)
    order = "CASE WHEN c.id = %s THEN 0 ELSE 1 END, score DESC, " if by_votes else ""
    return (
        # The time as text: it is only part of a cache key (PostgreSQL would parse 50 dates for it).
        "SELECT c.id, c.author_id, CAST(c.updated_at AS TEXT), c.status, COALESCE(SUM(v.value), 0) AS score "
        f"FROM {contribution} c LEFT JOIN {vote} v ON v.answer_id = c.id "
        "WHERE c.parent_id = %s AND (c.status = %s OR (c.author_id = %s AND c.status = %s)) "
        "GROUP BY c.id, c.author_id, c.updated_at, c.created_at, c.status "
        f"ORDER BY {order}c.created_at, c.id"
    )


def follows(viewer: Any, root: Contribution) -> tuple[bool, bool]:
    """Whether the viewer follows the thread, and its named author: one query for both."""
    if not viewer.is_authenticated:
        return False, False
    author = None if root.is_anonymous else root.author_id
    with connection.cursor() as cursor:
        cursor.execute(_follows_sql(), [viewer.pk, root.pk, author])
        rows = cursor.fetchall()
    return (
        any(thread_id == root.pk for thread_id, _followed in rows),
        author is not None and any(followed == author for _thread, followed in rows),
    )


@cache
def _follows_sql() -> str:
    """Written out like the thread's stamps: the ORM took 0.6 ms to compose this, the database
    0.05 ms to answer it."""
    quote = connection.ops.quote_name
    return (
        f"SELECT thread_id, followed_id FROM {quote(Follow._meta.db_table)} "
        "WHERE member_id = %s AND (thread_id = %s OR followed_id = %s)"
    )


def followers(follows: QuerySet[Follow]) -> list[Any]:
    """The members behind these follows, with their profiles.

    Two reads by index, not one join: the planner, with statistics taken while a thread had few
    followers, joined them to the members by walking the whole member table in key order
    (12 ms at 35,000 members, on every answer posted); ids first cannot be planned that way."""
    ids = list(follows.values_list("member_id", flat=True))
    if not ids:
        return []
    return list(get_user_model().objects.filter(pk__in=ids).select_related("profile").order_by("pk"))


def replies(pks: list[int]) -> dict[int, Contribution]:
    """The replies themselves, with their authors and scores, for rendering."""
    return {
        reply.pk: reply
        for reply in Contribution.objects.filter(pk__in=pks)
        .annotate(score=_score())
        .select_related("author__profile")
    }


def moderation_queue(*, countries: set[str] | None) -> dict[str, list[Any]]:
    """Held contributions and open flags ("a child may be at risk now" first), for all
    countries (None) or for those a coordinator covers."""
    held = Contribution.objects.filter(status=Contribution.Status.HELD).select_related("author", "parent")
    flags = (
        Flag.objects.filter(resolved_at=None)
        .select_related("contribution__parent", "reporter")
        .order_by("-created_at")
    )
    if countries is not None:
        in_country = Q(country__in=countries) | Q(parent__country__in=countries)
        held = held.filter(in_country)
        flags = flags.filter(
            Q(contribution__country__in=countries) | Q(contribution__parent__country__in=countries)
        )
    flag_list = sorted(flags[:200], key=lambda f: f.reason != Flag.Reason.AT_RISK)
    return {"held": list(held.order_by("created_at")[:200]), "flags": flag_list}


def waiting_for_answer(*, countries: set[str] | None) -> QuerySet[Contribution]:
    """Published questions without a published answer, oldest first; for all countries (None)
    or those a coordinator covers."""
    waiting = Contribution.objects.questions().published().top_level().unanswered()
    if countries is not None:
        waiting = waiting.filter(country__in=countries)
    return waiting.select_related("author__profile").order_by("created_at", "pk")


def country_at_risk(contribution: Contribution, reporter: Any) -> str:
    """The country whose safeguarding lead and helplines an at-risk flag concerns: the thread's
    country, else the reporter's."""
    return contribution.root.country or getattr(getattr(reporter, "profile", None), "country", "")
