from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps


class CoreConfig(AppConfig):
    default = True
    name = "childhub.core"
    label = "core"
    verbose_name = "Core"


class StaffAdminConfig(admin_apps.AdminConfig):
    """Django admin as the staff interface, behind MFA (see admin_site.py)."""

    default = False
    default_site = "childhub.core.admin_site.StaffAdminSite"
