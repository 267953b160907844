"""Pages of notifications: the inbox, e-mail choices, and one-click unsubscribe from e-mails."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from childhub.core.http import MemberRequest

from . import actions
from .forms import PreferencesForm
from .kinds import KINDS
from .models import Notification

PAGE_SIZE = 30


@login_required
def inbox(request: MemberRequest) -> HttpResponse:
    items = Notification.objects.filter(recipient=request.user)
    page = Paginator(items, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "notifications/inbox.html", {"page": page})


@login_required
@require_POST
def mark_all_read(request: MemberRequest) -> HttpResponse:
    actions.mark_read(member=request.user)
    return redirect("notifications:inbox")


@login_required
@require_http_methods(["GET", "POST"])
def preferences(request: MemberRequest) -> HttpResponse:
    form = PreferencesForm(request.POST or None, current=actions.frequencies(request.user))
    if request.method == "POST" and form.is_valid():
        for kind, frequency in form.cleaned_data.items():
            actions.set_frequency(member=request.user, kind=kind, frequency=frequency)
        messages.success(request, _("Your e-mail choices are saved."))
        return redirect("notifications:preferences")
    return render(
        request, "notifications/preferences.html", {"form": form}, status=400 if form.errors else 200
    )


@csrf_exempt  # RFC 8058: mail clients POST here with no session; the signed token is the proof
@require_http_methods(["GET", "POST"])
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    found = actions.read_unsubscribe_token(token)
    if found is None:
        return render(request, "notifications/unsubscribe.html", {"invalid": True}, status=400)
    member, scope = found
    labels = [KINDS[scope].label] if scope in KINDS else []
    if request.method == "POST":
        actions.unsubscribe(member=member, scope=scope)
        return render(
            request, "notifications/unsubscribe.html", {"done": True, "scope": scope, "labels": labels}
        )
    return render(request, "notifications/unsubscribe.html", {"scope": scope, "labels": labels})
