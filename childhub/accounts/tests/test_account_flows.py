import re

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.test import Client

from childhub.core.tests.fixtures import client_for

PASSWORD = "correct horse battery"


@pytest.mark.django_db
def test_signing_in_lands_on_the_home_page_in_the_members_language(member):
    member.language = "mk"
    member.save()
    response = Client().post("/en/accounts/login/", {"login": member.email, "password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == "/mk/"


@pytest.mark.django_db
def test_signed_in_pages_remember_the_preferred_language_in_a_cookie(member):
    member.language = "uk"
    member.save()
    response = client_for(member).get("/en/about/")
    assert response.cookies["django_language"].value == "uk"


@pytest.mark.django_db
def test_signing_out_ends_the_session(member):
    client = client_for(member)
    client.post("/en/accounts/logout/")
    assert client.get("/en/me/profile/").status_code == 302


@pytest.mark.django_db
def test_password_reset_by_e_mail_link(member):
    client = Client()
    client.post("/en/accounts/password/reset/", {"email": member.email})
    assert len(mail.outbox) == 1
    link = re.search(r"https?://[^/]+(/\S+/password/reset/key/\S+/)", mail.outbox[0].body).group(1)
    form_url = client.get(link)["Location"]
    response = client.post(
        form_url, {"password1": "a-brand-new-passphrase", "password2": "a-brand-new-passphrase"}
    )
    assert response.status_code == 302
    member.refresh_from_db()
    assert member.check_password("a-brand-new-passphrase")


@pytest.mark.django_db
def test_password_reset_for_an_unknown_address_reveals_nothing(policies):
    response = Client().post("/en/accounts/password/reset/", {"email": "nobody@example.org"})
    assert response.status_code == 302


@pytest.mark.django_db
def test_changing_the_e_mail_address_needs_verification_of_the_new_one(member):
    client = client_for(member)
    client.post("/en/accounts/email/", {"action_add": "", "email": "new.address@example.org"})
    new = EmailAddress.objects.get(email="new.address@example.org")
    assert not new.verified
    member.refresh_from_db()
    assert member.email != "new.address@example.org"
    link = re.search(r"https?://[^/]+(/\S+/accounts/confirm-email/\S+/)", mail.outbox[-1].body).group(1)
    client.post(link)
    member.refresh_from_db()
    assert member.email == "new.address@example.org"


@pytest.mark.django_db
def test_every_member_can_set_up_two_factor_authentication(member):
    client = client_for(member)
    assert client.get("/en/accounts/2fa/").status_code == 200
    reauthenticate = client.get("/en/accounts/2fa/totp/activate/")["Location"]
    client.post(reauthenticate, {"password": PASSWORD})
    page = client.get("/en/accounts/2fa/totp/activate/")
    assert page.status_code == 200
    assert "<svg" in page.content.decode() or "data:image" in page.content.decode()


@pytest.mark.django_db
def test_sign_in_asks_for_the_second_factor_when_it_is_set_up(staff):
    client = Client()
    response = client.post("/en/accounts/login/", {"login": staff.email, "password": PASSWORD})
    assert response.status_code == 302
    assert "/2fa/authenticate/" in response["Location"]
    assert "_auth_user_id" not in client.session
