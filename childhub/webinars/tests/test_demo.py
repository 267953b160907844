"""The demo webinars: the seed's two upcoming ones at the right moments, forty past ones, idempotent."""

from __future__ import annotations

import io
from datetime import UTC, datetime
from typing import Any

import pytest
from django.test import Client

from childhub.accounts import demo as accounts_demo
from childhub.webinars import demo
from childhub.webinars.models import Presenter, Registration, Webinar


@pytest.fixture
def seeded(settings: Any, policies: None, clock: Any) -> None:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    accounts_demo.seed(io.StringIO())
    demo.seed(io.StringIO())


@pytest.mark.django_db
def test_the_seeds_upcoming_webinars_are_on_26_october_2027_in_budapest_time(seeded):
    environment = Webinar.objects.get(
        title__startswith="Understanding the relationship between children's rights"
    )
    common = Webinar.objects.get(title="Can we talk about sexual abuse of children in a common language?")
    # 2027's clocks go back on 31 October: 15:00 and 11:00 in Budapest are summer time (UTC+2).
    assert environment.starts_at == datetime(2027, 10, 26, 13, 0, tzinfo=UTC)
    assert common.starts_at == datetime(2027, 10, 26, 9, 0, tzinfo=UTC)
    assert (environment.delivered_in, common.delivered_in) == ("en", "bg")
    assert common.presenters.filter(member__email="expert@childhub.example").exists()


@pytest.mark.django_db
def test_there_are_about_forty_past_webinars_in_five_languages_with_participants(seeded):
    past = Webinar.objects.past()
    assert past.count() == 40
    assert set(past.values_list("delivered_in", flat=True)) == {"en", "bg", "sq", "sr", "ro"}
    assert Registration.objects.filter(webinar__in=past).count() >= 40 * 12
    assert Presenter.objects.filter(member=None).exists() and Presenter.objects.exclude(member=None).exists()


@pytest.mark.django_db
def test_seeding_again_adds_nothing(seeded):
    before = (Webinar.objects.count(), Presenter.objects.count(), Registration.objects.count())
    demo.seed(io.StringIO())
    assert (Webinar.objects.count(), Presenter.objects.count(), Registration.objects.count()) == before


@pytest.mark.django_db
def test_the_demo_pages_open(seeded):
    client = Client()
    assert "common language" in client.get("/en/webinars/").text
    assert client.get("/en/webinars/?when=past").status_code == 200
    assert "Dr Lena Hoffmann" in client.get("/en/webinars/presenters/").text


@pytest.mark.django_db
def test_the_past_webinars_reproduce_the_seeds_figures(seeded):
    from childhub.webinars import queries

    total = queries.total(queries.webinar_results(Webinar.objects.past()))
    assert 850 <= total.participants <= 1150  # "almost 1,000 participants"
    assert 0.88 <= total.useful_share <= 0.94  # "91 % found them useful"
    assert 0.7 <= total.response_rate <= 0.9
    presenters = Presenter.objects.filter(webinars__in=Webinar.objects.past()).distinct().count()
    assert 60 <= presenters <= 80  # "about 70 presenters"


@pytest.mark.django_db
def test_the_demo_member_has_certificates_of_attendance(seeded):
    from childhub.records.models import Certificate

    attended = Registration.objects.filter(member__email="member@childhub.example", attended=True).count()
    assert (
        attended and Certificate.objects.filter(member__email="member@childhub.example").count() == attended
    )
