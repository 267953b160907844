"""Background work of the records: drawing a certificate's PDF outside the request."""

from __future__ import annotations

from django_tasks import task


@task()
def render_certificate(*, certificate_id: int) -> None:
    from . import actions
    from .models import Certificate

    certificate = Certificate.objects.select_related("issuer", "co_issuer").filter(pk=certificate_id).first()
    if certificate is not None:  # None only if the row was deleted meanwhile
        actions.render_certificate_pdf(certificate)
