"""The member's learning record: entries from every app that records learning, hours, exports."""

from __future__ import annotations

import csv
import datetime as dt
import io
from decimal import Decimal

import pypdfium2 as pdfium
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from childhub.accounts.tests.factories import OrganisationFactory
from childhub.core.tests.fixtures import client_for
from childhub.records.models import Certificate
from childhub.records.registry import LearningEntry, learning_entries, providers
from childhub.records.tests.factories import CertificateFactory
from childhub.records.tests.fake_learning.learning import learning_entries as fake_entries

pytestmark = pytest.mark.django_db

MAY = dt.date(2026, 5, 14)
JUNE = dt.date(2026, 6, 2)
NOVEMBER = dt.date(2026, 11, 25)


def test_an_app_with_a_learning_module_is_found_among_the_installed_apps(learning_provider):
    assert fake_entries in providers()


def test_an_app_is_no_longer_asked_once_uninstalled(member):
    assert fake_entries not in providers()
    assert learning_entries(member) == []  # nothing recorded anywhere for a new member


def test_entries_come_newest_first(learning_provider, member):
    learning_provider[member.pk] = [("Older", MAY, Decimal(1), None), ("Newer", NOVEMBER, Decimal(2), None)]
    assert [e.title for e in learning_entries(member)] == ["Newer", "Older"]


def test_an_entry_is_a_frozen_value():
    entry = LearningEntry(kind="Webinar", title="T", date=MAY)
    with pytest.raises(AttributeError):
        entry.title = "Other"  # type: ignore[misc]
    assert entry.hours == Decimal(0) and entry.url == "" and entry.certificate_id is None


def test_the_record_lists_what_the_member_learned_with_the_total_hours(learning_provider, member):
    learning_provider[member.pk] = [
        ("Listening to children", MAY, Decimal("1.5"), None),
        ("Online safety", NOVEMBER, Decimal("2"), None),
    ]
    text = client_for(member).get("/en/records/").text
    assert text.index("Online safety") < text.index("Listening to children")
    assert "3.5 hours in all" in text
    assert "14 May 2026" in text and "/en/webinars/1/" in text


def test_the_record_shows_only_the_members_own_entries(learning_provider, member, other_member):
    learning_provider[other_member.pk] = [("Someone else's webinar", MAY, Decimal(1), None)]
    text = client_for(member).get("/en/records/").text
    assert "Someone else&#x27;s webinar" not in text and "Someone else's webinar" not in text


def test_the_record_lists_the_members_certificates_with_their_status(member, other_member):
    CertificateFactory(member=member, title="Valid one")
    CertificateFactory(member=member, title="Waiting one", status=Certificate.Status.PENDING)
    CertificateFactory(
        member=member, title="Revoked one", status=Certificate.Status.REVOKED, revoked_at="2026-12-01T10:00Z"
    )
    CertificateFactory(member=other_member, title="Not mine")
    text = client_for(member).get("/en/records/").text
    assert "Valid one" in text and "Waiting one" in text and "Revoked one" in text
    assert "Not mine" not in text
    assert "Waiting for approval" in text and "Revoked on 1 December 2026" in text


def test_a_certificate_links_to_its_pdf_once_drawn(issue, member):
    certificate = issue(member)
    text = client_for(member).get("/en/records/").text
    assert f"/en/records/certificates/{certificate.code}.pdf" in text


def test_a_certificate_not_drawn_yet_says_it_is_being_prepared(member):
    certificate = CertificateFactory(member=member)
    text = client_for(member).get("/en/records/").text
    assert "being prepared" in text and f"{certificate.code}.pdf" not in text


def test_an_entry_shows_its_certificate(learning_provider, issue, member):
    certificate = issue(member)
    learning_provider[member.pk] = [("Listening to children", NOVEMBER, Decimal("1.5"), certificate.pk)]
    text = client_for(member).get("/en/records/").text
    assert text.count(f"/en/records/certificates/{certificate.code}.pdf") == 2  # the entry and the list


def test_the_record_needs_signing_in(client):
    response = client.get("/en/records/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_titles_with_markup_are_escaped(learning_provider, member):
    learning_provider[member.pk] = [("<script>alert(1)</script>", MAY, Decimal(1), None)]
    CertificateFactory(member=member, title="<script>alert(2)</script>")
    text = client_for(member).get("/en/records/").text
    assert "<script>alert" not in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text and "&lt;script&gt;alert(2)&lt;/script&gt;" in text


def test_the_record_page_reads_the_same_number_of_queries_however_long_it_is(
    learning_provider, member, django_assert_num_queries
):
    client = client_for(member)
    CertificateFactory(member=member)
    learning_provider[member.pk] = [("One", MAY, Decimal(1), None)]
    client.get("/en/records/")  # sessions and caches warmed
    with CaptureQueriesContext(connection) as short:
        assert client.get("/en/records/").status_code == 200
    for n in range(15):
        CertificateFactory(member=member, issuer=OrganisationFactory(), co_issuer=OrganisationFactory())
        learning_provider[member.pk].append((f"Webinar {n}", JUNE, Decimal(1), None))
    with django_assert_num_queries(len(short.captured_queries)):
        assert client.get("/en/records/").status_code == 200


def test_the_csv_export_lists_every_entry_with_its_certificate(learning_provider, issue, member):
    certificate = issue(member)
    learning_provider[member.pk] = [
        ("Заштита деце", NOVEMBER, Decimal("1.5"), certificate.pk),
        ('=HYPERLINK("http://evil")', MAY, Decimal(1), None),
    ]
    response = client_for(member).get("/en/records/record.csv")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0] == ["Date", "What", "Title", "Hours", "Certificate", "Address"]
    assert rows[1] == [
        "2026-11-25",
        "Webinar",
        "Заштита деце",
        "1.5",
        certificate.code,
        "http://testserver/en/webinars/1/",
    ]
    assert rows[2][2] == '\'=HYPERLINK("http://evil")'  # never run as a formula


def test_the_pdf_export_lists_every_entry_and_the_total(learning_provider, member):
    learning_provider[member.pk] = [
        ("Προστασία του παιδιού", NOVEMBER, Decimal("1.5"), None),
        ("Mbrojtja e fëmijëve, çështje", MAY, Decimal("2"), None),
    ]
    CertificateFactory(member=member, title="Zaštita djece: đ č ć š ž")
    response = client_for(member).get("/en/records/record.pdf")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    document = pdfium.PdfDocument(response.content)
    text = "\n".join(page.get_textpage().get_text_range() for page in document)
    document.close()
    assert "Προστασία του παιδιού" in text and "Mbrojtja e fëmijëve, çështje" in text
    assert "Zaštita djece: đ č ć š ž" in text
    assert "3.5 hours" in text and member.public_name in text


def test_the_exports_need_signing_in(client):
    for path in ("/en/records/record.csv", "/en/records/record.pdf"):
        assert client.get(path).status_code == 302


def test_an_empty_record_exports_too(member):
    client = client_for(member)
    assert client.get("/en/records/record.pdf").status_code == 200
    assert client.get("/en/records/record.csv").status_code == 200
