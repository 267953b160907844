"""Resources of the library, their changes, downloads, bookmarks and reading lists."""

from __future__ import annotations

import secrets

from django.conf import settings
from django.db import models
from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from childhub.accounts.models import COUNTRY_FIELD_CHOICES, Organisation, Profile
from childhub.core.models import Topic, TranslatableContent


class ResourceQuerySet(models.QuerySet["Resource"]):
    def published(self) -> ResourceQuerySet:
        return self.filter(status=Resource.Status.PUBLISHED)

    def visible_to(self, levels: set[str]) -> ResourceQuerySet:
        return self.published().filter(access__in=levels)

    def with_download_count(self) -> ResourceQuerySet:
        return self.annotate(download_count=Count("downloads", distinct=True))

    def for_list(self) -> ResourceQuerySet:
        # Without the text extracted from files (up to 500,000 characters each): lists never show it.
        return self.select_related("organisation").prefetch_related("topics").defer("extracted_text")


class Resource(TranslatableContent):
    """One resource in one language; versions in other languages share the translation key."""

    class Kind(models.TextChoices):
        DOCUMENT = "document", _("Document")
        VIDEO = "video", _("Video")
        AUDIO = "audio", _("Audio")
        IMAGE = "image", _("Image")
        LINK = "link", _("Link")
        PRACTICE = "practice", _("Promising practice")

    class Access(models.TextChoices):
        PUBLIC = "public", _("Everyone")
        MEMBERS = "members", _("Members only")

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for review")
        PUBLISHED = "published", _("Published")
        REJECTED = "rejected", _("Not accepted")

    class Licence(models.TextChoices):
        CC_BY = "cc-by", "CC BY 4.0"
        CC_BY_SA = "cc-by-sa", "CC BY-SA 4.0"
        CC_BY_NC = "cc-by-nc", "CC BY-NC 4.0"
        CC_BY_NC_ND = "cc-by-nc-nd", "CC BY-NC-ND 4.0"
        PUBLIC_DOMAIN = "public-domain", _("Public domain")
        ALL_RIGHTS = "all-rights-reserved", _("All rights reserved")
        UNKNOWN = "unknown", pgettext_lazy("licence", "Unknown")

    kind = models.CharField(_("type"), max_length=10, choices=Kind.choices, default=Kind.DOCUMENT)
    title = models.CharField(_("title"), max_length=250)
    summary = models.TextField(_("summary"), max_length=3000)
    topics = models.ManyToManyField(Topic, verbose_name=_("topics"), related_name="resources", blank=True)
    authors = models.CharField(_("authors"), max_length=300, blank=True)
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("publishing organisation"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="resources",
    )
    year = models.PositiveSmallIntegerField(_("year"), null=True, blank=True)
    licence = models.CharField(_("licence"), max_length=20, choices=Licence.choices, default=Licence.UNKNOWN)
    access = models.CharField(
        _("who can open it"), max_length=10, choices=Access.choices, default=Access.PUBLIC
    )

    file = models.FileField(_("file"), upload_to="library/%Y/%m/", blank=True)
    file_type = models.CharField(max_length=100, blank=True, editable=False)
    file_size = models.PositiveBigIntegerField(null=True, blank=True, editable=False)
    preview = models.ImageField(upload_to="library/previews/", blank=True, editable=False)
    extracted_text = models.TextField(blank=True, editable=False)
    url = models.URLField(_("web address"), max_length=500, blank=True)
    transcript = models.TextField(_("transcript"), blank=True)

    practice_context = models.TextField(_("context"), blank=True)
    practice_action = models.TextField(_("what was done"), blank=True)
    practice_results = models.TextField(_("results"), blank=True)
    practice_contact = models.CharField(_("contact"), max_length=300, blank=True)

    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PENDING)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="resources"
    )
    review_note = models.TextField(_("note from the reviewer"), blank=True)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    updated_at = models.DateTimeField(auto_now=True)
    published_at = models.DateTimeField(null=True, blank=True, db_index=True)

    objects = ResourceQuerySet.as_manager()

    class Meta:
        verbose_name = _("resource")
        verbose_name_plural = _("resources")
        indexes = [
            models.Index(fields=["status", "access", "-published_at"]),
            models.Index(fields=["language", "status"]),
            models.Index(fields=["kind", "status"]),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("library:resource", kwargs={"pk": self.pk})

    @property
    def countries(self) -> list[str]:
        return [c.country for c in self.country_rows.all()]

    @property
    def audiences(self) -> list[str]:
        labels = dict(Profile.Profession.choices)
        return [str(labels.get(a.profession, a.profession)) for a in self.audience_rows.all()]

    @property
    def is_media(self) -> bool:
        return self.file_type.startswith(("audio/", "video/"))


class ResourceCountry(models.Model):
    resource = models.ForeignKey(Resource, on_delete=models.CASCADE, related_name="country_rows")
    country = models.CharField(max_length=2, choices=COUNTRY_FIELD_CHOICES)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["resource", "country"], name="one_row_per_country")]

    def __str__(self) -> str:
        return self.country


class ResourceAudience(models.Model):
    resource = models.ForeignKey(Resource, on_delete=models.CASCADE, related_name="audience_rows")
    profession = models.CharField(max_length=30, choices=Profile.Profession.choices)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["resource", "profession"], name="one_row_per_audience")
        ]

    def __str__(self) -> str:
        return self.profession


class ResourceChange(models.Model):
    """Who changed a resource, when, and what."""

    resource = models.ForeignKey(Resource, on_delete=models.CASCADE, related_name="changes")
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True)
    action = models.CharField(max_length=20)
    changes = models.JSONField(default=dict, blank=True)
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-at", "-pk"]

    def __str__(self) -> str:
        return f"{self.action} {self.resource_id} by {self.actor_id}"


class Download(models.Model):
    """A fact: one download or play of a resource, in the resource's language."""

    resource = models.ForeignKey(Resource, on_delete=models.CASCADE, related_name="downloads")
    language = models.CharField(max_length=10)
    member = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True)
    at = models.DateTimeField(default=timezone.now, db_index=True)

    def __str__(self) -> str:
        return f"{self.resource_id} ({self.language})"


class Bookmark(models.Model):
    member = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="bookmarks")
    resource = models.ForeignKey(Resource, on_delete=models.CASCADE, related_name="bookmarks")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["member", "resource"], name="one_bookmark")]

    def __str__(self) -> str:
        return f"{self.member_id} ★ {self.resource_id}"


def _share_token() -> str:
    return secrets.token_urlsafe(16)


class Collection(models.Model):
    """A member's reading list; shared with anyone who has its link."""

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="collections")
    title = models.CharField(_("title"), max_length=150)
    description = models.TextField(_("description"), blank=True, max_length=2000)
    share_token = models.CharField(max_length=40, unique=True, default=_share_token, editable=False)
    is_shared = models.BooleanField(_("anyone with the link can see it"), default=False)
    resources: models.ManyToManyField[Resource, CollectionItem] = models.ManyToManyField(
        Resource, through="CollectionItem", related_name="collections"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.title


class CollectionItem(models.Model):
    collection = models.ForeignKey(Collection, on_delete=models.CASCADE, related_name="items")
    resource = models.ForeignKey(Resource, on_delete=models.CASCADE)
    added_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["added_at"]
        constraints = [
            models.UniqueConstraint(fields=["collection", "resource"], name="one_item_per_resource")
        ]

    def __str__(self) -> str:
        return f"{self.collection_id}: {self.resource_id}"


PENDING_FOR_REVIEW = Q(status=Resource.Status.PENDING)
