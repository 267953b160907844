"""Changes in the community: contributing, editing, voting, accepting, flagging, moderating."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import timedelta
from typing import Any
from zoneinfo import ZoneInfo

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from childhub.accounts.models import User
from childhub.core.mail import mail_member
from childhub.core.models import HubSetting, Topic, hub_setting
from childhub.notifications.actions import notify
from childhub.search import backends as search

from . import queries
from .models import (
    CaseDetails,
    CaseSession,
    Contribution,
    ExpertOffer,
    Flag,
    Follow,
    ModerationDecision,
    Revision,
    Vote,
)
from .permissions import is_verified

PRE_MODERATED_FIRST = 3
SEARCH_KIND = "community.contribution"
FIRST_ANSWER_TARGET = timedelta(hours=72)
EXPERTS_PER_QUESTION = 5
INDEXED_REPLIES = 200  # replies whose text joins their question's search document


@dataclass
class CaseFields:
    age_band: str
    gender: str
    region: str
    family_situation: str
    services_involved: str
    what_was_done: str
    summary: str


def case_retention() -> timedelta:
    """How long case details are kept before they are redacted to the summary (set by staff)."""
    return timedelta(days=round(hub_setting(HubSetting.Key.CASE_RETENTION_MONTHS) * 30.4375))


def needs_premoderation(author: User) -> bool:
    """A member's first contributions wait for a moderator, unless they are verified."""
    if author.is_staff or author.is_moderator or is_verified(author):
        return False
    # Counted up to the threshold only: a long-standing member's hundreds of posts are not read.
    published = Contribution.objects.filter(author=author, status=Contribution.Status.PUBLISHED)
    return published[:PRE_MODERATED_FIRST].count() < PRE_MODERATED_FIRST


def contribute(
    *,
    author: User,
    kind: str,
    body: str,
    language: str,
    parent: Contribution | None = None,
    title: str = "",
    country: str = "",
    topics: Iterable[Topic] = (),
    is_anonymous: bool = False,
    overridden: Iterable[str] = (),
    hold_reason: str = "",
    case: CaseFields | None = None,
) -> Contribution:
    """Publish a contribution, or hold it for a moderator when the author published despite
    the child-identity guard's findings, or while the author is new.

    What it needs to know is read before the write begins: on SQLite a write transaction holds
    the database's one write lock from its start, and members posting at once queue on it."""
    kinds = sorted(set(overridden))
    held = bool(kinds) or needs_premoderation(author)
    audience = None if held or parent is None else _reply_audience(parent)
    with transaction.atomic():
        contribution = Contribution.objects.create(
            author=author,
            kind=kind,
            parent=parent,
            title=title.strip(),
            body=body.strip(),
            language=language,
            country=country,
            is_anonymous=is_anonymous and kind in (Contribution.Kind.QUESTION, Contribution.Kind.CASE),
            status=Contribution.Status.HELD if held else Contribution.Status.PUBLISHED,
            hold_reason=hold_reason.strip(),
            guard_kinds=kinds,
            by_expert=bool(getattr(getattr(author, "profile", None), "is_expert", False)),
        )
        if topics:
            contribution.topics.set(topics)
        if case is not None:
            CaseDetails.objects.create(
                case=contribution,
                confirmed_anonymised=True,
                expires_at=timezone.now() + case_retention(),
                **case.__dict__,
            )
        if contribution.status == Contribution.Status.PUBLISHED:
            announce(contribution=contribution, audience=audience)
        if parent is not None and kind != Contribution.Kind.CASE:
            # Hear about later replies (one statement: a follow already there is left as it is).
            Follow.objects.bulk_create([Follow(member=author, thread=parent)], ignore_conflicts=True)
        pk = contribution.pk
        transaction.on_commit(lambda: index_contribution(contribution_id=pk))
        return contribution


@transaction.atomic
def edit_contribution(
    *,
    contribution: Contribution,
    editor: User,
    title: str,
    body: str,
    overridden: Iterable[str] = (),
    hold_reason: str = "",
) -> Contribution:
    """Save a new text, keeping the old one in the edit history."""
    Revision.objects.create(
        contribution=contribution, editor=editor, title=contribution.title, body=contribution.body
    )
    contribution.title = title.strip()
    contribution.body = body.strip()
    kinds = sorted(set(overridden))
    fields = ["title", "body", "updated_at"]
    if kinds and editor.pk == contribution.author_id:
        contribution.status = Contribution.Status.HELD
        contribution.guard_kinds = kinds
        contribution.hold_reason = hold_reason.strip()
        fields += ["status", "guard_kinds", "hold_reason"]
    contribution.save(update_fields=fields)
    if editor.pk != contribution.author_id:
        ModerationDecision.objects.create(
            contribution_id_ref=contribution.pk,
            moderator=editor,
            action=ModerationDecision.Action.EDIT,
            reason="edited by a moderator",
        )
    pk = contribution.pk
    transaction.on_commit(lambda: index_contribution(contribution_id=pk))
    return contribution


