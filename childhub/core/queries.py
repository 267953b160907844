"""Reads of shared content: policy versions in force, and translations of content."""

from __future__ import annotations

from django.db.models import Max
from django.utils import timezone

from . import fragments
from .models import PolicyPage

_POLICY_CACHE_KEY = "core:policy-versions"


def current_policy_versions() -> dict[str, int]:
    """The version in force for each policy kind (kinds with no published version are absent).
    Read on every signed-in request, so kept in the process for a minute at most."""
    return dict(fragments.kept(_POLICY_CACHE_KEY, _policy_versions))


def _policy_versions() -> tuple[tuple[str, int], ...]:
    return tuple(
        PolicyPage.objects.filter(published_at__lte=timezone.now())
        .values_list("kind")
        .annotate(latest=Max("version"))
        .values_list("kind", "latest")
    )


def forget_policy_versions() -> None:
    fragments.forget(_POLICY_CACHE_KEY)


def policy_versions_of(kind: str, version: int) -> list[PolicyPage]:
    return list(PolicyPage.objects.filter(kind=kind, version=version))
