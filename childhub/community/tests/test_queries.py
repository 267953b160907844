"""Reads of the community checked against what the ORM says they must return."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db.models import IntegerField, Q, Sum, Value
from django.db.models.functions import Coalesce
from django.utils import timezone

from childhub.accounts.tests.factories import ProfileFactory
from childhub.community import queries
from childhub.community.models import Contribution, Follow, Vote
from childhub.community.tests.factories import AnswerFactory, PostFactory, QuestionFactory
from childhub.core.models import Topic

pytestmark = pytest.mark.django_db


def _expected(root: Contribution, viewer) -> list[tuple[int, int]]:
    visible = Q(status=Contribution.Status.PUBLISHED)
    if viewer.is_authenticated:
        visible |= Q(author=viewer, status=Contribution.Status.HELD)
    rows = list(
        root.children.filter(visible)
        .annotate(score=Coalesce(Sum("votes__value"), Value(0), output_field=IntegerField()))
        .order_by("created_at", "pk")
        .values_list("pk", "score", "created_at")
    )
    if root.kind == Contribution.Kind.QUESTION:
        rows.sort(key=lambda r: (r[0] != root.accepted_answer_id, -r[1], r[2]))
    return [(pk, score) for pk, score, _created in rows]


@pytest.mark.parametrize("factory", [QuestionFactory, PostFactory])
def test_a_threads_stamps_are_the_visible_replies_in_order_with_their_scores(factory):
    root = factory()
    viewer = ProfileFactory().user
    voters = [ProfileFactory().user for _ in range(3)]
    start = timezone.now() - timedelta(days=1)
    kind = Contribution.Kind.ANSWER if root.kind == Contribution.Kind.QUESTION else Contribution.Kind.COMMENT
    replies = [
        AnswerFactory(parent=root, kind=kind, created_at=start + timedelta(minutes=n)) for n in range(6)
    ]
    held_own = AnswerFactory(parent=root, kind=kind, author=viewer, status=Contribution.Status.HELD)
    held_other = AnswerFactory(parent=root, kind=kind, status=Contribution.Status.HELD)
    AnswerFactory(parent=root, kind=kind, status=Contribution.Status.HIDDEN)
    for voter in voters:  # scores 3, 1, -2 and ties at 0
        Vote.objects.create(answer=replies[4], voter=voter, value=1)
    Vote.objects.create(answer=replies[2], voter=voters[0], value=1)
    Vote.objects.create(answer=replies[1], voter=voters[0], value=-1)
    Vote.objects.create(answer=replies[1], voter=voters[1], value=-1)
    root.accepted_answer = replies[3]
    root.save()

    for who in (viewer, AnonymousUser()):
        stamps = queries.thread(root, who)
        assert [(s.pk, s.score) for s in stamps] == _expected(root, who)
    own = {s.pk for s in queries.thread(root, viewer)}
    assert held_own.pk in own and held_other.pk not in own
    assert held_own.pk not in {s.pk for s in queries.thread(root, AnonymousUser())}
    if root.kind == Contribution.Kind.QUESTION:
        assert queries.thread(root, viewer)[0].pk == replies[3].pk


def test_a_stamp_changes_when_its_reply_is_edited():
    answer = AnswerFactory()
    before = queries.thread(answer.parent, AnonymousUser())[0]
    answer.body = "Edited"
    answer.save()
    after = queries.thread(answer.parent, AnonymousUser())[0]
    assert before.updated_at != after.updated_at and " " not in after.updated_at


@pytest.mark.parametrize("anonymous", [False, True])
def test_follows_says_whether_the_viewer_follows_the_thread_and_its_named_author(anonymous):
    root = QuestionFactory(is_anonymous=anonymous)
    viewer, stranger = ProfileFactory().user, ProfileFactory().user
    other_thread = QuestionFactory(author=root.author)
    Follow.objects.create(member=stranger, thread=root)
    Follow.objects.create(member=stranger, followed=root.author)
    Follow.objects.create(member=viewer, thread=other_thread)
    assert queries.follows(viewer, root) == (False, False)
    assert queries.follows(AnonymousUser(), root) == (False, False)

    Follow.objects.create(member=viewer, followed=root.author)
    assert queries.follows(viewer, root) == (False, not anonymous)
    Follow.objects.create(member=viewer, thread=root)
    assert queries.follows(viewer, root) == (True, not anonymous)
    assert queries.follows(stranger, root) == (True, not anonymous)


def test_followers_are_the_members_behind_the_follows_once_each_in_two_reads(django_assert_num_queries):
    topics = list(Topic.objects.order_by("pk")[:2])
    both, one, stranger = ProfileFactory().user, ProfileFactory().user, ProfileFactory().user
    for topic in topics:
        Follow.objects.create(member=both, topic=topic)
    Follow.objects.create(member=one, topic=topics[0])
    Follow.objects.create(member=stranger, thread=QuestionFactory())
    with django_assert_num_queries(2):
        found = queries.followers(Follow.objects.filter(topic__in=topics))
        assert [m.profile.pk for m in found] == [both.profile.pk, one.profile.pk]  # profiles read with them
    with django_assert_num_queries(1):
        assert queries.followers(Follow.objects.filter(topic=None, thread=None)) == []
