"""Shared reference data (languages, topics) and the content-translation mixin."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any, Self, TypeVar

from django.conf import settings
from django.core.cache import caches
from django.db import models
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from childhub.core import fragments

from .languages import CONTENT_LANGUAGES, language_name
from .taxonomy import TOPICS

if TYPE_CHECKING:
    from childhub.accounts.models import User


class Language(models.Model):
    """A language members speak and content is written in (ISO code)."""

    code = models.CharField(max_length=10, unique=True)

    class Meta:
        ordering = ["code"]

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return language_name(self.code)


class Topic(models.Model):
    """A topic of the shared taxonomy; its name comes from the translation catalogue."""

    slug = models.SlugField(max_length=60, unique=True)

    class Meta:
        ordering = ["slug"]

    def __str__(self) -> str:
        return str(self.name)

    @property
    def name(self) -> str:
        return str(TOPICS.get(self.slug, self.slug))


def language_choices() -> list[tuple[str, str]]:
    """(code, name) of the content languages, by name in the reader's language; cached."""
    return _reference_choices(
        "languages", lambda: [(lang.code, lang.name) for lang in Language.objects.all()]
    )


def topic_choices() -> list[tuple[str, str]]:
    """(slug, name) of the taxonomy's topics, by name in the reader's language; cached."""
    return _reference_choices("topics", lambda: [(t.slug, t.name) for t in Topic.objects.all()])


def _reference_choices(name: str, load: Callable[[], list[tuple[str, str]]]) -> list[tuple[str, str]]:
    """Kept in each process for a minute (reference data: a round trip to the page cache for
    each filter's list cost more than keeping them)."""
    key = ("choices", name, translation.get_language())
    return list(fragments.kept(key, lambda: tuple(sorted(load(), key=lambda c: c[1]))))


class TranslatableContent(models.Model):
    """One row per language; rows with the same translation_key are versions of one thing."""

    language = models.CharField(_("language"), max_length=10, choices=[(c, c) for c in CONTENT_LANGUAGES])
    translation_key = models.UUIDField(default=uuid.uuid4, db_index=True, editable=False)

    class Meta:
        abstract = True

    @property
    def language_name(self) -> str:
        return language_name(self.language)

    def versions(self) -> models.QuerySet[Self]:
        return type(self)._default_manager.filter(translation_key=self.translation_key)

    def other_versions(self) -> models.QuerySet[Self]:
        return self.versions().exclude(pk=self.pk).order_by("language")


T = TypeVar("T", bound=TranslatableContent)


def reader_languages(user: User | Any | None, active: str) -> list[str]:
    """The reader's languages in order of preference: preferred, spoken, then English."""
    order: list[str] = []
    if user is not None and user.is_authenticated:
        order.append(user.language or active)
        profile = getattr(user, "profile", None)
        if profile is not None:
            order.extend(lang.code for lang in profile.languages.all())
    else:
        order.append(active)
    order.append(settings.LANGUAGE_CODE)
    seen: list[str] = []
    for code in order:
        if code and code not in seen:
            seen.append(code)
    return seen


def pick_best_version(versions: Iterable[T], preferences: Sequence[str]) -> T | None:
    """The version the reader should see: the first preference available, else the original.

    The original is the oldest version (lowest primary key).
    """
    rows = sorted(versions, key=lambda v: v.pk or 0)
    if not rows:
        return None
    by_language = {row.language: row for row in rows}
    for code in preferences:
        if code in by_language:
            return by_language[code]
        # sr-latn readers can read sr and back; bs/hr/sr-latn are mutually intelligible
        # but a reader asked for a specific one, so only exact script pairs fall through.
        if code == "sr-latn" and "sr" in by_language:
            return by_language["sr"]
        if code == "sr" and "sr-latn" in by_language:
            return by_language["sr-latn"]
    return rows[0]


class PolicyPage(TranslatableContent):
    """A versioned policy members consent to; each version exists in several languages."""

    class Kind(models.TextChoices):
        TERMS = "terms", pgettext_lazy("policy", "Terms of use")
        CHARTER = "charter", pgettext_lazy("policy", "Ethical Charter")
        CHILD_PROTECTION = "child-protection", pgettext_lazy("policy", "Child Protection Policy")

    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices)
    version = models.PositiveIntegerField(_("version"))
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(_("text"))
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["kind", "-version", "language"]
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "version", "language"], name="policy_one_language_per_version"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} v{self.version} ({self.language})"

    def get_absolute_url(self) -> str:
        return reverse("core:policy_in", kwargs={"kind": self.kind, "language": self.language})


class HubSetting(models.Model):
    """A figure staff may change from the staff interface, without a deployment."""

    class Key(models.TextChoices):
        CASE_RETENTION_MONTHS = "case-retention-months", _("Months before the details of a case are redacted")
        ATTENDANCE_SHARE = (
            "attendance-share-percent",
            _("Share of a webinar's time that counts as attended (%)"),
        )

    DEFAULTS = {Key.CASE_RETENTION_MONTHS: 24, Key.ATTENDANCE_SHARE: 75}

    key = models.CharField(_("setting"), max_length=40, choices=Key.choices, unique=True)
    value = models.PositiveIntegerField(_("value"))

    def __str__(self) -> str:
        return f"{self.get_key_display()}: {self.value}"


def hub_setting(key: str) -> int:
    """The staff's value for a setting, else its default (remembered for a minute)."""
    cache_key = f"hub-setting:{key}"
    value = caches["pages"].get(cache_key)
    if value is None:
        row = HubSetting.objects.filter(key=key).values_list("value", flat=True).first()
        value = row if row is not None else HubSetting.DEFAULTS[HubSetting.Key(key)]
        caches["pages"].set(cache_key, value, 60)
    return int(value)
