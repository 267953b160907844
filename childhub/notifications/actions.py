"""Changes in notifications: notifying members, e-mailing at once or in digests, preferences.

A notification is e-mailed at most once: its e-mail state moves from pending to sent (or skipped)
in the same transaction that decides to send it. A digest carries every pending notification of
its frequency, whenever it was created, so nothing is repeated and nothing is missed, even when a
run is late or skipped.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.core import signing
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation

from childhub.accounts.models import User
from childhub.core.mail import mail_member

from .kinds import KINDS, Frequency, kind_of
from .models import Digest, Notification, Preference

PERIODS = {Frequency.DAILY: timedelta(days=1), Frequency.WEEKLY: timedelta(days=7)}
# A digest run may start a little earlier than the period after the last one (cron drift).
SLACK = timedelta(hours=1)
UNSUBSCRIBE_SALT = "notifications.unsubscribe"


def frequencies(member: User) -> dict[str, str]:
    """The member's e-mail frequency for every kind (their choice, else the kind's default)."""
    chosen = dict(Preference.objects.filter(member=member).values_list("kind", "frequency"))
    return {
        name: (chosen.get(name, kind.default) if kind.configurable else kind.default)
        for name, kind in KINDS.items()
    }


def notify(
    *,
    recipients: Iterable[User],
    kind: str,
    url: str,
    params: dict[str, Any] | None = None,
    actor: User | None = None,
) -> list[Notification]:
    """Tell each recipient (once, never the actor) in the hub, and by e-mail as they chose:
    immediate ones are sent after the commit, the others wait for their digest."""
    people = {
        p.pk: p for p in recipients if p.is_active and not p.erased_at and (actor is None or p.pk != actor.pk)
    }
    if not people:
        return []
    chosen = dict(
        Preference.objects.filter(member_id__in=people, kind=kind).values_list("member_id", "frequency")
    )
    definition = kind_of(kind)
    rows, immediate = [], []
    for pk in people:
        frequency = chosen.get(pk, definition.default) if definition.configurable else definition.default
        state = Notification.Email.SKIPPED if frequency == Frequency.NEVER else Notification.Email.PENDING
        row = Notification(recipient_id=pk, kind=kind, url=url, params=params or {}, email_state=state)
        rows.append(row)
        if frequency == Frequency.IMMEDIATE:
            immediate.append(row)
    created = Notification.objects.bulk_create(rows)
    if immediate:
        from .tasks import deliver

        ids = [row.pk for row in immediate]
        transaction.on_commit(lambda: [deliver.enqueue(notification_id=pk) for pk in ids])
    return created


@transaction.atomic
def send_immediate(*, notification_id: int) -> bool:
    """E-mail one notification now, unless it was already sent (or its member opted out since)."""
    claimed = Notification.objects.filter(pk=notification_id, email_state=Notification.Email.PENDING).update(
        email_state=Notification.Email.SENT, emailed_at=timezone.now()
    )
    if not claimed:
        return False
    notification = Notification.objects.select_related("recipient").get(pk=notification_id)
    member = notification.recipient
    with translation.override(member.language or settings.LANGUAGE_CODE):
        unsubscribe = _absolute(
            reverse("notifications:unsubscribe", args=[unsubscribe_token(member, notification.kind)])
        )
        mail_member(
            member=member,
            template="notifications/email/immediate",
            context={
                "message": notification.message,
                "url": _absolute(notification.url),
                "unsubscribe": unsubscribe,
                "kind_label": kind_of(notification.kind).label,
            },
            headers=_list_headers(unsubscribe),
        )
    return True


def digest_due(member: User, frequency: str, now: datetime) -> bool:
    last = Digest.objects.filter(member=member, frequency=frequency).order_by("-sent_at").first()
    return last is None or now - last.sent_at >= PERIODS[frequency] - SLACK


def send_digests(*, frequency: str, now: datetime | None = None) -> int:
    """Send every member who is due a digest of this frequency all their pending notifications
    of the kinds they receive at this frequency. Returns the number of digests sent."""
    now = now or timezone.now()
    sent = 0
    member_ids = (
        Notification.objects.pending_email()
        .filter(created_at__lte=now)
        .values_list("recipient_id", flat=True)
        .distinct()
    )
    for member in User.objects.filter(pk__in=list(member_ids), is_active=True):
        kinds = [k for k, f in frequencies(member).items() if f == frequency]
        if kinds and digest_due(member, frequency, now) and _send_digest(member, frequency, kinds, now):
            sent += 1
    return sent


@transaction.atomic
def _send_digest(member: User, frequency: str, kinds: list[str], now: datetime) -> bool:
    pending = Notification.objects.pending_email().filter(
        recipient=member, kind__in=kinds, created_at__lte=now
    )
    items = list(pending.select_for_update().order_by("created_at", "pk"))
    if not items:
        return False
    Notification.objects.filter(pk__in=[n.pk for n in items], email_state=Notification.Email.PENDING).update(
        email_state=Notification.Email.SENT, emailed_at=now
    )
    Digest.objects.create(member=member, frequency=frequency, sent_at=now, items=len(items))
    with translation.override(member.language or settings.LANGUAGE_CODE):
        unsubscribe = _absolute(
            reverse("notifications:unsubscribe", args=[unsubscribe_token(member, frequency)])
        )
        mail_member(
            member=member,
            template="notifications/email/digest",
            context={
                "items": [(n.message, _absolute(n.url)) for n in items],
                "frequency": frequency,
                "unsubscribe": unsubscribe,
                "preferences": _absolute(reverse("notifications:preferences")),
            },
            headers=_list_headers(unsubscribe),
        )
    return True


@transaction.atomic
def set_frequency(*, member: User, kind: str, frequency: str) -> None:
    """Choose how often a kind is e-mailed; choosing "only in the hub" drops what was waiting."""
    if kind not in KINDS or not KINDS[kind].configurable:
        return
    Preference.objects.update_or_create(member=member, kind=kind, defaults={"frequency": frequency})
    if frequency == Frequency.NEVER:
        Notification.objects.pending_email().filter(recipient=member, kind=kind).update(
            email_state=Notification.Email.SKIPPED
        )


def unsubscribe_token(member: User, scope: str) -> str:
    """A signed token for one-click unsubscribe: ``scope`` is a kind, or a digest frequency."""
    return signing.dumps({"m": member.pk, "s": scope}, salt=UNSUBSCRIBE_SALT, compress=True)


def read_unsubscribe_token(token: str) -> tuple[User, str] | None:
    try:
        data = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except signing.BadSignature:
        return None
    member = User.objects.filter(pk=data.get("m"), is_active=True).first()
    return (member, str(data.get("s", ""))) if member is not None else None


def unsubscribe(*, member: User, scope: str) -> list[str]:
    """Stop e-mail for a kind, or for every kind in a digest; returns the kinds changed."""
    if scope in PERIODS:
        kinds = [k for k, f in frequencies(member).items() if f == scope and KINDS[k].configurable]
    else:
        kinds = [scope] if scope in KINDS and KINDS[scope].configurable else []
    for kind in kinds:
        set_frequency(member=member, kind=kind, frequency=Frequency.NEVER)
    return kinds


def mark_read(*, member: User, notification_ids: Iterable[int] | None = None) -> int:
    unread = Notification.objects.unread().filter(recipient=member)
    if notification_ids is not None:
        unread = unread.filter(pk__in=list(notification_ids))
    return unread.update(read_at=timezone.now())


def _absolute(path: str) -> str:
    return path if path.startswith(("http://", "https://")) else settings.SITE_URL + path


def _list_headers(unsubscribe: str) -> dict[str, str]:
    """RFC 8058 one-click unsubscribe, which mail clients show as a button."""
    return {"List-Unsubscribe": f"<{unsubscribe}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"}
