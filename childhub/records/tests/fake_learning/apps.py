from django.apps import AppConfig


class FakeLearningConfig(AppConfig):
    name = "childhub.records.tests.fake_learning"
    label = "fake_learning"
