"""The public impact page, the methods page, the staff dashboard and its exports (CSV, XLSX, PDF)."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime
from typing import Any

import pypdfium2
import pytest
from django.conf import settings
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from openpyxl import load_workbook

from childhub.accounts.tests.factories import ProfileFactory
from childhub.core.tests.fixtures import client_for
from childhub.impact import charts, exports, queries, tables
from childhub.impact.queries import FIGURES, Period
from childhub.webinars.models import Registration
from childhub.webinars.tests.factories import RegistrationFactory, WebinarFactory

pytestmark = pytest.mark.django_db

MARCH = datetime(2025, 3, 10, 12, 0, tzinfo=UTC)
YEAR_2025 = "start=2025-01-01&end=2025-12-31"


def members(count: int, country: str = "BA", when: datetime = MARCH) -> None:
    for _ in range(count):
        ProfileFactory(country=country, user__date_joined=when)


def pdf_text(data: bytes) -> str:
    document = pypdfium2.PdfDocument(data)
    return "\n".join(page.get_textpage().get_text_range() for page in document)


# The public page


def test_the_public_page_shows_headline_figures_with_small_groups_hidden(client: Client) -> None:
    members(3, "AL")
    page = client.get("/en/impact/").text
    assert "Our impact" in page
    assert "&lt; 5" in page  # 3 members
    members(4, "BG")
    client.cookies.clear()
    page = Client().get("/en/impact/?year=2025").text
    assert "<strong>7</strong>" in page


def test_each_public_figure_links_to_how_it_is_counted(client: Client) -> None:
    page = client.get("/en/impact/").text
    methods = client.get("/en/impact/methods/").text
    for name in tables.PUBLIC:
        anchor = tables.anchor(name)
        assert f'/en/impact/methods/#{anchor}"' in page
        assert f'id="{anchor}"' in methods
    for name, compute in FIGURES.items():
        assert compute(Period.of_days(MARCH.date(), MARCH.date())).method.split(" ")[0] in methods, name


@pytest.mark.parametrize("code", [code for code, _name in settings.LANGUAGES])
def test_the_public_page_opens_in_every_interface_language(client: Client, code: str) -> None:
    members(6)
    response = client.get(f"/{code}/impact/")
    assert response.status_code == 200
    assert f'lang="{code}"' in response.text
    assert "<strong>6</strong>" in response.text


def test_an_unknown_year_shows_every_year(client: Client) -> None:
    response = client.get("/en/impact/?year=1850")
    assert response.status_code == 200
    assert "Since the hub began" in response.text


# The dashboard: who may see it


@pytest.mark.parametrize(
    "who", ["member", "verified_member", "expert", "coordinator", "moderator", "partner_editor"]
)
def test_only_staff_see_the_dashboard_and_its_exports(request: Any, who: str) -> None:
    client = client_for(request.getfixturevalue(who))
    for path in ("dashboard/", "dashboard/figures.csv", "dashboard/figures.xlsx", "dashboard/report.pdf"):
        assert client.get(f"/en/impact/{path}").status_code == 403, path


def test_visitors_are_asked_to_sign_in(client: Client) -> None:
    response = client.get("/en/impact/dashboard/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_staff_without_two_factor_authentication_are_sent_to_set_it_up(staff_without_mfa: Any) -> None:
    response = client_for(staff_without_mfa).get("/en/impact/dashboard/report.pdf")
    assert response.status_code == 302 and "totp" in response["Location"]


# The dashboard: what it shows


def test_the_dashboard_shows_exact_numbers_charts_and_tables(staff: Any) -> None:
    members(3, "AL")
    members(6, "BG")
    page = client_for(staff).get(f"/en/impact/dashboard/?{YEAR_2025}").text
    assert "<strong>9</strong>" in page  # new members in 2025, exact on the dashboard
    assert '<th scope="row">Albania</th><td>3</td>' in page
    assert 'role="img"' in page and "<rect" in page  # a chart drawn on the server
    assert "How it is counted" in page
    assert "<script" not in page.split("<main", 1)[1]


def test_the_default_period_is_the_last_twelve_months(staff: Any, time_machine: Any) -> None:
    time_machine.move_to(datetime(2025, 6, 30, 10, 0, tzinfo=UTC), tick=False)
    page = client_for(staff).get("/en/impact/dashboard/").text
    assert 'value="2024-07-01"' in page and 'value="2025-06-30"' in page


def test_a_period_that_ends_before_it_starts_is_refused_and_kept(staff: Any) -> None:
    response = client_for(staff).get("/en/impact/dashboard/?start=2025-05-01&end=2025-04-01")
    assert response.status_code == 400
    assert "The end of the period is before its start." in response.text
    assert 'value="2025-05-01"' in response.text and 'value="2025-04-01"' in response.text


def test_a_half_given_comparison_is_refused(staff: Any) -> None:
    response = client_for(staff).get(f"/en/impact/dashboard/?{YEAR_2025}&compare_start=2024-01-01")
    assert response.status_code == 400
    assert "Give both days of the period to compare with, or neither." in response.text


def test_two_periods_are_compared(staff: Any) -> None:
    members(6, when=datetime(2024, 3, 1, tzinfo=UTC))
    members(9)
    query = f"{YEAR_2025}&compare_start=2024-01-01&compare_end=2024-12-31"
    page = client_for(staff).get(f"/en/impact/dashboard/?{query}").text
    assert "Compared with" in page
    assert "<td>6</td><td>9</td><td>+3</td>" in page  # new members


def test_the_dashboard_runs_the_same_number_of_queries_whatever_the_data(staff: Any) -> None:
    client = client_for(staff)

    def count(query: str) -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(f"/en/impact/dashboard/?{query}").status_code == 200
        return len(captured)

    count("start=2020-01-01&end=2020-01-31")  # the session and the first-request caches
    few = count("start=2025-01-01&end=2025-06-30")
    members(12, "RS")
    webinar = WebinarFactory(starts_at=MARCH)
    for _ in range(6):
        RegistrationFactory(webinar=webinar, attended=True, status=Registration.Status.CONFIRMED)
    assert count("start=2025-01-01&end=2025-12-31") == few


# Charts


def test_a_protected_row_is_drawn_without_a_bar() -> None:
    figure = queries.Breakdown({"AL": 3, "BG": 20, "RS": 40}, "m")
    chart = charts.bar_chart(tables.table("members.by_country", figure, protected=True))
    widths = {bar.label: bar.width for bar in chart.bars}
    assert widths["Albania"] == 0 and widths["Bulgaria"] == 0 and widths["Serbia"] > 0
    assert [bar.text for bar in chart.bars] == ["40", "x", "< 5"]


def test_months_stay_in_order_and_name_the_month_in_the_readers_language() -> None:
    from django.utils import translation

    figure = queries.Breakdown({"2025-01": 9, "2025-02": 30}, "m", people=False)
    with translation.override("bg"):
        rows = tables.table("webinars.by_month", figure, protected=True).rows
    assert [row.key for row in rows] == ["2025-01", "2025-02"]
    assert rows[0].label.startswith("януари")


# Exports


def test_the_csv_export_protects_small_groups_and_names_every_figure(staff: Any) -> None:
    members(3, "AL")
    members(6, "BG")
    members(9, "RS")
    response = client_for(staff).get(f"/en/impact/dashboard/figures.csv?{YEAR_2025}")
    assert response["Content-Disposition"].endswith('childhub-impact-2025-01-01-2025-12-31.csv"')
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][:4] == ["Section", "Figure", "Row", "Value"]
    by_code = {(row[7], row[8]): row for row in rows[1:]}
    assert by_code[("members.by_country", "AL")][3] == "< 5"
    assert by_code[("members.by_country", "BG")][3] == "x"  # or 18 - 9 - 6 would give Albania's 3
    assert by_code[("members.by_country", "RS")][3] == "9"
    assert by_code[("members.new", "")][3] == "18"
    assert {code for code, _row in by_code} == set(FIGURES)


def test_one_table_as_csv(staff: Any) -> None:
    members(6, "BG")
    response = client_for(staff).get(f"/en/impact/dashboard/figures.csv?{YEAR_2025}&table=members.by_country")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert [(row[8], row[3]) for row in rows[1:]] == [("BG", "6"), ("total", "6")]


def test_the_xlsx_export_has_the_figures_and_a_sheet_per_table(staff: Any) -> None:
    members(3, "AL")
    members(6, "BG")
    members(9, "RS")
    response = client_for(staff).get(f"/en/impact/dashboard/figures.xlsx?{YEAR_2025}")
    assert response["Content-Type"] == exports.XLSX
    book = load_workbook(io.BytesIO(response.content))
    tables_count = sum(
        isinstance(FIGURES[name](Period.of_days(MARCH.date(), MARCH.date())), queries.Breakdown)
        for name in FIGURES
    )
    assert len(book.sheetnames) == 1 + tables_count
    summary = list(book["Figures"].iter_rows(values_only=True))
    assert summary[3][:3] == ("Members", "Members", 18)
    assert summary[4][:3] == ("Members", "New members", 18)
    countries = dict(row[:2] for row in book["Members by country"].iter_rows(min_row=5, values_only=True))
    assert (countries["Albania"], countries["Bulgaria"], countries["Serbia"]) == ("< 5", "x", 9)
    assert countries["Total"] == 18


def test_a_spreadsheet_cell_never_becomes_a_formula() -> None:
    from openpyxl import Workbook

    sheet = Workbook(write_only=True).create_sheet()
    assert exports._text_cell(sheet, "=HYPERLINK(1)").data_type == "s"


def test_the_donor_report_is_a_pdf_in_the_readers_language_with_small_groups_hidden(staff: Any) -> None:
    members(3, "AL")
    members(6, "BG")
    query = f"{YEAR_2025}&compare_start=2024-01-01&compare_end=2024-12-31"
    response = client_for(staff).get(f"/bg/impact/dashboard/report.pdf?{query}")
    assert response["Content-Type"] == "application/pdf"
    text = pdf_text(response.content)
    assert "Албания" in text and "< 5" in text
    assert "2025" in text


def test_every_export_works_with_no_data_at_all(staff: Any) -> None:
    client = client_for(staff)
    for path in ("figures.csv", "figures.xlsx", "report.pdf"):
        assert client.get(f"/en/impact/dashboard/{path}?start=2001-01-01&end=2001-01-31").status_code == 200


def test_exports_withhold_a_cell_that_would_reveal_a_small_one_and_say_why(staff: Any) -> None:
    members(3, "AL")
    members(6, "BG")
    members(9, "RS")
    client = client_for(staff)
    response = client.get(f"/en/impact/dashboard/figures.csv?{YEAR_2025}&table=members.by_country")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert {row[8]: row[3] for row in rows[1:]} == {"AL": "< 5", "BG": "x", "RS": "9", "total": "18"}
    book = load_workbook(io.BytesIO(client.get(f"/en/impact/dashboard/figures.xlsx?{YEAR_2025}").content))
    cells = [row[0] for row in book["Members by country"].iter_rows(values_only=True)]
    assert tables.withheld_note() in cells
    page = client.get(f"/en/impact/dashboard/?{YEAR_2025}").text
    assert '<th scope="row">Bulgaria</th><td>6</td>' in page  # exact for staff on the dashboard