def vote(*, answer: Contribution, voter: User, value: int) -> None:
    """Vote an answer up (+1) or down (-1); voting the same way again takes the vote back."""
    existing = Vote.objects.filter(answer=answer, voter=voter).first()
    if existing is not None and existing.value == value:
        existing.delete()
        return
    try:
        with transaction.atomic():
            Vote.objects.update_or_create(answer=answer, voter=voter, defaults={"value": value})
    except IntegrityError:
        pass  # a double submit already counted it


@transaction.atomic
def accept_answer(*, question: Contribution, answer: Contribution | None) -> Contribution:
    """Mark the answer the asker found most useful (or none)."""
    question.accepted_answer = answer
    question.save(update_fields=["accepted_answer", "updated_at"])
    if answer is not None:
        notify(
            recipients=[answer.author],
            kind="accepted",
            url=answer.get_absolute_url(),
            params={"title": question.title},
        )
    return question


@transaction.atomic
def flag(*, contribution: Contribution, reporter: User, reason: str, note: str = "") -> Flag:
    """Record a flag. "A child may be at risk now" alerts the country's safeguarding leads and
    staff at once, by e-mail in their language."""
    created = Flag.objects.create(
        contribution=contribution, reporter=reporter, reason=reason, note=note.strip()
    )
    if reason == Flag.Reason.AT_RISK:
        country = queries.country_at_risk(contribution, reporter)
        contacts = safeguarding_contacts(country)
        for person in contacts:
            mail_member(
                member=person,
                template="community/email/at_risk",
                context={"contribution": contribution, "country": country, "flag": created},
            )
        notify(recipients=contacts, kind="at-risk", url=reverse("community:moderate", args=[contribution.pk]))
    return created


def safeguarding_contacts(country: str) -> list[User]:
    leads = list(get_user_model().objects.filter(safeguarding__country=country, is_active=True).distinct())
    staff = list(get_user_model().objects.filter(is_staff=True, is_active=True, erased_at=None))
    seen, out = set(), []
    for person in [*leads, *staff]:
        if person.pk not in seen:
            seen.add(person.pk)
            out.append(person)
    return out


@transaction.atomic
def moderate(*, contribution: Contribution, moderator: User, action: str, reason: str) -> Contribution:
    """Approve, hide, reject or restore a contribution; the decision goes to the audit log
    (never the text). Open flags on it are resolved."""
    statuses = {
        ModerationDecision.Action.APPROVE: Contribution.Status.PUBLISHED,
        ModerationDecision.Action.RESTORE: Contribution.Status.PUBLISHED,
        ModerationDecision.Action.HIDE: Contribution.Status.HIDDEN,
        ModerationDecision.Action.REJECT: Contribution.Status.REJECTED,
    }
    was_held = contribution.status == Contribution.Status.HELD
    if action in statuses:
        contribution.status = statuses[ModerationDecision.Action(action)]
        contribution.save(update_fields=["status", "updated_at"])
    if contribution.status == Contribution.Status.PUBLISHED:
        announce(contribution=contribution)
        if was_held:
            notify(
                recipients=[contribution.author],
                kind="published",
                url=contribution.get_absolute_url(),
                params={"title": _title_of(contribution)},
            )
    ModerationDecision.objects.create(
        contribution_id_ref=contribution.pk, moderator=moderator, action=action, reason=reason.strip()[:500]
    )
    Flag.objects.filter(contribution=contribution, resolved_at=None).update(resolved_at=timezone.now())
    if action == ModerationDecision.Action.REJECT:
        mail_member(
            member=contribution.author,
            template="community/email/rejected",
            context={"contribution": contribution, "reason": reason},
        )
    pk = contribution.pk
    transaction.on_commit(lambda: index_contribution(contribution_id=pk))
    return contribution


def recent_rejections(author: Any) -> int:
    since = timezone.now() - timedelta(days=30)
    return Contribution.objects.filter(
        author=author, status=Contribution.Status.REJECTED, updated_at__gte=since
    ).count()


def redact_expired_cases(*, now: Any = None) -> int:
    """Replace the details of case discussions past their retention period by their summary."""
    now = now or timezone.now()
    count = 0
    for details in CaseDetails.objects.filter(expires_at__lte=now, redacted_at=None).select_related("case"):
        with transaction.atomic():
            case = details.case
            Revision.objects.filter(contribution__in=[case, *case.children.all()]).delete()
            case.body = details.summary
            case.save(update_fields=["body", "updated_at"])
            case.children.update(body="[redacted after the retention period]", updated_at=now)
            details.family_situation = details.services_involved = details.what_was_done = ""
            details.region = ""
            details.redacted_at = now
            details.save()
            count += 1
    return count


