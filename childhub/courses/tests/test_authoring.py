import pytest
from django.urls import reverse

from childhub.accounts.models import Membership
from childhub.accounts.tests.factories import OrganisationFactory
from childhub.core.tests.fixtures import client_for
from childhub.courses import authoring
from childhub.courses.content import clean_html
from childhub.courses.models import Block, Choice, Course, Lesson, Module, Question

from .factories import (
    BlockFactory,
    ChoiceFactory,
    CourseFactory,
    LessonFactory,
    ModuleFactory,
    QuestionFactory,
)

pytestmark = pytest.mark.django_db


def revision_of(lesson):
    return Lesson.objects.values_list("revision", flat=True).get(pk=lesson.pk)


def small_course():
    """An English course: two modules (the second needs the first), three lessons, a quiz."""
    course = CourseFactory(language="en")
    first = ModuleFactory(course=course, position=1, title="Foundations")
    second = ModuleFactory(course=course, position=2, title="Children in care", kind=Module.Kind.PRACTICE)
    second.prerequisites.add(first)
    one = LessonFactory(module=first, position=1, title="What participation means")
    two = LessonFactory(module=first, position=2, title="Quiz")
    three = LessonFactory(module=second, position=1, title="Listening to children in care")
    BlockFactory(lesson=one, position=1)
    quiz = BlockFactory(lesson=two, position=1, kind=Block.Kind.QUIZ, body="")
    question = QuestionFactory(block=quiz, text="Article 12 is about…", feedback_correct="Yes.")
    ChoiceFactory(question=question, text="Being heard", correct=True, position=1)
    ChoiceFactory(question=question, text="Education", position=2)
    BlockFactory(lesson=three, position=1)
    return course, [one, two, three]


# --- Sanitising ------------------------------------------------------------------------------------


def test_clean_html_removes_scripts_event_handlers_and_javascript_addresses():
    html = (
        '<p onclick="steal()">Hello<script>alert(1)</script></p>'
        '<a href="javascript:alert(1)">click</a><img src="/media/x.png" onerror="steal()">'
        '<iframe src="https://evil.example"></iframe><style>p{}</style><form><input></form>'
        '<svg onload="steal()"></svg><p style="color:red">plain</p>'
    )
    clean = clean_html(html)
    for executable in (
        "script",
        "onclick",
        "onerror",
        "onload",
        "javascript:",
        "iframe",
        "style",
        "form",
        "svg",
    ):
        assert executable not in clean
    assert "<p>Hello</p>" in clean
    assert "<p>plain</p>" in clean


def test_clean_html_keeps_the_formatting_of_a_lesson():
    html = (
        "<h2>Listening</h2><h3>Why</h3><p><strong>Children</strong> have <em>views</em>.</p>"
        "<ul><li>one</li></ul><ol><li>two</li></ol><blockquote>heard</blockquote>"
        '<figure><table><caption>Ladder</caption><thead><tr><th scope="col">Rung</th></tr></thead>'
        "<tbody><tr><td>Consulted</td></tr></tbody></table><figcaption>Hart's ladder</figcaption></figure>"
        '<p lang="bs">Djeca imaju pravo</p><a href="https://www.unicef.org/crc">the Convention</a>'
    )
    clean = clean_html(html)
    for kept in (
        "<h2>Listening</h2>",
        "<h3>Why</h3>",
        "<strong>Children</strong>",
        "<em>views</em>",
        "<ul><li>one</li></ul>",
        "<ol><li>two</li></ol>",
        "<blockquote>heard</blockquote>",
        '<th scope="col">Rung</th>',
        "<caption>Ladder</caption>",
        "<figcaption>Hart's ladder</figcaption>",
        '<p lang="bs">',
    ):
        assert kept in clean
    assert '<a href="https://www.unicef.org/crc" rel="noopener noreferrer">the Convention</a>' in clean


def test_clean_html_keeps_only_the_hubs_own_pictures():
    clean = clean_html(
        '<img src="https://tracker.example/p.gif" alt="x"><img src="/media/ladder.png" alt="Ladder">'
    )
    assert "tracker.example" not in clean
    assert '<img src="/media/ladder.png" alt="Ladder">' in clean


