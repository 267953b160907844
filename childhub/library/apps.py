from django.apps import AppConfig


class LibraryConfig(AppConfig):
    name = "childhub.library"
    label = "library"
    verbose_name = "Library"

    def ready(self) -> None:
        from django.db.models.signals import m2m_changed, post_delete, post_save

        from childhub.accounts.models import Organisation

        from . import privacy  # noqa: F401  (registers personal data)
        from .models import Resource, ResourceAudience, ResourceCountry
        from .queries import library_changed

        # What facet counts and related resources are read from (see queries.library_version).
        for model in (Resource, ResourceCountry, ResourceAudience, Organisation):
            post_save.connect(library_changed, sender=model, dispatch_uid=f"library-changed-{model.__name__}")
            post_delete.connect(
                library_changed, sender=model, dispatch_uid=f"library-deleted-{model.__name__}"
            )
        m2m_changed.connect(library_changed, sender=Resource.topics.through, dispatch_uid="library-topics")
