"""The community in the sitemap: published questions and experience posts. Never case discussions."""

from __future__ import annotations

from datetime import datetime

from django.contrib.sitemaps import Sitemap
from django.db.models import Max

from .models import Contribution, ContributionQuerySet

PAGES = ["community:index"]


def _public_threads() -> ContributionQuerySet:
    return (
        Contribution.objects.published()
        .top_level()
        .filter(kind__in=[Contribution.Kind.QUESTION, Contribution.Kind.POST])
    )


class ThreadSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True
    limit = 10_000

    def items(self) -> ContributionQuerySet:
        return _public_threads().only("pk", "kind", "parent_id", "updated_at").order_by("pk")

    def location(self, item: Contribution) -> str:
        return item.get_absolute_url()

    def lastmod(self, item: Contribution) -> datetime:
        return item.updated_at

    def get_latest_lastmod(self) -> datetime | None:
        return _public_threads().aggregate(latest=Max("updated_at"))["latest"]


SITEMAPS = {"community": ThreadSitemap}
