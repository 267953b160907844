"""Site pages are served with the site's URLconf, the staff interface with the full one; a site
page still links to the staff interface, and every name still reverses outside requests."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import get_resolver, reverse

from childhub.accounts.models import Membership
from childhub.core.tests.fixtures import client_for

pytestmark = pytest.mark.django_db


def test_site_pages_resolve_without_the_staff_interface() -> None:
    response = Client().get("/en/")
    assert response.wsgi_request.urlconf == "config.site_urls"  # type: ignore[attr-defined]
    assert "admin" not in get_resolver("config.site_urls").namespace_dict
    assert "admin" in get_resolver("config.urls").namespace_dict


def test_the_staff_interface_is_served_with_the_full_urlconf(staff: Any) -> None:
    response = client_for(staff).get("/en/staff/")
    assert response.status_code == 200
    assert not hasattr(response.wsgi_request, "urlconf")


def test_names_of_the_staff_interface_reverse_outside_requests() -> None:
    assert reverse("admin:index") == "/en/staff/"


def test_a_site_page_links_to_the_staff_interface(partner_editor: Any) -> None:
    organisation = Membership.objects.get(member=partner_editor).organisation
    page = client_for(partner_editor).get(f"/en/organisations/{organisation.slug}/").text
    assert f'href="/en/staff/accounts/organisation/{organisation.pk}/change/"' in page


def test_unknown_addresses_still_get_the_sites_404_page() -> None:
    response = Client().get("/en/no-such-page/")
    assert response.status_code == 404
    assert "Page not found" in response.text
