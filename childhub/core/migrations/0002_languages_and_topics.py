"""Create the reference rows: content languages and the topic taxonomy."""

from django.db import migrations

LANGUAGES = ["en", "sq", "bg", "bs", "el", "hr", "hu", "mk", "ro", "ru", "sr", "sr-latn", "uk",
             "me", "rom", "tr", "de", "fr", "it"]
TOPICS = [
    "violence-against-children", "sexual-abuse", "trafficking", "exploitation", "online-safety",
    "juvenile-justice", "alternative-care", "children-on-the-move", "child-participation",
    "children-with-disabilities", "roma-children", "family-support", "mental-health",
    "professional-wellbeing", "supervision", "multidisciplinary-work", "legislation-and-policy",
    "children-and-environment",
]


def create(apps, schema_editor):
    Language = apps.get_model("core", "Language")
    Topic = apps.get_model("core", "Topic")
    for code in LANGUAGES:
        Language.objects.get_or_create(code=code)
    for slug in TOPICS:
        Topic.objects.get_or_create(slug=slug)


class Migration(migrations.Migration):
    dependencies = [("core", "0001_initial")]
    operations = [migrations.RunPython(create, migrations.RunPython.noop)]
