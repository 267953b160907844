"""Reads of members and organisations: the directories and what a viewer may see."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.db.models import Exists, OuterRef, QuerySet

from childhub.core.countries import country_name

from .models import Membership, Organisation, Profile, Visibility
from .permissions import visible_levels


@dataclass
class DirectoryFilters:
    country: str = ""
    profession: str = ""
    language: str = ""
    topic: str = ""
    q: str = ""


def directory(*, viewer: Any, filters: DirectoryFilters, experts: bool = False) -> QuerySet[Profile]:
    """Profiles the viewer may list, filtered only on fields the viewer may see."""
    levels = visible_levels(viewer)
    profiles = Profile.objects.listable_for(levels)
    if experts:
        profiles = profiles.experts()
    if filters.country:
        profiles = profiles.filter(country=filters.country, country_visibility__in=levels)
    if filters.profession:
        profiles = profiles.filter(profession=filters.profession, profession_visibility__in=levels)
    if filters.language:
        spoken_in: Any = Profile.expert_languages.through if experts else Profile.languages.through
        spoken = spoken_in.objects.filter(profile_id=OuterRef("pk"), language__code=filters.language)
        profiles = profiles.filter(Exists(spoken))
        if not experts:
            profiles = profiles.filter(languages_visibility__in=levels)
    if filters.topic:
        about_topic: Any = Profile.expert_topics.through if experts else Profile.topics.through
        about = about_topic.objects.filter(profile_id=OuterRef("pk"), topic__slug=filters.topic)
        profiles = profiles.filter(Exists(about))
        if not experts:
            profiles = profiles.filter(topics_visibility__in=levels)
    if filters.q:
        profiles = profiles.filter(user__display_name__icontains=filters.q.strip()[:80])
    return profiles.for_cards().order_by("user__display_name", "pk")


@dataclass
class ProfileCard:
    """What one viewer may see of one profile."""

    profile: Profile
    name: str
    fields: dict[str, Any] = field(default_factory=dict)

    @property
    def pk(self) -> int:
        return int(self.profile.pk)


def profile_card(profile: Profile, viewer: Any) -> ProfileCard:
    levels = visible_levels(viewer, profile.user)
    card = ProfileCard(profile=profile, name=profile.user.public_name)

    def shown(name: str) -> bool:
        return profile.visibility_of(name) in levels

    if profile.profession and shown("profession"):
        card.fields["profession"] = profile.get_profession_display()
    if profile.job_title and shown("job_title"):
        card.fields["job_title"] = profile.job_title
    if profile.organisation_id and shown("organisation"):
        card.fields["organisation"] = profile.organisation
    if profile.country and shown("country"):
        card.fields["country"] = country_name(profile.country)
    if shown("languages"):
        names = [lang.name for lang in profile.languages.all()]
        if names:
            card.fields["languages"] = names
    if shown("topics"):
        names = [t.name for t in profile.topics.all()]
        if names:
            card.fields["topics"] = names
    if profile.bio and shown("bio"):
        card.fields["bio"] = profile.bio
    if profile.photo and shown("photo"):
        card.fields["photo"] = profile.photo
    if profile.is_expert:
        card.fields["expert_topics"] = [t.name for t in profile.expert_topics.all()]
        card.fields["expert_languages"] = [lang.name for lang in profile.expert_languages.all()]
    return card


def organisations_of_kind(*kinds: str) -> QuerySet[Organisation]:
    return Organisation.objects.filter(kind__in=kinds).order_by("name")


def organisation_people(
    organisation: Organisation, viewer: Any
) -> tuple[list[ProfileCard], list[ProfileCard]]:
    """(editors, members) of an organisation that the viewer may see."""
    levels = visible_levels(viewer)
    memberships = (
        Membership.objects.filter(organisation=organisation)
        .filter(
            member__profile__name_visibility__in=levels,
            member__profile__organisation_visibility__in=levels,
            member__is_active=True,
            member__erased_at=None,
        )
        .select_related("member__profile__organisation", "member")
        .prefetch_related(
            "member__profile__languages",
            "member__profile__topics",
            "member__profile__expert_topics",
            "member__profile__expert_languages",
        )
        .order_by("member__display_name")
    )
    editors: list[ProfileCard] = []
    members: list[ProfileCard] = []
    for membership in memberships:
        card = profile_card(membership.member.profile, viewer)
        (editors if membership.role == Membership.Role.EDITOR else members).append(card)
    return editors, members


__all__ = ["Visibility"]
