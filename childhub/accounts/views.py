"""Pages for members: directories, profiles, organisations, verification, consent, my data."""

from __future__ import annotations

import contextlib
from dataclasses import asdict

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import IntegrityError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from childhub.core.http import MemberRequest, mfa_setup_redirect
from childhub.core.models import PolicyPage, pick_best_version, reader_languages
from childhub.core.pages import CountCachedPaginator, cache_anonymous_page

from . import actions, permissions, queries
from .forms import (
    ConsentForm,
    DeleteAccountForm,
    DirectoryFilterForm,
    ProfileForm,
    VerificationDecisionForm,
    VerificationRequestForm,
)
from .models import Organisation, Profile, VerificationRequest
from .permissions import visible_levels

PAGE_SIZE = 20


def _directory_page(request: HttpRequest, *, experts: bool) -> HttpResponse:
    form = DirectoryFilterForm(request.GET or None)
    filters = queries.DirectoryFilters()
    if form.is_bound and form.is_valid():
        filters = queries.DirectoryFilters(**form.cleaned_data)
    profiles = queries.directory(viewer=request.user, filters=filters, experts=experts)
    # The total depends only on what the viewer may see, the list and its filters.
    count_key = f"directory:{sorted(visible_levels(request.user))}:{experts}:{asdict(filters)}"
    page = CountCachedPaginator(profiles, PAGE_SIZE, count_key=count_key).get_page(request.GET.get("page"))
    cards = queries.profile_cards(page.object_list, request.user)
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "accounts/directory.html",
        {"form": form, "page": page, "cards": cards, "experts": experts, "query": query.urlencode()},
    )


@cache_anonymous_page
def directory(request: HttpRequest) -> HttpResponse:
    return _directory_page(request, experts=False)


@cache_anonymous_page
def experts(request: HttpRequest) -> HttpResponse:
    return _directory_page(request, experts=True)


def profile_detail(request: HttpRequest, pk: int) -> HttpResponse:
    profile = get_object_or_404(Profile.objects.for_cards(), pk=pk)
    if not permissions.can_view_profile(request.user, profile):
        raise Http404
    card = queries.profile_cards([profile], request.user)[0]
    return render(
        request,
        "accounts/profile_detail.html",
        {"card": card, "is_own": request.user.pk == profile.pk},
    )


@login_required
@require_http_methods(["GET", "POST"])
def profile_edit(request: MemberRequest) -> HttpResponse:
    profile, _created = Profile.objects.get_or_create(user=request.user)
    form = ProfileForm(request.POST or None, request.FILES or None, instance=profile)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        actions.update_profile(
            profile=profile,
            display_name=data["display_name"],
            fields={name: data[name] for name in ProfileForm.Meta.fields},
            languages=data["languages"],
            topics=data["topics"],
            photo=data.get("photo") or None,
            remove_photo=data.get("remove_photo", False),
        )
        messages.success(request, _("Your profile is saved."))
        return redirect("accounts:profile", pk=profile.pk)
    return render(request, "accounts/profile_edit.html", {"form": form, "profile": profile})


@cache_anonymous_page
def organisation_list(request: HttpRequest) -> HttpResponse:
    organisations = queries.organisations_of_kind(Organisation.Kind.PARTNER, Organisation.Kind.MEMBER)
    funders = queries.organisations_of_kind(Organisation.Kind.FUNDER)
    return render(
        request,
        "accounts/organisation_list.html",
        {
            "partners": [o for o in organisations if o.kind == Organisation.Kind.PARTNER],
            "members": [o for o in organisations if o.kind == Organisation.Kind.MEMBER],
            "funders": list(funders),
        },
    )


