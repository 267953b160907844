"""How allauth fits the hub: sign-in lands in the member's language."""

from __future__ import annotations

from allauth.account.adapter import DefaultAccountAdapter
from django.http import HttpRequest
from django.urls import reverse
from django.utils import translation


class AccountAdapter(DefaultAccountAdapter):
    def get_login_redirect_url(self, request: HttpRequest) -> str:
        language = getattr(request.user, "language", "") or translation.get_language() or "en"
        with translation.override(language):
            return reverse("core:home")
