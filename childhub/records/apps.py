from django.apps import AppConfig


class RecordsConfig(AppConfig):
    name = "childhub.records"
    label = "records"
    verbose_name = "Records"

    def ready(self) -> None:
        from . import privacy  # noqa: F401  (registers personal data)
