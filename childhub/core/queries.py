"""Reads of shared content: policy versions in force, and translations of content."""

from __future__ import annotations

from django.core.cache import caches
from django.db.models import Max
from django.utils import timezone

from .models import PolicyPage

_POLICY_CACHE_KEY = "core:policy-versions"


def current_policy_versions() -> dict[str, int]:
    """The version in force for each policy kind (kinds with no published version are absent)."""
    cache = caches["pages"]  # read on every signed-in request: keep it close (a minute at most)
    cached = cache.get(_POLICY_CACHE_KEY)
    if cached is not None:
        return dict(cached)
    versions = dict(
        PolicyPage.objects.filter(published_at__lte=timezone.now())
        .values_list("kind")
        .annotate(latest=Max("version"))
        .values_list("kind", "latest")
    )
    cache.set(_POLICY_CACHE_KEY, versions, 60)
    return versions


def forget_policy_versions() -> None:
    caches["pages"].delete(_POLICY_CACHE_KEY)


def policy_versions_of(kind: str, version: int) -> list[PolicyPage]:
    return list(PolicyPage.objects.filter(kind=kind, version=version))
