"""Webinars: presenters, the webinar itself (one row per language), registrations with a waitlist,
reminders stored relative to the start, each member's secret calendar feed, attendance, the feedback
survey, and the recordings and slides shared afterwards."""

from __future__ import annotations

import secrets
import uuid
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from childhub.accounts.models import Organisation
from childhub.core.languages import CONTENT_LANGUAGES
from childhub.core.models import Topic, TranslatableContent

JOIN_OPENS_BEFORE = timedelta(minutes=15)
DEFAULT_REMINDERS = (24 * 60, 60)  # minutes before the start
# Recordings and slides of webinars on these topics wait for a review before members see them.
SENSITIVE_TOPICS = frozenset({"sexual-abuse", "trafficking", "exploitation", "violence-against-children"})


def new_token() -> str:
    return secrets.token_urlsafe(32)


class Presenter(models.Model):
    """Someone who presents webinars: a member, or a guest with a profile of their own."""

    member = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="presenter",
        verbose_name=_("member"),
    )
    name = models.CharField(_("name"), max_length=150)
    bio = models.TextField(_("short biography"), max_length=3000, blank=True)
    photo = models.ImageField(_("photo"), upload_to="webinars/presenters/", blank=True)
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["name"]
        verbose_name = _("presenter")
        verbose_name_plural = _("presenters")

    def __str__(self) -> str:
        return self.name


class WebinarQuerySet(models.QuerySet["Webinar"]):
    def listed(self) -> WebinarQuerySet:
        """What visitors see: published webinars, and cancelled ones (marked as such)."""
        return self.filter(status__in=[Webinar.Status.PUBLISHED, Webinar.Status.CANCELLED])

    def upcoming(self, now: datetime | None = None) -> WebinarQuerySet:
        return self.filter(ends_at__gt=now or timezone.now()).order_by("starts_at", "pk")

    def past(self, now: datetime | None = None) -> WebinarQuerySet:
        return self.filter(ends_at__lte=now or timezone.now()).order_by("-starts_at", "-pk")

    def given_in(self, code: str) -> WebinarQuerySet:
        return self.filter(delivered_in=code)


