from django.apps import AppConfig


class ImpactConfig(AppConfig):
    name = "childhub.impact"
    label = "impact"
    verbose_name = "Impact"
