"""The library in a real browser: search, filter, open, bookmark and download, with axe-core."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.core.files.base import ContentFile
from playwright.sync_api import expect

from childhub.accounts.actions import record_consent
from childhub.accounts.tests.factories import ProfileFactory
from childhub.core.models import Topic
from childhub.library.actions import index_resource, process_resource_file
from childhub.library.models import Bookmark, Download
from childhub.library.tests.factories import ResourceFactory, make_pdf

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_search_filter_open_bookmark_and_download(page: Any, policies: None, assert_accessible: Any) -> None:
    member = ProfileFactory(user__display_name="Jelena Kovač", country="RS").user
    record_consent(member=member)
    guide = ResourceFactory(
        title="Vodič za rad sa decom u sukobu sa zakonom",
        language="sr-latn",
        kind="document",
        url="",
        summary="Praktični koraci za centre za socijalni rad.",
        file_type="application/pdf",
        year=2022,
    )
    guide.file.save("vodic.pdf", ContentFile(make_pdf(["Vodic za rad sa decom", "deca u sukobu sa zakonom"])))
    guide.topics.set(Topic.objects.filter(slug="juvenile-justice"))
    process_resource_file(resource_id=guide.pk)
    other = ResourceFactory(
        title="Online safety for teenagers",
        language="en",
        kind="link",
        url="https://example.org/safety",
        summary="Deca and the internet.",
    )
    other.topics.set(Topic.objects.filter(slug="online-safety"))
    index_resource(resource_id=other.pk)

    page.goto("/en/accounts/login/")
    page.get_by_label("Email").fill(member.email)
    page.get_by_label(re.compile(r"^Password:?$")).fill("correct horse battery")
    page.get_by_role("button", name="Sign In").click()
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Library").click()
    assert_accessible(page)

    # Search in Cyrillic finds the Latin-script guide.
    page.get_by_label("Search the library").fill("деца")
    page.get_by_role("button", name="Search").click()
    expect(page.get_by_role("link", name=guide.title)).to_be_visible()
    assert_accessible(page)

    # Filter by topic: only the guide stays.
    page.goto("/en/library/")
    page.get_by_role("complementary", name="Filters").get_by_role("link", name="Juvenile justice").click()
    expect(page.get_by_role("link", name=guide.title)).to_be_visible()
    expect(page.get_by_role("link", name=other.title)).to_have_count(0)
    assert_accessible(page)

    page.get_by_role("link", name=guide.title).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(guide.title)
    assert_accessible(page)
    page.get_by_role("button", name="Bookmark").click()
    expect(page.get_by_role("button", name="Remove bookmark")).to_be_visible()
    assert Bookmark.objects.filter(member=member, resource=guide).exists()

    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download").click()
    download = download_info.value
    assert download.suggested_filename.endswith(".pdf")
    with open(download.path(), "rb") as pdf:
        assert pdf.read(5) == b"%PDF-"
    assert Download.objects.filter(resource=guide).count() == 1

    page.goto("/en/library/mine/")
    expect(page.get_by_role("link", name=guide.title)).to_be_visible()
    assert_accessible(page)
