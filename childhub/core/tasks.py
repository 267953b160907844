"""Background work of the core: sending e-mail outside the request."""

from django.core.mail import EmailMessage
from django_tasks import task


@task()
def send_email(*, to: list[str], subject: str, body: str, headers: dict[str, str] | None = None) -> None:
    EmailMessage(subject=subject, body=body, to=to, headers=headers).send()
