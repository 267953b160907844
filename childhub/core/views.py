"""The site's frame: home, about, policy pages, language switching, error pages."""

from __future__ import annotations

from django.conf import settings
from django.db import connection
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.template import loader
from django.urls import translate_url
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import requires_csrf_token

from childhub.accounts.actions import set_preferred_language

from .models import PolicyPage, pick_best_version, reader_languages
from .pages import cache_anonymous_page
from .queries import current_policy_versions


@cache_anonymous_page
def home(request: HttpRequest) -> HttpResponse:
    return render(request, "core/home.html")


@cache_anonymous_page
def about(request: HttpRequest) -> HttpResponse:
    return render(request, "core/about.html")


def policy(request: HttpRequest, kind: str, language: str | None = None) -> HttpResponse:
    if kind not in PolicyPage.Kind.values:
        raise Http404
    version = current_policy_versions().get(kind)
    if version is None:
        raise Http404
    versions = list(PolicyPage.objects.filter(kind=kind, version=version))
    if language:
        page = next((p for p in versions if p.language == language), None)
        if page is None:
            raise Http404
    else:
        page = pick_best_version(versions, reader_languages(request.user, request.LANGUAGE_CODE))
    others = sorted((p for p in versions if page is None or p.pk != page.pk), key=lambda p: p.language)
    return render(request, "core/policy.html", {"page": page, "others": others})


@cache_anonymous_page
def policy_index(request: HttpRequest) -> HttpResponse:
    return render(request, "core/policy_index.html", {"kinds": PolicyPage.Kind.choices})


@never_cache
def switch_language(request: HttpRequest) -> HttpResponse:
    """Switch the interface language (a plain link, no JavaScript) and remember it."""
    language = request.GET.get("lang", "")
    if language not in dict(settings.LANGUAGES):
        language = settings.LANGUAGE_CODE
    next_url = request.GET.get("next", "")
    if not url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}):
        next_url = "/"
    with translation.override(translation.get_language_from_path(next_url) or language):
        next_url = translate_url(next_url, language)
    if next_url == "/":
        next_url = f"/{language}/"
    response = HttpResponseRedirect(next_url)
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        secure=settings.LANGUAGE_COOKIE_SECURE,
        samesite="Lax",
    )
    if request.user.is_authenticated:
        set_preferred_language(member=request.user, language=language)  # type: ignore[arg-type]
    return response


def healthz(request: HttpRequest) -> JsonResponse:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "404.html", status=404)


@requires_csrf_token
def server_error(request: HttpRequest) -> HttpResponse:
    # The language in the address first (it is what the page was in), then the visitor's choice.
    language = (
        translation.get_language_from_path(request.path_info)
        or translation.get_language_from_request(request)
        or settings.LANGUAGE_CODE
    )
    with translation.override(language):
        body = loader.get_template("500.html").render({"LANGUAGE_CODE": language})
    return HttpResponse(body, status=500)