# --- Revisions --------------------------------------------------------------------------------------


def test_saving_a_block_sanitises_its_text():
    block = BlockFactory()
    block.body = '<p>Listen<script>alert(1)</script></p><a href="javascript:alert(1)">x</a>'
    authoring.save_block(block)
    block.refresh_from_db()
    assert "script" not in block.body
    assert "javascript" not in block.body


def test_changing_a_blocks_text_makes_a_new_revision_of_its_lesson():
    block = BlockFactory()
    before = revision_of(block.lesson)
    block.body = "<p>Children have the right to be heard, and to be taken seriously.</p>"
    authoring.save_block(block)
    assert revision_of(block.lesson) == before + 1


def test_saving_a_block_unchanged_keeps_the_revision():
    block = BlockFactory()
    before = revision_of(block.lesson)
    authoring.save_block(Block.objects.get(pk=block.pk))
    block.pass_mark = 80  # not content a translation follows
    authoring.save_block(block)
    assert revision_of(block.lesson) == before


def test_text_that_sanitises_to_what_is_stored_is_no_change():
    block = BlockFactory(body="<p>Heard</p>")
    before = revision_of(block.lesson)
    block.body = "<p>Heard</p><script>alert(1)</script>"
    authoring.save_block(block)
    assert revision_of(block.lesson) == before


def test_a_new_title_is_a_new_revision_but_a_new_completion_rule_is_not():
    lesson = LessonFactory()
    lesson.completion_rule = Lesson.Rule.TIME
    lesson.minimum_minutes = 5
    authoring.save_lesson(lesson)
    assert revision_of(lesson) == 1
    lesson.title = "Listening to children in care"
    authoring.save_lesson(lesson)
    assert lesson.revision == revision_of(lesson) == 2


def test_adding_and_removing_blocks_are_new_revisions():
    lesson = LessonFactory()
    block = authoring.save_block(Block(lesson=lesson, kind=Block.Kind.TEXT, body="<p>New</p>"))
    assert revision_of(lesson) == 2
    authoring.delete_part(block)
    assert revision_of(lesson) == 3


def test_changing_a_question_or_an_answer_is_a_new_revision_of_the_lesson():
    choice = ChoiceFactory(text="Article 12")
    question = choice.question
    lesson = question.block.lesson
    question.feedback_wrong = "Look again at the first module."
    authoring.save_question(question)
    assert revision_of(lesson) == 2
    choice.correct = True
    authoring.save_choice(choice)
    assert revision_of(lesson) == 3
    authoring.save_choice(choice)
    assert revision_of(lesson) == 3


def test_one_form_saved_is_one_revision_and_a_new_lesson_stays_at_the_first():
    lesson = LessonFactory()
    block = BlockFactory(lesson=lesson)
    with authoring.one_revision():
        lesson.title = "Renamed"
        authoring.save_lesson(lesson)
        block.body = "<p>Changed</p>"
        authoring.save_block(block)
        authoring.save_block(Block(lesson=lesson, body="<p>Added</p>"))
    assert revision_of(lesson) == 2
    with authoring.one_revision():
        new = authoring.save_lesson(Lesson(module=lesson.module, title="A new lesson"))
        authoring.save_block(Block(lesson=new, body="<p>Its text</p>"))
    assert revision_of(new) == 1


# --- Translations -----------------------------------------------------------------------------------


def test_translate_course_copies_the_structure_with_the_same_keys():
    course, _lessons = small_course()
    version = authoring.translate_course(course, "bs", by=None)

    assert version.language == "bs"
    assert version.slug == course.slug
    assert version.translation_key == course.translation_key
    assert version.translated_from == course
    assert version.status == Course.Status.DRAFT
    assert version.issuer == course.issuer
    for model, path in ((Module, "course"), (Lesson, "module__course"), (Block, "lesson__module__course")):
        ours = set(model.objects.filter(**{path: version}).values_list("key", flat=True))
        theirs = set(model.objects.filter(**{path: course}).values_list("key", flat=True))
        assert ours == theirs and ours
    copied = Question.objects.get(block__lesson__module__course=version)
    assert copied.key == Question.objects.get(block__lesson__module__course=course).key
    assert list(copied.choices.values_list("text", "correct")) == [
        ("Being heard", True),
        ("Education", False),
    ]
    second = version.modules.get(position=2)
    assert [m.key for m in second.prerequisites.all()] == [version.modules.get(position=1).key]
    for lesson in Lesson.objects.filter(module__course=version):
        assert lesson.status == Lesson.Status.DRAFT
        assert lesson.source_revision == 1


