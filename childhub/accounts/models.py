"""Members, profiles, roles, organisations, verification of professional status, consent."""

from __future__ import annotations

from typing import ClassVar

from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser, BaseUserManager
from django.contrib.auth.models import PermissionsMixin
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from childhub.core.countries import ALL as COUNTRY_CODES
from childhub.core.countries import country_name
from childhub.core.models import Language, PolicyPage, Topic

COUNTRY_FIELD_CHOICES = [(c, c) for c in COUNTRY_CODES]


class Visibility(models.TextChoices):
    PUBLIC = "public", _("Everyone")
    MEMBERS = "members", _("Members only")
    PRIVATE = "private", _("Only me")


class UserManager(BaseUserManager["User"]):
    use_in_migrations = True

    def create_user(self, email: str, password: str | None = None, **extra: object) -> User:
        if not email:
            raise ValueError("An e-mail address is required")
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_superuser(self, email: str, password: str | None = None, **extra: object) -> User:
        extra.setdefault("is_staff", True)
        extra.setdefault("is_superuser", True)
        return self.create_user(email, password, **extra)


class User(AbstractBaseUser, PermissionsMixin):
    """A person with an account. Erased accounts keep their row as "former member"."""

    email = models.EmailField(_("e-mail address"), unique=True)
    display_name = models.CharField(_("display name"), max_length=80, blank=True, db_index=True)
    language = models.CharField(
        _("preferred language"), max_length=10, choices=settings.LANGUAGES, default="en"
    )
    is_active = models.BooleanField(_("active"), default=True)
    is_staff = models.BooleanField(_("hub staff"), default=False)
    is_moderator = models.BooleanField(_("moderator"), default=False)
    date_joined = models.DateTimeField(_("joined"), default=timezone.now)
    erased_at = models.DateTimeField(_("erased"), null=True, blank=True)

    objects: ClassVar[UserManager] = UserManager()  # type: ignore[assignment]

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS: ClassVar[list[str]] = []

    class Meta:
        verbose_name = _("member")
        verbose_name_plural = _("members")

    def __str__(self) -> str:
        return self.public_name

    @property
    def public_name(self) -> str:
        if self.erased_at:
            return str(_("former member"))
        return self.display_name or self.email.split("@")[0]

    def get_full_name(self) -> str:
        return self.public_name

    def get_short_name(self) -> str:
        return self.public_name


class Organisation(models.Model):
    """A partner, member organisation or funder of the hub."""

    class Kind(models.TextChoices):
        PARTNER = "partner", _("Partner organisation")
        MEMBER = "member", _("Member organisation")
        FUNDER = "funder", _("Funder")

    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.MEMBER)
    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("short name in addresses"), max_length=80, unique=True)
    country = models.CharField(_("country"), max_length=2, choices=COUNTRY_FIELD_CHOICES, blank=True)
    description = models.TextField(_("description"), blank=True)
    website = models.URLField(_("website"), blank=True)
    logo = models.ImageField(_("logo"), upload_to="organisations/", blank=True)
    members: models.ManyToManyField[User, Membership] = models.ManyToManyField(
        settings.AUTH_USER_MODEL, through="Membership", related_name="organisations", blank=True
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def __str__(self) -> str:
        return self.name

    @property
    def country_name(self) -> str:
        return country_name(self.country)


class Membership(models.Model):
    """A member belongs to an organisation; editors publish under its name."""

    class Role(models.TextChoices):
        MEMBER = "member", pgettext_lazy("organisation role", "Member")
        EDITOR = "editor", pgettext_lazy("organisation role", "Editor")

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE)
    member = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    role = models.CharField(_("role"), max_length=10, choices=Role.choices, default=Role.MEMBER)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["organisation", "member"], name="one_membership")]

    def __str__(self) -> str:
        return f"{self.member} @ {self.organisation} ({self.role})"


class CoordinatorAssignment(models.Model):
    """A member coordinates the hub in one country."""

    member = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="coordinations"
    )
    country = models.CharField(_("country"), max_length=2, choices=COUNTRY_FIELD_CHOICES)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["member", "country"], name="one_coordination")]

    def __str__(self) -> str:
        return f"{self.member} coordinates {self.country}"


class ProfileQuerySet(models.QuerySet["Profile"]):
    def listable_for(self, levels: set[str]) -> ProfileQuerySet:
        return self.filter(name_visibility__in=levels, user__is_active=True, user__erased_at=None)

    def experts(self) -> ProfileQuerySet:
        return self.filter(is_expert=True)

    def verified(self) -> ProfileQuerySet:
        return self.exclude(verified_at=None)

    def for_cards(self) -> ProfileQuerySet:
        """With what a card shows beside the many-to-many parts (queries.profile_cards reads those)."""
        return self.select_related("user", "organisation")


