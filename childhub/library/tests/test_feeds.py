import xml.etree.ElementTree as ET
from datetime import timedelta

import pytest
from django.core.cache import caches
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from childhub.accounts.tests.factories import OrganisationFactory
from childhub.core.models import Topic
from childhub.core.tests.fixtures import client_for
from childhub.library.tests.factories import ResourceFactory

ATOM = "{http://www.w3.org/2005/Atom}"


def rss_items(response):
    assert response.status_code == 200
    channel = ET.fromstring(response.content).find("channel")
    return channel, channel.findall("item")


def rss_titles(response):
    return [item.findtext("title") for item in rss_items(response)[1]]


@pytest.mark.django_db
def test_the_feed_lists_public_published_resources_only(resources):
    titles = rss_titles(Client().get("/en/library/feeds/rss/"))
    assert set(titles) == {
        "Child participation guide",
        "Vodič za participaciju djece",
        "Наръчник за участието на децата",
    }


@pytest.mark.django_db
def test_members_only_resources_stay_out_of_the_feed_even_for_members(resources, member):
    titles = rss_titles(client_for(member).get("/en/library/feeds/rss/"))
    assert "Supervision notes for teams" not in titles
    assert "Pending practice" not in titles


@pytest.mark.django_db
def test_the_newest_resources_come_first_and_the_feed_stops_at_fifty(db):
    now = timezone.now()
    for days in range(55):
        ResourceFactory(title=f"Resource {days} days old", published_at=now - timedelta(days=days))
    titles = rss_titles(Client().get("/en/library/feeds/rss/"))
    assert len(titles) == 50
    assert titles[:2] == ["Resource 0 days old", "Resource 1 days old"]


@pytest.mark.django_db
def test_rss_and_atom_have_their_content_types(resources):
    rss = Client().get("/en/library/feeds/rss/")
    atom = Client().get("/en/library/feeds/atom/")
    assert rss["Content-Type"].startswith("application/rss+xml")
    assert atom["Content-Type"].startswith("application/atom+xml")
    entries = ET.fromstring(atom.content).findall(f"{ATOM}entry")
    assert len(entries) == 3


@pytest.mark.django_db
def test_an_item_has_summary_link_date_organisation_and_topics(db):
    organisation = OrganisationFactory(name="Save the Children North West Balkans")
    resource = ResourceFactory(
        title="Listening to children", summary="First part.\n\nSecond part.", organisation=organisation
    )
    resource.topics.set(Topic.objects.filter(slug__in=["child-participation", "supervision"]))
    _channel, [item] = rss_items(Client().get("/en/library/feeds/rss/"))
    assert item.findtext("title") == "Listening to children"
    assert item.findtext("link") == f"http://testserver/en/library/{resource.pk}/"
    assert item.findtext("description") == "<p>First part.</p>\n\n<p>Second part.</p>"
    assert item.findtext("pubDate")
    assert (
        item.findtext("{http://purl.org/dc/elements/1.1/}creator") == "Save the Children North West Balkans"
    )
    assert sorted(c.text for c in item.findall("category")) == ["Child participation", "Supervision"]

    entry = ET.fromstring(Client().get("/en/library/feeds/atom/").content).find(f"{ATOM}entry")
    assert entry.findtext(f"{ATOM}author/{ATOM}name") == "Save the Children North West Balkans"
    assert entry.findtext(f"{ATOM}published")
    assert entry.findtext(f"{ATOM}updated")


@pytest.mark.django_db
def test_titles_are_escaped_for_rss_readers_and_plain_text_in_atom(db):
    ResourceFactory(title="Courts & <children>")
    assert rss_titles(Client().get("/en/library/feeds/rss/")) == ["Courts &amp; &lt;children&gt;"]
    atom = ET.fromstring(Client().get("/en/library/feeds/atom/").content)
    assert atom.find(f"{ATOM}entry").findtext(f"{ATOM}title") == "Courts & <children>"


@pytest.mark.django_db
def test_item_links_keep_the_interface_language_of_the_feed(resources):
    _channel, items = rss_items(Client().get("/bg/library/feeds/rss/"))
    guide = resources["guide"]
    links = {item.findtext("link") for item in items}
    assert f"http://testserver/bg/library/{guide.pk}/" in links
    assert all("/bg/library/" in link for link in links)


