"""The staff interface: Django admin, reachable only with a second factor."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from allauth.account.decorators import secure_admin_login
from allauth.mfa.utils import is_mfa_enabled
from django.contrib import admin, messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _


class StaffAdminSite(admin.AdminSite):
    site_header = "ChildHub staff"
    site_title = "ChildHub staff"
    index_title = "ChildHub"

    def has_permission(self, request: HttpRequest) -> bool:
        """Staff, and partner editors (who see only their organisations' courses there), with MFA."""
        from childhub.accounts.permissions import may_enter_staff_interface

        return may_enter_staff_interface(request.user)

    def login(self, request: HttpRequest, extra_context: dict[str, Any] | None = None) -> HttpResponse:
        return secure_admin_login(super().login)(request, extra_context)

    def admin_view(  # type: ignore[override]
        self, view: Callable[..., HttpResponse], cacheable: bool = False
    ) -> Callable[..., HttpResponse]:
        inner = super().admin_view(view, cacheable)

        from childhub.accounts.permissions import is_partner_editor

        @wraps(view)
        def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            user = request.user
            if (
                user.is_authenticated
                and user.is_active
                and (user.is_staff or is_partner_editor(user))
                and not is_mfa_enabled(user)
            ):
                messages.warning(request, _("Set up two-factor authentication to use the staff interface."))
                return redirect("mfa_activate_totp")
            return inner(request, *args, **kwargs)

        return wrapper