class Webinar(TranslatableContent):
    """A live online session, delivered in one language, planned in one IANA time zone."""

    class Status(models.TextChoices):
        DRAFT = "draft", pgettext_lazy("webinar status", "Draft")
        PUBLISHED = "published", pgettext_lazy("webinar status", "Published")
        CANCELLED = "cancelled", pgettext_lazy("webinar status", "Cancelled")

    class Backend(models.TextChoices):
        BIGBLUEBUTTON = "bbb", _("BigBlueButton (the hub's own rooms)")
        EXTERNAL = "external", _("A link to another service (Jitsi, Zoom, Teams)")

    title = models.CharField(_("title"), max_length=200)
    # ``language`` (from TranslatableContent) is the language of the title and description; versions
    # in other languages share the translation key. The language spoken is a separate choice.
    delivered_in = models.CharField(
        _("language it is given in"),
        max_length=10,
        choices=[(c, c) for c in CONTENT_LANGUAGES],
        db_index=True,
    )
    description = models.TextField(_("description"), max_length=10_000)
    topics = models.ManyToManyField(Topic, verbose_name=_("topics"), blank=True, related_name="webinars")
    presenters = models.ManyToManyField(
        Presenter, verbose_name=_("presenters"), blank=True, related_name="webinars"
    )
    organiser = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="webinars", verbose_name=_("organiser")
    )
    starts_at = models.DateTimeField(_("starts at"), db_index=True)
    duration_minutes = models.PositiveIntegerField(_("duration (minutes)"), default=90)
    # Stored (not computed in queries) so upcoming/past are plain indexed comparisons on both databases.
    ends_at = models.DateTimeField(editable=False, db_index=True)
    time_zone = models.CharField(_("time zone it is planned in"), max_length=64, default="Europe/Budapest")
    capacity = models.PositiveIntegerField(_("places"), default=100)
    registration_opens_at = models.DateTimeField(_("registration opens"), null=True, blank=True)
    registration_closes_at = models.DateTimeField(_("registration closes"), null=True, blank=True)
    approval_required = models.BooleanField(_("the organiser approves each registration"), default=False)
    guests_allowed = models.BooleanField(_("people without an account may register"), default=False)
    backend = models.CharField(
        _("where it takes place"), max_length=10, choices=Backend.choices, default=Backend.BIGBLUEBUTTON
    )
    external_url = models.URLField(_("link to the external room"), max_length=500, blank=True)
    sequence = models.PositiveIntegerField(default=0, editable=False)  # bumped when time or title change
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    objects = WebinarQuerySet.as_manager()

    class Meta:
        ordering = ["starts_at", "pk"]
        verbose_name = _("webinar")
        verbose_name_plural = _("webinars")
        indexes = [models.Index(fields=["status", "ends_at"])]
        constraints = [
            models.CheckConstraint(condition=Q(capacity__gte=1), name="webinar_has_a_place"),
            models.CheckConstraint(condition=Q(duration_minutes__gte=1), name="webinar_lasts"),
        ]

    def __str__(self) -> str:
        return self.title

    def save(self, *args: object, **kwargs: object) -> None:
        self.ends_at = self.starts_at + timedelta(minutes=self.duration_minutes)
        update_fields = kwargs.get("update_fields")
        if update_fields is not None:
            kwargs["update_fields"] = {*update_fields, "ends_at"}  # type: ignore[misc]
        super().save(*args, **kwargs)  # type: ignore[arg-type]

    def get_absolute_url(self) -> str:
        return reverse("webinars:detail", kwargs={"pk": self.pk})

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.time_zone)

    @property
    def local_start(self) -> datetime:
        return self.starts_at.astimezone(self.zone)

    @property
    def join_opens_at(self) -> datetime:
        return self.starts_at - JOIN_OPENS_BEFORE

    @property
    def meeting_id(self) -> str:
        return f"childhub-webinar-{self.pk}"

    @property
    def is_cancelled(self) -> bool:
        return self.status == self.Status.CANCELLED

    def seats_left(self) -> int:
        """Places not confirmed or held for someone (counted from the registrations)."""
        taken = self.registrations.filter(status__in=Registration.HOLDING_A_PLACE).count()
        return max(self.capacity - taken, 0)

    def is_past(self, now: datetime | None = None) -> bool:
        return self.ends_at <= (now or timezone.now())

    def registration_is_open(self, now: datetime | None = None) -> bool:
        moment = now or timezone.now()
        if self.status != self.Status.PUBLISHED:
            return False
        if self.registration_opens_at and moment < self.registration_opens_at:
            return False
        closes = self.registration_closes_at or self.ends_at
        return moment < closes and moment < self.ends_at

    def join_is_open(self, now: datetime | None = None, *, early: timedelta = JOIN_OPENS_BEFORE) -> bool:
        moment = now or timezone.now()
        return self.status == self.Status.PUBLISHED and self.starts_at - early <= moment < self.ends_at

    @property
    def hours(self) -> float:
        return round(self.duration_minutes / 60, 2)


class Reminder(models.Model):
    """A reminder to registrants, kept relative to the start so it moves with the webinar."""

    webinar = models.ForeignKey(Webinar, on_delete=models.CASCADE, related_name="reminders")
    minutes_before = models.PositiveIntegerField(_("minutes before the start"))

    class Meta:
        ordering = ["-minutes_before"]
        constraints = [
            models.UniqueConstraint(fields=["webinar", "minutes_before"], name="one_reminder_per_offset")
        ]

    def __str__(self) -> str:
        return f"{self.minutes_before} min before webinar {self.webinar_id}"

    @property
    def offset(self) -> timedelta:
        return timedelta(minutes=self.minutes_before)


