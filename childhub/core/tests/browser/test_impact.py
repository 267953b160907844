"""The impact dashboard in a real browser: a staff member signs in with a one-time code, compares
two periods, reads a chart's numbers in its table and downloads the donor report; axe-core on
the dashboard and the public pages."""

from __future__ import annotations

import re
import time
from datetime import UTC, datetime
from typing import Any

import pytest
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from playwright.sync_api import expect

from childhub.accounts.tests.factories import ProfileFactory
from childhub.core.tests.fixtures import TOTP_SECRET

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_staff_compare_two_years_and_download_the_donor_report(
    page: Any, staff: Any, assert_accessible: Any, settings: Any
) -> None:
    # The code is worked out here a moment before the server checks it: accept the previous
    # 30-second window too, as authenticator apps and their users need in real life as well.
    settings.MFA_TOTP_TOLERANCE = 1
    staff.set_password("correct horse battery")
    staff.save()
    for country, count in (("AL", 3), ("BG", 7), ("RS", 9)):
        for _ in range(count):
            ProfileFactory(country=country, user__date_joined=datetime(2025, 3, 10, tzinfo=UTC))

    page.goto("/en/accounts/login/")
    page.get_by_label("Email").fill(staff.email)
    page.get_by_label("Password", exact=False).first.fill("correct horse battery")
    page.get_by_role("button", name="Sign In").click()
    code = format_hotp_value(hotp_value(TOTP_SECRET, int(time.time()) // 30))
    page.get_by_label("Code").fill(code)
    page.get_by_role("button", name="Sign In").click()
    expect(
        page.get_by_role("navigation", name="Your account").get_by_role("link", name="Sign out")
    ).to_be_visible()

    page.get_by_role("link", name="Impact dashboard").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Impact dashboard")
    page.get_by_label(re.compile(r"^From:?$")).fill("2025-01-01")
    page.get_by_label(re.compile(r"^To \(included\):?$")).fill("2025-12-31")
    page.get_by_label(re.compile(r"^Compare with: from:?$")).fill("2024-01-01")
    page.get_by_label(re.compile(r"^Compare with: to \(included\):?$")).fill("2024-12-31")
    page.get_by_role("button", name="Show").click()

    comparison = page.get_by_role("table", name="Compared with 1 January 2024 to 31 December 2024")
    expect(comparison.get_by_role("row", name="New members")).to_contain_text("+19")
    expect(page.get_by_role("img", name="Members by country: bar chart")).to_be_visible()
    countries = page.get_by_role("table", name="Members by country")
    expect(countries.get_by_role("row", name="Albania")).to_contain_text("3")  # exact for staff
    assert_accessible(page)

    with page.expect_download() as download:
        page.get_by_role("link", name="Donor report (PDF)").click()
    assert download.value.suggested_filename == "childhub-impact-2025-01-01-2025-12-31.pdf"
    with open(download.value.path(), "rb") as pdf:
        assert pdf.read(5) == b"%PDF-"
