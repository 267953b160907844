"""Background work of the library: reading uploaded files."""

from django_tasks import task


@task()
def process_resource_file(*, resource_id: int) -> None:
    from .actions import process_resource_file as process

    process(resource_id=resource_id)
