import io

import pytest
from django.core.cache import caches

from childhub.accounts import demo as accounts_demo
from childhub.core import demo as core_demo
from childhub.courses import authoring
from childhub.courses import demo as courses_demo
from childhub.courses.models import Block, Course, Enrolment, Lesson, LessonProgress, Module, Question
from childhub.records.models import Certificate

pytestmark = pytest.mark.django_db


@pytest.fixture
def seeded(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # sixty demo members
    out = io.StringIO()
    core_demo.seed(out)
    caches["default"].clear()
    accounts_demo.seed(out)
    courses_demo.seed(out)
    return out.getvalue()


def originals():
    return {c.slug: c for c in Course.objects.filter(language="en", translated_from__isnull=True)}


def test_the_demo_has_the_three_seed_courses_with_their_real_structure(seeded):
    courses = originals()
    assert set(courses) == {
        "supporting-childrens-participation",
        "practicing-supervision",
        "multidisciplinary-team",
    }

    participation = courses["supporting-childrens-participation"]
    kinds = list(participation.modules.values_list("kind", flat=True))
    assert kinds == [Module.Kind.FOUNDATION] * 3 + [Module.Kind.PRACTICE] * 6
    groups = set(
        participation.modules.filter(kind=Module.Kind.PRACTICE).values_list("children_group", flat=True)
    )
    assert {
        "Children in conflict with the law",
        "Children with disabilities",
        "Children in care",
        "Roma children",
    } <= groups
    assert participation.modules.filter(kind=Module.Kind.PRACTICE).first().prerequisites.count() == 3

    supervision = courses["practicing-supervision"]
    assert supervision.co_issuer.slug == "celcis"
    assert supervision.co_issuer_approves
    assert supervision.issuer_signatory and supervision.co_issuer_signatory

    multidisciplinary = courses["multidisciplinary-team"]
    assert (
        "Tdh" in multidisciplinary.adapted_from
        or "Terre des hommes Albania" in multidisciplinary.adapted_from
    )
    assert "legislation" in multidisciplinary.adaptation_notes


def test_every_module_ends_with_a_quiz_and_every_kind_of_question_is_used(seeded):
    for course in originals().values():
        for module in course.modules.all():
            last = module.lessons.order_by("position").last()
            assert last.blocks.filter(kind=Block.Kind.QUIZ).exists(), module
    used = set(
        Question.objects.filter(block__lesson__module__course__translated_from=None).values_list(
            "kind", flat=True
        )
    )
    assert used == set(Question.Kind.values)
    assert Block.objects.filter(kind=Block.Kind.VIDEO).exclude(embed_url="").exclude(transcript="").exists()
    assert Block.objects.filter(kind=Block.Kind.REFLECTION).exists()
    assert not Block.objects.filter(body__icontains="<script").exists()


def test_the_demo_courses_exist_in_at_least_three_languages(seeded):
    languages = set(Course.objects.values_list("language", flat=True))
    assert {"en", "bs", "sq", "bg"} <= languages
    participation = originals()["supporting-childrens-participation"]
    assert set(participation.versions().values_list("language", flat=True)) == {"en", "bs", "sq"}
    assert set(participation.versions().values_list("slug", flat=True)) == {participation.slug}


def test_the_translations_show_every_state(seeded):
    bosnian = Course.objects.get(slug="supporting-childrens-participation", language="bs")
    states = {row.state for row in authoring.translation_status(bosnian)}
    assert states == {"missing", "draft", "reviewed", "outdated"}
    reviewed = Lesson.objects.get(module__course=bosnian, title="Modeli participacije")
    assert reviewed.status == Lesson.Status.REVIEWED


def test_the_demo_learners_are_at_various_stages_and_the_finished_have_certificates(seeded):
    finished = Enrolment.objects.filter(completed_at__isnull=False)
    assert finished.count() == 3
    assert Enrolment.objects.filter(completed_at__isnull=True, progress__isnull=False).distinct().count() >= 5
    assert Enrolment.objects.filter(learner__email="member@childhub.example").count() == 2
    certificates = Certificate.objects.filter(kind=Certificate.Kind.COURSE_COMPLETION)
    assert certificates.count() == 3
    assert certificates.filter(status=Certificate.Status.PENDING, co_issuer__slug="celcis").count() == 1
    assert set(certificates.values_list("member__email", flat=True)) == {
        "verified@childhub.example",
        "expert@childhub.example",
        "coordinator.rs@childhub.example",
    }


def test_the_demo_is_safe_to_run_again(seeded):
    counts = (
        Course.objects.count(),
        Lesson.objects.count(),
        Question.objects.count(),
        Enrolment.objects.count(),
        LessonProgress.objects.count(),
        Certificate.objects.count(),
        tuple(Lesson.objects.order_by("pk").values_list("revision", "status")),
    )
    courses_demo.seed(io.StringIO())
    assert counts == (
        Course.objects.count(),
        Lesson.objects.count(),
        Question.objects.count(),
        Enrolment.objects.count(),
        LessonProgress.objects.count(),
        Certificate.objects.count(),
        tuple(Lesson.objects.order_by("pk").values_list("revision", "status")),
    )
