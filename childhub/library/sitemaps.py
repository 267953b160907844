"""The library in the sitemap: its index page and every public, published resource."""

from __future__ import annotations

from datetime import datetime

from django.contrib.sitemaps import Sitemap
from django.db.models import Max

from .models import Resource, ResourceQuerySet

PAGES = ["library:index"]


def _public_resources() -> ResourceQuerySet:
    return Resource.objects.visible_to({Resource.Access.PUBLIC})


class ResourceSitemap(Sitemap):
    """Each public resource's page in every interface language, with hreflang alternates."""

    i18n = True
    alternates = True
    x_default = True
    # Each entry carries one alternate per interface language (about 1.5 kB in all); 10,000
    # entries a page keep every page well below the 50 MB that search engines accept.
    limit = 10_000

    def items(self) -> ResourceQuerySet:
        return _public_resources().only("pk", "updated_at").order_by("pk")

    def lastmod(self, item: Resource) -> datetime:
        return item.updated_at

    def get_latest_lastmod(self) -> datetime | None:
        return _public_resources().aggregate(latest=Max("updated_at"))["latest"]


SITEMAPS = {"library": ResourceSitemap}
