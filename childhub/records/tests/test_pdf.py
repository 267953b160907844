"""The certificate's PDF: every script of the hub's languages, the code, the address and its QR code."""

from __future__ import annotations

import datetime as dt
import io
import time
from decimal import Decimal

import pypdfium2 as pdfium
import pytest
import segno
from django.utils import translation
from PIL import Image

from childhub.accounts.tests.factories import OrganisationFactory
from childhub.records import pdf
from childhub.records.models import Certificate
from childhub.records.tests.factories import CertificateFactory

pytestmark = pytest.mark.django_db


def pdf_text(data: bytes) -> str:
    document = pdfium.PdfDocument(data)
    try:
        return "\n".join(page.get_textpage().get_text_range() for page in document)
    finally:
        document.close()


NAMES = [
    ("bg", "Мария Иванова", "Закрила на детето в училище"),
    ("sr", "Ђорђе Јовановић", "Заштита деце на интернету"),
    ("mk", "Ѓорѓи Ѕвездановски", "Заштита на децата: ќерка и ѓаволи"),
    ("ru", "Юлия Щербакова", "Ранняя помощь семьям"),
    ("uk", "Олена Ґалаґан", "Їжак і підтримка дітей: єдність"),
    ("el", "Αικατερίνη Παπαδοπούλου", "Προστασία του παιδιού στο διαδίκτυο"),
    ("sq", "Arbër Çela", "Mbrojtja e fëmijëve në shkollë: çështje të rëndësishme"),
    ("hr", "Đurđa Šimić Čačić", "Zaštita djece: žurne mjere i ćutnja"),
    ("bs", "Ćamil Džeko", "Dječija zaštita: šta, čemu, đaci"),
    ("sr-latn", "Đorđe Jovanović", "Zaštita dece na internetu: šećer, žuč, ćilim"),
    ("ro", "Ștefan Țăranu", "Protecția copilului în școală"),
    ("hu", "Őry Gyöngyvér", "Gyermekvédelem: ügyintézés és hűség"),
]


@pytest.mark.parametrize(("language", "holder", "title"), NAMES)
def test_the_pdf_says_the_holder_and_the_title_in_their_own_letters(language, holder, title):
    certificate = CertificateFactory(holder_name=holder, title=title, language=language)
    text = pdf_text(pdf.certificate_pdf(certificate))
    assert holder in text
    assert title in text


def test_the_pdf_carries_the_code_and_the_address_to_verify_it(settings):
    settings.SITE_URL = "https://childhub.example"
    certificate = CertificateFactory(language="bg")
    text = pdf_text(pdf.certificate_pdf(certificate))
    assert certificate.code in text
    assert f"https://childhub.example/bg/records/verify/{certificate.code}/" in text


def test_the_pdf_states_the_date_and_hours_in_the_certificates_language():
    certificate = CertificateFactory(language="ru", hours=Decimal("5"), completed_on=dt.date(2026, 11, 25))
    text = pdf_text(pdf.certificate_pdf(certificate))
    assert "25 ноября 2026" in text and "5 часов" in text


def test_the_pdf_fixed_texts_follow_the_certificate_not_the_reader():
    certificate = CertificateFactory(language="en", hours=Decimal("1.5"))
    with translation.override("bg"):
        text = pdf_text(pdf.certificate_pdf(certificate))
    assert "CERTIFICATE OF ATTENDANCE" in text and "has attended" in text
    assert "Verification code" in text and "Verify at" in text and "1.5 hours" in text


def test_a_course_certificate_says_completed():
    certificate = CertificateFactory(kind=Certificate.Kind.COURSE_COMPLETION)
    text = pdf_text(pdf.certificate_pdf(certificate))
    assert "CERTIFICATE OF COMPLETION" in text and "has completed" in text


def test_the_pdf_is_a_landscape_a4_page():
    document = pdfium.PdfDocument(pdf.certificate_pdf(CertificateFactory()))
    width, height = document[0].get_size()
    document.close()
    assert (round(width), round(height)) == (842, 595)