def test_translating_again_adds_only_what_the_original_gained():
    course, lessons = small_course()
    version = authoring.translate_course(course, "sq")
    translated = Lesson.objects.get(module__course=version, key=lessons[0].key)
    translated.title = "Çfarë do të thotë pjesëmarrja"
    authoring.save_lesson(translated)
    added = LessonFactory(module=lessons[0].module, position=3, title="Further reading")

    again = authoring.translate_course(course, "sq")

    assert again == version
    assert Lesson.objects.filter(module__course=version).count() == 4
    assert Lesson.objects.get(pk=translated.pk).title == "Çfarë do të thotë pjesëmarrja"
    assert Lesson.objects.filter(module__course=version, key=added.key).exists()


def test_translating_a_translation_translates_the_original():
    course, _lessons = small_course()
    bosnian = authoring.translate_course(course, "bs")
    albanian = authoring.translate_course(bosnian, "sq")
    assert albanian.translated_from == course


def test_the_original_is_not_translated_into_its_own_language():
    course, _lessons = small_course()
    with pytest.raises(ValueError):
        authoring.translate_course(course, "en")


def test_translation_status_tells_missing_draft_reviewed_and_outdated(django_assert_num_queries):
    course, (one, two, three) = small_course()
    version = authoring.translate_course(course, "bs")
    mine = {lesson.key: lesson for lesson in Lesson.objects.filter(module__course=version)}
    authoring.mark_reviewed(mine[one.key])
    authoring.mark_reviewed(mine[two.key])
    block = one.blocks.get()
    block.body = "<p>The original changed.</p>"
    authoring.save_block(block)
    added = LessonFactory(module=three.module, position=2, title="Added later")

    with django_assert_num_queries(2):
        rows = authoring.translation_status(version)

    states = {row.key: row.state for row in rows}
    assert states == {
        one.key: authoring.TranslationState.OUTDATED,
        two.key: authoring.TranslationState.REVIEWED,
        three.key: authoring.TranslationState.DRAFT,
        added.key: authoring.TranslationState.MISSING,
    }
    assert [row.key for row in rows] == [one.key, two.key, three.key, added.key]
    assert next(row for row in rows if row.key == added.key).lesson is None


def test_translation_status_does_not_grow_with_the_course(django_assert_num_queries):
    course, lessons = small_course()
    for n in range(10):
        LessonFactory(module=lessons[2].module, position=10 + n)
    version = authoring.translate_course(course, "bg")
    with django_assert_num_queries(2):
        assert len(authoring.translation_status(version)) == 13


def test_translation_status_of_the_original_is_draft_or_reviewed():
    course, (one, _two, _three) = small_course()
    Lesson.objects.filter(pk=one.pk).update(status=Lesson.Status.DRAFT, revision=5)
    states = [row.state for row in authoring.translation_status(course)]
    assert states == ["draft", "reviewed", "reviewed"]


def test_mark_reviewed_follows_the_originals_current_revision():
    course, (one, _two, _three) = small_course()
    version = authoring.translate_course(course, "bs")
    one.title = "What participation is"
    authoring.save_lesson(one)
    translated = Lesson.objects.get(module__course=version, key=one.key)
    assert authoring.lesson_state(translated, revision_of(one)) == authoring.TranslationState.OUTDATED

    authoring.mark_reviewed(translated)

    translated.refresh_from_db()
    assert translated.status == Lesson.Status.REVIEWED
    assert translated.source_revision == 2
    assert authoring.lesson_state(translated, revision_of(one)) == authoring.TranslationState.REVIEWED


# --- The staff interface ----------------------------------------------------------------------------


