import pytest
from django.conf import settings
from django.test import Client

TOO_MANY = "Too many failed login attempts"


def test_rate_limits_live_in_a_cache_shared_by_every_worker_process():
    backend = settings.CACHES["default"]["BACKEND"]
    assert "locmem" not in backend and "dummy" not in backend


@pytest.mark.django_db
def test_repeated_failed_sign_ins_for_one_address_are_stopped(member):
    client = Client()
    bodies = [
        client.post(
            "/en/accounts/login/", {"login": member.email, "password": "wrong password"}
        ).content.decode()
        for _ in range(6)
    ]
    assert TOO_MANY not in bodies[0]
    assert TOO_MANY in bodies[-1]


@pytest.mark.django_db
def test_the_limit_holds_across_separate_clients_even_with_the_right_password(member):
    for _ in range(5):
        Client().post("/en/accounts/login/", {"login": member.email, "password": "wrong password"})
    response = Client().post(
        "/en/accounts/login/", {"login": member.email, "password": "correct horse battery"}
    )
    assert TOO_MANY in response.content.decode()
    assert "_auth_user_id" not in response.wsgi_request.session


@pytest.mark.django_db
def test_sign_up_is_limited_per_address_of_the_visitor(policies):
    statuses = [
        Client().post("/en/accounts/signup/", {"email": f"bot{i}@example.org"}).status_code for i in range(12)
    ]
    assert statuses[0] == 200
    assert statuses[-1] == 429


@pytest.mark.django_db
def test_password_reset_is_limited_per_address_across_clients(member):
    from django.core import mail

    statuses = [
        Client().post("/en/accounts/password/reset/", {"email": member.email}).status_code for _ in range(5)
    ]
    assert statuses[0] == 302
    assert 429 in statuses
    assert len(mail.outbox) < 5
