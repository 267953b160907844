import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from childhub.core.models import Topic
from childhub.core.tests.fixtures import client_for
from childhub.library.models import Download, Resource, ResourceCountry
from childhub.library.tests.factories import ResourceFactory


@pytest.mark.django_db
def test_visitors_see_public_published_resources_only(resources):
    body = Client().get("/en/library/").content.decode()
    assert "Child participation guide" in body
    assert "Supervision notes for teams" not in body
    assert "Pending practice" not in body


@pytest.mark.django_db
def test_members_also_see_members_only_resources(resources, member):
    assert "Supervision notes for teams" in client_for(member).get("/en/library/").content.decode()


@pytest.mark.django_db
def test_facets_count_the_current_results_and_filter(resources):
    response = Client().get("/en/library/")
    languages = {f.value: f.count for f in response.context["facets"]["language"]}
    assert languages == {"en": 1, "bs": 1, "bg": 1}
    filtered = Client().get("/en/library/", {"language": "bs"})
    assert [r.title for r in filtered.context["page"].object_list] == ["Vodič za participaciju djece"]
    assert {f.value for f in filtered.context["facets"]["language"]} == {"bs"}


@pytest.mark.django_db
def test_filters_by_topic_country_year_and_type(resources):
    guide = resources["guide"]
    guide.topics.set([Topic.objects.get(slug="child-participation")])
    ResourceCountry.objects.create(resource=guide, country="AL")
    client = Client()
    assert [r.pk for r in client.get("/en/library/", {"topic": "child-participation"}).context["page"]] == [
        guide.pk
    ]
    assert [r.pk for r in client.get("/en/library/", {"country": "AL"}).context["page"]] == [guide.pk]
    assert [r.pk for r in client.get("/en/library/", {"year": "2020"}).context["page"]] == [guide.pk]
    assert [r.pk for r in client.get("/en/library/", {"kind": "document"}).context["page"]] == [guide.pk]


@pytest.mark.django_db
def test_sorting_by_most_downloaded(resources):
    popular = Resource.objects.get(language="bg")
    for _ in range(3):
        Download.objects.create(resource=popular, language="bg")
    page = Client().get("/en/library/", {"sort": "downloads"}).context["page"]
    assert page.object_list[0] == popular


@pytest.mark.django_db
def test_cards_say_which_other_languages_a_resource_exists_in(resources):
    body = Client().get("/en/library/", {"language": "en"}).content.decode()
    assert "Also available in:" in body
    assert 'hreflang="bs"' in body and 'hreflang="bg"' in body


@pytest.mark.django_db
def test_bad_filter_values_do_not_break_the_page(resources):
    assert Client().get("/en/library/", {"year": "abc", "kind": "nonsense", "page": "999"}).status_code == 200


@pytest.mark.django_db
def test_the_library_page_uses_a_constant_number_of_queries(policies, django_assert_max_num_queries):
    topics = list(Topic.objects.all()[:3])

    def add(n):
        for _ in range(n):
            resource = ResourceFactory()
            resource.topics.set(topics)
            ResourceCountry.objects.create(resource=resource, country="RS")

    add(3)
    client = Client()
    client.get("/en/library/")
    with CaptureQueriesContext(connection) as few:
        client.get("/en/library/")
    add(20)
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert client.get("/en/library/").status_code == 200


@pytest.mark.django_db
def test_a_members_list_counts_the_library_once_per_change(resources, member):
    browser = client_for(member)
    shown = browser.get("/en/library/").content.decode()
    total = int(shown.split(' role="status">')[1].split(" ")[0])
    with CaptureQueriesContext(connection) as again:
        assert f"{total} resources" in browser.get("/en/library/").content.decode()
    assert not [q for q in again.captured_queries if q["sql"].startswith('SELECT COUNT(*) AS "__count"')]
    ResourceFactory(title="A guide published a moment ago")
    page = browser.get("/en/library/").content.decode()
    assert f"{total + 1} resources" in page and "A guide published a moment ago" in page
