from django.apps import AppConfig


class LibraryConfig(AppConfig):
    name = "childhub.library"
    label = "library"
    verbose_name = "Library"

    def ready(self) -> None:
        from . import privacy  # noqa: F401  (registers personal data)
