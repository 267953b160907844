"""Reads of the library: faceted browsing, grouped search, related resources."""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from functools import cache as once
from typing import Any

from django.core.cache import cache
from django.db import connection, transaction
from django.db.models import Count, Exists, OuterRef, QuerySet
from django.utils import translation

from childhub.accounts.models import Organisation, Profile
from childhub.accounts.permissions import visible_levels
from childhub.core.countries import country_name
from childhub.core.languages import language_name
from childhub.core.models import Topic
from childhub.search import backends as search
from childhub.search.text import query_terms

from .actions import SEARCH_KIND
from .models import Bookmark, Collection, Resource, ResourceAudience, ResourceCountry, ResourceQuerySet

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


# --- What browsing reads on every page: counted once per change of the library ------------

_VERSION_KEY = "library:version"


def library_version() -> str:
    """A token that changes whenever resources, their facets or their publishers change.

    Kept in the shared cache (one across worker processes); changed by the signal handlers in
    apps.py. Facet counts and related resources are cached under it, so they are exact: the
    first page after a change counts again.
    """
    version = cache.get(_VERSION_KEY)
    if version is None:
        version = uuid.uuid4().hex
        cache.add(_VERSION_KEY, version, None)
        version = cache.get(_VERSION_KEY, version)
    return str(version)


def library_changed(**_kwargs: Any) -> None:
    """Start counting afresh: now, and again once the change is committed (a page counted in
    between, by another worker, still saw the data as it was before)."""

    def bump() -> None:
        cache.set(_VERSION_KEY, uuid.uuid4().hex, None)

    bump()
    transaction.on_commit(bump)


def _cache_key(name: str, *parts: Any, version: str | None = None) -> str:
    digest = hashlib.sha256(repr(parts).encode()).hexdigest()[:32]
    return f"library:{name}:{version or library_version()}:{digest}"


def count_key(viewer: Any, filters: Filters) -> str:
    """The key under which a list's total is kept (exact: see library_version)."""
    return _cache_key("count", sorted(visible_levels(viewer)), asdict(filters))


def cached_facets(viewer: Any, filters: Filters) -> dict[str, list[FacetValue]]:
    """facets() of the resources the viewer may see with these filters, counted once per change.

    Seven grouped counts over the whole visible library cost more than the rest of a list or
    search page together; they depend only on the viewer's visibility levels, the filters and
    (for the labels) the language.
    """
    levels = sorted(visible_levels(viewer))
    key = _cache_key("facets", levels, asdict(filters), translation.get_language())
    found = cache.get(key)
    if found is None:
        found = facets(filtered(viewer, filters), filters)
        cache.set(key, found, 3600)
    return found


def search_cards_key(viewer: Any, query: str, filters: Filters) -> str:
    """The cache key of a search's rendered cards: exact until the index or the library changes."""
    levels = sorted(visible_levels(viewer))
    return _cache_key(
        "search-cards",
        search.index_version(),
        query_terms(query),
        levels,
        asdict(filters),
        translation.get_language(),
    )


@dataclass
class CardGroup:
    language: str | None  # None: other languages
    label: str
    cards: list[str] = field(default_factory=list)


def group_cards(cards: Sequence[tuple[str, str]], preferences: Sequence[str]) -> list[CardGroup]:
    """Rendered cards (language, HTML), best first, grouped by the reader's languages in order,
    then the others — as search_resources groups its hits."""
    groups = {code: CardGroup(code, language_name(code)) for code in preferences}
    others = CardGroup(None, "")
    for language, html in cards:
        groups.get(language, others).cards.append(html)
    ordered = [g for g in groups.values() if g.cards]
    if others.cards:
        ordered.append(others)
    return ordered


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
    # Which hits pass the filters, by key only; then whole rows of the first ``limit`` of them.
    passing = set(filtered(viewer, filters).filter(pk__in=ids).values_list("pk", flat=True))
    shown = [hit for hit in results.hits if hit.object_id in passing][:limit]
    allowed = {r.pk: r for r in Resource.objects.filter(pk__in=[hit.object_id for hit in shown]).for_list()}
    groups: dict[str | None, SearchGroup] = {
        code: SearchGroup(code, language_name(code)) for code in preferences
    }
    others = SearchGroup(None, "")
    for hit in shown:
        resource = allowed.get(hit.object_id)
        if resource is None:
            continue
        groups.get(resource.language, others).hits.append((resource, hit))
    ordered = [g for g in groups.values() if g.hits]
    if others.hits:
        ordered.append(others)
    return ordered, results.fuzzy


