"""Factories for courses; the demo data builds from these too."""

from __future__ import annotations

import factory

from childhub.accounts.tests.factories import OrganisationFactory
from childhub.courses.models import Block, Choice, Course, Enrolment, Lesson, Module, Question


class CourseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Course
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Supporting children's participation ({n})")
    slug = factory.Sequence(lambda n: f"participation-{n}")
    summary = "How to involve children in decisions that affect them."
    audience = "Social workers, teachers, psychologists"
    language = "en"
    estimated_hours = 6
    issuer = factory.SubFactory(OrganisationFactory)
    status = Course.Status.PUBLISHED


class ModuleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Module
        skip_postgeneration_save = True

    course = factory.SubFactory(CourseFactory)
    position = factory.Sequence(lambda n: n)
    title = factory.Sequence(lambda n: f"Module {n}")
    kind = Module.Kind.FOUNDATION


class LessonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Lesson

    module = factory.SubFactory(ModuleFactory)
    position = factory.Sequence(lambda n: n)
    title = factory.Sequence(lambda n: f"Lesson {n}")
    status = Lesson.Status.REVIEWED


class BlockFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Block

    lesson = factory.SubFactory(LessonFactory)
    position = factory.Sequence(lambda n: n)
    kind = Block.Kind.TEXT
    body = "<p>Children have the right to be heard in every decision that affects them.</p>"


class QuestionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Question

    block = factory.SubFactory(BlockFactory, kind=Block.Kind.QUIZ, body="")
    position = factory.Sequence(lambda n: n)
    kind = Question.Kind.SINGLE
    text = "Which article of the Convention on the Rights of the Child is about being heard?"


class ChoiceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Choice

    question = factory.SubFactory(QuestionFactory)
    position = factory.Sequence(lambda n: n)
    text = factory.Sequence(lambda n: f"Article {n}")
    correct = False


class EnrolmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Enrolment

    course_key = factory.LazyAttribute(lambda o: CourseFactory().translation_key)
    language = "en"
