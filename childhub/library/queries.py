"""Reads of the library: faceted browsing, grouped search, related resources."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, Exists, OuterRef, QuerySet

from childhub.accounts.models import Organisation, Profile
from childhub.accounts.permissions import visible_levels
from childhub.core.countries import country_name
from childhub.core.languages import language_name
from childhub.core.models import Topic
from childhub.search import backends as search

from .actions import SEARCH_KIND
from .models import Resource, ResourceAudience, ResourceCountry, ResourceQuerySet

FACETS = ["kind", "topic", "language", "country", "year", "organisation", "audience"]
SORTS = ["newest", "downloads", "relevance"]


@dataclass
class Filters:
    kind: str = ""
    topic: str = ""
    language: str = ""
    country: str = ""
    year: int | None = None
    organisation: str = ""
    audience: str = ""


@dataclass
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool


def filtered(viewer: Any, filters: Filters) -> ResourceQuerySet:
    resources = Resource.objects.visible_to(visible_levels(viewer))
    if filters.kind:
        resources = resources.filter(kind=filters.kind)
    if filters.language:
        resources = resources.filter(language=filters.language)
    if filters.year:
        resources = resources.filter(year=filters.year)
    if filters.organisation:
        resources = resources.filter(organisation__slug=filters.organisation)
    if filters.topic:
        through = Resource.topics.through
        resources = resources.filter(
            Exists(through.objects.filter(resource_id=OuterRef("pk"), topic__slug=filters.topic))
        )
    if filters.country:
        resources = resources.filter(
            Exists(ResourceCountry.objects.filter(resource_id=OuterRef("pk"), country=filters.country))
        )
    if filters.audience:
        resources = resources.filter(
            Exists(ResourceAudience.objects.filter(resource_id=OuterRef("pk"), profession=filters.audience))
        )
    return resources


def sorted_resources(resources: ResourceQuerySet, sort: str) -> QuerySet[Resource]:
    if sort == "downloads":
        return resources.with_download_count().order_by("-download_count", "-published_at", "-pk")
    return resources.order_by("-published_at", "-pk")


def facets(resources: QuerySet[Resource], filters: Filters) -> dict[str, list[FacetValue]]:
    """Counts per value of each facet within the current results (one query per facet)."""
    ids = resources.values("pk")
    out: dict[str, list[FacetValue]] = {}
    kinds = dict(Resource.Kind.choices)
    rows = resources.order_by().values_list("kind").annotate(n=Count("pk"))
    out["kind"] = [FacetValue(k, str(kinds.get(k, k)), n, k == filters.kind) for k, n in rows]
    rows = resources.order_by().values_list("language").annotate(n=Count("pk"))
    out["language"] = [FacetValue(k, language_name(k), n, k == filters.language) for k, n in rows]
    rows = (
        resources.order_by().exclude(year=None).values_list("year").annotate(n=Count("pk")).order_by("-year")
    )
    out["year"] = [FacetValue(str(k), str(k), n, k == filters.year) for k, n in rows]
    org_rows = (
        Organisation.objects.filter(resources__in=ids)
        .values_list("slug", "name")
        .annotate(n=Count("resources", distinct=True))
    )
    out["organisation"] = [FacetValue(s, name, n, s == filters.organisation) for s, name, n in org_rows]
    topic_rows = (
        Topic.objects.filter(resources__in=ids)
        .values_list("slug")
        .annotate(n=Count("resources", distinct=True))
    )
    out["topic"] = [FacetValue(s, Topic(slug=s).name, n, s == filters.topic) for s, n in topic_rows]
    country_rows = (
        ResourceCountry.objects.filter(resource__in=ids).values_list("country").annotate(n=Count("pk"))
    )
    out["country"] = [FacetValue(c, country_name(c), n, c == filters.country) for c, n in country_rows]
    professions = dict(Profile.Profession.choices)
    audience_rows = (
        ResourceAudience.objects.filter(resource__in=ids).values_list("profession").annotate(n=Count("pk"))
    )
    out["audience"] = [
        FacetValue(p, str(professions.get(p, p)), n, p == filters.audience) for p, n in audience_rows
    ]
    for name, values in out.items():
        if name != "year":
            values.sort(key=lambda v: (-v.count, v.label))
    return out


@dataclass
class SearchGroup:
    language: str | None  # None: other languages
    label: str
    hits: list[tuple[Resource, Any]] = field(default_factory=list)


def search_resources(
    *, viewer: Any, query: str, preferences: Sequence[str], filters: Filters, limit: int = 60
) -> tuple[list[SearchGroup], bool]:
    """Matching resources grouped by the reader's languages in order, then the others."""
    results = search.search(query, kinds=[SEARCH_KIND], access_levels=visible_levels(viewer), limit=limit * 3)
    ids = [hit.object_id for hit in results.hits]
    allowed = {r.pk: r for r in filtered(viewer, filters).filter(pk__in=ids).for_list()}
    groups: dict[str | None, SearchGroup] = {
        code: SearchGroup(code, language_name(code)) for code in preferences
    }
    others = SearchGroup(None, "")
    for hit in results.hits:
        resource = allowed.get(hit.object_id)
        if resource is None:
            continue
        group = groups.get(resource.language, others)
        if sum(len(g.hits) for g in [*groups.values(), others]) < limit:
            group.hits.append((resource, hit))
    ordered = [g for g in groups.values() if g.hits]
    if others.hits:
        ordered.append(others)
    return ordered, results.fuzzy


def versions_by_key(resources: Sequence[Resource]) -> dict[Any, list[Resource]]:
    """Published versions of each resource's translation key (one query for a whole page)."""
    keys = {r.translation_key for r in resources}
    out: dict[Any, list[Resource]] = {}
    for version in (
        Resource.objects.published()
        .filter(translation_key__in=keys)
        .only("pk", "language", "translation_key")
    ):
        out.setdefault(version.translation_key, []).append(version)
    return out


def related(resource: Resource, viewer: Any, *, limit: int = 5) -> list[Resource]:
    topic_ids = [t.pk for t in resource.topics.all()]
    if not topic_ids:
        return []
    return list(
        Resource.objects.visible_to(visible_levels(viewer))
        .filter(topics__in=topic_ids)
        .exclude(translation_key=resource.translation_key)
        .annotate(shared=Count("topics", distinct=True))
        .order_by("-shared", "-published_at")
        .select_related("organisation")[:limit]
    )
