"""Who may see, submit, publish, edit and review library resources."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied

from childhub.accounts.models import Organisation
from childhub.accounts.permissions import (
    coordinated_countries,
    editor_organisation_ids,
    has_staff_powers,
    visible_levels,
)

from .models import Resource

# The languages a country coordinator curates, besides resources about their country.
COUNTRY_LANGUAGES = {
    "AL": {"sq"},
    "XK": {"sq"},
    "BA": {"bs"},
    "BG": {"bg"},
    "HR": {"hr"},
    "MD": {"ro", "ru"},
    "ME": {"sr-latn", "me"},
    "MK": {"mk"},
    "RO": {"ro"},
    "RS": {"sr", "sr-latn"},
    "HU": {"hu"},
    "UA": {"uk"},
    "GR": {"el"},
}


def is_member(user: Any) -> bool:
    return bool(user.is_authenticated and user.is_active)


def can_view_resource(user: Any, resource: Resource) -> bool:
    if resource.status == Resource.Status.PUBLISHED and resource.access in visible_levels(user):
        return True
    if is_member(user) and resource.submitted_by_id == user.pk:
        return True
    return can_review_resource(user, resource)


def check_can_view_resource(user: Any, resource: Resource) -> None:
    if not can_view_resource(user, resource):
        raise PermissionDenied


def publishes_directly(user: Any, organisation: Organisation | None) -> bool:
    """Partner editors publish under their organisation without review; so do staff."""
    if has_staff_powers(user):
        return True
    return organisation is not None and organisation.pk in editor_organisation_ids(user)


def review_scope(user: Any) -> tuple[bool, set[str], set[str]]:
    """(all, countries, languages) of the resources a user may review."""
    if has_staff_powers(user):
        return True, set(), set()
    countries = coordinated_countries(user)
    languages = set().union(*(COUNTRY_LANGUAGES.get(c, set()) for c in countries)) if countries else set()
    return False, countries, languages


def can_review_resource(user: Any, resource: Resource) -> bool:
    everything, countries, languages = review_scope(user)
    if everything:
        return True
    if not countries or resource.submitted_by_id == getattr(user, "pk", None):
        return False
    return resource.language in languages or bool(countries & set(resource.countries))


def can_review_any(user: Any) -> bool:
    everything, countries, _languages = review_scope(user)
    return everything or bool(countries)


def can_edit_resource(user: Any, resource: Resource) -> bool:
    if not is_member(user):
        return False
    if has_staff_powers(user):
        return True
    if resource.organisation_id in editor_organisation_ids(user):
        return True
    if resource.submitted_by_id == user.pk and resource.status != Resource.Status.PUBLISHED:
        return True
    return can_review_resource(user, resource)


def check_can_edit_resource(user: Any, resource: Resource) -> None:
    if not can_edit_resource(user, resource):
        raise PermissionDenied
