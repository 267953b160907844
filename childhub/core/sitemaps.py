"""What search engines are told about: each app's sitemaps in one registry, and robots.txt.

An app takes part by giving itself a ``sitemaps`` module with either or both of:

- ``PAGES``: names of fixed pages anyone may read (``["library:index"]``), gathered here into
  the one "pages" section;
- ``SITEMAPS``: ``{section: Sitemap class}`` for its content.

Only what a visitor who is not signed in may open belongs in a sitemap: never member-only
content, and never case discussions, which robots.txt also keeps crawlers away from.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial
from importlib import import_module

from django.apps import apps
from django.contrib.sitemaps import Sitemap
from django.core.exceptions import ImproperlyConfigured
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils.module_loading import module_has_submodule

SitemapFactory = Callable[[], Sitemap]

# accounts has no sitemaps module of its own: its one public fixed page is listed here.
PAGES = ["core:home", "core:about", "core:policies", "accounts:organisations"]


class PagesSitemap(Sitemap):
    """Fixed pages by URL name, in every interface language."""

    i18n = True
    alternates = True
    x_default = True

    def __init__(self, url_names: Sequence[str]) -> None:
        self.url_names = list(url_names)

    def items(self) -> list[str]:
        return self.url_names

    def location(self, item: str) -> str:
        return reverse(item)


def all_sitemaps() -> dict[str, SitemapFactory]:
    """Every app's sitemap sections, for django.contrib.sitemaps' views."""
    pages: list[str] = []
    sections: dict[str, SitemapFactory] = {}
    for app in apps.get_app_configs():
        if not app.name.startswith("childhub.") or app.module is None:
            continue
        if not module_has_submodule(app.module, "sitemaps"):
            continue
        module = import_module(f"{app.name}.sitemaps")
        pages.extend(getattr(module, "PAGES", []))
        for section, sitemap in getattr(module, "SITEMAPS", {}).items():
            if section == "pages" or section in sections:
                raise ImproperlyConfigured(f"Two sitemaps are called {section!r} ({app.name}).")
            sections[section] = sitemap
    return {"pages": partial(PagesSitemap, pages), **sections}


ROBOTS_DISALLOW = ["/*/community/cases/", "/*/accounts/"]


def robots_txt(request: HttpRequest) -> HttpResponse:
    lines = [
        "User-agent: *",
        *(f"Disallow: {path}" for path in ROBOTS_DISALLOW),
        "",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
