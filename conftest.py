"""Test settings come from the environment, as in production; fixtures are named by role."""

import os

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
os.environ.setdefault("CHILDHUB_ALLOW_INSECURE_KEY", "1")
os.environ.setdefault("DJANGO_SECURE_SSL_REDIRECT", "0")
os.environ.setdefault("DJANGO_STATIC_MANIFEST", "0")
os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "testserver,127.0.0.1,localhost")
os.environ.setdefault("CHILDHUB_TASK_BACKEND", "django_tasks.backends.immediate.ImmediateBackend")
os.environ.setdefault("CHILDHUB_VAR_DIR", "var/test")

import django

django.setup()

pytest_plugins = ["childhub.core.tests.fixtures"]
