"""Community actions, called directly: publishing, holding, history, votes, flags, moderation."""

from __future__ import annotations

from datetime import timedelta

import pytest
import time_machine
from django.core import mail
from django.utils import timezone

from childhub.community import actions
from childhub.community.models import (
    CaseDetails,
    Contribution,
    Flag,
    ModerationDecision,
    SafeguardingLead,
    Vote,
)
from childhub.community.tests.factories import AnswerFactory, CaseFactory, QuestionFactory
from childhub.search import backends as search

pytestmark = pytest.mark.django_db


def _ask(author, **kwargs):
    fields = {
        "kind": Contribution.Kind.QUESTION,
        "title": "How to talk with a child after a disclosure?",
        "body": "What do you say first?",
        "language": "en",
        "country": "BA",
    }
    fields.update(kwargs)
    return actions.contribute(author=author, **fields)


def test_a_verified_professional_publishes_at_once(verified_member):
    assert _ask(verified_member).status == Contribution.Status.PUBLISHED


def test_a_new_members_first_contributions_wait_for_a_moderator(member):
    first = _ask(member)
    assert first.status == Contribution.Status.HELD
    assert first.guard_kinds == []


def test_a_member_with_three_published_contributions_is_no_longer_premoderated(member):
    QuestionFactory.create_batch(actions.PRE_MODERATED_FIRST, author=member)
    assert _ask(member).status == Contribution.Status.PUBLISHED


def test_publishing_despite_the_guard_holds_the_text_with_the_kinds_overridden(verified_member):
    held = _ask(verified_member, overridden=["name", "email", "name"], hold_reason="It is a fictional name.")
    assert held.status == Contribution.Status.HELD
    assert held.guard_kinds == ["email", "name"]
    assert held.hold_reason == "It is a fictional name."


def test_an_expert_answer_is_marked_as_by_an_expert(expert, verified_member):
    question = _ask(verified_member)
    answer = actions.contribute(
        author=expert, kind=Contribution.Kind.ANSWER, parent=question, body="Listen first.", language="en"
    )
    assert answer.by_expert


def test_anonymity_is_kept_only_for_questions_and_cases(verified_member):
    question = _ask(verified_member, is_anonymous=True)
    post = _ask(verified_member, kind=Contribution.Kind.POST, is_anonymous=True)
    assert question.is_anonymous and not post.is_anonymous


def test_editing_keeps_the_earlier_text_in_the_history(verified_member):
    question = _ask(verified_member)
    actions.edit_contribution(
        contribution=question, editor=verified_member, title="New title here", body="New body"
    )
    question.refresh_from_db()
    assert question.body == "New body"
    revision = question.revisions.get()
    assert revision.body == "What do you say first?"
    assert not ModerationDecision.objects.exists()


def test_a_moderators_edit_is_logged_without_the_text(verified_member, moderator):
    question = _ask(verified_member)
    actions.edit_contribution(contribution=question, editor=moderator, title=question.title, body="Shorter.")
    decision = ModerationDecision.objects.get()
    assert decision.action == ModerationDecision.Action.EDIT
    assert "Shorter" not in decision.reason


def test_voting_twice_the_same_way_takes_the_vote_back(member):
    answer = AnswerFactory()
    actions.vote(answer=answer, voter=member, value=1)
    actions.vote(answer=answer, voter=member, value=-1)
    assert Vote.objects.get().value == -1
    actions.vote(answer=answer, voter=member, value=-1)
    assert not Vote.objects.exists()


def test_accept_answer_marks_and_unmarks(verified_member):
    answer = AnswerFactory(parent=QuestionFactory(author=verified_member))
    question = actions.accept_answer(question=answer.parent, answer=answer)
    assert question.accepted_answer == answer
    assert actions.accept_answer(question=question, answer=None).accepted_answer is None


def test_a_child_at_risk_flag_alerts_the_countrys_lead_and_staff_at_once(
    member, other_member, staff, django_capture_on_commit_callbacks
):
    SafeguardingLead.objects.create(country="BA", member=other_member)
    question = QuestionFactory(country="BA")
    with django_capture_on_commit_callbacks(execute=True):
        actions.flag(contribution=question, reporter=member, reason=Flag.Reason.AT_RISK, note="Tonight")
    recipients = sorted(address for message in mail.outbox for address in message.to)
    assert recipients == sorted([other_member.email, staff.email])
    assert "risk" in mail.outbox[0].subject.lower()