class Profile(models.Model):
    """What a member tells colleagues about themselves, each part with its own visibility."""

    class Profession(models.TextChoices):
        SOCIAL_WORKER = "social-worker", _("Social worker")
        PSYCHOLOGIST = "psychologist", _("Psychologist")
        POLICE = "police", _("Police")
        JUDICIARY = "judiciary", _("Judiciary")
        EDUCATION = "education", _("Education")
        HEALTH = "health", _("Health")
        NGO = "ngo", _("NGO")
        PUBLIC_ADMINISTRATION = "public-administration", _("Public administration")
        STUDENT = "student", _("Student")
        OTHER = "other", pgettext_lazy("profession", "Other")

    class Gender(models.TextChoices):
        WOMAN = "woman", _("Woman")
        MAN = "man", _("Man")
        ANOTHER = "another", _("In another way")

    VISIBLE_FIELDS: ClassVar[tuple[str, ...]] = (
        "name",
        "profession",
        "job_title",
        "organisation",
        "country",
        "languages",
        "topics",
        "bio",
        "photo",
    )

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, primary_key=True, related_name="profile"
    )
    profession = models.CharField(_("profession"), max_length=30, choices=Profession.choices, blank=True)
    job_title = models.CharField(_("job title"), max_length=120, blank=True)
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="profiles",
    )
    country = models.CharField(_("country"), max_length=2, choices=COUNTRY_FIELD_CHOICES, blank=True)
    languages = models.ManyToManyField(
        Language, verbose_name=_("languages spoken"), blank=True, related_name="speakers"
    )
    topics = models.ManyToManyField(
        Topic, verbose_name=_("topics of interest"), blank=True, related_name="interested"
    )
    bio = models.TextField(_("short bio"), max_length=1000, blank=True)
    # Never shown to anyone: only counted, without names, in the impact figures.
    gender = models.CharField(
        _("gender"),
        max_length=10,
        choices=Gender.choices,
        blank=True,
        help_text=_(
            "Optional. Never shown on your profile: only counted, without names, in the hub's figures."
        ),
    )
    photo = models.ImageField(_("photo"), upload_to="photos/", blank=True)

    name_visibility = models.CharField(max_length=10, choices=Visibility.choices, default=Visibility.MEMBERS)
    profession_visibility = models.CharField(
        max_length=10, choices=Visibility.choices, default=Visibility.MEMBERS
    )
    job_title_visibility = models.CharField(
        max_length=10, choices=Visibility.choices, default=Visibility.MEMBERS
    )
    organisation_visibility = models.CharField(
        max_length=10, choices=Visibility.choices, default=Visibility.MEMBERS
    )
    country_visibility = models.CharField(
        max_length=10, choices=Visibility.choices, default=Visibility.MEMBERS
    )
    languages_visibility = models.CharField(
        max_length=10, choices=Visibility.choices, default=Visibility.MEMBERS
    )
    topics_visibility = models.CharField(
        max_length=10, choices=Visibility.choices, default=Visibility.MEMBERS
    )
    bio_visibility = models.CharField(max_length=10, choices=Visibility.choices, default=Visibility.MEMBERS)
    photo_visibility = models.CharField(max_length=10, choices=Visibility.choices, default=Visibility.MEMBERS)

    verified_at = models.DateTimeField(_("verified professional since"), null=True, blank=True)
    is_expert = models.BooleanField(_("expert (resource person)"), default=False)
    expert_topics = models.ManyToManyField(
        Topic, verbose_name=_("expertise topics"), blank=True, related_name="experts"
    )
    expert_languages = models.ManyToManyField(
        Language, verbose_name=_("languages of expertise"), blank=True, related_name="experts"
    )
    updated_at = models.DateTimeField(auto_now=True)

    objects = ProfileQuerySet.as_manager()

    class Meta:
        verbose_name = _("profile")
        verbose_name_plural = _("profiles")
        indexes = [
            models.Index(fields=["country", "country_visibility"]),
            models.Index(fields=["profession", "profession_visibility"]),
        ]

    def __str__(self) -> str:
        return self.user.public_name

    @property
    def is_verified(self) -> bool:
        return self.verified_at is not None

    @property
    def country_name(self) -> str:
        return country_name(self.country)

    def visibility_of(self, field: str) -> str:
        return str(getattr(self, f"{field}_visibility"))


class VerificationRequest(models.Model):
    """A member asks to be recognised as a verified professional."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for a decision")
        APPROVED = "approved", _("Approved")
        DECLINED = "declined", _("Declined")

    member = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="verification_requests"
    )
    evidence = models.TextField(_("evidence of your professional role"), max_length=3000)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PENDING)
    created_at = models.DateTimeField(_("requested"), default=timezone.now)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="verification_decisions",
    )
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    reason = models.TextField(_("reason"), blank=True)

    class Meta:
        ordering = ["created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["member"], condition=Q(status="pending"), name="one_pending_verification"
            )
        ]

    def __str__(self) -> str:
        return f"{self.member} ({self.status})"


class Consent(models.Model):
    """A member accepted a version of a policy."""

    member = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="consents")
    kind = models.CharField(max_length=30, choices=PolicyPage.Kind.choices)
    version = models.PositiveIntegerField()
    accepted_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["member", "kind", "version"], name="one_consent_per_version")
        ]

    def __str__(self) -> str:
        return f"{self.member} accepted {self.kind} v{self.version}"
