"""Who may see, organise, register for and join webinars.

Staff, country coordinators (both with MFA) and partner editors of the organising organisation
organise webinars; presenters who are members and organisers enter the room as moderators.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet

from childhub.accounts.models import Organisation
from childhub.accounts.permissions import coordinated_countries, editor_organisation_ids, has_staff_powers

from .models import Registration, Webinar


def is_member(user: Any) -> bool:
    return bool(user.is_authenticated and user.is_active)


def organiser_choices(user: Any) -> QuerySet[Organisation]:
    """The organisations a user may organise webinars for."""
    if has_staff_powers(user) or coordinated_countries(user):
        return Organisation.objects.all()
    return Organisation.objects.filter(pk__in=editor_organisation_ids(user))


def can_create_webinar(user: Any) -> bool:
    return has_staff_powers(user) or bool(coordinated_countries(user)) or bool(editor_organisation_ids(user))


def check_can_create_webinar(user: Any) -> None:
    if not can_create_webinar(user):
        raise PermissionDenied


def can_manage_webinar(user: Any, webinar: Webinar) -> bool:
    """Edit it, see and decide its registrations, and moderate its room."""
    if has_staff_powers(user):
        return True
    if not is_member(user):
        return False
    if webinar.organiser_id in editor_organisation_ids(user):
        return True
    countries = coordinated_countries(user)
    return bool(countries) and (webinar.created_by_id == user.pk or webinar.organiser.country in countries)


def check_can_manage_webinar(user: Any, webinar: Webinar) -> None:
    if not can_manage_webinar(user, webinar):
        raise PermissionDenied


def can_view_webinar(user: Any, webinar: Webinar) -> bool:
    if webinar.status != Webinar.Status.DRAFT:
        return True
    return can_manage_webinar(user, webinar)


def is_presenter(user: Any, webinar: Webinar) -> bool:
    return is_member(user) and webinar.presenters.filter(member=user).exists()


def is_host(user: Any, webinar: Webinar) -> bool:
    """Enters the room as a moderator: its member presenters and its organisers."""
    return is_presenter(user, webinar) or can_manage_webinar(user, webinar)


def can_register(user: Any, webinar: Webinar) -> bool:
    return is_member(user) and webinar.registration_is_open()


def can_register_as_guest(user: Any, webinar: Webinar) -> bool:
    return not user.is_authenticated and webinar.guests_allowed and webinar.registration_is_open()


def can_cancel_registration(user: Any, registration: Registration) -> bool:
    return (
        is_member(user)
        and registration.member_id == user.pk
        and registration.is_active
        and not registration.webinar.is_past()
    )


def managed_webinar_filter(user: Any) -> Q:
    """The condition of ``can_manage_webinar`` as a query, for lists of webinars."""
    if has_staff_powers(user):
        return Q()
    if not is_member(user):
        return Q(pk__in=[])
    condition = Q(organiser_id__in=editor_organisation_ids(user))
    countries = coordinated_countries(user)
    if countries:
        condition |= Q(created_by=user) | Q(organiser__country__in=countries)
    return condition


def can_see_results(user: Any) -> bool:
    return can_create_webinar(user)


def is_attendee(user: Any, registration: Registration | None) -> bool:
    return bool(registration is not None and registration.attended and registration.member_id == user.pk)


def can_see_materials(user: Any, webinar: Webinar) -> bool:
    """Recordings and slides are for members (and the webinar's organisers, before publication)."""
    return is_member(user)