def test_an_ordinary_flag_alerts_nobody_by_email(member, staff, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        actions.flag(contribution=QuestionFactory(), reporter=member, reason=Flag.Reason.SPAM)
    assert mail.outbox == []


def test_moderating_logs_the_decision_and_resolves_the_flags(member, moderator):
    question = QuestionFactory()
    actions.flag(contribution=question, reporter=member, reason=Flag.Reason.INAPPROPRIATE)
    actions.moderate(contribution=question, moderator=moderator, action="hide", reason="Off topic")
    question.refresh_from_db()
    assert question.status == Contribution.Status.HIDDEN
    assert ModerationDecision.objects.get().action == "hide"
    assert Flag.objects.get().resolved_at is not None


def test_rejecting_tells_the_author_in_their_language(member, moderator, django_capture_on_commit_callbacks):
    member.language = "bg"
    member.save()
    question = _ask(member)
    with django_capture_on_commit_callbacks(execute=True):
        actions.moderate(contribution=question, moderator=moderator, action="reject", reason="Names a child")
    assert mail.outbox[0].to == [member.email]
    assert "Names a child" in mail.outbox[0].body


def test_the_moderation_log_is_append_only(moderator):
    decision = ModerationDecision.objects.create(
        contribution_id_ref=1, moderator=moderator, action="hide", reason="x"
    )
    with pytest.raises(ValueError):
        decision.save()
    with pytest.raises(ValueError):
        decision.delete()


def test_case_details_are_redacted_to_the_summary_after_the_retention_period(verified_member):
    case = CaseFactory(author=verified_member)
    AnswerFactory(parent=case, body="In my experience the aunt should be heard first.")
    with time_machine.travel(timezone.now() + timedelta(days=729)):
        assert actions.redact_expired_cases() == 0
    with time_machine.travel(timezone.now() + timedelta(days=731)):
        assert actions.redact_expired_cases() == 1
    case.refresh_from_db()
    details = CaseDetails.objects.get(case=case)
    assert case.body == details.summary
    assert details.family_situation == details.what_was_done == details.region == ""
    assert details.redacted_at is not None
    assert "aunt" not in case.children.get().body


def test_published_questions_are_found_by_search_and_cases_never(
    verified_member, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        question = _ask(verified_member, title="Supervision of foster carers", body="How often do you visit?")
        actions.contribute(
            author=verified_member,
            kind=Contribution.Kind.CASE,
            title="Supervision of a placement",
            body="Foster carers ask for supervision.",
            language="en",
        )
    hits = search.search("supervision", kinds=[actions.SEARCH_KIND], access_levels={"public"}, limit=10).hits
    assert [hit.object_id for hit in hits] == [question.pk]


def test_hiding_a_question_removes_it_from_search(
    verified_member, moderator, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        question = _ask(verified_member, title="Burnout in small teams", body="How do you cope?")
    with django_capture_on_commit_callbacks(execute=True):
        actions.moderate(contribution=question, moderator=moderator, action="hide", reason="Duplicate")
    assert (
        search.search("burnout", kinds=[actions.SEARCH_KIND], access_levels={"public"}, limit=10).hits == []
    )


def test_housekeeping_escalates_and_redacts(staff):
    from io import StringIO

    from django.core.management import call_command

    QuestionFactory(country="", created_at=timezone.now() - timedelta(days=5))
    CaseFactory()
    out = StringIO()
    with time_machine.travel(timezone.now() + timedelta(days=731)):
        call_command("community_housekeeping", stdout=out)
    assert "1 question(s) escalated" in out.getvalue()
    assert "1 case discussion(s) redacted" in out.getvalue()


def test_staff_set_the_retention_period_of_case_details(verified_member):
    from childhub.core.models import HubSetting

    HubSetting.objects.create(key=HubSetting.Key.CASE_RETENTION_MONTHS, value=6)
    case = _ask(
        verified_member,
        kind=Contribution.Kind.CASE,
        case=actions.CaseFields(
            age_band="6-9",
            gender="",
            region="north",
            family_situation="x",
            services_involved="",
            what_was_done="y",
            summary="z",
        ),
    )
    kept = case.case_details.expires_at - case.created_at
    assert timedelta(days=180) < kept < timedelta(days=186)