class Registration(models.Model):
    """A member's (or an e-mail-confirmed guest's) place, request or waiting position for a webinar."""

    class Status(models.TextChoices):
        UNCONFIRMED = "unconfirmed", _("Waiting for e-mail confirmation")
        PENDING = "pending", _("Waiting for the organiser's approval")
        WAITLISTED = "waitlisted", _("On the waiting list")
        OFFERED = "offered", _("A place is held for you")
        CONFIRMED = "confirmed", pgettext_lazy("registration", "Confirmed")
        DECLINED = "declined", pgettext_lazy("registration", "Declined")
        CANCELLED = "cancelled", pgettext_lazy("registration", "Cancelled")
        EXPIRED = "expired", _("The held place expired")

    ACTIVE = (
        Status.UNCONFIRMED,
        Status.PENDING,
        Status.WAITLISTED,
        Status.OFFERED,
        Status.CONFIRMED,
    )
    HOLDING_A_PLACE = (Status.CONFIRMED, Status.OFFERED)

    webinar = models.ForeignKey(Webinar, on_delete=models.CASCADE, related_name="registrations")
    member = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="webinar_registrations",
    )
    guest_name = models.CharField(_("name"), max_length=150, blank=True)
    guest_email = models.EmailField(_("e-mail address"), blank=True)
    guest_language = models.CharField(
        _("language of e-mails"), max_length=10, choices=settings.LANGUAGES, blank=True
    )
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, db_index=True)
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    hold_expires_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    ended_at = models.DateTimeField(null=True, blank=True)  # cancelled, declined or expired
    # Attendance, decided from the presence intervals (with the share in force) when they are recorded.
    present_minutes = models.PositiveIntegerField(null=True, blank=True)
    attended = models.BooleanField(_("attended"), default=False, db_index=True)
    survey_sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        constraints = [
            models.UniqueConstraint(
                fields=["webinar", "member"],
                condition=Q(member__isnull=False)
                & Q(status__in=["unconfirmed", "pending", "waitlisted", "offered", "confirmed"]),
                name="one_active_registration_per_member",
            ),
            models.UniqueConstraint(
                fields=["webinar", "guest_email"],
                condition=Q(member__isnull=True, guest_email__gt="")
                & Q(status__in=["unconfirmed", "pending", "waitlisted", "offered", "confirmed"]),
                name="one_active_registration_per_guest",
            ),
        ]
        indexes = [models.Index(fields=["webinar", "status", "created_at"])]

    def __str__(self) -> str:
        return f"{self.name} → {self.webinar_id} ({self.status})"

    @property
    def is_guest(self) -> bool:
        return self.member_id is None

    @property
    def is_active(self) -> bool:
        return self.status in self.ACTIVE

    @property
    def name(self) -> str:
        return self.member.public_name if self.member is not None else self.guest_name

    @property
    def email(self) -> str:
        if self.member is not None:
            return "" if self.member.erased_at else self.member.email
        return self.guest_email

    @property
    def language(self) -> str:
        if self.member is not None:
            return self.member.language or settings.LANGUAGE_CODE
        return self.guest_language or settings.LANGUAGE_CODE


class SentReminder(models.Model):
    """A reminder that went out, keyed by the start it announced: moving the webinar re-arms it."""

    registration = models.ForeignKey(Registration, on_delete=models.CASCADE, related_name="sent_reminders")
    minutes_before = models.PositiveIntegerField()
    starts_at = models.DateTimeField()  # the start the reminder announced
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["registration", "minutes_before", "starts_at"], name="remind_once_per_start"
            )
        ]

    def __str__(self) -> str:
        return f"{self.minutes_before} min reminder to {self.registration_id}"


class CalendarFeed(models.Model):
    """A member's personal calendar feed, at a secret address they can renew."""

    member = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="webinar_calendar"
    )
    token = models.CharField(max_length=64, unique=True, default=new_token)
    created_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"calendar of {self.member_id}"

    def get_absolute_url(self) -> str:
        return reverse("webinars:calendar_feed", kwargs={"token": self.token})


class Presence(models.Model):
    """One stretch of a registrant's presence in the room, from a join to a leave. Rejoins add
    stretches; attendance counts their union within the scheduled time."""

    class Source(models.TextChoices):
        ROOM = "room", _("Reported by BigBlueButton")
        IMPORT = "import", _("Imported from a list of joins and leaves")
        ORGANISER = "organiser", _("Marked by the organiser")

    registration = models.ForeignKey(Registration, on_delete=models.CASCADE, related_name="presence")
    joined_at = models.DateTimeField()
    left_at = models.DateTimeField()
    source = models.CharField(max_length=10, choices=Source.choices)

    class Meta:
        ordering = ["joined_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(left_at__gte=models.F("joined_at")), name="presence_ends_after_start"
            ),
            models.UniqueConstraint(
                fields=["registration", "source", "joined_at"], name="one_presence_per_join_and_source"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.registration_id}: {self.joined_at:%H:%M}–{self.left_at:%H:%M}"


