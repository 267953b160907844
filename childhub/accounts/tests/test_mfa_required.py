"""Staff, moderators and coordinators set up two-factor authentication before using their powers."""

from __future__ import annotations

import pytest
from django.urls import reverse

from childhub.community.models import Contribution
from childhub.community.tests.factories import QuestionFactory
from childhub.core.tests.fixtures import client_for
from childhub.library.models import Resource
from childhub.library.tests.factories import ResourceFactory

pytestmark = pytest.mark.django_db

POWERS = ["staff_without_mfa", "moderator_without_mfa", "coordinator_without_mfa"]


@pytest.mark.parametrize("role", POWERS)
@pytest.mark.parametrize(
    "path",
    [
        "/en/verification/",
        "/en/library/review/",
        "/en/community/moderation/",
        "/en/community/moderation/unanswered/",
    ],
)
def test_powers_wait_for_two_factor_authentication(request, role, path):
    response = client_for(request.getfixturevalue(role)).get(path)
    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_activate_totp")


@pytest.mark.parametrize("role", POWERS)
def test_no_decision_is_taken_without_two_factor_authentication(request, role):
    user = request.getfixturevalue(role)
    question = QuestionFactory(country="RS", status=Contribution.Status.HELD)
    resource = ResourceFactory(status=Resource.Status.PENDING, published_at=None)
    client = client_for(user)
    client.post(reverse("community:moderate", args=[question.pk]), {"action": "approve", "reason": "ok"})
    client.post(reverse("library:review", args=[resource.pk]), {"decision": "approve", "note": ""})
    question.refresh_from_db()
    resource.refresh_from_db()
    assert question.status == Contribution.Status.HELD
    assert resource.status == Resource.Status.PENDING
    assert client.get("/en/staff/").status_code in (302, 403)


def test_staff_with_two_factor_authentication_use_their_powers(staff, moderator, coordinator):
    for user in (staff, moderator, coordinator):
        assert client_for(user).get("/en/community/moderation/").status_code == 200
