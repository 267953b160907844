import pytest
from django.contrib import admin
from django.urls import reverse

from childhub.core.tests.fixtures import client_for


@pytest.mark.django_db
def test_staff_without_two_factor_authentication_are_sent_to_set_it_up(staff_without_mfa):
    response = client_for(staff_without_mfa).get("/en/staff/")
    assert response.status_code == 302
    assert "/2fa/" in response["Location"]


@pytest.mark.django_db
def test_members_and_moderators_cannot_open_the_staff_interface(member, moderator):
    assert client_for(member).get("/en/staff/").status_code in (302, 403)
    assert client_for(moderator).get("/en/staff/").status_code in (302, 403)


@pytest.mark.django_db
def test_every_model_has_a_working_staff_page(staff):
    client = client_for(staff)
    assert client.get("/en/staff/").status_code == 200
    for model in admin.site._registry:
        meta = model._meta
        changelist = reverse(f"admin:{meta.app_label}_{meta.model_name}_changelist")
        assert client.get(changelist).status_code == 200, changelist


@pytest.mark.django_db
def test_the_hubs_own_models_are_all_in_the_staff_interface():
    from django.apps import apps

    ours = {m for m in apps.get_models() if m.__module__.startswith("childhub.")}
    assert ours - set(admin.site._registry) == set()
