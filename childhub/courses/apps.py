from django.apps import AppConfig


class CoursesConfig(AppConfig):
    name = "childhub.courses"
    label = "courses"
    verbose_name = "Courses"
