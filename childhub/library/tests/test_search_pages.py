import pytest
from django.test import Client

from childhub.core.models import Language
from childhub.core.tests.fixtures import client_for
from childhub.library.actions import index_resource
from childhub.library.tests.factories import ResourceFactory


def _indexed(**kwargs):
    resource = ResourceFactory(**kwargs)
    index_resource(resource_id=resource.pk)
    return resource


@pytest.mark.django_db
def test_latin_search_finds_cyrillic_serbian_and_highlights_the_passage(policies):
    _indexed(
        title="Заштита деце на интернету", summary="Водич за родитеље о безбедности деце.", language="sr"
    )
    body = Client().get("/sr-latn/library/", {"q": "deca"}).content.decode()
    assert "Заштита деце на интернету" in body
    assert "<mark>" in body


@pytest.mark.django_db
def test_results_come_grouped_by_the_readers_languages_then_english_then_others(member):
    member.language = "bs"
    member.save()
    member.profile.languages.set([Language.objects.get(code="hr")])
    _indexed(title="Nasilje nad djecom", summary="Vodič.", language="bs")
    _indexed(title="Nasilje nad djecom u obitelji", summary="Smjernice.", language="hr")
    _indexed(title="Violence against children — nasilje", summary="A study.", language="en")
    _indexed(title="Nasilje — română", summary="Studiu.", language="ro")
    groups = client_for(member).get("/bs/library/", {"q": "nasilje"}).context["groups"]
    assert [g.language for g in groups] == ["bs", "hr", "en", None]


@pytest.mark.django_db
def test_members_only_resources_are_not_found_by_visitors(member):
    _indexed(title="Supervision notes", language="en", access="members")
    assert "Supervision notes" not in Client().get("/en/library/", {"q": "supervision"}).content.decode()
    assert (
        "Supervision notes" in client_for(member).get("/en/library/", {"q": "supervision"}).content.decode()
    )


@pytest.mark.django_db
def test_an_empty_search_shows_the_facets(policies):
    ResourceFactory(title="Anything")
    response = Client().get("/en/library/", {"q": "   "})
    assert response.status_code == 200
    assert "Anything" in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query", ['"', "AND OR", "🙂", "x" * 10_000, "' OR 1=1 --", "<script>alert(1)</script>"]
)
def test_any_search_input_is_safe(policies, query):
    _indexed(title="Children")
    response = Client().get("/en/library/", {"q": query})
    assert response.status_code == 200
    assert "<script>alert(1)" not in response.content.decode()


@pytest.mark.django_db
def test_searching_is_rate_limited(policies, monkeypatch):
    from childhub.library import views

    monkeypatch.setattr(views, "SEARCHES_PER_MINUTE", 3)
    client = Client()
    statuses = [client.get("/en/library/", {"q": f"children {i}"}).status_code for i in range(5)]
    assert statuses[:3] == [200, 200, 200]
    assert statuses[-1] == 429


@pytest.mark.django_db
def test_the_library_front_page_is_cached_per_language_for_visitors(policies):
    ResourceFactory(title="Cached")
    client = Client()
    client.get("/en/library/")
    assert client.get("/en/library/")["X-Page-Cache"] == "hit"
    assert "X-Page-Cache" not in client.get("/en/library/", {"kind": "document"})
