import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from PIL import Image

from childhub.accounts.models import Profile
from childhub.core.models import Language, Topic
from childhub.core.tests.fixtures import client_for


def _jpeg_with_exif() -> bytes:
    image = Image.new("RGB", (1200, 900), "orange")
    exif = Image.Exif()
    exif[0x010F] = "SecretCameraMaker"  # Make
    exif[0x8825] = {2: (45.0, 0.0, 0.0)}  # GPS
    out = io.BytesIO()
    image.save(out, format="JPEG", exif=exif)
    return out.getvalue()


def _form(**overrides):
    data = {
        "display_name": "Amra H.",
        "profession": "psychologist",
        "job_title": "School psychologist",
        "country": "BA",
        "bio": "I work with children in schools.",
        "languages": [Language.objects.get(code="bs").pk],
        "topics": [Topic.objects.get(slug="mental-health").pk],
        **{f"{name}_visibility": "members" for name in Profile.VISIBLE_FIELDS},
    }
    data.update(overrides)
    return data


@pytest.mark.django_db
def test_member_completes_the_profile(member):
    response = client_for(member).post("/en/me/profile/", _form())
    assert response.status_code == 302
    profile = Profile.objects.get(user=member)
    assert profile.profession == "psychologist"
    assert profile.job_title == "School psychologist"
    assert [lang.code for lang in profile.languages.all()] == ["bs"]
    assert [t.slug for t in profile.topics.all()] == ["mental-health"]
    member.refresh_from_db()
    assert member.display_name == "Amra H."


@pytest.mark.django_db
def test_a_photo_is_re_encoded_without_its_metadata(member):
    photo = SimpleUploadedFile("me.jpg", _jpeg_with_exif(), content_type="image/jpeg")
    client_for(member).post("/en/me/profile/", _form(photo=photo))
    profile = Profile.objects.get(user=member)
    with profile.photo.open("rb") as handle:
        stored = Image.open(io.BytesIO(handle.read()))
        assert stored.format == "JPEG"
        assert max(stored.size) <= 512
        assert not stored.getexif()


@pytest.mark.django_db
def test_a_file_that_is_not_an_image_is_refused_and_the_rest_is_kept(member):
    fake = SimpleUploadedFile("me.jpg", b"%PDF-1.4 not an image", content_type="image/jpeg")
    response = client_for(member).post("/en/me/profile/", _form(photo=fake, job_title="Kept title"))
    assert response.status_code == 200
    body = response.content.decode()
    assert "not an image we can read" in body
    assert 'value="Kept title"' in body
    assert Profile.objects.get(user=member).job_title == ""


@pytest.mark.django_db
def test_profile_form_errors_are_in_the_members_language(member):
    response = client_for(member).post("/bg/me/profile/", _form(display_name=""))
    assert response.status_code == 200
    assert "Това поле е задължително" in response.content.decode()


@pytest.mark.django_db
def test_fields_marked_only_me_are_hidden_from_other_members(member, other_member):
    client_for(member).post(
        "/en/me/profile/", _form(job_title_visibility="private", name_visibility="members")
    )
    body = client_for(other_member).get(f"/en/members/{member.pk}/").content.decode()
    assert "School psychologist" not in body
    assert "Psychologist" in body
    own = client_for(member).get(f"/en/members/{member.pk}/").content.decode()
    assert "School psychologist" in own


@pytest.mark.django_db
def test_visitors_see_only_public_fields(member):
    client_for(member).post("/en/me/profile/", _form(name_visibility="public", bio_visibility="public"))
    body = Client().get(f"/en/members/{member.pk}/").content.decode()
    assert "I work with children in schools." in body
    assert "School psychologist" not in body


@pytest.mark.django_db
def test_a_profile_visible_to_members_only_is_not_found_by_visitors(member):
    assert Client().get(f"/en/members/{member.pk}/").status_code == 404


@pytest.mark.django_db
def test_visitors_are_sent_to_sign_in_to_edit_a_profile():
    response = Client().get("/en/me/profile/")
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


@pytest.mark.django_db
def test_gender_is_optional_and_never_shown_even_to_the_member(member, other_member):
    assert client_for(member).post("/en/me/profile/", _form()).status_code == 302
    assert Profile.objects.get(user=member).gender == ""
    client_for(member).post("/en/me/profile/", _form(gender="another", name_visibility="public"))
    assert Profile.objects.get(user=member).gender == "another"
    for client in (client_for(member), client_for(other_member), Client()):
        assert "In another way" not in client.get(f"/en/members/{member.pk}/").text


@pytest.mark.django_db
def test_an_unknown_gender_is_refused_and_the_rest_is_kept(member):
    response = client_for(member).post("/en/me/profile/", _form(gender="x", job_title="Kept title"))
    assert response.status_code == 200
    assert "Kept title" in response.text
