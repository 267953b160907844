"""The public impact page on the demo content reproduces the seed's own figures: 40+ webinars in 5
languages, about 70 presenters, almost 1,000 participants, 91 % found them useful, three courses.
(About 3,500 members is the bench's seeding scale: bench/run.py checks that row.)"""

from __future__ import annotations

import io
import re
from datetime import UTC, datetime
from typing import Any

import pytest
from django.test import Client

from childhub.accounts import demo as accounts_demo
from childhub.courses import demo as courses_demo
from childhub.webinars import demo as webinars_demo


@pytest.fixture
def seeded(settings: Any, policies: None, time_machine: Any) -> None:
    time_machine.move_to(datetime(2026, 12, 3, 9, 0, tzinfo=UTC), tick=False)
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    for demo in (accounts_demo, webinars_demo, courses_demo):
        demo.seed(io.StringIO())


def figures(page: str) -> dict[str, str]:
    pairs = re.findall(r"<dt>([^<]+)</dt><dd><strong>([^<]+)</strong>", page)
    return {label: value.replace("&lt;", "<") for label, value in pairs}


@pytest.mark.django_db
def test_the_public_page_reproduces_the_seeds_figures(seeded: None) -> None:
    shown = figures(Client().get("/en/impact/").text)
    assert int(shown["Webinars held"]) >= 40
    assert shown["Languages of the webinars"] == "5"
    assert 60 <= int(shown["Presenters"]) <= 80
    assert 850 <= int(shown["Webinar participants"].replace(",", "")) <= 1150
    assert shown["Found the webinar useful"] in {"89%", "90%", "91%", "92%", "93%"}
    assert shown["Courses"] == "3"
