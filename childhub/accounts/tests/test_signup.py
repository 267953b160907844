import re

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.test import Client

from childhub.accounts.models import Consent, User

SIGNUP = "/en/accounts/signup/"


def _form(**overrides):
    data = {
        "email": "dragana@example.org",
        "password1": "a-long-and-good-passphrase",
        "password2": "a-long-and-good-passphrase",
        "display_name": "Dragana Ilić",
        "accept_terms": "on",
        "accept_charter": "on",
        "accept_child_protection": "on",
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


@pytest.mark.django_db
def test_signup_records_consent_to_every_policy_and_sends_a_verification_link(policies):
    response = Client().post(SIGNUP, _form())
    assert response.status_code == 302
    user = User.objects.get(email="dragana@example.org")
    assert user.display_name == "Dragana Ilić"
    assert user.profile is not None
    assert set(Consent.objects.filter(member=user).values_list("kind", flat=True)) == {
        "terms",
        "charter",
        "child-protection",
    }
    assert not EmailAddress.objects.get(user=user).verified
    assert len(mail.outbox) == 1
    assert re.search(r"/accounts/confirm-email/\S+/", mail.outbox[0].body)


@pytest.mark.django_db
def test_following_the_link_verifies_the_address_and_signs_in(policies):
    client = Client()
    client.post(SIGNUP, _form())
    link = re.search(r"https?://[^/]+(/\S+/accounts/confirm-email/\S+/)", mail.outbox[0].body).group(1)
    assert client.get(link).status_code == 200
    response = client.post(link)
    assert response.status_code == 302
    assert EmailAddress.objects.get(email="dragana@example.org").verified
    assert client.get("/en/me/profile/").status_code == 200


@pytest.mark.django_db
def test_signup_in_bosnian_stores_bosnian_as_the_preferred_language(policies):
    Client().post("/bs/accounts/signup/", _form())
    assert User.objects.get(email="dragana@example.org").language == "bs"


@pytest.mark.django_db
def test_signup_without_consent_is_refused_and_keeps_what_was_typed(policies):
    response = Client().post(SIGNUP, _form(accept_charter=None))
    assert response.status_code == 200
    assert not User.objects.filter(email="dragana@example.org").exists()
    body = response.content.decode()
    assert 'value="Dragana Ilić"' in body
    assert 'value="dragana@example.org"' in body
    assert "This field is required" in body


@pytest.mark.django_db
def test_signup_errors_are_in_the_visitors_language(policies):
    response = Client().post("/hr/accounts/signup/", _form(accept_terms=None))
    assert "Unos za ovo polje je obavezan" in response.content.decode()


@pytest.mark.django_db
def test_a_weak_password_is_refused(policies):
    response = Client().post(SIGNUP, _form(password1="12345678", password2="12345678"))
    assert response.status_code == 200
    assert not User.objects.filter(email="dragana@example.org").exists()


@pytest.mark.django_db
def test_passwords_are_hashed_with_argon2(member):
    assert member.password.startswith("argon2")


@pytest.mark.django_db
def test_unverified_members_cannot_sign_in_until_they_verify(policies):
    Client().post(SIGNUP, _form())
    client = Client()
    response = client.post(
        "/en/accounts/login/", {"login": "dragana@example.org", "password": "a-long-and-good-passphrase"}
    )
    assert response.status_code == 302
    assert "confirm-email" in response["Location"]