def index_contribution(*, contribution_id: int) -> None:
    """Questions and posts are searchable once published; answers join their question's text.
    Case discussions are never indexed.

    Called once the change is committed, in a write of its own: on SQLite, re-indexing a long
    thread inside the change's transaction held the database's only write lock meanwhile, and the
    other workers waited (posting an answer: p95 400 → 620 ms)."""
    contribution = Contribution.objects.filter(pk=contribution_id).select_related("parent").first()
    if contribution is None:
        return
    root = contribution.root
    if root.kind not in (Contribution.Kind.QUESTION, Contribution.Kind.POST):
        return
    if root.status != Contribution.Status.PUBLISHED:
        search.remove_document(kind=SEARCH_KIND, object_id=root.pk)
        return
    replies = root.children.published().values_list("body", flat=True)[:INDEXED_REPLIES]
    document = _search_document(root, list(replies))
    search.index_document(
        kind=document.kind,
        object_id=document.object_id,
        language=document.language,
        title=document.title,
        body=document.body,
        access=document.access,
    )


def _search_document(root: Contribution, replies: list[str]) -> search.Document:
    """A question's or post's search document: its text and its published replies' (newest first)."""
    return search.Document(
        kind=SEARCH_KIND,
        object_id=root.pk,
        language=root.language,
        title=root.title,
        body="\n".join([root.body, *replies]),
        access="public",
    )


def index_new_contributions(contribution_ids: Iterable[int]) -> int:
    """Index many published questions and posts not yet in the index at once (imports, seeding),
    with the same documents as index_contribution; returns how many."""
    ids = list(contribution_ids)

    def documents() -> Iterable[search.Document]:
        for start in range(0, len(ids), 1000):
            roots = list(
                Contribution.objects.filter(
                    pk__in=ids[start : start + 1000],
                    parent=None,
                    kind__in=[Contribution.Kind.QUESTION, Contribution.Kind.POST],
                    status=Contribution.Status.PUBLISHED,
                ).order_by("pk")
            )
            replies: dict[int, list[str]] = {}
            for parent_id, body in (
                Contribution.objects.published()
                .filter(parent_id__in=[root.pk for root in roots])
                .order_by("parent_id", "-created_at")
                .values_list("parent_id", "body")
            ):
                bodies = replies.setdefault(parent_id, [])
                if len(bodies) < INDEXED_REPLIES:
                    bodies.append(body)
            for root in roots:
                yield _search_document(root, replies.get(root.pk, []))

    return search.index_documents(documents())


def _title_of(contribution: Contribution) -> str:
    """What a notification may say about a thread: never the title of a case discussion."""
    root = contribution.root
    return "" if root.kind == Contribution.Kind.CASE else root.title


@dataclass
class _Audience:
    """Whom a reply is announced to, and as what kind of notification."""

    kind: str
    people: list[User]


def _reply_audience(root: Contribution) -> _Audience:
    """A reply goes to the thread's author and followers (to verified ones only in a case
    discussion)."""
    people = [root.author, *queries.followers(Follow.objects.filter(thread=root))]
    if root.kind == Contribution.Kind.CASE:
        return _Audience("case-reply", [p for p in people if is_verified(p)])
    return _Audience("answer" if root.kind == Contribution.Kind.QUESTION else "comment", people)


def announce(*, contribution: Contribution, audience: _Audience | None = None) -> None:
    """Tell who follows, once, that a contribution is published: a reply goes to the thread's
    author and followers (``audience``, when read already); a new question or post to followers
    of its topics and of its author (never a case discussion, which only verified professionals
    may read), and a new question is offered to matching experts."""
    updated = Contribution.objects.filter(pk=contribution.pk, announced_at=None).update(
        announced_at=timezone.now()
    )
    if not updated:
        return
    root = contribution.root
    url = contribution.get_absolute_url()
    params = {"title": _title_of(contribution)}
    if root.pk != contribution.pk:
        audience = audience or _reply_audience(root)
        notify(
            recipients=audience.people, kind=audience.kind, url=url, params=params, actor=contribution.author
        )
        return
    if root.kind == Contribution.Kind.CASE:
        return
    notify(
        recipients=queries.followers(Follow.objects.filter(topic__in=root.topics.all())),
        kind="topic",
        url=url,
        params=params,
        actor=root.author,
    )
    if not root.is_anonymous:
        notify(
            recipients=queries.followers(Follow.objects.filter(followed=root.author_id)),
            kind="member",
            url=url,
            params=params,
            actor=root.author,
        )
    if root.kind == Contribution.Kind.QUESTION:
        route_to_experts(question=root)


