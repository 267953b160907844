"""Background work of notifications: thin wrappers around the actions."""

from django_tasks import task

from . import actions


@task()
def deliver(*, notification_id: int) -> None:
    actions.send_immediate(notification_id=notification_id)


@task()
def send_digests(*, frequency: str) -> None:
    actions.send_digests(frequency=frequency)
