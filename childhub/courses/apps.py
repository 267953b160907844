from django.apps import AppConfig


class CoursesConfig(AppConfig):
    name = "childhub.courses"
    label = "courses"
    verbose_name = "Courses"

    def ready(self) -> None:
        from . import privacy  # noqa: F401  (registers personal data)
