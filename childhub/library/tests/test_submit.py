import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from childhub.core.models import Topic
from childhub.core.tests.fixtures import client_for
from childhub.library import files
from childhub.library.models import Resource, ResourceChange
from childhub.library.tests.factories import make_mp3, make_pdf, make_png


def _form(**overrides):
    data = {
        "title": "Supervision handbook",
        "language": "en",
        "kind": "document",
        "summary": "How to set up supervision in a child protection agency.",
        "authors": "CELCIS",
        "year": "2019",
        "licence": "cc-by",
        "access": "public",
        "topics": [Topic.objects.get(slug="supervision").pk],
        "countries": ["RS", "BA"],
        "audiences": ["social-worker"],
    }
    data.update(overrides)
    return data


def _pdf():
    return SimpleUploadedFile("handbook.pdf", make_pdf(["Supervision handbook", "Reflective practice"]))


@pytest.mark.django_db
def test_a_members_submission_waits_for_review_and_is_hidden_from_others(member, other_member):
    response = client_for(member).post("/en/library/new/", _form(upload=_pdf()))
    resource = Resource.objects.get(title="Supervision handbook")
    assert response.status_code == 302
    assert resource.status == Resource.Status.PENDING
    assert resource.submitted_by == member
    assert client_for(member).get(resource.get_absolute_url()).status_code == 200
    assert client_for(other_member).get(resource.get_absolute_url()).status_code == 404
    assert Client().get(resource.get_absolute_url()).status_code == 404