@pytest.mark.django_db
def test_the_language_feed_lists_resources_in_that_language_only(resources):
    assert rss_titles(Client().get("/en/library/feeds/language/bs/rss/")) == ["Vodič za participaciju djece"]
    assert rss_titles(Client().get("/en/library/feeds/language/ro/rss/")) == []
    channel, _items = rss_items(Client().get("/en/library/feeds/language/bs/rss/"))
    assert channel.findtext("title") == "New in the ChildHub library in Bosnian"
    assert channel.findtext("link") == "http://testserver/en/library/?language=bs"


@pytest.mark.django_db
def test_the_topic_feed_lists_resources_on_that_topic_only(resources):
    resources["guide"].topics.set([Topic.objects.get(slug="child-participation")])
    resources["members_only"].topics.set([Topic.objects.get(slug="child-participation")])
    response = Client().get("/en/library/feeds/topic/child-participation/atom/")
    feed = ET.fromstring(response.content)
    assert [e.findtext(f"{ATOM}title") for e in feed.findall(f"{ATOM}entry")] == ["Child participation guide"]
    assert feed.findtext(f"{ATOM}title") == "New in the ChildHub library: Child participation"
    assert rss_titles(Client().get("/en/library/feeds/topic/supervision/rss/")) == []


@pytest.mark.django_db
def test_feed_titles_follow_the_interface_language(resources):
    channel, _items = rss_items(Client().get("/bg/library/feeds/topic/child-participation/rss/"))
    assert "Детско участие" in channel.findtext("title")
    assert channel.findtext("language") == "bg"


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path",
    [
        "/en/library/feeds/topic/no-such-topic/rss/",
        "/en/library/feeds/topic/no-such-topic/atom/",
        "/en/library/feeds/language/xx/rss/",
        "/en/library/feeds/language/xx/atom/",
    ],
)
def test_an_unknown_topic_or_language_is_not_found(db, path):
    assert Client().get(path).status_code == 404


def _add_resources(count, topic):
    organisation = OrganisationFactory()
    for _ in range(count):
        ResourceFactory(organisation=organisation).topics.set([topic])


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/en/library/feeds/topic/supervision/rss/", "/en/library/feeds/atom/"])
def test_the_feed_makes_the_same_queries_for_3_or_30_items(db, django_assert_num_queries, path):
    topic = Topic.objects.get(slug="supervision")
    _add_resources(3, topic)
    with CaptureQueriesContext(connection) as few:
        assert Client().get(path).status_code == 200
    caches["pages"].clear()
    _add_resources(27, topic)
    with django_assert_num_queries(len(few)):
        response = Client().get(path)
    assert response.content.count(b"<item>") + response.content.count(b"<entry>") == 30


@pytest.mark.django_db
def test_visitors_get_the_feed_from_the_page_cache(resources):
    Client().get("/en/library/feeds/rss/")
    ResourceFactory(title="Published a moment later")
    response = Client().get("/en/library/feeds/rss/")
    assert response["X-Page-Cache"] == "hit"
    assert b"Published a moment later" not in response.content


@pytest.mark.django_db
def test_the_library_page_links_its_feeds(resources):
    body = Client().get("/en/library/").content.decode()
    assert '<link rel="alternate" type="application/atom+xml"' in body
    assert 'href="/en/library/feeds/rss/"' in body
    assert '<a href="/en/library/feeds/atom/"' in body


@pytest.mark.django_db
def test_a_filtered_library_page_links_the_feed_of_its_topic_and_language(resources):
    resources["guide"].topics.set([Topic.objects.get(slug="child-participation")])
    body = Client().get("/en/library/", {"topic": "child-participation", "language": "en"}).content.decode()
    assert 'href="/en/library/feeds/topic/child-participation/atom/"' in body
    assert 'href="/en/library/feeds/language/en/rss/"' in body
    assert 'title="New in the ChildHub library: Child participation"' in body


@pytest.mark.django_db
def test_a_resource_page_links_the_library_feed(resources):
    body = Client().get(f"/en/library/{resources['guide'].pk}/").content.decode()
    assert 'type="application/rss+xml"' in body
