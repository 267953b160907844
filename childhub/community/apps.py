from django.apps import AppConfig


class CommunityConfig(AppConfig):
    name = "childhub.community"
    label = "community"
    verbose_name = "Community"

    def ready(self) -> None:
        from . import privacy  # noqa: F401  (registers personal data)
