"""Questions, answers, posts, comments and case discussions ("contributions"), with votes,
edit history, flags, an append-only moderation log and the helplines shown with at-risk flags."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from childhub.accounts.models import COUNTRY_FIELD_CHOICES
from childhub.core.languages import CONTENT_LANGUAGES
from childhub.core.models import Topic


class ContributionQuerySet(models.QuerySet["Contribution"]):
    def published(self) -> ContributionQuerySet:
        return self.filter(status=Contribution.Status.PUBLISHED)

    def questions(self) -> ContributionQuerySet:
        return self.filter(kind=Contribution.Kind.QUESTION)

    def posts(self) -> ContributionQuerySet:
        return self.filter(kind=Contribution.Kind.POST)

    def cases(self) -> ContributionQuerySet:
        return self.filter(kind=Contribution.Kind.CASE)

    def top_level(self) -> ContributionQuerySet:
        return self.filter(parent=None)

    def unanswered(self) -> ContributionQuerySet:
        answered = Contribution.objects.filter(
            parent=models.OuterRef("pk"), kind=Contribution.Kind.ANSWER, status=Contribution.Status.PUBLISHED
        )
        return self.filter(~models.Exists(answered))

    def awaiting_moderation(self) -> ContributionQuerySet:
        return self.filter(status=Contribution.Status.HELD)


class Contribution(models.Model):
    """Anything a member writes in the community, in the language it is written in."""

    class Kind(models.TextChoices):
        QUESTION = "question", _("Question")
        ANSWER = "answer", _("Answer")
        POST = "post", _("Experience")
        COMMENT = "comment", _("Comment")
        CASE = "case", _("Case discussion")

    class Status(models.TextChoices):
        PUBLISHED = "published", _("Published")
        HELD = "held", _("Waiting for a moderator")
        HIDDEN = "hidden", _("Hidden by a moderator")
        REJECTED = "rejected", pgettext_lazy("moderation", "Rejected")

    kind = models.CharField(max_length=10, choices=Kind.choices)
    parent = models.ForeignKey(
        "self", on_delete=models.CASCADE, null=True, blank=True, related_name="children"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="contributions"
    )
    is_anonymous = models.BooleanField(_("ask anonymously"), default=False)
    title = models.CharField(_("title"), max_length=200, blank=True)
    body = models.TextField(_("text"), max_length=20_000)
    language = models.CharField(_("language"), max_length=10, choices=[(c, c) for c in CONTENT_LANGUAGES])
    country = models.CharField(
        _("country the question is about"), max_length=2, choices=COUNTRY_FIELD_CHOICES, blank=True
    )
    topics = models.ManyToManyField(Topic, verbose_name=_("topics"), blank=True, related_name="contributions")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PUBLISHED, db_index=True)
    hold_reason = models.TextField(_("why it does not identify a child"), blank=True)
    guard_kinds = models.JSONField(default=list, blank=True)  # kinds of findings the author overrode
    accepted_answer = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="accepted_for"
    )
    by_expert = models.BooleanField(default=False)
    announced_at = models.DateTimeField(null=True, blank=True)  # followers and experts were told
    escalated_at = models.DateTimeField(null=True, blank=True)  # unanswered: coordinators were told
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ContributionQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        indexes = [
            models.Index(fields=["kind", "status", "-created_at"]),
            # created_at last: a question's first answer is read from the index alone (impact).
            models.Index(fields=["parent", "kind", "status", "created_at"]),
            # Who wrote anything in a period (the impact's active members), from the index alone.
            models.Index(fields=["created_at", "author"]),
        ]

    def __str__(self) -> str:
        return self.title or self.body[:60]

    def get_absolute_url(self) -> str:
        root = self.root
        anchor = "" if root.pk == self.pk else f"#c{self.pk}"
        name = {"question": "question", "post": "post", "case": "case"}.get(root.kind, "question")
        return reverse(f"community:{name}", kwargs={"pk": root.pk}) + anchor

    @property
    def root(self) -> Contribution:
        """The thread this belongs to: the question, post or case itself, or a reply's parent."""
        return self.parent if self.parent_id and self.parent else self


