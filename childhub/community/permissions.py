"""Who may read, write, accept, flag and moderate in the community.

Case discussions are for verified professionals only; moderators and country coordinators
moderate (with MFA, like every power).
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied

from childhub.accounts.permissions import coordinated_countries, has_moderator_powers, has_staff_powers

from .models import Contribution


def is_member(user: Any) -> bool:
    return bool(user.is_authenticated and user.is_active)


def is_verified(user: Any) -> bool:
    profile = getattr(user, "profile", None) if is_member(user) else None
    return bool(profile is not None and profile.verified_at)


def can_moderate(user: Any, contribution: Contribution | None = None) -> bool:
    if has_moderator_powers(user) or has_staff_powers(user):
        return True
    countries = coordinated_countries(user)
    if contribution is None:
        return bool(countries)
    root = contribution.root
    return bool(countries) and root is not None and root.country in countries


def can_view(user: Any, contribution: Contribution) -> bool:
    root = contribution.root
    if root is None:
        return False
    if root.kind == Contribution.Kind.CASE and not (is_verified(user) or can_moderate(user, root)):
        return False
    if contribution.status == Contribution.Status.PUBLISHED and root.status == Contribution.Status.PUBLISHED:
        return True
    if is_member(user) and contribution.author_id == user.pk:
        return contribution.status in (Contribution.Status.PUBLISHED, Contribution.Status.HELD)
    return can_moderate(user, contribution)


def check_can_view(user: Any, contribution: Contribution) -> None:
    if not can_view(user, contribution):
        raise PermissionDenied


def can_write(user: Any) -> bool:
    return is_member(user)


def can_start_case(user: Any) -> bool:
    return is_verified(user)


def can_reply(user: Any, root: Contribution) -> bool:
    if root.status != Contribution.Status.PUBLISHED or not is_member(user):
        return False
    if root.kind == Contribution.Kind.CASE:
        return is_verified(user)
    return True


def can_accept(user: Any, question: Contribution) -> bool:
    if question.kind != Contribution.Kind.QUESTION or not is_member(user):
        return False
    return question.author_id == user.pk or can_moderate(user, question)


def can_edit(user: Any, contribution: Contribution) -> bool:
    if not is_member(user):
        return False
    if contribution.author_id == user.pk and contribution.status in (
        Contribution.Status.PUBLISHED,
        Contribution.Status.HELD,
    ):
        return True
    return can_moderate(user, contribution)


def can_see_author(user: Any, contribution: Contribution) -> bool:
    """Anonymous questions show "a member from <country>"; moderators see who asked."""
    if not contribution.is_anonymous:
        return True
    if is_member(user) and contribution.author_id == user.pk:
        return True
    return can_moderate(user, contribution)


def can_flag(user: Any, contribution: Contribution) -> bool:
    return is_member(user) and can_view(user, contribution)