class SurveyQuestion(models.Model):
    """One of the organiser's own questions, asked after the fixed question every webinar asks."""

    class Kind(models.TextChoices):
        CHOICE = "choice", _("One choice from a list")
        SCALE = "scale", _("A scale from 1 to 5")
        TEXT = "text", _("Free text")

    webinar = models.ForeignKey(Webinar, on_delete=models.CASCADE, related_name="survey_questions")
    position = models.PositiveSmallIntegerField(default=0)
    text = models.CharField(_("question"), max_length=300)
    kind = models.CharField(_("kind of answer"), max_length=10, choices=Kind.choices, default=Kind.SCALE)
    choices = models.TextField(_("choices, one per line"), blank=True, max_length=2000)
    required = models.BooleanField(_("an answer is required"), default=False)

    class Meta:
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return self.text

    @property
    def choice_list(self) -> list[str]:
        return [line.strip() for line in self.choices.splitlines() if line.strip()]


class FeedbackResponse(models.Model):
    """What one attendee answered. An anonymous response keeps no link to the member: its key is
    random (not a sequence that could be lined up with the receipts) and it keeps only the day."""

    USEFUL_SCALE = range(1, 6)
    FOUND_USEFUL = (4, 5)

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    webinar = models.ForeignKey(Webinar, on_delete=models.CASCADE, related_name="feedback")
    useful = models.PositiveSmallIntegerField(_("Was this webinar useful for your work?"))
    member = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="webinar_feedback",
    )
    submitted_on = models.DateField(default=timezone.localdate)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=Q(useful__gte=1, useful__lte=5), name="useful_on_a_five_point_scale"
            )
        ]

    def __str__(self) -> str:
        return f"{self.useful}/5 for webinar {self.webinar_id}"


class FeedbackAnswer(models.Model):
    response = models.ForeignKey(FeedbackResponse, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(SurveyQuestion, on_delete=models.CASCADE, related_name="answers")
    value = models.TextField(max_length=5000)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["response", "question"], name="one_answer_per_question")
        ]

    def __str__(self) -> str:
        return self.value[:50]


class FeedbackReceipt(models.Model):
    """That a registrant answered the survey (never what): they are not asked twice, and the
    response rate is counted, even when the answers are anonymous."""

    registration = models.OneToOneField(
        Registration, on_delete=models.CASCADE, related_name="feedback_receipt"
    )
    webinar = models.ForeignKey(Webinar, on_delete=models.CASCADE, related_name="feedback_receipts")

    def __str__(self) -> str:
        return f"answered: {self.registration_id}"


class Material(models.Model):
    """A recording or the slides of a webinar, shown to members once published (after a review for
    sensitive topics), and then also listed in the library."""

    class Kind(models.TextChoices):
        RECORDING = "recording", _("Recording")
        SLIDES = "slides", _("Slides")

    webinar = models.ForeignKey(Webinar, on_delete=models.CASCADE, related_name="materials")
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    file = models.FileField(_("file"), upload_to="webinars/materials/%Y/%m/", blank=True)
    url = models.URLField(_("web address"), max_length=500, blank=True)
    bbb_record_id = models.CharField(max_length=100, blank=True, db_index=True)
    published_at = models.DateTimeField(null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    resource = models.OneToOneField(
        "library.Resource",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="webinar_material",
    )
    added_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["kind", "added_at", "pk"]
        constraints = [
            models.CheckConstraint(condition=~Q(file="") | ~Q(url=""), name="material_has_a_file_or_address")
        ]

    def __str__(self) -> str:
        return f"{self.kind} of webinar {self.webinar_id}"

    @property
    def is_published(self) -> bool:
        return self.published_at is not None

    @property
    def href(self) -> str:
        return self.file.url if self.file else self.url
