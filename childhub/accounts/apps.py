from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "childhub.accounts"
    label = "accounts"
    verbose_name = "Members and organisations"

    def ready(self) -> None:
        from . import privacy  # noqa: F401  (registers personal data)
