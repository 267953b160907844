from django.apps import AppConfig


class WebinarsConfig(AppConfig):
    name = "childhub.webinars"
    label = "webinars"
    verbose_name = "Webinars"

    def ready(self) -> None:
        from . import privacy  # noqa: F401  (registers personal data)
