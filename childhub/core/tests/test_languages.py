from types import SimpleNamespace

import pytest
from django.test import Client

from childhub.core.languages import autonym, language_name
from childhub.core.models import PolicyPage, pick_best_version, reader_languages
from childhub.core.tests.fixtures import client_for


def _versions(*languages: str) -> list[PolicyPage]:
    return [PolicyPage(pk=i + 1, language=code, kind="terms", version=1) for i, code in enumerate(languages)]


def test_best_version_prefers_the_readers_language_then_spoken_then_english_then_original():
    versions = _versions("bg", "en", "bs")
    assert pick_best_version(versions, ["bs", "en"]).language == "bs"
    assert pick_best_version(versions, ["hr", "bs", "en"]).language == "bs"
    assert pick_best_version(versions, ["uk", "en"]).language == "en"
    assert pick_best_version(_versions("bg", "ro"), ["uk", "en"]).language == "bg"
    assert pick_best_version([], ["en"]) is None


def test_serbian_readers_get_the_other_script_before_english():
    assert pick_best_version(_versions("en", "sr"), ["sr-latn", "en"]).language == "sr"


def test_reader_languages_for_a_visitor_are_the_interface_language_then_english():
    visitor = SimpleNamespace(is_authenticated=False)
    assert reader_languages(visitor, "bg") == ["bg", "en"]


@pytest.mark.django_db
def test_reader_languages_of_a_member_start_with_preferred_then_spoken(member):
    from childhub.core.models import Language

    member.language = "bs"
    member.save()
    member.profile.languages.set(Language.objects.filter(code__in=["hr", "en"]))
    assert reader_languages(member, "en")[:2] == ["bs", "en"] or reader_languages(member, "en")[0] == "bs"
    assert set(reader_languages(member, "en")) == {"bs", "hr", "en"}


def test_language_names_come_from_cldr_in_the_readers_language():
    assert language_name("bg", "en") == "Bulgarian"
    assert language_name("bg", "bg") == "Български"
    assert autonym("sr-latn").lower().startswith("srpski")
    assert autonym("sr").startswith("Српски")
    assert autonym("sq") == "Shqip"


def test_the_switchers_names_are_cldrs_names_of_each_language_in_itself():
    from django.conf import settings

    from childhub.core.languages import AUTONYMS, _language_name

    assert list(AUTONYMS) == [code for code, _ in settings.LANGUAGES]
    for code, name in AUTONYMS.items():
        assert name == _language_name(code, code), code


@pytest.mark.django_db
def test_switching_language_redirects_to_the_same_page_and_sets_the_cookie():
    response = Client().get("/language", {"lang": "bg", "next": "/en/members/"})
    assert response.status_code == 302
    assert response["Location"] == "/bg/members/"
    assert response.cookies["django_language"].value == "bg"


@pytest.mark.django_db
def test_switching_language_remembers_a_members_preference(member):
    client = client_for(member)
    client.get("/language", {"lang": "sr-latn", "next": "/en/about/"})
    member.refresh_from_db()
    assert member.language == "sr-latn"


@pytest.mark.django_db
def test_switching_language_never_redirects_off_site():
    response = Client().get("/language", {"lang": "ro", "next": "https://evil.example/"})
    assert response["Location"] == "/ro/"


@pytest.mark.django_db
def test_an_unknown_language_falls_back_to_english():
    response = Client().get("/language", {"lang": "xx", "next": "/bg/about/"})
    assert response["Location"] == "/en/about/"


@pytest.mark.django_db
def test_root_redirects_to_the_language_in_the_cookie():
    client = Client()
    client.cookies["django_language"] = "mk"
    assert client.get("/")["Location"] == "/mk/"


@pytest.mark.parametrize(
    ("language", "date", "number"),
    [
        ("en", "25 November 2026", "12,345"),
        ("bg", "25 ноември 2026 г.", "12 345"),
        ("hr", "25. studenoga 2026.", "12.345"),
        ("sr-latn", "25. novembar 2026.", "12.345"),
        ("el", "25 Νοεμβρίου 2026", "12.345"),
    ],
)
def test_dates_and_numbers_follow_the_readers_locale(language, date, number):
    import datetime as dt

    from django.utils import translation

    from childhub.core.templatetags.childhub import local_date, local_number

    with translation.override(language):
        assert local_date(dt.date(2026, 11, 25)).replace("\u202f", " ") == date
        assert local_number(12345).replace("\xa0", " ").replace("\u202f", " ") == number


def test_an_event_time_carries_its_zones_own_label_across_daylight_saving():
    import datetime as dt
    from zoneinfo import ZoneInfo

    from django.utils import translation

    from childhub.core.templatetags.childhub import zoned_datetime

    summer = dt.datetime(2026, 10, 24, 9, 0, tzinfo=ZoneInfo("UTC"))
    winter = dt.datetime(2026, 10, 26, 10, 0, tzinfo=ZoneInfo("UTC"))
    with translation.override("en"):
        assert "11:00" in zoned_datetime(summer, "Europe/Budapest")
        assert "Central European Summer Time" in zoned_datetime(summer, "Europe/Budapest")
        assert "11:00" in zoned_datetime(winter, "Europe/Budapest")
        assert "Central European Standard Time" in zoned_datetime(winter, "Europe/Budapest")
        assert "12:00" in zoned_datetime(winter, "Europe/Sofia")
        assert zoned_datetime(winter, "Europe/Budapest").startswith("Monday, 26 October 2026, 11:00")


def test_english_is_named_plainly_though_formatted_the_british_way():
    from childhub.core.languages import autonym, language_name

    assert language_name("en", "en") == "English"
    assert autonym("en") == "English"
    assert language_name("sr", "en") == "Serbian (Cyrillic)"