def organisation_detail(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = get_object_or_404(Organisation, slug=slug)
    editors, members = queries.organisation_people(organisation, request.user)
    return render(
        request,
        "accounts/organisation_detail.html",
        {
            "organisation": organisation,
            "editors": editors,
            "members": members,
            "can_edit": permissions.can_edit_organisation(request.user, organisation),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def verification_request(request: MemberRequest) -> HttpResponse:
    profile, _created = Profile.objects.get_or_create(user=request.user)
    pending = VerificationRequest.objects.filter(
        member=request.user, status=VerificationRequest.Status.PENDING
    ).first()
    latest = VerificationRequest.objects.filter(member=request.user).order_by("-created_at").first()
    form = VerificationRequestForm(
        request.POST or None, initial={"evidence": pending.evidence if pending else ""}
    )
    if request.method == "POST" and not profile.is_verified and form.is_valid():
        with contextlib.suppress(IntegrityError):  # a double submit made the same pending request
            actions.request_verification(member=request.user, evidence=form.cleaned_data["evidence"])
        messages.success(request, _("Thank you. A coordinator will review your request."))
        return redirect("accounts:verification_request")
    return render(
        request,
        "accounts/verification_request.html",
        {"form": form, "profile": profile, "pending": pending, "latest": latest},
    )


@login_required
def verification_queue(request: MemberRequest) -> HttpResponse:
    if not permissions.can_review_verifications(request.user):
        if permissions.needs_mfa_setup(request.user):
            return mfa_setup_redirect(request)
        raise PermissionDenied
    pending = VerificationRequest.objects.filter(status=VerificationRequest.Status.PENDING).select_related(
        "member__profile"
    )
    if not permissions.has_staff_powers(request.user):
        pending = pending.filter(member__profile__country__in=permissions.coordinated_countries(request.user))
    page = Paginator(pending.order_by("created_at"), 50).get_page(request.GET.get("page"))
    return render(request, "accounts/verification_queue.html", {"page": page, "now": timezone.now()})


@login_required
@require_http_methods(["GET", "POST"])
def verification_decide(request: MemberRequest, pk: int) -> HttpResponse:
    verification = get_object_or_404(VerificationRequest.objects.select_related("member__profile"), pk=pk)
    if not permissions.can_decide_verification(request.user, verification):
        if permissions.needs_mfa_setup(request.user):
            return mfa_setup_redirect(request)
        raise PermissionDenied
    form = VerificationDecisionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        actions.decide_verification(
            request=verification,
            decided_by=request.user,
            approve=form.cleaned_data["decision"] == "approve",
            reason=form.cleaned_data["reason"],
        )
        messages.success(request, _("The decision is saved and the member has been told."))
        return redirect("accounts:verification_queue")
    return render(request, "accounts/verification_decide.html", {"form": form, "verification": verification})


@login_required
@require_http_methods(["GET", "POST"])
def consent(request: MemberRequest) -> HttpResponse:
    pending = actions.pending_consents(member=request.user)
    if not pending:
        return redirect("core:home")
    preferences = reader_languages(request.user, request.LANGUAGE_CODE)
    pages = []
    for kind, version in pending.items():
        best = pick_best_version(PolicyPage.objects.filter(kind=kind, version=version), preferences)
        if best is not None:
            pages.append(best)
    form = ConsentForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        actions.record_consent(member=request.user)
        request.session.pop("consent_versions", None)
        messages.success(request, _("Thank you. You can continue."))
        next_url = request.GET.get("next") or ""
        return redirect(next_url if _safe(request, next_url) else "core:home")
    return render(request, "accounts/consent.html", {"form": form, "pages": pages})


def _safe(request: HttpRequest, url: str | None) -> bool:
    from django.utils.http import url_has_allowed_host_and_scheme

    return bool(url) and url_has_allowed_host_and_scheme(url, allowed_hosts={request.get_host()})


@login_required
def my_data(request: MemberRequest) -> HttpResponse:
    return render(request, "accounts/my_data.html", {"delete_form": DeleteAccountForm(user=request.user)})


@login_required
@require_POST
def my_data_export(request: MemberRequest) -> HttpResponse:
    archive = actions.export_personal_data(member=request.user)
    response = HttpResponse(archive, content_type="application/zip")
    stamp = timezone.now().strftime("%Y-%m-%d")
    response["Content-Disposition"] = f'attachment; filename="childhub-my-data-{stamp}.zip"'
    return response


@login_required
@require_POST
def delete_account(request: MemberRequest) -> HttpResponse:
    form = DeleteAccountForm(request.POST, user=request.user)
    if not form.is_valid():
        return render(request, "accounts/my_data.html", {"delete_form": form}, status=400)
    member = request.user
    logout(request)
    actions.erase_account(member=member)
    messages.success(request, _("Your account has been erased. Thank you for being part of ChildHub."))
    return redirect("core:home")
