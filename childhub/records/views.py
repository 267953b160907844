"""Pages of the records: verifying a certificate (public), the member's learning record and its
exports, downloading a certificate and its Open Badge, the badge key and revocation status
(public), and approving or revoking certificates."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from childhub.accounts.permissions import has_staff_powers, needs_mfa_setup
from childhub.core import ratelimit
from childhub.core.http import CsvDownload, MemberRequest, file_response, mfa_setup_redirect

from . import actions, permissions, queries
from .formats import day_text
from .forms import RevokeForm, VerifyForm
from .models import Certificate, normalise_code

VERIFICATIONS_PER_WINDOW = 30
VERIFICATION_WINDOW = 600  # seconds


def _certificate(code: str) -> Certificate:
    normalised = normalise_code(code)
    if normalised is None:
        raise Http404
    return get_object_or_404(Certificate.objects.select_related("issuer", "co_issuer"), code=normalised)


def _refuse(request: HttpRequest) -> HttpResponse:
    """Staff, moderators and coordinators without MFA are sent to set it up; others refused."""
    if needs_mfa_setup(request.user):
        return mfa_setup_redirect(request)
    raise PermissionDenied


# Verifying (anyone, no account)


@require_GET
def verify(request: HttpRequest) -> HttpResponse:
    """A form to type a code; a valid code goes on to its verification page."""
    form = VerifyForm(request.GET if "code" in request.GET else None)
    if form.is_bound and form.is_valid():
        return redirect("records:verify_code", code=form.cleaned_data["code"])
    status = 400 if form.is_bound else 200
    return render(request, "records/verify.html", {"form": form}, status=status)


@require_GET
def verify_code(request: HttpRequest, code: str) -> HttpResponse:
    """Whether a certificate is valid, revoked or unknown, showing only whose it is, what it is
    for and when it was completed."""
    normalised = normalise_code(code)
    if normalised is not None and normalised != code:
        return redirect("records:verify_code", code=normalised)
    if not ratelimit.allow(
        request, scope="records-verify", limit=VERIFICATIONS_PER_WINDOW, seconds=VERIFICATION_WINDOW
    ):
        response = render(request, "records/too_many.html", status=429)
        response["Retry-After"] = str(VERIFICATION_WINDOW)
        return response
    certificate = queries.find_certificate(normalised) if normalised else None
    if certificate is not None and certificate.is_pending:
        certificate = None  # not yet a certificate: its co-issuer has not approved it
    context = {
        "code": normalised or code[:40],
        "certificate": certificate,
        "state": "unknown" if certificate is None else certificate.status,
        "can_revoke": certificate is not None
        and permissions.can_revoke_certificate(request.user, certificate),
        "form": VerifyForm(),
    }
    response = render(
        request, "records/verify_result.html", context, status=404 if certificate is None else 200
    )
    response["X-Robots-Tag"] = "noindex, nofollow"
    response["Cache-Control"] = "private, no-cache"
    return response


# The member's own record


@login_required
@require_GET
def record(request: MemberRequest) -> HttpResponse:
    learning = queries.learning_record(request.user)
    return render(request, "records/record.html", {"record": learning, "rows": learning.rows()})


@login_required
@require_GET
def record_csv(request: MemberRequest) -> HttpResponse:
    learning = queries.learning_record(request.user)
    download = CsvDownload(_filename("csv"))
    download.row(_("Date"), _("What"), _("Title"), _("Hours"), _("Certificate"), _("Address"))
    for entry, certificate in learning.rows():
        download.row(
            entry.date.isoformat(),
            entry.kind,
            entry.title,
            entry.hours,
            certificate.code if certificate is not None else "",
            request.build_absolute_uri(entry.url) if entry.url else "",
        )
    return download.response


def _filename(extension: str) -> str:
    return f"learning-record-{timezone.localdate().isoformat()}.{extension}"


@login_required
@require_GET
def record_pdf(request: MemberRequest) -> HttpResponse:
    learning = queries.learning_record(request.user)
    from . import pdf  # reportlab only in the processes that draw PDFs

    body = pdf.record_pdf(holder=request.user.public_name, record=learning)
    response = HttpResponse(body, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{_filename("pdf")}"'
    return response


@login_required
@require_GET
def certificate_pdf(request: MemberRequest, code: str) -> HttpResponseBase:
    """The certificate's PDF, for its holder (once valid) and for staff. Drawn now if the
    background task has not done it yet."""
    certificate = _certificate(code)
    if not permissions.can_download_certificate(request.user, certificate):
        return _refuse(request)
    if not certificate.pdf:
        certificate = actions.render_certificate_pdf(certificate)
    response = file_response(
        request,
        certificate.pdf,
        content_type="application/pdf",
        filename=f"certificate-{certificate.code}.pdf",
        attachment=False,
    )
    response["Cache-Control"] = "private, no-store"
    return response


# Open Badges: the signed credential (its holder and staff), the key and the status (anyone)


def _signed_badge(request: MemberRequest, code: str) -> tuple[Certificate, str] | HttpResponse:
    """The certificate and its signed credential, or the response that refuses them."""
    certificate = _certificate(code)
    if not permissions.can_see_badge_of(request.user, certificate):
        return _refuse(request)
    if certificate.is_revoked:
        return _badge_error(_("This certificate was revoked, so it has no Open Badge."), status=410)
    if certificate.is_pending:
        return _badge_error(
            _("This certificate is waiting for approval: its Open Badge follows once it is approved."),
            status=404,
        )
    if not certificate.holder_name:
        return _badge_error(
            _("The holder's account was erased, so this certificate has no Open Badge."), status=410
        )
    from . import badges  # cryptography only in the processes that sign

    return certificate, badges.signed_credential(certificate)


def _badge_error(message: str, status: int) -> JsonResponse:
    response = JsonResponse({"error": message}, status=status, json_dumps_params={"ensure_ascii": False})
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
@require_GET
def certificate_badge(request: MemberRequest, code: str) -> HttpResponse:
    """The certificate as a signed Open Badges 3.0 credential, wrapped in JSON (a Verifiable
    Credentials 2.0 EnvelopedVerifiableCredential around the VC-JWT)."""
    signed = _signed_badge(request, code)
    if isinstance(signed, HttpResponse):
        return signed
    certificate, token = signed
    from . import badges

    response = JsonResponse(badges.enveloped(token))
    return _badge_download(response, f"open-badge-{certificate.code}.json")


@login_required
@require_GET
def certificate_badge_jwt(request: MemberRequest, code: str) -> HttpResponse:
    """The same credential as the bare VC-JWT, for wallets and validators that take a token."""
    signed = _signed_badge(request, code)
    if isinstance(signed, HttpResponse):
        return signed
    certificate, token = signed
    from . import badges

    response = HttpResponse(token, content_type=badges.MEDIA_TYPE)
    return _badge_download(response, f"open-badge-{certificate.code}.jwt")


def _badge_download(response: HttpResponse, filename: str) -> HttpResponse:
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    return response


@require_GET
def badge_key_set(request: HttpRequest) -> HttpResponse:
    """The public key that verifies the hub's badges, as a JWK set (RFC 7517)."""
    from . import badges

    response = JsonResponse(badges.key_set(), content_type="application/jwk-set+json")
    response["Cache-Control"] = "public, max-age=3600"
    response["Access-Control-Allow-Origin"] = "*"  # verifiers in a browser fetch it from anywhere
    return response