def test_the_issuers_are_named_and_their_logos_drawn(settings):
    logo = io.BytesIO()
    Image.new("RGB", (300, 100), (200, 30, 30)).save(logo, format="PNG")
    issuer = OrganisationFactory(name="Terre des hommes")
    issuer.logo.save("tdh.png", io.BytesIO(logo.getvalue()))
    co_issuer = OrganisationFactory(name="CELCIS")
    certificate = CertificateFactory(issuer=issuer, co_issuer=co_issuer)
    data = pdf.certificate_pdf(certificate)
    assert "Terre des hommes" in pdf_text(data) and "CELCIS" in pdf_text(data)
    document = pdfium.PdfDocument(data)
    kinds = [obj.type for obj in document[0].get_objects()]
    document.close()
    assert pdfium.raw.FPDF_PAGEOBJ_IMAGE in kinds


def test_a_missing_logo_file_does_not_stop_the_certificate():
    issuer = OrganisationFactory()
    issuer.logo.name = "organisations/gone.png"
    assert "CERTIFICATE" in pdf_text(pdf.certificate_pdf(CertificateFactory(issuer=issuer)))


def test_the_qr_code_drawn_is_the_qr_code_of_the_verification_address():
    """Read the QR code back from the rendered page, module by module (segno cannot decode)."""
    certificate = CertificateFactory()
    scale = 4
    document = pdfium.PdfDocument(pdf.certificate_pdf(certificate))
    page = document[0]
    width, height = page.get_size()
    image = page.render(scale=scale).to_pil().convert("L")
    document.close()
    left, bottom, side = pdf.qr_box(width)
    expected = [
        list(row) for row in segno.make(certificate.verification_url(), error="m").matrix_iter(border=0)
    ]
    module = side / len(expected)
    drawn = [
        [
            image.getpixel(
                (
                    int((left + (c + 0.5) * module) * scale),
                    int((height - bottom - side + (r + 0.5) * module) * scale),
                )
            )
            < 128
            for c in range(len(expected))
        ]
        for r in range(len(expected))
    ]
    assert drawn == [[bool(v) for v in row] for row in expected]


def test_drawing_a_certificate_takes_well_under_a_second():
    certificate = CertificateFactory(holder_name="Αικατερίνη Παπαδοπούλου", title="Ђорђе " * 30)
    pdf.certificate_pdf(certificate)  # fonts and addresses loaded once per process
    started = time.perf_counter()
    pdf.certificate_pdf(certificate)
    assert time.perf_counter() - started < 0.5


def test_a_very_long_title_is_wrapped_within_the_page():
    title = ("Заштита деце " * 40)[:300]  # as long as a title may be
    text = pdf_text(pdf.certificate_pdf(CertificateFactory(title=title.strip())))
    assert "Заштита деце" in text


def test_markup_in_a_title_is_printed_as_text():
    certificate = CertificateFactory(title="<b>Bold</b> & <script>x</script>")
    assert "<b>Bold</b> & <script>x</script>" in pdf_text(pdf.certificate_pdf(certificate))


def test_the_qr_code_is_drawn_as_vector_squares_not_an_image():
    document = pdfium.PdfDocument(pdf.certificate_pdf(CertificateFactory()))
    kinds = [obj.type for obj in document[0].get_objects()]
    document.close()
    assert pdfium.raw.FPDF_PAGEOBJ_IMAGE not in kinds


def test_the_signatories_are_printed_with_their_roles_under_the_issuers():
    issuer = OrganisationFactory(name="Terre des hommes")
    co_issuer = OrganisationFactory(name="CELCIS")
    certificate = CertificateFactory(
        issuer=issuer,
        co_issuer=co_issuer,
        language="sr",
        signatories=[
            {"name": "Ана Марић", "role": "Регионална директорка", "organisation": "Terre des hommes"},
            {"name": "Jennifer Davidson", "role": "Executive director", "organisation": "CELCIS"},
        ],
    )
    text = pdf_text(pdf.certificate_pdf(certificate))
    for expected in ("Ана Марић", "Регионална директорка", "Jennifer Davidson", "Executive director"):
        assert expected in text
    assert text.index("Terre des hommes") < text.index("Ана Марић") < text.index("Jennifer Davidson")


def test_a_name_too_long_for_its_column_is_shortened_not_spilled():
    long_name = "Αικατερίνη Παπαδοπούλου-Κωνσταντινοπούλου " * 3
    certificate = CertificateFactory(
        signatories=[{"name": long_name.strip(), "role": "", "organisation": ""}] + [{"name": "B"}] * 3
    )
    text = pdf_text(pdf.certificate_pdf(certificate))
    assert "Αικατερίνη" in text and "…" in text and long_name.strip() not in text
