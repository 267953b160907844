"""The demo library: large and varied enough to try every feature, with real files, seeded once."""

from __future__ import annotations

import io
import wave
from collections import Counter
from typing import Any

import pytest
from django.db.models import Count
from django.test import Client
from PIL import Image

from childhub.accounts import demo as accounts_demo
from childhub.core.languages import CONTENT_LANGUAGES, INTERFACE_LANGUAGES
from childhub.core.taxonomy import TOPICS
from childhub.library import demo
from childhub.library.files import embed_for, readable, sniff
from childhub.library.models import Download, Resource


@pytest.fixture
def seeded(settings: Any, policies: None) -> str:
    """The accounts demo (organisations, staff), then the library demo, as seed_demo runs them."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # 68 demo logins
    out = io.StringIO()
    accounts_demo.seed(out)
    demo.seed(out)
    return out.getvalue()


@pytest.mark.django_db
def test_the_demo_library_covers_every_kind_topic_and_language(seeded: str) -> None:
    resources = Resource.objects.all()
    assert resources.count() >= 160
    assert set(resources.values_list("status", flat=True)) == {Resource.Status.PUBLISHED}
    languages = set(resources.values_list("language", flat=True))
    assert set(INTERFACE_LANGUAGES) <= languages
    assert len(INTERFACE_LANGUAGES) == 13
    assert languages - set(INTERFACE_LANGUAGES), "some content-only languages too"
    assert languages <= set(CONTENT_LANGUAGES)
    assert set(Resource.Kind.values) == set(resources.values_list("kind", flat=True))
    covered = set(resources.values_list("topics__slug", flat=True))
    assert set(TOPICS) <= covered
    assert set(resources.values_list("year", flat=True)) == set(range(2012, 2027))
    assert set(resources.values_list("access", flat=True)) == {"public", "members"}
    partners = {slug for slug, *_ in accounts_demo.PARTNERS}
    assert partners <= set(resources.values_list("organisation__slug", flat=True))
    assert {"AL", "BA", "BG", "HR", "XK", "MD", "ME", "MK", "RO", "RS"} <= set(
        resources.values_list("country_rows__country", flat=True)
    )

    groups = resources.values("translation_key").annotate(n=Count("pk")).filter(n__gte=3)
    assert groups.count() >= 15

    titles = Counter(resources.values_list("language", "title"))
    assert max(titles.values()) == 1, [t for t, n in titles.items() if n > 1]
    for practice in resources.filter(kind=Resource.Kind.PRACTICE):
        assert practice.practice_context and practice.practice_action and practice.practice_results
        assert practice.practice_contact
    for resource in resources.filter(kind__in=["video", "audio"], file=""):
        assert embed_for(resource.url) is not None, resource.url
    assert not resources.filter(kind="link", url="").exists()
    assert Download.objects.exists()


@pytest.mark.django_db
def test_demo_files_are_real_and_processed(seeded: str) -> None:
    pdfs = Resource.objects.filter(kind="document", file_type="application/pdf")
    assert pdfs.count() == Resource.objects.filter(kind="document").count()
    assert not pdfs.filter(extracted_text="").exists()
    assert not pdfs.filter(preview="").exists()
    greek = pdfs.filter(language="el").first()
    assert greek is not None and "odigos" in greek.extracted_text.lower()  # transliterated, not dropped

    image = Resource.objects.filter(kind="image").exclude(file="").first()
    audio = Resource.objects.filter(kind="audio").exclude(file="").first()
    assert image is not None and audio is not None
    assert image.file_type == "image/jpeg"
    assert audio.file_type == "audio/wav"
    for resource in (pdfs.first(), image, audio):
        assert resource is not None
        with resource.file.open("rb") as handle:
            kind = sniff(handle)  # the checks an upload passes
            assert kind is not None and kind.mime == resource.file_type
            assert readable(handle, kind)
    with image.file.open("rb") as handle, Image.open(handle) as picture:
        assert picture.size == (960, 640)
    with audio.file.open("rb") as handle, wave.open(handle) as sound:
        assert 1.0 <= sound.getnframes() / sound.getframerate() <= 3.0


@pytest.mark.django_db
def test_demo_resources_open_play_and_are_found(seeded: str) -> None:
    client = Client()
    public = Resource.objects.filter(access="public")
    pdf = public.filter(file_type="application/pdf").first()
    image = public.filter(kind="image").exclude(file="").first()
    audio = public.filter(file_type="audio/wav").first()
    video = public.filter(kind="video").first()
    assert pdf and image and audio and video

    assert client.get(f"/en/library/{pdf.pk}/preview/")["Content-Type"] == "image/jpeg"
    download = client.get(f"/en/library/{pdf.pk}/file/?download=1")
    assert b"".join(download.streaming_content).startswith(b"%PDF")
    assert "<audio" in client.get(f"/en/library/{audio.pk}/").content.decode()
    assert client.get(f"/en/library/{audio.pk}/file/")["Content-Type"] == "audio/wav"
    assert f"/en/library/{image.pk}/file/" in client.get(f"/en/library/{image.pk}/").content.decode()
    assert "<iframe" in client.get(f"/en/library/{video.pk}/").content.decode()

    # Words only in the PDFs' text (their contents pages) find them.
    found = client.get("/en/library/", {"q": "sextortion"}).content.decode()
    assert "Protecting children online" in found


@pytest.mark.django_db
def test_seeding_again_adds_nothing(seeded: str) -> None:
    counts = (Resource.objects.count(), Download.objects.count())
    out = io.StringIO()
    demo.seed(out)
    assert "already there" in out.getvalue()
    assert (Resource.objects.count(), Download.objects.count()) == counts


def test_the_bulk_grows_with_the_scale_without_repeating_titles() -> None:
    small, large = demo.bulk_works(54), demo.bulk_works(500)
    assert [w.key for w in large[:54]] == [w.key for w in small]
    titles = Counter((lang, v.title) for work in large for lang, v in work.versions.items())
    assert max(titles.values()) == 1
    assert {w.kind for w in large} == {"document", "image", "video"}
    assert {lang for w in large for lang in w.versions} == set(INTERFACE_LANGUAGES)