def matching_experts(question: Contribution) -> list[User]:
    """Experts whose topics and languages match the question; those of its country first."""
    experts = (
        get_user_model()
        .objects.filter(
            is_active=True,
            erased_at=None,
            profile__is_expert=True,
            profile__expert_languages__code=question.language,
            profile__expert_topics__in=question.topics.all(),
        )
        .exclude(pk=question.author_id)
        .select_related("profile")
        .distinct()
    )
    ranked = sorted(experts, key=lambda e: (e.profile.country != question.country, e.pk))
    return ranked[:EXPERTS_PER_QUESTION]


def route_to_experts(*, question: Contribution) -> list[User]:
    """Offer a new question to the matching experts (once each) and tell them."""
    experts = matching_experts(question)
    ExpertOffer.objects.bulk_create(
        [ExpertOffer(question=question, expert=e) for e in experts], ignore_conflicts=True
    )
    notify(
        recipients=experts,
        kind="expert-question",
        url=question.get_absolute_url(),
        params={"title": question.title},
    )
    return experts


def escalate_unanswered(*, now: Any = None) -> int:
    """Tell the country's coordinators (or staff, when none) about questions still without a
    published answer after the first-answer target; each question is escalated once."""
    now = now or timezone.now()
    overdue = (
        Contribution.objects.questions()
        .published()
        .top_level()
        .unanswered()
        .filter(created_at__lte=now - FIRST_ANSWER_TARGET, escalated_at=None)
    )
    people = get_user_model().objects.filter(is_active=True, erased_at=None)
    staff = list(people.filter(is_staff=True))
    coordinators: dict[str, list[User]] = {}
    count = 0
    for question in overdue:
        with transaction.atomic():
            if not Contribution.objects.filter(pk=question.pk, escalated_at=None).update(escalated_at=now):
                continue
            if question.country and question.country not in coordinators:
                coordinators[question.country] = list(people.filter(coordinations__country=question.country))
            notify(
                recipients=coordinators.get(question.country) or staff,
                kind="escalation",
                url=question.get_absolute_url(),
                params={"title": question.title},
            )
            count += 1
    return count


def _target(thread: Contribution | None, topic: Topic | None, followed: User | None) -> dict[str, Any]:
    if thread is not None:
        return {"thread": thread}
    return {"topic": topic} if topic is not None else {"followed": followed}


def follow(
    *,
    member: User,
    thread: Contribution | None = None,
    topic: Topic | None = None,
    followed: User | None = None,
) -> Follow:
    """Follow one thing (a thread, a topic or a member); following twice changes nothing."""
    found, _created = Follow.objects.get_or_create(member=member, **_target(thread, topic, followed))
    return found


def unfollow(
    *,
    member: User,
    thread: Contribution | None = None,
    topic: Topic | None = None,
    followed: User | None = None,
) -> None:
    Follow.objects.filter(member=member, **_target(thread, topic, followed)).delete()


def schedule_case_session(*, created_by: User, data: dict[str, Any]) -> CaseSession:
    """Announce a case discussion: verified professionals who read its language (in its country,
    when one is set) are told in the hub and as they chose by e-mail."""
    with transaction.atomic():
        session = CaseSession.objects.create(created_by=created_by, **data)
        audience = get_user_model().objects.filter(
            is_active=True,
            erased_at=None,
            profile__verified_at__isnull=False,
            profile__languages__code=session.language,
        )
        if session.country:
            audience = audience.filter(profile__country=session.country)
        notify(
            recipients=audience.distinct(),
            kind="case-session",
            url=session.get_absolute_url(),
            params={"title": session.title},
            actor=created_by,
        )
    return session


def case_session_calendar(session: CaseSession) -> bytes:
    """The session as an RFC 5545 calendar (VEVENT with a stable UID, bumped SEQUENCE, VTIMEZONE)."""
    import icalendar  # loaded when a calendar is asked for, not by every web process

    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//ChildHub//Case discussions//EN")
    calendar.add("version", "2.0")
    calendar.add("method", "PUBLISH")
    zone = ZoneInfo(session.time_zone)
    event = icalendar.Event()
    event.add("uid", f"case-session-{session.pk}@childhub")
    event.add("sequence", session.sequence)
    event.add("dtstamp", timezone.now())
    event.add("dtstart", session.starts_at.astimezone(zone))
    event.add("dtend", session.ends_at.astimezone(zone))
    event.add("summary", session.title)
    event.add("description", session.description)
    event.add("url", settings.SITE_URL + session.get_absolute_url())
    calendar.add_component(event)
    calendar.add_missing_timezones()
    return calendar.to_ical()
