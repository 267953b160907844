import pytest
from django.conf import settings
from django.test import Client, override_settings
from django.urls import path

from childhub.core.actions import publish_policy_version
from childhub.core.tests.fixtures import client_for

LANGUAGES = [code for code, _ in settings.LANGUAGES]


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_home_page_is_served_in_every_interface_language(language):
    response = Client().get(f"/{language}/")
    assert response.status_code == 200
    assert f'<html lang="{language}"' in response.content.decode()


@pytest.mark.django_db
def test_home_page_is_cached_per_language_for_visitors():
    client = Client()
    assert "X-Page-Cache" not in client.get("/en/")
    assert client.get("/en/")["X-Page-Cache"] == "hit"
    assert "X-Page-Cache" not in client.get("/bg/")


@pytest.mark.django_db
def test_members_never_get_the_cached_visitor_page(member):
    Client().get("/en/")
    response = client_for(member).get("/en/")
    assert "X-Page-Cache" not in response
    assert member.public_name in response.content.decode()


@pytest.mark.django_db
def test_policy_page_shows_the_readers_language_and_offers_the_others(policies):
    response = Client().get("/bg/policies/terms/")
    body = response.content.decode()
    assert "terms bg" in body
    assert 'hreflang="en"' in body


@pytest.mark.django_db
def test_policy_page_falls_back_to_english_and_says_so(policies):
    body = Client().get("/uk/policies/charter/").content.decode()
    assert "charter title" in body
    assert 'class="note"' in body


@pytest.mark.django_db
def test_policy_page_shows_the_newest_published_version(policies):
    publish_policy_version(kind="terms", texts={"en": ("Terms, second edition", "New text.")})
    body = Client().get("/en/policies/terms/").content.decode()
    assert "Terms, second edition" in body


@pytest.mark.django_db
def test_unknown_policy_is_a_404(policies):
    assert Client().get("/en/policies/nothing/").status_code == 404
    assert Client().get("/en/policies/terms/xx/").status_code == 404


@pytest.mark.django_db
def test_not_found_page_is_in_the_visitors_language():
    response = Client().get("/hr/no-such-page/")
    assert response.status_code == 404
    assert '<html lang="hr"' in response.content.decode()


def _boom(request):
    raise RuntimeError("boom")


urlpatterns = [path("boom/", _boom), path("bg/boom/", _boom)]
handler500 = "childhub.core.views.server_error"


@pytest.mark.django_db
@override_settings(ROOT_URLCONF=__name__)
def test_server_error_page_is_in_the_visitors_language():
    client = Client(raise_request_exception=False)
    client.cookies["django_language"] = "ro"
    response = client.get("/boom/")
    assert response.status_code == 500
    assert '<html lang="ro"' in response.content.decode()


@pytest.mark.django_db
@override_settings(ROOT_URLCONF=__name__)
def test_server_error_page_speaks_the_language_of_the_address():
    client = Client(raise_request_exception=False)
    client.cookies["django_language"] = "ro"
    response = client.get("/bg/boom/")
    assert response.status_code == 500
    assert '<html lang="bg"' in response.content.decode()


@pytest.mark.django_db
def test_health_check_answers():
    assert Client().get("/healthz").json() == {"status": "ok"}


@pytest.mark.django_db
def test_pages_send_a_content_security_policy():
    response = Client().get("/en/about/")
    assert "default-src 'self'" in response["Content-Security-Policy"]


def test_a_long_lists_total_is_counted_once_a_minute_but_its_rows_are_always_fresh():
    import time_machine
    from django.utils import timezone

    from childhub.core.pages import COUNT_SECONDS, CountCachedPaginator

    rows = list(range(45))
    first = CountCachedPaginator(rows, 20, count_key="test-list")
    assert first.count == 45 and first.num_pages == 3
    rows.extend(range(45, 70))
    again = CountCachedPaginator(rows, 20, count_key="test-list")
    assert again.count == 45  # remembered
    assert list(again.page(2).object_list) == list(range(20, 40))
    assert CountCachedPaginator(rows, 20, count_key="another-list").count == 70
    with time_machine.travel(timezone.now() + timezone.timedelta(seconds=COUNT_SECONDS + 1)):
        assert CountCachedPaginator(rows, 20, count_key="test-list").count == 70


@pytest.mark.django_db
def test_the_kept_header_and_footer_follow_the_member_the_language_and_the_page(member, staff, time_machine):
    from urllib.parse import quote

    from childhub.core import fragments

    time_machine.move_to("2026-12-04 10:00", tick=False)
    browser = client_for(member)
    page = browser.get("/en/members/").text
    assert member.public_name in page and "Sign out" in page and "Impact dashboard" not in page
    assert f"next={quote('/en/members/', safe='')}" in page
    other = browser.get("/en/library/").text
    assert f"next={quote('/en/library/', safe='')}" in other
    assert f"next={quote('/en/members/', safe='')}" not in other
    member.display_name = "Ana Renamed"
    member.save()
    assert "Ana Renamed" in client_for(member).get("/en/members/").text
    assert 'href="/bg/library/"' in client_for(member).get("/bg/members/").text
    assert "Sign in" in Client().get("/en/about/").text
    staff_page = client_for(staff).get("/en/about/").text
    assert "Impact dashboard" in staff_page and "Ana Renamed" not in staff_page
    assert len(fragments._kept) >= 5
    time_machine.shift(fragments.KEEP_SECONDS + 1)
    assert fragments.kept(("header", "en", False), lambda: "drawn again") == "drawn again"
