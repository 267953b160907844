"""Who may do what with members, profiles, organisations and verification requests.

Staff, moderator and coordinator powers need multi-factor authentication first.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any

from allauth.mfa.utils import is_mfa_enabled
from django.core.exceptions import PermissionDenied
from django.db import connection

from childhub.core import fragments

from .models import (
    CoordinatorAssignment,
    Membership,
    Organisation,
    Profile,
    User,
    VerificationRequest,
    Visibility,
)

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    Viewer = User | AnonymousUser


def has_mfa(user: Any) -> bool:
    return bool(user.is_authenticated and is_mfa_enabled(user))


@dataclass(frozen=True)
class Roles:
    """The roles a member holds through other records: the organisations they edit for and the
    countries they coordinate (before the MFA check that coordinator powers need)."""

    editor_of: frozenset[int] = frozenset()
    coordinates: frozenset[str] = frozenset()


NO_ROLES = Roles()


def roles(user: Any) -> Roles:
    """The member's roles, read in one query the first time a request asks and kept on the user
    object, which lives for one request. Most pages ask several of the questions below (may they
    edit, review, moderate, organise…); each used to be a query of its own."""
    if not (user.is_authenticated and user.is_active):
        return NO_ROLES
    known: Roles | None = getattr(user, "_roles", None)
    if known is None:
        with connection.cursor() as cursor:
            cursor.execute(_roles_sql(), [user.pk, Membership.Role.EDITOR, user.pk])
            rows = cursor.fetchall()
        known = Roles(
            editor_of=frozenset(int(key) for kind, key in rows if kind == "editor"),
            coordinates=frozenset(key for kind, key in rows if kind == "coordinator"),
        )
        user._roles = known
    return known


@cache
def _roles_sql() -> str:
    """The roles query, written out once: built through the ORM, composing the UNION cost about
    0.8 ms per page on every member page that asks a permission question, the query itself 0.03."""
    quote = connection.ops.quote_name
    membership, coordination = Membership._meta, CoordinatorAssignment._meta
    return (
        f"SELECT 'editor', CAST({quote(membership.get_field('organisation').column)} AS TEXT) "
        f"FROM {quote(membership.db_table)} "
        f"WHERE {quote(membership.get_field('member').column)} = %s AND {quote('role')} = %s "
        f"UNION ALL SELECT 'coordinator', {quote('country')} FROM {quote(coordination.db_table)} "
        f"WHERE {quote(coordination.get_field('member').column)} = %s"
    )


def editor_organisation_ids(user: Any) -> set[int]:
    """The organisations the member edits for (read once per request with their other roles)."""
    return set(roles(user).editor_of)


def has_powers_role(user: Any) -> bool:
    """Staff, moderators and coordinators: roles that need MFA before use."""
    if not user.is_authenticated:
        return False
    if user.is_staff or user.is_moderator:
        return True
    return is_coordinator(user)


def is_partner_editor(user: Any) -> bool:
    """Edits at least one organisation's resources and courses."""
    return bool(roles(user).editor_of)


def may_enter_staff_interface(user: Any) -> bool:
    """Staff, and partner editors (for their organisation's courses), once they have MFA."""
    return bool(user.is_active and (user.is_staff or is_partner_editor(user)) and has_mfa(user))


def needs_mfa_setup(user: Any) -> bool:
    """A staff member, moderator or coordinator who must set up MFA before using those powers."""
    return has_powers_role(user) and not has_mfa(user)


def is_coordinator(user: Any) -> bool:
    """Whether the member coordinates a country (with or without MFA set up yet).

    Every page asks, for its menu: unless this request has read the member's roles already, the
    answer is remembered for a minute per process. Coordinator powers themselves are always
    checked against the roles of the request (coordinated_countries)."""
    known = getattr(user, "_roles", None)
    if known is not None:
        return bool(known.coordinates)
    return fragments.kept(("coordinator", user.pk), lambda: bool(roles(user).coordinates))


def has_staff_powers(user: Any) -> bool:
    return bool(user.is_authenticated and user.is_active and user.is_staff and has_mfa(user))


def has_moderator_powers(user: Any) -> bool:
    return bool(
        user.is_authenticated and user.is_active and (user.is_moderator or user.is_staff) and has_mfa(user)
    )


def coordinated_countries(user: Any) -> set[str]:
    if not (user.is_authenticated and user.is_active):
        return set()
    # Asked several times a page (may they moderate, accept, review…): read once per user object,
    # which lives for one request.
    known = getattr(user, "_coordinated_countries", None)
    if known is None:
        # Coordinations first: most members have none, and then the (costlier) MFA check is not needed.
        known = roles(user).coordinates
        if known and not has_mfa(user):
            known = frozenset()
        user._coordinated_countries = known
    return set(known)


def visible_levels(viewer: Any, owner: User | None = None) -> set[str]:
    """The visibility levels a viewer may see on the owner's profile."""
    if viewer.is_authenticated and owner is not None and viewer.pk == owner.pk:
        return {Visibility.PUBLIC, Visibility.MEMBERS, Visibility.PRIVATE}
    if viewer.is_authenticated and viewer.is_active:
        return {Visibility.PUBLIC, Visibility.MEMBERS}
    return {Visibility.PUBLIC}


def can_view_profile(viewer: Any, profile: Profile) -> bool:
    if profile.user.erased_at or not profile.user.is_active:
        return False
    return profile.name_visibility in visible_levels(viewer, profile.user)


def can_decide_verification(user: Any, request: VerificationRequest) -> bool:
    if request.member_id == getattr(user, "pk", None):
        return False
    if has_staff_powers(user):
        return True
    country = getattr(getattr(request.member, "profile", None), "country", "")
    return bool(country) and country in coordinated_countries(user)


def check_can_decide_verification(user: Any, request: VerificationRequest) -> None:
    if not can_decide_verification(user, request):
        raise PermissionDenied


def can_review_verifications(user: Any) -> bool:
    return has_staff_powers(user) or bool(coordinated_countries(user))


def can_edit_organisation(user: Any, organisation: Organisation) -> bool:
    if has_staff_powers(user):
        return True
    if not (user.is_authenticated and user.is_active):
        return False
    return Membership.objects.filter(
        organisation=organisation, member=user, role=Membership.Role.EDITOR
    ).exists()


def can_request_verification(user: Any) -> bool:
    if not (user.is_authenticated and user.is_active):
        return False
    profile = getattr(user, "profile", None)
    return profile is not None and not profile.is_verified
