"""All URLs: the site's (config/site_urls.py) and the staff interface at /<language>/staff/.

The staff interface has about 380 URL patterns (six per model), against some 150 for the site,
and Django keeps a reverse table of every pattern for each language it reverses in: thirteen
languages' worth of the staff interface's tables cost a worker about 12 MB. Site pages are served
with config/site_urls.py instead (SiteURLconfMiddleware), so a worker builds the staff
interface's tables only when it serves the staff interface. This URLconf stays the default one
for everything outside a request (tasks, commands, tests), so every name reverses there.
"""

from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import URLPattern, URLResolver, path

from config.site_urls import handler404, handler500  # noqa: F401  (the error views of both)
from config.site_urls import urlpatterns as site_urlpatterns

admin.site.site_header = "ChildHub staff"
admin.site.site_title = "ChildHub staff"

urlpatterns: list[URLPattern | URLResolver] = [
    *site_urlpatterns,
    *i18n_patterns(path("staff/", admin.site.urls), prefix_default_language=True),
]
