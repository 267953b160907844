from django.apps import AppConfig


class WebinarsConfig(AppConfig):
    name = "childhub.webinars"
    label = "webinars"
    verbose_name = "Webinars"