def versions_by_key(resources: Sequence[Resource]) -> dict[Any, list[Resource]]:
    """Published versions of each resource's translation key (one query for a whole page)."""
    keys = {r.translation_key for r in resources}
    out: dict[Any, list[Resource]] = {}
    # Published is checked here, not in SQL: filtering on status too lets SQLite pick the status
    # index, which nearly every row matches, over the translation key's.
    for version in Resource.objects.filter(translation_key__in=keys).only(
        "pk", "language", "translation_key", "status"
    ):
        if version.status == Resource.Status.PUBLISHED:
            out.setdefault(version.translation_key, []).append(version)
    return out


def published_versions(resource: Resource) -> list[Resource]:
    """The published versions of a resource (itself included), by the translation key's index."""
    return [
        version
        for version in Resource.objects.filter(translation_key=resource.translation_key)
        if version.status == Resource.Status.PUBLISHED
    ]


def article_key(resource: Resource, viewer: Any, *, version: str | None = None) -> str:
    """The cache key of a resource page's rendered description (exact: see library_version)."""
    levels = sorted(visible_levels(viewer))
    return _cache_key("article", resource.pk, levels, translation.get_language(), version=version)


def related_key(resource: Resource, viewer: Any, *, version: str | None = None) -> str:
    """The cache key of a resource page's rendered related resources (exact: see library_version)."""
    levels = sorted(visible_levels(viewer))
    return _cache_key("related-html", resource.pk, levels, translation.get_language(), version=version)


def related(resource: Resource, viewer: Any, *, limit: int = 5) -> list[Resource]:
    """Resources sharing the most topics with this one, newest first (cached per change)."""
    topic_ids = [t.pk for t in resource.topics.all()]
    if not topic_ids:
        return []
    levels = visible_levels(viewer)
    key = _cache_key("related", resource.pk, sorted(levels), sorted(topic_ids), limit)
    ids = cache.get(key)
    if ids is None:
        ids = list(
            Resource.objects.visible_to(levels)
            .filter(topics__in=topic_ids)
            .exclude(translation_key=resource.translation_key)
            .annotate(shared=Count("topics", distinct=True))
            .order_by("-shared", "-published_at")
            .values_list("pk", flat=True)[:limit]
        )
        cache.set(key, ids, 3600)
    found = (
        Resource.objects.visible_to(levels)
        .filter(pk__in=ids)
        .select_related("organisation")
        .defer("extracted_text")
        .in_bulk()
    )
    return [found[pk] for pk in ids if pk in found]


@dataclass(frozen=True)
class ListChoice:
    pk: int
    title: str


def reader_state(member: Any, resource: Resource) -> tuple[bool, list[ListChoice]]:
    """Whether the member bookmarked the resource, and their reading lists (newest first), in one
    read written out (decision 0013): composing the two through the ORM cost more than both ran."""
    if not member.is_authenticated:
        return False, []
    with connection.cursor() as cursor:
        cursor.execute(_reader_state_sql(), [member.pk, member.pk, resource.pk])
        rows = cursor.fetchall()
    bookmarked = any(kind == "bookmark" for kind, _pk, _title, _created in rows)
    return bookmarked, [
        ListChoice(pk=pk, title=title) for kind, pk, title, _created in rows if kind == "list"
    ]


@once
def _reader_state_sql() -> str:
    quote = connection.ops.quote_name
    collection, bookmark = quote(Collection._meta.db_table), quote(Bookmark._meta.db_table)
    return (
        f"SELECT 'list', id, title, created_at FROM {collection} WHERE owner_id = %s "
        f"UNION ALL SELECT 'bookmark', NULL, NULL, NULL FROM {bookmark} "
        "WHERE member_id = %s AND resource_id = %s "
        "ORDER BY 1 DESC, 4 DESC, 2 DESC"
    )
