"""The site's URLs (language-prefixed pages, plus unprefixed machine endpoints), without the staff
interface: requests outside /<language>/staff/ resolve and reverse with this URLconf (see
childhub.core.middleware.SiteURLconfMiddleware). config/urls.py adds the staff interface."""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib.sitemaps import views as sitemap_views
from django.urls import URLPattern, URLResolver, include, path
from django.views.static import serve

from childhub.core import views as core_views
from childhub.core.sitemaps import all_sitemaps, robots_txt

sitemaps = all_sitemaps()

urlpatterns: list[URLPattern | URLResolver] = [
    path("healthz", core_views.healthz, name="healthz"),
    path("language", core_views.switch_language, name="switch_language"),
    path("robots.txt", robots_txt, name="robots_txt"),
    path(
        "sitemap.xml",
        sitemap_views.index,
        {"sitemaps": sitemaps, "sitemap_url_name": "sitemap_section"},
        name="sitemap",
    ),
    path("sitemap-<slug:section>.xml", sitemap_views.sitemap, {"sitemaps": sitemaps}, name="sitemap_section"),
]

urlpatterns += i18n_patterns(
    path("", include("childhub.core.urls")),
    path("accounts/", include("allauth.urls")),
    path("", include("childhub.accounts.urls")),
    path("library/", include("childhub.library.urls")),
    path("community/", include("childhub.community.urls")),
    path("notifications/", include("childhub.notifications.urls")),
    path("webinars/", include("childhub.webinars.urls")),
    path("records/", include("childhub.records.urls")),
    path("courses/", include("childhub.courses.urls")),
    path("impact/", include("childhub.impact.urls")),
    prefix_default_language=True,
)

if settings.DEBUG or settings.STORAGES["default"]["BACKEND"].endswith("FileSystemStorage"):
    urlpatterns += [path("media/<path:path>", serve, {"document_root": settings.MEDIA_ROOT})]

handler404 = "childhub.core.views.page_not_found"
handler500 = "childhub.core.views.server_error"
