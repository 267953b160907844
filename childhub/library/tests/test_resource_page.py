import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.files.base import ContentFile
from django.test import Client

from childhub.accounts.tests.factories import ProfileFactory
from childhub.core.models import Topic
from childhub.core.tests.fixtures import client_for
from childhub.library import queries
from childhub.library.models import Bookmark, Collection, Download
from childhub.library.tests.factories import ResourceFactory, make_mp3, make_pdf


@pytest.fixture
def pdf_resource(db):
    resource = ResourceFactory(
        title="Handbook", kind="document", url="", file_type="application/pdf", language="bs"
    )
    resource.file.save("handbook.pdf", ContentFile(make_pdf(["Handbook"])))
    return resource


@pytest.mark.django_db
def test_downloads_are_counted_per_resource_and_language(pdf_resource, member):
    Client().get(f"/en/library/{pdf_resource.pk}/file/?download=1")
    client_for(member).get(f"/en/library/{pdf_resource.pk}/file/?download=1")
    downloads = Download.objects.filter(resource=pdf_resource)
    assert downloads.count() == 2
    assert set(downloads.values_list("language", flat=True)) == {"bs"}


@pytest.mark.django_db
def test_downloads_are_attachments_and_not_compressed(pdf_resource):
    response = Client().get(f"/en/library/{pdf_resource.pk}/file/?download=1", HTTP_ACCEPT_ENCODING="gzip")
    assert "attachment" in response["Content-Disposition"]
    assert response.get("Content-Encoding") is None
    assert b"".join(response.streaming_content).startswith(b"%PDF")


@pytest.mark.django_db
def test_audio_is_served_with_range_requests(policies):
    resource = ResourceFactory(kind="audio", url="", file_type="audio/mpeg")
    data = make_mp3(10_000)
    resource.file.save("talk.mp3", ContentFile(data))
    response = Client().get(f"/en/library/{resource.pk}/file/", HTTP_RANGE="bytes=100-199")
    assert response.status_code == 206
    assert response["Content-Range"] == f"bytes 100-199/{len(data)}"
    assert b"".join(response.streaming_content) == data[100:200]
    assert (
        Client().get(f"/en/library/{resource.pk}/file/", HTTP_RANGE=f"bytes={len(data) + 5}-").status_code
        == 416
    )


@pytest.mark.django_db
def test_members_only_files_are_not_served_to_visitors(member):
    resource = ResourceFactory(access="members", url="", file_type="application/pdf")
    resource.file.save("x.pdf", ContentFile(make_pdf(["x"])))
    assert Client().get(f"/en/library/{resource.pk}/file/").status_code == 404
    assert client_for(member).get(f"/en/library/{resource.pk}/file/").status_code == 200


@pytest.mark.django_db
def test_the_page_shows_other_versions_related_resources_and_the_publisher(resources, partner_editor):
    guide = resources["guide"]
    topic = Topic.objects.get(slug="child-participation")
    guide.topics.set([topic])
    related = ResourceFactory(title="Participation in care")
    related.topics.set([topic])
    body = Client().get(guide.get_absolute_url()).content.decode()
    assert "Also available in:" in body and 'hreflang="bs"' in body
    assert "Participation in care" in body


@pytest.mark.django_db
def test_youtube_links_are_embedded_without_cookies(policies):
    resource = ResourceFactory(kind="video", url="https://www.youtube.com/watch?v=dQw4w9WgXcQ")
    body = Client().get(resource.get_absolute_url()).content.decode()
    assert "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ" in body


@pytest.mark.django_db
def test_bookmarking_toggles(resources, member):
    client = client_for(member)
    guide = resources["guide"]
    client.post(f"/en/library/{guide.pk}/bookmark/")
    assert Bookmark.objects.filter(member=member, resource=guide).exists()
    client.post(f"/en/library/{guide.pk}/bookmark/")
    assert not Bookmark.objects.filter(member=member, resource=guide).exists()


@pytest.mark.django_db
def test_a_reading_list_is_shared_only_by_its_link_when_the_owner_chooses(resources, member, other_member):
    client = client_for(member)
    client.post("/en/library/lists/", {"title": "Participation reading"})
    collection = Collection.objects.get(owner=member)
    client.post(f"/en/library/{resources['guide'].pk}/add-to-list/", {"collection": collection.pk})
    url = f"/en/library/lists/{collection.share_token}/"
    assert "Child participation guide" in client.get(url).content.decode()
    assert client_for(other_member).get(url).status_code == 404
    collection.is_shared = True
    collection.save()
    assert "Child participation guide" in Client().get(url).content.decode()


@pytest.mark.django_db
def test_nobody_adds_to_someone_elses_list(resources, member, other_member):
    collection = Collection.objects.create(owner=member, title="Mine")
    response = client_for(other_member).post(
        f"/en/library/{resources['guide'].pk}/add-to-list/", {"collection": collection.pk}
    )
    assert response.status_code == 404
    assert not collection.items.exists()


@pytest.mark.django_db
def test_a_reading_list_without_a_title_is_refused(member):
    response = client_for(member).post("/en/library/lists/", {"title": "", "description": "Kept text"})
    assert response.status_code == 400
    assert "Kept text" in response.content.decode()


@pytest.mark.django_db
def test_the_readers_bookmark_and_lists_are_read_as_the_orm_reads_them(resources, member):
    guide = resources["guide"]
    assert queries.reader_state(AnonymousUser(), guide) == (False, [])
    assert queries.reader_state(member, guide) == (False, [])
    for title in ("Older list", "Newer list"):
        Collection.objects.create(owner=member, title=title)
    Collection.objects.create(owner=ProfileFactory().user, title="Someone else's")
    Bookmark.objects.create(member=member, resource=resources["members_only"])
    bookmarked, lists = queries.reader_state(member, guide)
    expected = [(c.pk, c.title) for c in Collection.objects.filter(owner=member)]
    assert not bookmarked and [(c.pk, c.title) for c in lists] == expected
    assert expected[0][1] == "Newer list"
    Bookmark.objects.create(member=member, resource=guide)
    assert queries.reader_state(member, guide)[0] is True
    page = client_for(member).get(guide.get_absolute_url()).content.decode()
    assert "Remove bookmark" in page and f'<option value="{expected[0][0]}">Newer list</option>' in page
