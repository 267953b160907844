"""Ask a signed-in member to accept new versions of the policies before going on."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode

from childhub.core.queries import current_policy_versions

from .actions import pending_consents

# Paths a member may reach before accepting: policies, consent, sign-out, language, data.
_OPEN_SEGMENTS = ("/me/consent/", "/policies/", "/accounts/logout/", "/me/data/", "/staff/")
_OPEN_PREFIXES = ("/static/", "/media/", "/language", "/healthz")


class ConsentMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and not self._open(request.path):
            current = current_policy_versions()
            signature = [[kind, version] for kind, version in sorted(current.items())]  # as JSON keeps it
            if request.session.get("consent_versions") != signature:
                if pending_consents(member=user):
                    url = reverse("accounts:consent") + "?" + urlencode({"next": request.get_full_path()})
                    return redirect(url)
                request.session["consent_versions"] = signature
        return self.get_response(request)

    @staticmethod
    def _open(path: str) -> bool:
        return path.startswith(_OPEN_PREFIXES) or any(seg in path for seg in _OPEN_SEGMENTS)
