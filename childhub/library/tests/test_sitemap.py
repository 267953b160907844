import xml.etree.ElementTree as ET

import pytest
from django.conf import settings
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from childhub.library.tests.factories import ResourceFactory

NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"


def locations(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    return [url.findtext(f"{NS}loc") for url in ET.fromstring(response.content).findall(f"{NS}url")]


@pytest.mark.django_db
def test_the_sitemap_index_lists_the_pages_and_the_library(resources):
    response = Client().get("/sitemap.xml")
    assert response.status_code == 200
    index = ET.fromstring(response.content)
    sitemaps = [s.findtext(f"{NS}loc") for s in index.findall(f"{NS}sitemap")]
    assert sitemaps[:2] == ["http://testserver/sitemap-pages.xml", "http://testserver/sitemap-library.xml"]


@pytest.mark.django_db
def test_the_library_sitemap_lists_public_resources_in_every_interface_language(resources):
    guide = resources["guide"]
    urls = locations(Client().get("/sitemap-library.xml"))
    for code, _name in settings.LANGUAGES:
        assert f"http://testserver/{code}/library/{guide.pk}/" in urls
    assert len(urls) == 3 * len(settings.LANGUAGES)


@pytest.mark.django_db
def test_the_library_sitemap_omits_member_only_and_unpublished_resources(resources):
    urls = locations(Client().get("/sitemap-library.xml"))
    for hidden in (resources["members_only"], resources["pending"]):
        assert not [url for url in urls if url.endswith(f"/library/{hidden.pk}/")]


@pytest.mark.django_db
def test_each_resource_entry_has_lastmod_and_hreflang_alternates(resources):
    guide = resources["guide"]
    urlset = ET.fromstring(Client().get("/sitemap-library.xml").content)
    entry = next(
        url
        for url in urlset.findall(f"{NS}url")
        if url.findtext(f"{NS}loc").endswith(f"/bg/library/{guide.pk}/")
    )
    # The day in the site's time zone, as the sitemap writes it (not UTC's: they differ near midnight).
    assert entry.findtext(f"{NS}lastmod") == timezone.localtime(guide.updated_at).date().isoformat()
    alternates = {link.get("hreflang"): link.get("href") for link in entry.findall(f"{XHTML}link")}
    assert alternates["sr-latn"] == f"http://testserver/sr-latn/library/{guide.pk}/"
    assert alternates["x-default"] == f"http://testserver/library/{guide.pk}/"
    assert len(alternates) == len(settings.LANGUAGES) + 1


@pytest.mark.django_db
def test_the_pages_sitemap_lists_the_fixed_public_pages(db):
    urls = locations(Client().get("/sitemap-pages.xml"))
    for path in ("/", "/about/", "/policies/", "/organisations/", "/library/"):
        assert f"http://testserver/en{path}" in urls
        assert f"http://testserver/uk{path}" in urls


@pytest.mark.django_db
def test_the_library_sitemap_makes_the_same_queries_for_3_or_30_resources(db, django_assert_num_queries):
    ResourceFactory.create_batch(3)
    with CaptureQueriesContext(connection) as few:
        assert Client().get("/sitemap-library.xml").status_code == 200
    ResourceFactory.create_batch(27)
    with django_assert_num_queries(len(few)):
        urls = locations(Client().get("/sitemap-library.xml"))
    assert len(urls) == 30 * len(settings.LANGUAGES)


@pytest.mark.django_db
def test_the_sitemap_index_makes_the_same_queries_for_3_or_30_resources(db, django_assert_num_queries):
    ResourceFactory.create_batch(3)
    with CaptureQueriesContext(connection) as few:
        assert Client().get("/sitemap.xml").status_code == 200
    ResourceFactory.create_batch(27)
    with django_assert_num_queries(len(few)):
        assert Client().get("/sitemap.xml").status_code == 200


@pytest.mark.django_db
def test_an_unknown_section_is_not_found(db):
    assert Client().get("/sitemap-nothing.xml").status_code == 404


def test_robots_txt_points_to_the_sitemap_and_keeps_crawlers_out_of_cases_and_accounts(client):
    response = client.get("/robots.txt")
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert "Disallow: /*/community/cases/" in lines
    assert "Disallow: /*/accounts/" in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines
