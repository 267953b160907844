import io
import json
import zipfile

import pytest
from allauth.account.models import EmailAddress
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from childhub.accounts.actions import erase_account, request_verification
from childhub.accounts.models import Consent, Profile, User
from childhub.accounts.tests.test_profile import _form, _jpeg_with_exif
from childhub.core.tests.fixtures import client_for


@pytest.mark.django_db
def test_export_contains_everything_the_hub_holds_about_me_and_my_files(member):
    client = client_for(member)
    client.post("/en/me/profile/", _form(photo=SimpleUploadedFile("me.jpg", _jpeg_with_exif())))
    request_verification(member=member, evidence="Social worker at the Centre for Social Work, Tuzla.")
    response = client.post("/en/me/data/export/")
    assert response["Content-Type"] == "application/zip"
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    names = archive.namelist()
    assert "README.json" in names
    assert json.loads(archive.read("accounts-user.json"))[0]["email"] == member.email
    assert json.loads(archive.read("accounts-profile.json"))[0]["job_title"] == "School psychologist"
    assert "Tuzla" in archive.read("accounts-verificationrequest.json").decode()
    assert len(json.loads(archive.read("accounts-consent.json"))) == 3
    assert any(name.startswith("files/photos/") for name in names)


@pytest.mark.django_db
def test_export_needs_a_post_and_a_signed_in_member(member):
    assert client_for(member).get("/en/me/data/export/").status_code == 405
    assert Client().post("/en/me/data/export/").status_code == 302


@pytest.mark.django_db
def test_erasing_keeps_the_row_as_former_member_and_removes_personal_data(member):
    email = member.email
    erase_account(member=member)
    erased = User.objects.get(pk=member.pk)
    assert erased.public_name == "former member"
    assert erased.email != email
    assert not erased.is_active
    assert not erased.has_usable_password()
    assert not Profile.objects.filter(user=erased).exists()
    assert not Consent.objects.filter(member=erased).exists()
    assert not EmailAddress.objects.filter(email=email).exists()


@pytest.mark.django_db
def test_deleting_my_account_needs_my_password_and_confirmation(member):
    client = client_for(member)
    response = client.post("/en/me/data/delete/", {"password": "wrong", "confirm": "on"})
    assert response.status_code == 400
    assert User.objects.get(pk=member.pk).is_active
    response = client.post("/en/me/data/delete/", {"password": "correct horse battery", "confirm": "on"})
    assert response.status_code == 302
    assert User.objects.get(pk=member.pk).erased_at is not None
    assert client.get("/en/me/profile/").status_code == 302


@pytest.mark.django_db
def test_an_erased_member_can_sign_up_again_with_the_same_address(member, policies):
    email = member.email
    erase_account(member=member)
    from childhub.accounts.tests.test_signup import _form as signup_form

    response = Client().post("/en/accounts/signup/", signup_form(email=email))
    assert response.status_code == 302
    assert User.objects.filter(email=email, erased_at=None).exists()
