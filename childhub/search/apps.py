from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "childhub.search"
    label = "search"
    verbose_name = "Search"
