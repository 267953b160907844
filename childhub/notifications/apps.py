from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    name = "childhub.notifications"
    label = "notifications"
    verbose_name = "Notifications"

    def ready(self) -> None:
        from . import privacy  # noqa: F401  (registers personal data)
