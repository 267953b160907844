import pytest

from childhub.accounts.models import Consent
from childhub.core.actions import publish_policy_version
from childhub.core.tests.fixtures import client_for


@pytest.mark.django_db
def test_a_member_who_accepted_everything_goes_straight_on(member):
    assert client_for(member).get("/en/members/").status_code == 200


@pytest.mark.django_db
def test_a_new_policy_version_asks_the_member_again(member):
    client = client_for(member)
    publish_policy_version(kind="charter", texts={"en": ("Charter v2", "New.")})
    response = client.get("/en/members/")
    assert response.status_code == 302
    assert response["Location"].startswith("/en/me/consent/")
    page = client.get(response["Location"])
    assert "Charter v2" in page.content.decode()


@pytest.mark.django_db
def test_accepting_records_the_new_version_and_returns_to_the_page(member):
    client = client_for(member)
    publish_policy_version(kind="charter", texts={"en": ("Charter v2", "New.")})
    response = client.post("/en/me/consent/?next=/en/members/", {"accept": "on"})
    assert response["Location"] == "/en/members/"
    assert Consent.objects.filter(member=member, kind="charter", version=2).exists()
    assert client.get("/en/members/").status_code == 200


@pytest.mark.django_db
def test_consent_is_required_to_continue(member):
    client = client_for(member)
    publish_policy_version(kind="terms", texts={"en": ("Terms v2", "New.")})
    response = client.post("/en/me/consent/", {})
    assert response.status_code == 200
    assert not Consent.objects.filter(member=member, kind="terms", version=2).exists()


@pytest.mark.django_db
def test_policies_and_my_data_stay_reachable_before_accepting(member):
    client = client_for(member)
    publish_policy_version(kind="terms", texts={"en": ("Terms v2", "New.")})
    assert client.get("/en/policies/terms/").status_code == 200
    assert client.get("/en/me/data/").status_code == 200


@pytest.mark.django_db
def test_consent_is_checked_once_per_session_not_on_every_request(member):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = client_for(member)
    client.get("/en/about/")
    with CaptureQueriesContext(connection) as queries:
        client.get("/en/about/")
    sql = " ".join(q["sql"] for q in queries.captured_queries)
    assert "accounts_consent" not in sql
    assert "UPDATE" not in sql