class Follow(models.Model):
    """A member follows a question or post, a topic, or another member."""

    member = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="follows")
    thread = models.ForeignKey(
        Contribution, on_delete=models.CASCADE, null=True, blank=True, related_name="followers"
    )
    topic = models.ForeignKey(
        Topic, on_delete=models.CASCADE, null=True, blank=True, related_name="followers"
    )
    followed = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, null=True, blank=True, related_name="followers"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(thread__isnull=False, topic__isnull=True, followed__isnull=True)
                    | Q(thread__isnull=True, topic__isnull=False, followed__isnull=True)
                    | Q(thread__isnull=True, topic__isnull=True, followed__isnull=False)
                ),
                name="follow_has_one_target",
            ),
            models.UniqueConstraint(fields=["member", "thread"], name="follow_thread_once"),
            models.UniqueConstraint(fields=["member", "topic"], name="follow_topic_once"),
            models.UniqueConstraint(fields=["member", "followed"], name="follow_member_once"),
        ]

    def __str__(self) -> str:
        return f"{self.member_id} follows {self.thread_id or self.topic_id or self.followed_id}"


class ExpertOffer(models.Model):
    """A new question offered to an expert whose topics, languages and country match."""

    question = models.ForeignKey(Contribution, on_delete=models.CASCADE, related_name="offers")
    expert = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="offers")
    offered_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["question", "expert"], name="offer_once")]

    def __str__(self) -> str:
        return f"question {self.question_id} offered to {self.expert_id}"


class CaseDetails(models.Model):
    """The structured, de-identified part of a case discussion."""

    class AgeBand(models.TextChoices):
        INFANT = "0-2", _("0–2 years")
        EARLY = "3-5", _("3–5 years")
        PRIMARY = "6-9", _("6–9 years")
        PRETEEN = "10-12", _("10–12 years")
        TEEN = "13-15", _("13–15 years")
        OLDER = "16-17", _("16–17 years")

    class Gender(models.TextChoices):
        UNSAID = "", _("Not said")
        GIRL = "girl", _("Girl")
        BOY = "boy", _("Boy")
        OTHER = "other", pgettext_lazy("gender", "Other")

    case = models.OneToOneField(Contribution, on_delete=models.CASCADE, related_name="case_details")
    age_band = models.CharField(_("age band"), max_length=5, choices=AgeBand.choices)
    gender = models.CharField(_("gender"), max_length=5, choices=Gender.choices, blank=True)
    region = models.CharField(_("region (not the town or street)"), max_length=100)
    family_situation = models.TextField(_("family situation"), max_length=3000)
    services_involved = models.TextField(_("services involved"), max_length=2000, blank=True)
    what_was_done = models.TextField(_("what has been done so far"), max_length=5000)
    summary = models.TextField(_("summary kept after the retention period"), max_length=1000)
    confirmed_anonymised = models.BooleanField(default=False)
    expires_at = models.DateTimeField(db_index=True)
    redacted_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"case {self.case_id}"


class CaseSessionQuerySet(models.QuerySet["CaseSession"]):
    def upcoming(self) -> CaseSessionQuerySet:
        return self.filter(ends_at__gte=timezone.now()).order_by("starts_at")


