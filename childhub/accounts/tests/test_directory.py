import pytest
from django.test import Client

from childhub.accounts.models import Visibility
from childhub.accounts.tests.factories import ProfileFactory
from childhub.core.models import Language, Topic
from childhub.core.tests.fixtures import client_for


def _people():
    sr = Language.objects.get(code="sr")
    public_rs = ProfileFactory(
        user__display_name="Jelena Public",
        country="RS",
        name_visibility="public",
        country_visibility="public",
        profession="police",
    )
    public_rs.languages.set([sr])
    hidden_country = ProfileFactory(
        user__display_name="Milos Hidden",
        country="RS",
        country_visibility=Visibility.PRIVATE,
        name_visibility="members",
    )
    members_only = ProfileFactory(user__display_name="Ana Members", country="BA", name_visibility="members")
    private = ProfileFactory(user__display_name="Zoran Private", country="RS", name_visibility="private")
    return public_rs, hidden_country, members_only, private


@pytest.mark.django_db
def test_visitors_see_only_members_who_made_their_name_public(policies):
    _people()
    body = Client().get("/en/members/").content.decode()
    assert "Jelena Public" in body
    assert "Ana Members" not in body
    assert "Zoran Private" not in body


@pytest.mark.django_db
def test_members_see_members_but_never_those_who_chose_only_me(member):
    _people()
    body = client_for(member).get("/en/members/").content.decode()
    assert "Ana Members" in body
    assert "Zoran Private" not in body


@pytest.mark.django_db
def test_filtering_by_country_ignores_countries_their_owners_hid(member):
    _people()
    body = client_for(member).get("/en/members/", {"country": "RS"}).content.decode()
    assert "Jelena Public" in body
    assert "Milos Hidden" not in body
    assert "Ana Members" not in body


@pytest.mark.django_db
def test_filtering_by_profession_language_and_topic(member):
    public_rs, *_ = _people()
    public_rs.topics.set([Topic.objects.get(slug="trafficking")])
    client = client_for(member)
    assert "Jelena Public" in client.get("/en/members/", {"profession": "police"}).content.decode()
    assert "Jelena Public" in client.get("/en/members/", {"language": "sr"}).content.decode()
    assert "Jelena Public" not in client.get("/en/members/", {"language": "bg"}).content.decode()
    assert "Jelena Public" in client.get("/en/members/", {"topic": "trafficking"}).content.decode()


@pytest.mark.django_db
def test_bad_filter_values_show_the_form_error_not_a_500(member):
    response = client_for(member).get("/en/members/", {"country": "ZZ", "page": "abc"})
    assert response.status_code == 200


@pytest.mark.django_db
def test_expert_directory_lists_experts_by_expertise(member):
    expert = ProfileFactory(user__display_name="Expert Eva", is_expert=True, name_visibility="members")
    expert.expert_topics.set([Topic.objects.get(slug="juvenile-justice")])
    expert.expert_languages.set([Language.objects.get(code="ro")])
    ProfileFactory(user__display_name="Not An Expert", name_visibility="members")
    client = client_for(member)
    body = client.get("/en/experts/").content.decode()
    assert "Expert Eva" in body and "Not An Expert" not in body
    assert (
        "Expert Eva"
        in client.get("/en/experts/", {"topic": "juvenile-justice", "language": "ro"}).content.decode()
    )
    assert "Expert Eva" not in client.get("/en/experts/", {"topic": "trafficking"}).content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/en/members/", "/en/experts/"])
def test_directory_pages_use_a_constant_number_of_queries(member, django_assert_max_num_queries, path):
    def add(n):
        for _i in range(n):
            profile = ProfileFactory(name_visibility="members", is_expert=True, country="RS")
            profile.languages.set(Language.objects.filter(code__in=["sr", "en"]))
            profile.topics.set(Topic.objects.all()[:2])
            profile.expert_topics.set(Topic.objects.all()[:2])

    client = client_for(member)
    add(3)
    client.get(path)  # warm caches (policies, session)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as few:
        client.get(path)
    add(15)
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert client.get(path).status_code == 200
