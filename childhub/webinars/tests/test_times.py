"""Times in the event's zone and the viewer's, labelled from the zone by babel, right across DST."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from childhub.webinars.forms import in_zone
from childhub.webinars.tests.factories import WebinarFactory
from childhub.webinars.times import valid_zone, zoned

SOFIA = ZoneInfo("Europe/Sofia")


def test_eleven_in_sofia_is_nine_utc_after_the_clocks_go_back_on_25_october_2026():
    after = datetime(2026, 10, 26, 11, 0, tzinfo=SOFIA)
    assert after.astimezone(UTC) == datetime(2026, 10, 26, 9, 0, tzinfo=UTC)
    assert zoned(after, "Europe/Sofia", "en").zone == "Eastern European Standard Time"


def test_eleven_in_sofia_is_eight_utc_before_the_change():
    before = datetime(2026, 10, 24, 11, 0, tzinfo=SOFIA)
    assert before.astimezone(UTC) == datetime(2026, 10, 24, 8, 0, tzinfo=UTC)
    assert zoned(before, "Europe/Sofia", "en").zone == "Eastern European Summer Time"


def test_budapest_is_still_on_summer_time_on_26_october_2027():
    # In 2027 the clocks go back on 31 October: a hard-coded "CET" would be wrong here.
    moment = datetime(2027, 10, 26, 15, 0, tzinfo=ZoneInfo("Europe/Budapest"))
    shown = zoned(moment, "Europe/Budapest", "en")
    assert moment.astimezone(UTC).hour == 13
    assert shown.zone == "Central European Summer Time"
    assert shown.iso == "2027-10-26T15:00:00+02:00"
    assert zoned(moment, "Europe/Budapest", "hu").time == "15:00"


def test_the_zone_label_is_in_the_readers_language():
    moment = datetime(2026, 10, 26, 9, 0, tzinfo=UTC)
    assert zoned(moment, "Europe/Sofia", "bg").zone == "Източноевропейско стандартно време"
    assert zoned(moment, "Europe/Sofia", "bg").time == "11:00"


def test_a_viewer_elsewhere_sees_their_own_clock_too():
    moment = datetime(2026, 10, 26, 9, 0, tzinfo=UTC)
    assert zoned(moment, "Europe/London", "en").iso == "2026-10-26T09:00:00+00:00"
    assert zoned(moment, "Europe/London", "en").zone == "Greenwich Mean Time"


def test_a_time_the_clocks_skip_is_refused():
    assert in_zone(datetime(2027, 3, 28, 2, 30), ZoneInfo("Europe/Budapest")) is None
    assert in_zone(datetime(2027, 3, 28, 3, 30), ZoneInfo("Europe/Budapest")) is not None


def test_only_real_zone_names_are_accepted():
    assert valid_zone("Europe/Sofia") == "Europe/Sofia"
    assert valid_zone("../../etc/passwd") == ""
    assert valid_zone("CET ") == "CET"  # a real IANA name, though never one we show
    assert valid_zone("") == ""


@pytest.mark.django_db
def test_the_detail_page_shows_both_zones_with_labels_from_babel(client, clock):
    webinar = WebinarFactory(starts_at=datetime(2026, 10, 26, 9, 0, tzinfo=UTC), time_zone="Europe/Sofia")
    clock.move_to(datetime(2026, 10, 1, tzinfo=UTC), tick=False)
    response = client.get(f"/en/webinars/{webinar.pk}/?tz=America/New_York")
    text = response.text
    assert 'datetime="2026-10-26T11:00:00+02:00"' in text
    assert "(Eastern European Standard Time)" in text
    assert 'datetime="2026-10-26T05:00:00-04:00"' in text  # New York is still on daylight time then
    assert "Eastern Daylight Time" in text
    assert "CET" not in text
    assert response.cookies["tz"].value == "America/New_York"


@pytest.mark.django_db
def test_the_viewers_zone_comes_from_the_cookie_the_script_sets(client, clock):
    webinar = WebinarFactory(time_zone="Europe/Budapest")
    client.cookies["tz"] = "Asia/Tokyo"
    text = client.get(f"/en/webinars/{webinar.pk}/").text
    assert "Japan Standard Time" in text and "Central European Summer Time" in text


@pytest.mark.django_db
def test_without_a_known_zone_only_the_events_zone_is_shown(client, clock):
    webinar = WebinarFactory(time_zone="Europe/Budapest")
    client.cookies["tz"] = "Mars/Olympus"
    text = client.get(f"/en/webinars/{webinar.pk}/").text
    assert "Your time" not in text and "Central European Summer Time" in text
