"""Personal data held by the records: the certificates made out to a member.

Erasing an account keeps its certificates' rows, unlinked from the member and without the
holder's name; the verification page then names the holder "former member", in the reader's
language. Whoever holds a printed or PDF copy (an employer, a court) must still learn that the
code is genuine, for which title and date, or that it was revoked: a code that suddenly reads
"unknown" would look like a forgery. The name is not kept, so the hub no longer confirms it.
The stored PDFs carry the name, so they are deleted. Staff who approved or revoked a
certificate are forgotten as such; the decision and its date stay.
"""

from __future__ import annotations

from functools import partial

from django.db import transaction

from childhub.accounts.models import User
from childhub.core.privacy import register, rows

from .models import Certificate


def _erase_certificates(member: User) -> None:
    for certificate in Certificate.objects.filter(member=member).exclude(pdf=""):
        # Once the erasure is committed: a rolled-back erasure must not leave rows without files.
        transaction.on_commit(partial(certificate.pdf.storage.delete, certificate.pdf.name))
    Certificate.objects.filter(member=member).update(member=None, holder_name="", pdf="")
    Certificate.objects.filter(approved_by=member).update(approved_by=None)
    Certificate.objects.filter(revoked_by=member).update(revoked_by=None)


register(
    "records.Certificate",
    export=lambda u: rows(
        Certificate.objects.filter(member=u).order_by("issued_at"),
        "code",
        "holder_name",
        "kind",
        "title",
        "language",
        "hours",
        "completed_on",
        "issuer__name",
        "co_issuer__name",
        "status",
        "issued_at",
        "revoked_at",
    ),
    erase=_erase_certificates,
    files=lambda u: [c.pdf for c in Certificate.objects.filter(member=u).exclude(pdf="")],
)
