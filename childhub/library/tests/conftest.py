import pytest

from childhub.accounts.models import Organisation
from childhub.library.models import Resource
from childhub.library.tests.factories import ResourceFactory


@pytest.fixture
def resources(db):
    """A small library in several languages; the guide exists in three versions."""
    guide = ResourceFactory(title="Child participation guide", language="en", year=2020, kind="document")
    ResourceFactory(
        title="Vodič za participaciju djece", language="bs", translation_key=guide.translation_key, year=2021
    )
    ResourceFactory(
        title="Наръчник за участието на децата", language="bg", translation_key=guide.translation_key
    )
    members_only = ResourceFactory(
        title="Supervision notes for teams", language="en", access=Resource.Access.MEMBERS
    )
    pending = ResourceFactory(
        title="Pending practice", language="ro", status=Resource.Status.PENDING, published_at=None
    )
    return {"guide": guide, "members_only": members_only, "pending": pending}


@pytest.fixture
def celcis():
    return Organisation.objects.get(slug="celcis")
