"""Shared pytest fixtures: members by role, policies in force, an MFA-enabled client."""

from __future__ import annotations

from typing import Any

import pytest
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import TOTP
from django.core.cache import caches
from django.test import Client

from childhub.accounts.actions import record_consent
from childhub.accounts.models import CoordinatorAssignment, Membership, Organisation, Profile
from childhub.accounts.tests.factories import OrganisationFactory, ProfileFactory, verified
from childhub.core import fragments
from childhub.core.actions import publish_policy_version

TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DP"


@pytest.fixture(autouse=True)
def _isolated(settings: Any, tmp_path: Any) -> Any:
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    caches["pages"].clear()  # the default cache lives in the database and rolls back per test
    fragments.clear()
    yield
    caches["pages"].clear()
    fragments.clear()


@pytest.fixture
def policies(db: Any) -> None:
    for kind in ("terms", "charter", "child-protection"):
        publish_policy_version(
            kind=kind, texts={"en": (f"{kind} title", "Text."), "bg": (f"{kind} bg", "Текст.")}
        )
    caches["default"].clear()


def _profile(policies: None, **kwargs: Any) -> Profile:
    profile = ProfileFactory(**kwargs)
    record_consent(member=profile.user)
    return profile


def _with_mfa(profile: Profile) -> Profile:
    TOTP.activate(profile.user, TOTP_SECRET)
    RecoveryCodes.activate(profile.user)
    return profile


@pytest.fixture
def member(policies: None) -> Any:
    return _profile(policies, country="BA").user


@pytest.fixture
def other_member(policies: None) -> Any:
    return _profile(policies, country="RS").user


@pytest.fixture
def verified_member(policies: None) -> Any:
    return verified(_profile(policies, country="BG")).user


@pytest.fixture
def expert(policies: None) -> Any:
    profile = verified(_profile(policies, country="BG", is_expert=True))
    return profile.user


@pytest.fixture
def coordinator(policies: None) -> Any:
    profile = _with_mfa(_profile(policies, country="RS"))
    CoordinatorAssignment.objects.create(member=profile.user, country="RS")
    return profile.user


@pytest.fixture
def moderator(policies: None) -> Any:
    profile = _with_mfa(_profile(policies, country="HR"))
    profile.user.is_moderator = True
    profile.user.save()
    return profile.user


@pytest.fixture
def staff(policies: None) -> Any:
    profile = _with_mfa(_profile(policies, country="HU"))
    profile.user.is_staff = True
    profile.user.is_superuser = True
    profile.user.save()
    return profile.user


@pytest.fixture
def staff_without_mfa(policies: None) -> Any:
    profile = _profile(policies, country="HU")
    profile.user.is_staff = True
    profile.user.save()
    return profile.user


@pytest.fixture
def partner_editor(policies: None) -> Any:
    organisation = OrganisationFactory(
        slug="celcis", name="CELCIS", kind=Organisation.Kind.PARTNER, country="GB"
    )
    profile = _profile(policies, country="GB", organisation=organisation)
    Membership.objects.create(organisation=organisation, member=profile.user, role=Membership.Role.EDITOR)
    return profile.user


def client_for(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def coordinator_without_mfa(policies: None) -> Any:
    profile = _profile(policies, country="RS")
    CoordinatorAssignment.objects.create(member=profile.user, country="RS")
    return profile.user


@pytest.fixture
def moderator_without_mfa(policies: None) -> Any:
    profile = _profile(policies, country="HR")
    profile.user.is_moderator = True
    profile.user.save()
    return profile.user