@require_GET
def badge_status(request: HttpRequest, code: str) -> HttpResponse:
    """Whether a badge's certificate is revoked, in 1EdTech's Revocation List form. It tells no
    more than the verification page, and is rate-limited the same way."""
    if not ratelimit.allow(
        request, scope="records-verify", limit=VERIFICATIONS_PER_WINDOW, seconds=VERIFICATION_WINDOW
    ):
        response = _badge_error(_("Too many checks: please try again in a few minutes."), status=429)
        response["Retry-After"] = str(VERIFICATION_WINDOW)
        return response
    normalised = normalise_code(code)
    certificate = queries.find_certificate(normalised) if normalised else None
    if certificate is None or certificate.is_pending:
        return _badge_error(_("No certificate has this code."), status=404)
    from . import badges

    response = JsonResponse(badges.revocation_list(certificate))
    response["Cache-Control"] = "public, max-age=300"
    response["Access-Control-Allow-Origin"] = "*"
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


# Approving (the co-issuer) and revoking (staff)


@login_required
@require_GET
def approvals(request: MemberRequest) -> HttpResponse:
    """Certificates waiting for the approval of an organisation the user edits (all, for staff)."""
    pending = Certificate.objects.pending().select_related("issuer", "co_issuer").order_by("issued_at", "pk")
    if not has_staff_powers(request.user):
        organisations = permissions.co_issuer_ids(request.user)
        if not organisations:
            return _refuse(request)
        pending = pending.filter(co_issuer_id__in=organisations)
    return render(request, "records/approvals.html", {"certificates": pending[:500]})


@login_required
@require_POST
def approve(request: MemberRequest, code: str) -> HttpResponse:
    certificate = _certificate(code)
    if not permissions.can_approve_certificate(request.user, certificate):
        if certificate.is_pending:
            return _refuse(request)
        messages.info(request, _("This certificate is no longer waiting for approval."))
        return redirect("records:approvals")
    actions.approve_certificate(certificate=certificate, by=request.user)
    messages.success(
        request, _("Approved: the certificate of %(name)s is valid.") % {"name": certificate.holder}
    )
    return redirect("records:approvals")


@login_required
@require_http_methods(["GET", "POST"])
def revoke(request: MemberRequest, code: str) -> HttpResponse:
    certificate = _certificate(code)
    if not permissions.can_revoke_certificates(request.user):
        return _refuse(request)
    if certificate.is_revoked:
        messages.info(
            request,
            _("This certificate was revoked on %(date)s.")
            % {"date": day_text(timezone.localdate(certificate.revoked_at or timezone.now()))},
        )
        return redirect(certificate)
    form = RevokeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        actions.revoke_certificate(
            certificate=certificate, by=request.user, reason=form.cleaned_data["reason"]
        )
        messages.success(request, _("The certificate is revoked."))
        return redirect(certificate)
    status = 400 if form.is_bound else 200
    return render(request, "records/revoke.html", {"certificate": certificate, "form": form}, status=status)