class CaseSession(models.Model):
    """A scheduled case discussion: a date, a facilitator and a language, announced like a small event."""

    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("what will be discussed"), max_length=3000)
    language = models.CharField(_("language"), max_length=10, choices=[(c, c) for c in CONTENT_LANGUAGES])
    country = models.CharField(_("country"), max_length=2, choices=COUNTRY_FIELD_CHOICES, blank=True)
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    time_zone = models.CharField(_("time zone"), max_length=64, default="Europe/Budapest")
    facilitator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="facilitated_sessions",
        verbose_name=_("facilitator"),
    )
    join_url = models.URLField(_("link to join (shown to verified professionals only)"), blank=True)
    sequence = models.PositiveIntegerField(default=0)  # bumped on each change, for calendar updates
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    objects = CaseSessionQuerySet.as_manager()

    class Meta:
        ordering = ["starts_at"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("community:case_session", kwargs={"pk": self.pk})


class Vote(models.Model):
    answer = models.ForeignKey(Contribution, on_delete=models.CASCADE, related_name="votes")
    voter = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="votes")
    value = models.SmallIntegerField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["answer", "voter"], name="one_vote_per_member"),
            models.CheckConstraint(condition=Q(value__in=[-1, 1]), name="vote_is_up_or_down"),
        ]

    def __str__(self) -> str:
        return f"{self.voter_id} {self.value:+d} on {self.answer_id}"


class Revision(models.Model):
    """The text of a contribution before an edit."""

    contribution = models.ForeignKey(Contribution, on_delete=models.CASCADE, related_name="revisions")
    editor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True)
    title = models.CharField(max_length=200, blank=True)
    body = models.TextField()
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-at"]

    def __str__(self) -> str:
        return f"revision of {self.contribution_id} at {self.at:%Y-%m-%d}"


class Flag(models.Model):
    class Reason(models.TextChoices):
        SPAM = "spam", _("Spam")
        INAPPROPRIATE = "inappropriate", _("Inappropriate")
        IDENTIFIES_CHILD = "identifies-child", _("It identifies a child")
        AT_RISK = "at-risk", _("A child may be at risk now")

    contribution = models.ForeignKey(Contribution, on_delete=models.CASCADE, related_name="flags")
    reporter = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True)
    reason = models.CharField(_("reason"), max_length=20, choices=Reason.choices)
    note = models.TextField(_("what moderators should know"), blank=True, max_length=2000)
    created_at = models.DateTimeField(default=timezone.now)
    resolved_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.reason} on {self.contribution_id}"


class ModerationDecision(models.Model):
    """Append-only audit log of moderation. Never stores what was written, only what was decided."""

    class Action(models.TextChoices):
        APPROVE = "approve", _("Approve")
        HIDE = "hide", _("Hide")
        REJECT = "reject", _("Reject")
        RESTORE = "restore", _("Restore")
        EDIT = "edit", pgettext_lazy("moderation", "Edit")
        RESOLVE_FLAG = "resolve-flag", _("Resolve flag")

    contribution_id_ref = models.PositiveBigIntegerField()
    moderator = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True)
    action = models.CharField(max_length=15, choices=Action.choices)
    reason = models.CharField(max_length=500)
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-at"]

    def __str__(self) -> str:
        return f"{self.action} {self.contribution_id_ref}"

    def save(self, *args: object, **kwargs: object) -> None:
        if self.pk is not None:
            raise ValueError("The moderation log is append-only.")
        super().save(*args, **kwargs)  # type: ignore[arg-type]

    def delete(self, *args: object, **kwargs: object) -> tuple[int, dict[str, int]]:
        raise ValueError("The moderation log is append-only.")


class Helpline(models.Model):
    """Emergency and child helpline numbers per country, shown with "a child may be at risk now"."""

    country = models.CharField(_("country"), max_length=2, choices=COUNTRY_FIELD_CHOICES, blank=True)
    name = models.CharField(_("name"), max_length=150)
    number = models.CharField(_("number"), max_length=40)
    note = models.CharField(_("note"), max_length=300, blank=True)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["country", "order", "name"]

    def __str__(self) -> str:
        return f"{self.country or '*'} {self.name}: {self.number}"


class SafeguardingLead(models.Model):
    """Who is alerted at once when someone flags that a child may be at risk now."""

    country = models.CharField(_("country"), max_length=2, choices=COUNTRY_FIELD_CHOICES)
    member = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="safeguarding"
    )

    class Meta:
        constraints = [models.UniqueConstraint(fields=["country", "member"], name="one_lead_row")]

    def __str__(self) -> str:
        return f"{self.member} ({self.country})"