def admin_pages(course, lesson):
    block = lesson.blocks.first()
    question = Question.objects.filter(block__lesson__module__course=course).first()
    return [
        reverse("admin:courses_course_changelist"),
        reverse("admin:courses_course_change", args=[course.pk]),
        reverse("admin:courses_course_add"),
        reverse("admin:courses_module_change", args=[lesson.module.pk]),
        reverse("admin:courses_lesson_changelist"),
        reverse("admin:courses_lesson_change", args=[lesson.pk]),
        reverse("admin:courses_block_change", args=[block.pk]),
        reverse("admin:courses_question_change", args=[question.pk]),
        reverse("admin:courses_choice_change", args=[question.choices.first().pk]),
    ]


def test_staff_with_two_factor_authentication_open_the_course_pages(staff):
    course, lessons = small_course()
    version = authoring.translate_course(course, "bs")
    client = client_for(staff)
    for url in admin_pages(course, lessons[0]):
        assert client.get(url).status_code == 200, url
    page = client.get(reverse("admin:courses_course_change", args=[version.pk])).content.decode()
    assert "Draft" in page
    lesson_page = client.get(reverse("admin:courses_lesson_change", args=[lessons[0].pk])).content.decode()
    assert f"/courses/{course.slug}/lessons/{lessons[0].key}/" in lesson_page


def test_the_status_of_a_translation_shows_on_its_page(staff):
    course, (one, _two, _three) = small_course()
    version = authoring.translate_course(course, "bs")
    LessonFactory(module=one.module, position=9, title="Added later")
    page = client_for(staff).get(reverse("admin:courses_course_change", args=[version.pk])).content.decode()
    assert "Missing" in page
    assert "Added later" in page


def test_the_course_pages_are_refused_without_two_factor_authentication(staff_without_mfa, member):
    course, lessons = small_course()
    for user in (staff_without_mfa, member):
        client = client_for(user)
        for url in admin_pages(course, lessons[0]):
            assert client.get(url).status_code in (302, 403), url


def block_form(lesson, block, body):
    data = {
        "module": lesson.module.pk,
        "position": lesson.position,
        "title": lesson.title,
        "completion_rule": lesson.completion_rule,
        "minimum_minutes": lesson.minimum_minutes,
        "status": lesson.status,
        "blocks-TOTAL_FORMS": "2",
        "blocks-INITIAL_FORMS": "1",
        "blocks-MIN_NUM_FORMS": "0",
        "blocks-MAX_NUM_FORMS": "1000",
    }
    for n, (pk, position, text) in enumerate([(block.pk, 1, body), ("", 2, "<p>A second block</p>")]):
        data.update(
            {
                f"blocks-{n}-id": pk,
                f"blocks-{n}-lesson": lesson.pk,
                f"blocks-{n}-position": position,
                f"blocks-{n}-kind": "text",
                f"blocks-{n}-body": text,
                f"blocks-{n}-embed_url": "",
                f"blocks-{n}-transcript": "",
                f"blocks-{n}-alt_text": "",
                f"blocks-{n}-pass_mark": 70,
            }
        )
    return data


def test_a_lesson_saved_in_the_staff_interface_is_sanitised_and_one_new_revision(staff):
    lesson = LessonFactory()
    block = BlockFactory(lesson=lesson)
    url = reverse("admin:courses_lesson_change", args=[lesson.pk])

    response = client_for(staff).post(
        url, block_form(lesson, block, '<p onclick="x()">Heard</p><script>x()</script>')
    )

    assert response.status_code == 302, response.content.decode()[:3000]
    block.refresh_from_db()
    assert block.body == "<p>Heard</p>"
    assert lesson.blocks.count() == 2
    assert revision_of(lesson) == 2


def test_the_translate_action_makes_a_version_and_the_review_action_reviews(staff):
    course, _lessons = small_course()
    client = client_for(staff)
    response = client.post(
        reverse("admin:courses_course_changelist"),
        {"action": "translate_into", "language": "sq", "_selected_action": [course.pk]},
    )
    assert response.status_code == 302
    version = Course.objects.get(translation_key=course.translation_key, language="sq")
    drafts = Lesson.objects.filter(module__course=version)
    assert drafts.count() == 3

    client.post(
        reverse("admin:courses_lesson_changelist"),
        {"action": "mark_reviewed", "_selected_action": [drafts[0].pk]},
    )
    assert Lesson.objects.get(pk=drafts[0].pk).status == Lesson.Status.REVIEWED


