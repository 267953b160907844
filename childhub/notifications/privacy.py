"""Personal data held by notifications: what a member was told, their e-mail choices, digests sent."""

from __future__ import annotations

from childhub.core.privacy import register, rows

from .models import Digest, Notification, Preference

register(
    "notifications.Notification",
    export=lambda u: rows(
        Notification.objects.filter(recipient=u), "kind", "params", "url", "created_at", "read_at"
    ),
    erase=lambda u: Notification.objects.filter(recipient=u).delete() and None,
)
register(
    "notifications.Preference",
    export=lambda u: rows(Preference.objects.filter(member=u), "kind", "frequency"),
    erase=lambda u: Preference.objects.filter(member=u).delete() and None,
)
register(
    "notifications.Digest",
    export=lambda u: rows(Digest.objects.filter(member=u), "frequency", "sent_at", "items"),
    erase=lambda u: Digest.objects.filter(member=u).delete() and None,
)