@pytest.mark.django_db
def test_a_partner_editor_publishes_directly_under_the_organisation(
    partner_editor, celcis, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client_for(partner_editor).post("/en/library/new/", _form(upload=_pdf(), organisation=celcis.pk))
    resource = Resource.objects.get(title="Supervision handbook")
    assert resource.status == Resource.Status.PUBLISHED
    assert Client().get(resource.get_absolute_url()).status_code == 200


@pytest.mark.django_db
def test_an_editor_of_another_organisation_is_reviewed_like_any_member(partner_editor):
    from childhub.accounts.tests.factories import OrganisationFactory

    other = OrganisationFactory(slug="other-org", name="Other")
    client_for(partner_editor).post("/en/library/new/", _form(upload=_pdf(), organisation=other.pk))
    assert Resource.objects.get(title="Supervision handbook").status == Resource.Status.PENDING


@pytest.mark.django_db
def test_a_pdf_gets_its_text_extracted_and_a_preview(
    partner_editor, celcis, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client_for(partner_editor).post("/en/library/new/", _form(upload=_pdf(), organisation=celcis.pk))
    resource = Resource.objects.get(title="Supervision handbook")
    assert "Reflective practice" in resource.extracted_text
    assert resource.preview
    assert Client().get(f"/en/library/{resource.pk}/preview/")["Content-Type"] == "image/jpeg"
    body = Client().get("/en/library/", {"q": "reflective"}).content.decode()
    assert "Supervision handbook" in body


@pytest.mark.django_db
def test_a_file_that_is_not_what_it_claims_is_refused_with_a_reason_and_nothing_else_is_lost(member):
    fake = SimpleUploadedFile("handbook.pdf", b"MZ\x90\x00 an executable")
    response = client_for(member).post("/en/library/new/", _form(upload=fake, title="Kept title"))
    assert response.status_code == 200
    body = response.content.decode()
    assert "We cannot accept this file" in body
    assert 'value="Kept title"' in body
    assert "How to set up supervision" in body
    assert not Resource.objects.exists()


@pytest.mark.django_db
def test_an_oversized_file_is_refused_with_the_limit(member, monkeypatch):
    monkeypatch.setitem(files.MAX_BYTES, "document", 100)
    response = client_for(member).post("/en/library/new/", _form(upload=_pdf()))
    assert "too large" in response.content.decode()
    assert not Resource.objects.exists()


@pytest.mark.django_db
def test_refusals_are_in_the_members_language(member):
    fake = SimpleUploadedFile("handbook.pdf", b"not a document")
    response = client_for(member).post("/bg/library/new/", _form(upload=fake))
    assert response.status_code == 200
    assert '<html lang="bg"' in response.content.decode()


@pytest.mark.django_db
def test_audio_must_really_be_audio(member):
    response = client_for(member).post(
        "/en/library/new/", _form(kind="audio", upload=SimpleUploadedFile("a.mp3", make_png()))
    )
    assert "does not match the type" in response.content.decode()
    response = client_for(member).post(
        "/en/library/new/", _form(kind="audio", upload=SimpleUploadedFile("a.bin", make_mp3()))
    )
    assert response.status_code == 302


@pytest.mark.django_db
def test_images_are_re_encoded(member):
    client_for(member).post(
        "/en/library/new/", _form(kind="image", upload=SimpleUploadedFile("a.png", make_png()))
    )
    resource = Resource.objects.get()
    assert resource.file_type == "image/jpeg"
    assert resource.file.name.endswith(".jpg")


@pytest.mark.django_db
def test_a_video_link_must_be_embeddable(member):
    response = client_for(member).post(
        "/en/library/new/", _form(kind="video", url="https://example.org/video")
    )
    assert "YouTube, Vimeo and SoundCloud" in response.content.decode()
    client_for(member).post("/en/library/new/", _form(kind="video", url="https://youtu.be/dQw4w9WgXcQ"))
    assert Resource.objects.get().kind == "video"


@pytest.mark.django_db
def test_a_promising_practice_needs_what_was_done(member):
    response = client_for(member).post("/en/library/new/", _form(kind="practice"))
    assert "describe what was done" in response.content.decode()


@pytest.mark.django_db
def test_every_change_is_recorded(partner_editor, celcis):
    client = client_for(partner_editor)
    client.post("/en/library/new/", _form(upload=_pdf(), organisation=celcis.pk))
    resource = Resource.objects.get()
    client.post(
        f"/en/library/{resource.pk}/edit/",
        _form(organisation=celcis.pk, title="Supervision handbook, 2nd edition"),
    )
    changes = list(ResourceChange.objects.filter(resource=resource).order_by("pk"))
    assert [c.action for c in changes] == ["published", "edited"]
    assert changes[1].actor == partner_editor
    assert changes[1].changes["title"] == ["Supervision handbook", "Supervision handbook, 2nd edition"]


@pytest.mark.django_db
def test_others_may_not_edit(member, other_member, partner_editor, celcis):
    client_for(partner_editor).post("/en/library/new/", _form(upload=_pdf(), organisation=celcis.pk))
    resource = Resource.objects.get()
    assert (
        client_for(member).post(f"/en/library/{resource.pk}/edit/", _form(title="Vandal")).status_code == 403
    )
    assert Resource.objects.get().title == "Supervision handbook"


@pytest.mark.django_db
def test_a_version_in_another_language_shares_the_translation_key(partner_editor, celcis):
    client = client_for(partner_editor)
    client.post("/en/library/new/", _form(upload=_pdf(), organisation=celcis.pk))
    original = Resource.objects.get()
    client.post(
        f"/en/library/new/?translation_of={original.pk}",
        _form(upload=_pdf(), organisation=celcis.pk, language="bs", title="Priručnik za superviziju"),
    )
    version = Resource.objects.get(language="bs")
    assert version.translation_key == original.translation_key
    body = Client().get(original.get_absolute_url()).content.decode()
    assert f'href="/en/library/{version.pk}/"' in body


@pytest.mark.django_db
def test_coordinator_of_the_language_reviews_and_the_member_is_told(
    serbian_submission, coordinator, django_capture_on_commit_callbacks
):
    client = client_for(coordinator)
    assert "Zaštita dece" in client.get("/en/library/review/").content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/en/library/review/{serbian_submission.pk}/", {"decision": "approve"})
    serbian_submission.refresh_from_db()
    assert serbian_submission.status == Resource.Status.PUBLISHED
    assert mail.outbox[-1].to == [serbian_submission.submitted_by.email]


@pytest.mark.django_db
def test_rejecting_needs_a_note(serbian_submission, coordinator):
    response = client_for(coordinator).post(
        f"/en/library/review/{serbian_submission.pk}/", {"decision": "reject"}
    )
    assert response.status_code == 200
    serbian_submission.refresh_from_db()
    assert serbian_submission.status == Resource.Status.PENDING


@pytest.mark.django_db
@pytest.mark.parametrize(
    "role", ["member", "verified_member", "expert", "moderator", "partner_editor", "staff_without_mfa"]
)
def test_other_roles_may_not_review(role, request, serbian_submission):
    client = client_for(request.getfixturevalue(role))
    assert client.post(
        f"/en/library/review/{serbian_submission.pk}/", {"decision": "approve"}
    ).status_code in (302, 403)
    serbian_submission.refresh_from_db()
    assert serbian_submission.status == Resource.Status.PENDING


@pytest.mark.django_db
def test_staff_review_any_language(serbian_submission, staff):
    client_for(staff).post(f"/en/library/review/{serbian_submission.pk}/", {"decision": "approve"})
    serbian_submission.refresh_from_db()
    assert serbian_submission.status == Resource.Status.PUBLISHED


@pytest.fixture
def serbian_submission(member):
    return Resource.objects.create(
        title="Zaštita dece od nasilja",
        summary="Vodič.",
        language="sr-latn",
        kind="link",
        url="https://example.org",
        submitted_by=member,
    )


@pytest.mark.django_db
def test_a_damaged_pdf_is_refused_with_a_reason(member):
    broken = SimpleUploadedFile("broken.pdf", b"%PDF-1.4\n this is not really a pdf at all")
    response = client_for(member).post("/en/library/new/", _form(upload=broken))
    assert response.status_code == 200
    assert "seems to be damaged" in response.content.decode()
    assert not Resource.objects.exists()
