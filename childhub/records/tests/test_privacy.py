"""A member's certificates in their data export, and what erasing the account leaves of them."""

from __future__ import annotations

import io
import json
import zipfile

import pytest

from childhub.accounts.actions import erase_account, export_personal_data
from childhub.core import privacy
from childhub.records.models import Certificate

pytestmark = pytest.mark.django_db


def test_certificates_are_registered_as_personal_data():
    assert "records.Certificate" in privacy.registered()
    assert not [label for label in privacy.uncovered_models() if label.startswith("records.")]


def test_the_export_holds_the_members_certificates_and_their_pdfs(issue, member):
    certificate = issue(member, title="Заштита деце")
    archive = zipfile.ZipFile(io.BytesIO(export_personal_data(member=member)))
    rows = json.loads(archive.read("records-certificate.json"))
    assert rows[0]["code"] == certificate.code and rows[0]["title"] == "Заштита деце"
    assert f"files/{certificate.pdf.name}" in archive.namelist()


def test_after_erasure_the_code_still_verifies_for_a_former_member(
    client, issue, member, django_capture_on_commit_callbacks
):
    certificate = issue(member)
    name, stored = certificate.holder_name, certificate.pdf.name
    with django_capture_on_commit_callbacks(execute=True):
        erase_account(member=member)
    certificate.refresh_from_db()
    assert certificate.member is None and certificate.holder_name == "" and not certificate.pdf
    assert not certificate.pdf.storage.exists(stored)
    text = client.get(f"/en/records/verify/{certificate.code}/").text
    assert "genuine and valid" in text and "former member" in text and name not in text
    assert certificate.title in text


def test_erasing_a_staff_member_forgets_who_revoked(issue, member, staff):
    from childhub.records import actions

    certificate = actions.revoke_certificate(certificate=issue(member), by=staff, reason="Duplicate")
    erase_account(member=staff)
    certificate.refresh_from_db()
    assert certificate.revoked_by is None and certificate.status == Certificate.Status.REVOKED
