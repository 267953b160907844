"""A member's roles held through other records (editor of an organisation, coordinator of a
country) are read once per request, in one query, and never outlive the request."""

from __future__ import annotations

import pytest
import time_machine
from allauth.mfa.models import Authenticator
from django.contrib.auth.models import AnonymousUser
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext

from childhub.accounts import permissions
from childhub.accounts.models import CoordinatorAssignment, Membership, User

from .factories import MembershipFactory, OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db


def fresh(user: User) -> User:
    """The member as the next request loads them."""
    return User.objects.get(pk=user.pk)


def test_editor_and_coordinator_roles_are_read_in_one_query():
    member = UserFactory()
    first, second = OrganisationFactory(), OrganisationFactory()
    MembershipFactory(member=member, organisation=first, role=Membership.Role.EDITOR)
    MembershipFactory(member=member, organisation=second, role=Membership.Role.MEMBER)
    CoordinatorAssignment.objects.create(member=member, country="MK")
    Authenticator.objects.create(user=member, type=Authenticator.Type.TOTP, data={"secret": "x"})
    member = fresh(member)
    with CaptureQueriesContext(connection) as roles_read:
        roles = permissions.roles(member)
        assert permissions.is_partner_editor(member)
        assert permissions.is_coordinator(member)
        assert permissions.has_powers_role(member)
    assert len(roles_read) == 1
    assert roles == permissions.Roles(editor_of=frozenset({first.pk}), coordinates=frozenset({"MK"}))
    assert permissions.coordinated_countries(member) == {"MK"}


def test_a_coordinator_without_mfa_holds_the_role_but_not_its_powers():
    member = UserFactory()
    CoordinatorAssignment.objects.create(member=member, country="AL")
    member = fresh(member)
    assert permissions.has_powers_role(member)
    assert permissions.needs_mfa_setup(member)
    assert permissions.coordinated_countries(member) == set()


def test_a_role_taken_away_is_gone_on_the_next_request():
    member = UserFactory()
    organisation = OrganisationFactory()
    MembershipFactory(member=member, organisation=organisation, role=Membership.Role.EDITOR)
    CoordinatorAssignment.objects.create(member=member, country="RS")
    Authenticator.objects.create(user=member, type=Authenticator.Type.TOTP, data={"secret": "x"})
    assert permissions.is_partner_editor(fresh(member))
    assert permissions.coordinated_countries(fresh(member)) == {"RS"}
    Membership.objects.filter(member=member).update(role=Membership.Role.MEMBER)
    CoordinatorAssignment.objects.filter(member=member).delete()
    assert not permissions.is_partner_editor(fresh(member))
    assert permissions.coordinated_countries(fresh(member)) == set()


def test_the_menus_question_is_remembered_for_a_minute_without_a_query_per_page():
    member = UserFactory()
    CoordinatorAssignment.objects.create(member=member, country="RS")
    caches["pages"].clear()
    with time_machine.travel("2026-12-04 10:00", tick=False):
        assert permissions.has_powers_role(fresh(member))
        CoordinatorAssignment.objects.filter(member=member).delete()
        again = fresh(member)
        with CaptureQueriesContext(connection) as read:
            assert permissions.has_powers_role(again)  # the menu may show the link a minute longer
        assert len(read) == 0
        assert not permissions.coordinated_countries(again)  # but the powers are gone now
    with time_machine.travel("2026-12-04 10:01:01", tick=False):
        assert not permissions.has_powers_role(fresh(member))


def test_visitors_and_deactivated_members_hold_no_roles():
    member = UserFactory()
    MembershipFactory(member=member, role=Membership.Role.EDITOR)
    User.objects.filter(pk=member.pk).update(is_active=False)
    with CaptureQueriesContext(connection) as read:
        assert permissions.roles(AnonymousUser()) == permissions.NO_ROLES
        assert permissions.roles(fresh(member)) == permissions.NO_ROLES
    assert len(read) == 1  # loading the member; their roles are not read
