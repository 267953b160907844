"""Issuing, drawing, approving and revoking certificates, through the actions."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from childhub.accounts.tests.factories import OrganisationFactory
from childhub.records import actions
from childhub.records.models import CODE_ALPHABET, Certificate, new_code, normalise_code

pytestmark = pytest.mark.django_db


def test_issuing_makes_a_valid_certificate_with_a_snapshot_of_the_holder_and_its_pdf(issue, member):
    certificate = issue(member, title="Listening to children")
    assert certificate.status == Certificate.Status.VALID
    assert certificate.holder_name == member.public_name
    assert certificate.title == "Listening to children"
    assert certificate.pdf.name.startswith("records/certificates/")
    assert certificate.pdf.read(5) == b"%PDF-"


def test_issuing_twice_for_the_same_source_gives_back_the_first_certificate(issue, member):
    first = issue(member, source="webinars.registration:42")
    again = issue(member, source="webinars.registration:42", title="Another title")
    assert again.pk == first.pk and again.title == first.title
    assert Certificate.objects.count() == 1


def test_later_changes_to_the_member_do_not_change_the_certificate(issue, member):
    certificate = issue(member)
    name = certificate.holder_name
    member.display_name = "Someone Else"
    member.save()
    certificate.refresh_from_db()
    assert certificate.holder_name == name


def test_a_certificate_the_co_issuer_must_approve_waits_until_it_does(issue, member, partner_editor):
    celcis = partner_editor.organisations.get()
    certificate = issue(member, co_issuer=celcis, requires_approval=True)
    assert certificate.status == Certificate.Status.PENDING
    approved = actions.approve_certificate(certificate=certificate, by=partner_editor)
    assert approved.status == Certificate.Status.VALID
    assert approved.approved_by == partner_editor and approved.approved_at is not None


def test_approval_needs_a_co_issuer(issue, member):
    with pytest.raises(ValueError):
        issue(member, requires_approval=True)


def test_only_an_interface_language_can_be_a_certificates_language(issue, member):
    with pytest.raises(ValueError):
        issue(member, language="xx")


def test_revoking_records_who_when_and_why(issue, member, staff):
    certificate = issue(member)
    revoked = actions.revoke_certificate(certificate=certificate, by=staff, reason="Did not attend.")
    assert revoked.status == Certificate.Status.REVOKED
    assert revoked.revoked_by == staff and revoked.revoked_at is not None
    assert revoked.revoke_reason == "Did not attend."


def test_revoking_needs_a_reason_and_happens_once(issue, member, staff):
    certificate = issue(member)
    with pytest.raises(ValueError):
        actions.revoke_certificate(certificate=certificate, by=staff, reason="  ")
    actions.revoke_certificate(certificate=certificate, by=staff, reason="Duplicate.")
    with pytest.raises(actions.CertificateStateError):
        actions.revoke_certificate(certificate=certificate, by=staff, reason="Again.")


def test_a_valid_certificate_cannot_be_approved_again(issue, member, staff):
    with pytest.raises(actions.CertificateStateError):
        actions.approve_certificate(certificate=issue(member), by=staff)


def test_drawing_again_replaces_the_stored_pdf(issue, member):
    certificate = issue(member)
    old = certificate.pdf.name
    actions.render_certificate_pdf(certificate)
    certificate.refresh_from_db()
    assert certificate.pdf.name != old
    assert not certificate.pdf.storage.exists(old)


def test_the_querysets_read_as_adjectives(issue, member, other_member):
    mine = issue(member, source="a:1")
    issue(other_member, source="a:2", co_issuer=OrganisationFactory(), requires_approval=True)
    assert list(Certificate.objects.of(member)) == [mine]
    assert list(Certificate.objects.valid()) == [mine]


def test_codes_are_typable_and_normalised_however_they_are_typed():
    code = new_code()
    assert len(code) == 14 and code[4] == code[9] == "-"
    assert all(c in CODE_ALPHABET for c in code.replace("-", ""))
    assert normalise_code("7kqm x3hd rt9p") == "7KQM-X3HD-RT9P"
    assert normalise_code(" 7KQMX3HDRT9P ") == "7KQM-X3HD-RT9P"
    assert normalise_code("7KQM–X3HD–RT9P") == "7KQM-X3HD-RT9P"  # en dashes from a word processor
    assert normalise_code("OOOO-IIII-LLLL") is None  # letters never used in codes
    assert normalise_code("7KQM-X3HD") is None
    assert normalise_code("") is None


def test_hours_and_dates_are_kept_exactly(issue, member):
    certificate = issue(member, hours="2.25", completed_on=dt.date(2026, 2, 28))
    assert certificate.hours == Decimal("2.25") and certificate.completed_on == dt.date(2026, 2, 28)


def test_hours_are_rounded_to_hundredths(issue, member):
    certificate = issue(member, hours=Decimal(50) / 60)
    assert certificate.hours == Decimal("0.83")


def test_a_certificate_has_no_signatories_unless_named(issue, member):
    assert issue(member).signatories == []


def test_signatories_are_kept_in_order_trimmed_and_with_their_three_fields_only(issue, member):
    certificate = issue(
        member,
        signatories=[
            {
                "name": " Ana Marić ",
                "role": "Regional director",
                "organisation": "Terre des hommes",
                "x": "y",
            },
            {"name": "Jennifer Davidson", "organisation": "CELCIS"},
        ],
    )
    assert certificate.signatories == [
        {"name": "Ana Marić", "role": "Regional director", "organisation": "Terre des hommes"},
        {"name": "Jennifer Davidson", "role": "", "organisation": "CELCIS"},
    ]


@pytest.mark.parametrize(
    "signatories",
    [
        [{"role": "Director"}],
        [{"name": "  "}],
        [{"name": f"Signatory {n}"} for n in range(actions.MAX_SIGNATORIES + 1)],
        [{"name": "x" * (actions.SIGNATORY_FIELD_LENGTH + 1)}],
        {"name": "Not a list"},
    ],
)
def test_signatories_need_names_and_fit_on_the_page(issue, member, signatories):
    with pytest.raises(ValueError):
        issue(member, signatories=signatories)
    assert not Certificate.objects.exists()
