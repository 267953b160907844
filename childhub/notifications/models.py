"""Notifications in the hub, each member's e-mail choices per kind, and the digests sent."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .kinds import Frequency, kind_of


class NotificationQuerySet(models.QuerySet["Notification"]):
    def unread(self) -> NotificationQuerySet:
        return self.filter(read_at=None)

    def pending_email(self) -> NotificationQuerySet:
        return self.filter(email_state=Notification.Email.PENDING)


class Notification(models.Model):
    class Email(models.TextChoices):
        PENDING = "pending", _("Waiting to be e-mailed")
        SENT = "sent", _("E-mailed")
        SKIPPED = "skipped", _("Not e-mailed")

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    kind = models.CharField(max_length=40)
    params = models.JSONField(default=dict, blank=True)
    url = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    read_at = models.DateTimeField(null=True, blank=True)
    email_state = models.CharField(max_length=10, choices=Email.choices, default=Email.PENDING)
    emailed_at = models.DateTimeField(null=True, blank=True)

    objects = NotificationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["recipient", "-created_at"], name="notification_inbox"),
            models.Index(fields=["recipient", "read_at"], name="notification_unread"),
            models.Index(fields=["email_state", "recipient"], name="notification_pending"),
        ]

    def __str__(self) -> str:
        return f"{self.kind} for {self.recipient_id}"

    @property
    def message(self) -> str:
        return kind_of(self.kind).render(self.params)


class Preference(models.Model):
    """How often a member wants e-mail about one kind of notification."""

    member = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notification_preferences"
    )
    kind = models.CharField(max_length=40)
    frequency = models.CharField(max_length=10, choices=Frequency.CHOICES)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["member", "kind"], name="one_preference_per_kind")]

    def __str__(self) -> str:
        return f"{self.member_id} {self.kind}: {self.frequency}"


class Digest(models.Model):
    """One digest e-mail sent: when, and how many notifications it carried."""

    member = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="digests")
    frequency = models.CharField(max_length=10, choices=Frequency.CHOICES)
    sent_at = models.DateTimeField(default=timezone.now)
    items = models.PositiveIntegerField(default=0)

    class Meta:
        indexes = [models.Index(fields=["member", "frequency", "-sent_at"], name="digest_latest")]

    def __str__(self) -> str:
        return f"{self.frequency} digest for {self.member_id} at {self.sent_at:%Y-%m-%d %H:%M}"