@pytest.fixture
def staff_editor(staff):
    """A staff member (not a superuser) who edits CELCIS's courses."""
    staff.is_superuser = False
    staff.save()
    celcis = OrganisationFactory(slug="celcis", name="CELCIS")
    Membership.objects.create(organisation=celcis, member=staff, role=Membership.Role.EDITOR)
    return staff


def test_staff_who_are_not_superusers_see_only_their_organisations_courses(staff_editor):
    celcis = Membership.objects.get(member=staff_editor).organisation
    theirs, their_lessons = small_course()
    Course.objects.filter(pk=theirs.pk).update(co_issuer=celcis)
    other = CourseFactory(title="Another partners course")
    other_lesson = LessonFactory(module=ModuleFactory(course=other))
    client = client_for(staff_editor)

    listing = client.get(reverse("admin:courses_course_changelist")).content.decode()
    assert reverse("admin:courses_course_change", args=[theirs.pk]) in listing
    assert reverse("admin:courses_course_change", args=[other.pk]) not in listing
    assert client.get(reverse("admin:courses_lesson_change", args=[their_lessons[0].pk])).status_code == 200
    assert client.get(reverse("admin:courses_lesson_change", args=[other_lesson.pk])).status_code == 302
    assert client.get(reverse("admin:courses_course_change", args=[other.pk])).status_code == 302


def test_staff_who_edit_no_organisation_see_no_course(staff):
    staff.is_superuser = False
    staff.save()
    CourseFactory()
    assert client_for(staff).get(reverse("admin:courses_course_changelist")).status_code == 403


def test_reflections_are_not_shown_to_staff(staff):
    from childhub.courses.models import Enrolment, Reflection

    course = CourseFactory()
    enrolment = Enrolment.objects.create(learner=staff, course_key=course.translation_key, language="en")
    reflection = Reflection.objects.create(
        enrolment=enrolment, block_key=course.translation_key, text="my secret"
    )
    client = client_for(staff)
    assert "my secret" not in client.get(reverse("admin:courses_reflection_changelist")).content.decode()
    assert (
        "my secret"
        not in client.get(reverse("admin:courses_reflection_change", args=[reflection.pk])).content.decode()
    )


def test_choice_saved_in_admin_goes_through_authoring(staff):
    choice = ChoiceFactory()
    lesson = choice.question.block.lesson
    url = reverse("admin:courses_choice_change", args=[choice.pk])
    response = client_for(staff).post(
        url,
        {
            "question": choice.question.pk,
            "position": 0,
            "text": "Article 12",
            "correct": "on",
            "match": "",
            "feedback": "",
        },
    )
    assert response.status_code == 302
    assert Choice.objects.get(pk=choice.pk).correct
    assert revision_of(lesson) == 2


def test_a_partner_editor_with_mfa_authors_their_courses_in_the_staff_interface(partner_editor):
    from allauth.mfa.models import Authenticator

    from childhub.accounts.tests.factories import OrganisationFactory
    from childhub.core.tests.fixtures import client_for
    from childhub.courses.tests.factories import CourseFactory

    theirs = CourseFactory(title="Practicing Supervision", issuer=partner_editor.organisations.first())
    other = CourseFactory(title="Somebody else's course", issuer=OrganisationFactory())
    client = client_for(partner_editor)
    without_mfa = client.get("/en/staff/courses/course/")
    assert without_mfa.status_code == 302 and "/2fa/totp/activate/" in without_mfa.url  # set it up first
    Authenticator.objects.create(user=partner_editor, type=Authenticator.Type.TOTP, data={"secret": "x"})
    page = client.get("/en/staff/courses/course/")
    assert page.status_code == 200
    assert theirs.title in page.text and other.title not in page.text
    assert client.get(f"/en/staff/courses/course/{other.pk}/change/").status_code in (302, 404)
    assert client.get("/en/staff/accounts/user/").status_code == 403  # nothing else of the hub
