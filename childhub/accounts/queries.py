"""Reads of members and organisations: the directories and what a viewer may see."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from django.db import connection
from django.db.models import Exists, IntegerField, OuterRef, QuerySet, Value

from childhub.core.countries import country_name
from childhub.core.languages import language_name
from childhub.core.taxonomy import TOPICS

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


class CardFields(dict[str, Any]):
    """A card's visible parts; a part not shown reads as None (templates ask for each part, and
    a missing key would cost them a failed lookup and a dir() of the dict every time)."""

    def __missing__(self, key: str) -> None:
        return None


@dataclass
class ProfileCard:
    """What one viewer may see of one profile."""

    profile: Profile
    name: str
    fields: CardFields = field(default_factory=CardFields)

    @property
    def pk(self) -> int:
        return int(self.profile.pk)


# The many-to-many parts of a card: (relation, code or slug column, how a name is made).
_RELATED: tuple[tuple[str, str, str], ...] = (
    ("languages", "language__code", "language"),
    ("topics", "topic__slug", "topic"),
    ("expert_topics", "topic__slug", "topic"),
    ("expert_languages", "language__code", "language"),
)


def _related_names(pks: list[int]) -> dict[int, dict[str, list[str]]]:
    """Languages, topics and expertise of some profiles, in one query, as names for the reader.

    Prefetching the four relations instead builds a manager and a queryset per profile and
    relation, which cost more than the rest of a directory page; a card needs only the names.
    Sorted by code or slug, as the relations' default ordering would list them.
    """
    codes: dict[int, dict[str, list[str]]] = {pk: {name: [] for name, _c, _k in _RELATED} for pk in pks}
    if not pks:
        return codes
    with connection.cursor() as cursor:
        params = [value for index in range(len(_RELATED)) for value in (index, *pks)]
        cursor.execute(_related_sql(connection.vendor, len(pks)), params)
        for part, pk, code in cursor.fetchall():
            codes[pk][_RELATED[part][0]].append(code)
    for by_name in codes.values():
        for name, _column, kind in _RELATED:
            by_name[name] = [
                language_name(code) if kind == "language" else str(TOPICS.get(code, code))
                for code in sorted(by_name[name])
            ]
    return codes


@lru_cache(maxsize=64)
def _related_sql(vendor: str, count: int) -> str:
    """UNION ALL of the four relations for ``count`` profiles (the ORM's own SQL, built once)."""
    parts = [
        getattr(Profile, name)
        .through.objects.filter(profile_id__in=range(count))
        .annotate(part=Value(index, output_field=IntegerField()))
        .values_list("part", "profile_id", column)
        for index, (name, column, _kind) in enumerate(_RELATED)
    ]
    sql, _params = parts[0].union(*parts[1:], all=True).query.sql_with_params()
    return str(sql)


def _profession_label(profile: Profile) -> str:
    try:
        return str(Profile.Profession(profile.profession).label)
    except ValueError:  # a value no longer among the choices is shown as stored
        return str(profile.profession)


def profile_card(profile: Profile, viewer: Any, related: dict[str, list[str]] | None = None) -> ProfileCard:
    """What the viewer may see of a profile. ``related`` holds the names of its languages, topics
    and expertise (from profile_cards); without it they are read through the relations."""
    levels = visible_levels(viewer, profile.user)
    card = ProfileCard(profile=profile, name=profile.user.public_name)

    def shown(name: str) -> bool:
        return profile.visibility_of(name) in levels

    def names(relation: str) -> list[str]:
        if related is not None:
            return related[relation]
        return [item.name for item in getattr(profile, relation).all()]

    if profile.profession and shown("profession"):
        card.fields["profession"] = _profession_label(profile)
    if profile.job_title and shown("job_title"):
        card.fields["job_title"] = profile.job_title
    if profile.organisation_id and shown("organisation"):
        card.fields["organisation"] = profile.organisation
    if profile.country and shown("country"):
        card.fields["country"] = country_name(profile.country)
    if shown("languages"):
        spoken = names("languages")
        if spoken:
            card.fields["languages"] = spoken
    if shown("topics"):
        topics = names("topics")
        if topics:
            card.fields["topics"] = topics
    if profile.bio and shown("bio"):
        card.fields["bio"] = profile.bio
    if profile.photo and shown("photo"):
        card.fields["photo"] = profile.photo
    if profile.is_expert:
        card.fields["expert_topics"] = names("expert_topics")
        card.fields["expert_languages"] = names("expert_languages")
    return card


def profile_cards(profiles: Iterable[Profile], viewer: Any) -> list[ProfileCard]:
    """Cards of a page of profiles, their many-to-many parts read in one query."""
    profiles = list(profiles)
    related = _related_names([int(p.pk) for p in profiles])
    return [profile_card(profile, viewer, related[int(profile.pk)]) for profile in profiles]


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
        .order_by("member__display_name")
    )
    rows = list(memberships)
    cards = profile_cards([m.member.profile for m in rows], viewer)
    editors: list[ProfileCard] = []
    members: list[ProfileCard] = []
    for membership, card in zip(rows, cards, strict=True):
        (editors if membership.role == Membership.Role.EDITOR else members).append(card)
    return editors, members


__all__ = ["Visibility"]
