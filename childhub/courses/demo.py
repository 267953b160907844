"""Demo courses: the seed's three free courses with their real module structure (Participation: three
foundation and six practice modules, one per group of children; Supervision, co-issued by CELCIS who
approve each certificate; Multidisciplinary teams, adapted from Tdh Albania's e-course), written in
English and translated into Bosnian, Albanian and Bulgarian (some lessons reviewed, drafts, one
outdated, one missing); demo learners at every stage, and four completed with their certificates.

Safe to run again: courses are found by slug and language, enrolments by learner and course."""

from __future__ import annotations

import random
import uuid
from dataclasses import dataclass, field
from datetime import timedelta
from decimal import Decimal
from typing import Any

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from childhub.accounts.models import Organisation
from childhub.core.models import Topic
from childhub.records.models import Certificate

from . import authoring, certificates
from .models import (
    Block,
    Choice,
    Course,
    Enrolment,
    Lesson,
    LessonProgress,
    Module,
    Question,
    QuizAttempt,
    Reflection,
)
from .tests.factories import CourseFactory, ModuleFactory

S, MULTI, TF, MATCH, SHORT = (
    Question.Kind.SINGLE,
    Question.Kind.MULTIPLE,
    Question.Kind.TRUE_FALSE,
    Question.Kind.MATCHING,
    Question.Kind.SHORT_TEXT,
)
FOUNDATION, PRACTICE = Module.Kind.FOUNDATION, Module.Kind.PRACTICE


@dataclass(frozen=True)
class Q:
    """A quiz question. ``choices``: (answer, correct, feedback); for matching, (left, right, "")."""

    kind: str
    text: str
    choices: tuple[tuple[str, Any, str], ...] = ()
    accepted: str = ""
    right: str = ""
    wrong: str = ""


@dataclass(frozen=True)
class L:
    title: str
    text: str
    reflection: str = ""
    video: tuple[str, str] | None = None  # (embed address, transcript)
    quiz: tuple[Q, ...] = ()


@dataclass(frozen=True)
class M:
    title: str
    summary: str
    lessons: tuple[L, ...]
    kind: str = FOUNDATION
    group: str = ""


@dataclass(frozen=True)
class C:
    slug: str
    title: str
    summary: str
    audience: str
    level: str
    hours: str
    issuer: str
    co_issuer: str | None
    co_issuer_approves: bool
    issuer_signatory: str
    co_issuer_signatory: str
    authors: str
    licence: str
    adapted_from: str
    adaptation_notes: str
    topics: tuple[str, ...]
    modules: tuple[M, ...]
    practice_needs_foundation: bool = False


# --- Supporting Children's Participation -------------------------------------------------------------

PARTICIPATION = C(
    slug="supporting-childrens-participation",
    title="Supporting Children's Participation",
    summary=(
        "For child protection professionals who want to help children take part in the decisions that "
        "affect them. Three foundation modules explain what participation is, the child's right to be "
        "heard and the skills it takes; six practice modules each look at one group of children and what "
        "helps them participate."
    ),
    audience="All child protection professionals: social workers, psychologists, teachers, police, judges, NGO staff",
    level=Course.Level.INTRODUCTORY,
    hours="12",
    issuer="celcis",
    co_issuer="tdh-regional-office",
    co_issuer_approves=False,
    issuer_signatory="Dr Fiona MacLeod, Head of Learning",
    co_issuer_signatory="Katalin Nagy, ChildHub Programme Manager",
    authors="CELCIS, University of Strathclyde, with ChildHub partners",
    licence="CC BY-NC-SA 4.0",
    adapted_from="",
    adaptation_notes="",
    topics=(
        "child-participation",
        "children-with-disabilities",
        "roma-children",
        "juvenile-justice",
        "alternative-care",
    ),
    practice_needs_foundation=True,
    modules=(
        M(
            "What participation means",
            "Participation as a process, not an event; what it looks like in everyday practice.",
            (
                L(
                    "Participation in everyday decisions",
                    "<h2>More than asking a question</h2>"
                    "<p>Participation means that children are <strong>informed</strong>, <strong>listened to</strong> "
                    "and that their views <strong>make a difference</strong> to decisions about them. It is a process "
                    "that runs through the whole of our work with a child, not a single consultation before a meeting.</p>"
                    "<p>Most decisions that shape a child's life are small and daily: where they sit in a meeting, who is "
                    "told what, when a visit happens. Each is a chance to let the child take part.</p>"
                    "<ul><li>Explain what will happen and why, in words the child uses.</li>"
                    "<li>Ask what the child thinks, and give time to answer.</li>"
                    "<li>Tell the child afterwards what was decided and how their view counted.</li></ul>",
                    reflection="Think of the last decision you took about a child. At which moments could the child have taken part?",
                ),
                L(
                    "Models of participation",
                    "<h2>Ladders and spaces</h2>"
                    "<p>Roger Hart's <em>ladder of participation</em> separates real participation from manipulation, "
                    "decoration and tokenism. It reminds us that children being present is not the same as children "
                    "having influence.</p>"
                    "<p>Laura Lundy's model names four things a child needs: <strong>space</strong> (a safe "
                    "opportunity to speak), <strong>voice</strong> (help to express a view), <strong>audience</strong> "
                    "(someone who listens and can act) and <strong>influence</strong> (the view is acted upon as "
                    "appropriate).</p>"
                    '<table><caption>Lundy\'s four elements</caption><thead><tr><th scope="col">Element</th>'
                    '<th scope="col">Question to ask yourself</th></tr></thead><tbody>'
                    "<tr><td>Space</td><td>Is the child safe and comfortable to speak?</td></tr>"
                    "<tr><td>Voice</td><td>Does the child have what they need to form and share a view?</td></tr>"
                    "<tr><td>Audience</td><td>Who hears the view, and can they act on it?</td></tr>"
                    "<tr><td>Influence</td><td>Was the view taken seriously, and was the child told?</td></tr>"
                    "</tbody></table>",
                    quiz=(
                        Q(
                            S,
                            "Children sing at a conference but had no say in the programme. Which rung of Hart's ladder is this?",
                            (
                                (
                                    "Decoration",
                                    True,
                                    "Yes: the children are used to support a cause they did not shape.",
                                ),
                                (
                                    "Child-initiated, shared decisions with adults",
                                    False,
                                    "No: the children decided nothing here.",
                                ),
                                (
                                    "Consulted and informed",
                                    False,
                                    "Not quite: nobody asked the children's views.",
                                ),
                            ),
                            right="Being present is not the same as having influence.",
                            wrong="Look again at the lower rungs of the ladder.",
                        ),
                        Q(
                            TF,
                            "In Lundy's model, a child's view must always decide the outcome.",
                            (
                                ("True", False, "The view must be given due weight, not always followed."),
                                (
                                    "False",
                                    True,
                                    "Right: influence means due weight, and telling the child how it counted.",
                                ),
                            ),
                        ),
                    ),
                ),
            ),
        ),
        M(
            "The child's right to be heard",
            "Article 12 of the UN Convention on the Rights of the Child and what it asks of professionals.",
            (
                L(
                    "Article 12 of the Convention",
                    "<h2>A right, not a favour</h2>"
                    "<blockquote>States Parties shall assure to the child who is capable of forming his or her own views "
                    "the right to express those views freely in all matters affecting the child, the views of the child "
                    "being given due weight in accordance with the age and maturity of the child.</blockquote>"
                    "<p>Article 12 applies to <em>all matters</em> affecting the child, including judicial and "
                    "administrative proceedings. The UN Committee on the Rights of the Child stresses in its General "
                    "Comment No. 12 that there is no minimum age: even very young children form views and express them "
                    "in many ways, through play, drawing and behaviour.</p>",
                ),
                L(
                    "Nine basic requirements",
                    "<h2>What makes participation ethical</h2>"
                    "<p>General Comment No. 12 sets out nine requirements. Participation should be:</p>"
                    "<ol><li>transparent and informative</li><li>voluntary</li><li>respectful</li><li>relevant</li>"
                    "<li>child-friendly</li><li>inclusive</li><li>supported by training</li><li>safe and sensitive to risk</li>"
                    "<li>accountable</li></ol>"
                    "<p>Accountability is the requirement most often forgotten: children should hear back what happened "
                    "to their views.</p>",
                    quiz=(
                        Q(
                            MATCH,
                            "Match each requirement with what it means in practice.",
                            (
                                ("Voluntary", "The child may refuse or stop at any time.", ""),
                                (
                                    "Transparent and informative",
                                    "The child knows why they are asked and what will happen.",
                                    "",
                                ),
                                ("Accountable", "The child is told how their views were used.", ""),
                                (
                                    "Safe and sensitive to risk",
                                    "Speaking up does not put the child in danger.",
                                    "",
                                ),
                            ),
                            right="Well done: these four carry the most weight in child protection work.",
                            wrong="Read the list of nine requirements again.",
                        ),
                        Q(
                            SHORT,
                            "Which article of the Convention on the Rights of the Child gives children the right to be heard? (a number)",
                            accepted="12\nArticle 12\nart. 12",
                            right="Yes, Article 12.",
                            wrong="It is Article 12.",
                        ),
                    ),
                ),
            ),
        ),
        M(
            "Skills for participation",
            "Listening, explaining and creating safe spaces where children can speak.",
            (
                L(
                    "Listening and explaining",
                    "<h2>Listening well</h2>"
                    "<p>Children judge quickly whether an adult really wants to hear them. Sit at their level, put away "
                    "the file, and let silences be. Reflect back what you heard: <q>So you would like to see your brother "
                    "more often?</q></p>"
                    "<p>Explain decisions in plain words and check understanding by asking the child to tell it back in "
                    "their own words, not by asking <q>Do you understand?</q></p>",
                    reflection="Which words or habits of your profession might stop a child from speaking freely?",
                ),
                L(
                    "Creating safe spaces",
                    "<h2>Safe to speak</h2>"
                    "<p>A safe space is physical (a quiet room, not a corridor), relational (a trusted adult present if "
                    "the child wishes) and procedural (the child knows who will hear what they say).</p>"
                    "<p>Never promise total secrecy: explain what you must share to keep the child safe.</p>",
                    quiz=(
                        Q(
                            MULTI,
                            "Which of these help a child feel safe to speak? Choose all that apply.",
                            (
                                (
                                    "A quiet room the child chose",
                                    True,
                                    "Yes: choice gives the child some control.",
                                ),
                                (
                                    "Promising that you will tell nobody",
                                    False,
                                    "No: a promise you cannot keep breaks trust.",
                                ),
                                (
                                    "Explaining who will hear what they say",
                                    True,
                                    "Yes: that is being transparent.",
                                ),
                                (
                                    "A trusted adult present, if the child wishes",
                                    True,
                                    "Yes, when the child wants it.",
                                ),
                            ),
                        ),
                    ),
                ),
            ),
        ),
        M(
            "Children in conflict with the law",
            "Participation in police, court and diversion procedures.",
            (
                L(
                    "Heard in justice procedures",
                    "<h2>Child-friendly justice</h2>"
                    "<p>Children in conflict with the law are often spoken about, rarely spoken with. The Council of "
                    "Europe Guidelines on child-friendly justice ask that children be informed of their rights, have a "
                    "lawyer and be heard in every procedure that concerns them.</p>"
                    "<p>Diversion and restorative programmes give the child an active part: understanding the harm, "
                    "and proposing how to repair it.</p>",
                ),
                L(
                    "Practice: preparing a child for a hearing",
                    "<p>Before a hearing, explain who will be in the room, what each person does and what may happen "
                    "next. Visit the court room beforehand if possible. Afterwards, go through the decision with the child.</p>",
                    quiz=(
                        Q(
                            TF,
                            "A child in conflict with the law should be told about the hearing only on the day, so as not to worry.",
                            (
                                (
                                    "True",
                                    False,
                                    "Not knowing worries children more; preparation is part of participation.",
                                ),
                                ("False", True, "Right: children need time to understand and prepare."),
                            ),
                        ),
                    ),
                ),
            ),
            kind=PRACTICE,
            group="Children in conflict with the law",
        ),
        M(
            "Children with disabilities",
            "Communication that fits the child, and support to express views.",
            (
                L(
                    "Every child communicates",
                    "<h2>Finding the child's way</h2>"
                    "<p>Children with disabilities are among the least consulted. Every child communicates: with words, "
                    "signs, pictures, eye-gaze or behaviour. Ask people who know the child well how they show yes, no, "
                    "like and dislike.</p>"
                    "<p>Augmentative and alternative communication (AAC) tools, easy-read documents and enough time are "
                    "reasonable adjustments, not extras.</p>",
                ),
                L(
                    "Practice: a review meeting",
                    "<p>Plan the meeting around the child: short, in a familiar place, with the communication aids they "
                    "use. Record the child's views in their own form, for example photographs of what they chose.</p>",
                    quiz=(
                        Q(
                            S,
                            "A boy who does not use speech is to be asked about his new school. What comes first?",
                            (
                                (
                                    "Ask his parents and teachers how he communicates",
                                    True,
                                    "Yes: start from how he expresses himself.",
                                ),
                                (
                                    "Decide for him, as he cannot give a view",
                                    False,
                                    "No: every child can express a view in some way.",
                                ),
                                (
                                    "Give him a written questionnaire",
                                    False,
                                    "Not unless that is how he communicates.",
                                ),
                            ),
                        ),
                    ),
                ),
            ),
            kind=PRACTICE,
            group="Children with disabilities",
        ),
        M(
            "Children in care",
            "Participation in care planning, placement decisions and reviews.",
            (
                L(
                    "Decisions about care",
                    "<h2>Whose plan is it?</h2>"
                    "<p>Children in foster, kinship or residential care have many decisions made about them by many "
                    "adults. They tell us they want to know why they are in care, to have a say about contact with their "
                    "families, and to keep the same worker for as long as possible.</p>"
                    "<p>The care plan should record the child's views and how they were taken into account.</p>",
                    reflection="How does your service tell children in care what happened with their views?",
                ),
                L(
                    "Practice: the care review",
                    "<p>Ask the child beforehand whom they want at the review, what they want to talk about and whether "
                    "they want to speak themselves or through someone else. Share the minutes with the child in words they understand.</p>",
                    quiz=(
                        Q(
                            MULTI,
                            "What do children in care most often ask for? Choose all that apply.",
                            (
                                (
                                    "To know why they are in care",
                                    True,
                                    "Yes: children want honest explanations.",
                                ),
                                ("A say about contact with their family", True, "Yes."),
                                (
                                    "Frequent changes of social worker",
                                    False,
                                    "No: children ask for stable relationships.",
                                ),
                            ),
                        ),
                    ),
                ),
            ),
            kind=PRACTICE,
            group="Children in care",
        ),
        M(
            "Roma children",
            "Discrimination, trust and participation of Roma children and their communities.",
            (
                L(
                    "Trust and discrimination",
                    "<h2>Starting from trust</h2>"
                    "<p>Many Roma families have experienced discrimination from services, and may expect it again. "
                    "Participation of Roma children starts with building trust with the child, the family and the "
                    "community, often through Roma mediators.</p>"
                    "<p>Ask about the child's language, and offer to work in it where possible.</p>",
                ),
                L(
                    "Practice: school and community",
                    "<p>Roma children tell us that they want to be asked, not spoken for, about school. Children's "
                    "councils that include Roma pupils, and youth groups led by Roma young people, help their voices reach "
                    "decision makers.</p>",
                    quiz=(
                        Q(
                            S,
                            "Who can best help a service build trust with a Roma community?",
                            (
                                (
                                    "A Roma mediator known to the community",
                                    True,
                                    "Yes: mediators bridge services and families.",
                                ),
                                ("The police", False, "The police may be part of the distrust."),
                                (
                                    "Nobody: it is the family's task",
                                    False,
                                    "Trust is the service's task too.",
                                ),
                            ),
                        ),
                    ),
                ),
            ),
            kind=PRACTICE,
            group="Roma children",
        ),
        M(
            "Children on the move",
            "Unaccompanied and separated children, migrant and refugee children.",
            (
                L(
                    "Information in the child's language",
                    "<h2>First, understand</h2>"
                    "<p>Children on the move need information about their rights and about procedures in a language and "
                    "form they understand, with a qualified interpreter. A guardian should be appointed quickly for "
                    "unaccompanied children.</p>"
                    "<p>Ask about the child's plans and hopes: decisions about their best interests depend on them.</p>",
                ),
                L(
                    "Practice: the best-interests assessment",
                    "<p>A best-interests assessment records the child's own views as a separate part, in their words. "
                    "Explain that speaking to you does not decide the asylum claim.</p>",
                    quiz=(
                        Q(
                            TF,
                            "An unaccompanied child's views are part of the assessment of their best interests.",
                            (
                                (
                                    "True",
                                    True,
                                    "Yes: the child's views are a required element of the assessment.",
                                ),
                                (
                                    "False",
                                    False,
                                    "They are: the best interests cannot be judged without them.",
                                ),
                            ),
                        ),
                    ),
                ),
            ),
            kind=PRACTICE,
            group="Children on the move",
        ),
        M(
            "Children who have experienced violence",
            "Participation that does not harm: trauma, safety and choice.",
            (
                L(
                    "Participation without harm",
                    "<h2>Choice and control</h2>"
                    "<p>Violence takes control away from a child. Participation can give some back: choices about where "
                    "and when to talk, who is present and when to stop.</p>"
                    "<p>Do not ask a child to repeat their account to many professionals: agree who will hear it, and "
                    "share it safely.</p>",
                ),
                L(
                    "Practice: one interview, many listeners",
                    "<p>Child-friendly interview rooms (Barnahus) let one trained interviewer speak with the child while "
                    "police, prosecutors and social workers follow from another room.</p>",
                    quiz=(
                        Q(
                            SHORT,
                            "Name the Nordic model where one interview of the child serves police, courts and services.",
                            accepted="Barnahus\nBarnahuset\nchildren's house",
                            right="Yes, Barnahus: the children's house.",
                            wrong="It is Barnahus, the children's house.",
                        ),
                    ),
                ),
            ),
            kind=PRACTICE,
            group="Children who have experienced violence",
        ),
    ),
)

# --- Practicing Supervision in Child Protection and Care Agencies --------------------------------------

SUPERVISION = C(
    slug="practicing-supervision",
    title="Practicing Supervision in Child Protection and Care Agencies",
    summary=(
        "For experienced professionals who oversee, or are about to oversee, the work of other staff: what "
        "supervision is, how it shapes practice, a working model of supervision, and the tools to set up and "
        "keep a supervision system in your agency. Completing it earns a certificate from CELCIS."
    ),
    audience="Experienced child protection professionals with responsibility for other staff",
    level=Course.Level.ADVANCED,
    hours="10",
    issuer="tdh-regional-office",
    co_issuer="celcis",
    co_issuer_approves=True,
    issuer_signatory="Katalin Nagy, ChildHub Programme Manager",
    co_issuer_signatory="Dr Fiona MacLeod, Head of Learning",
    authors="CELCIS, University of Strathclyde",
    licence="CC BY-NC-SA 4.0",
    adapted_from="",
    adaptation_notes="",
    topics=("supervision", "professional-wellbeing"),
    modules=(
        M(
            "What we mean by supervision",
            "Definitions, purposes and the functions of supervision.",
            (
                L(
                    "Supervision: a definition",
                    "<h2>A regular, planned conversation</h2>"
                    "<p>Supervision is a regular, planned and accountable process in which a supervisor helps a "
                    "practitioner reflect on their work, so that children and families receive a better service.</p>"
                    "<p>It is not only checking cases. It supports the worker, develops their skills and connects them "
                    "with the agency's purpose.</p>",
                    video=(
                        "https://www.youtube-nocookie.com/embed/childhub-demo-supervision",
                        "Narrator: In child protection, decisions are hard and their effects are lasting. "
                        "Supervision is where practitioners stop, think and plan. In this short film, three supervisors "
                        "describe what a good supervision session looks like: it starts with the agenda agreed together, "
                        "moves through the cases that worry the practitioner most, and ends with clear actions recorded.",
                    ),
                ),
                L(
                    "The four functions",
                    "<h2>Four functions</h2>"
                    "<p>Supervision serves four functions, which a good session balances:</p>"
                    "<dl><dt>Management</dt><dd>quality of practice, accountability, following procedures</dd>"
                    "<dt>Development</dt><dd>learning, skills and professional growth</dd>"
                    "<dt>Support</dt><dd>the emotional impact of the work on the practitioner</dd>"
                    "<dt>Mediation</dt><dd>linking the practitioner with the agency and other services</dd></dl>",
                    quiz=(
                        Q(
                            S,
                            "Which function of supervision deals with the emotional impact of the work?",
                            (
                                ("Support", True, "Yes."),
                                (
                                    "Management",
                                    False,
                                    "Management is about the quality and accountability of practice.",
                                ),
                                (
                                    "Mediation",
                                    False,
                                    "Mediation links the worker with the agency and other services.",
                                ),
                            ),
                        ),
                        Q(
                            TF,
                            "Supervision is mainly about checking that case files are complete.",
                            (
                                ("True", False, "That is only part of the management function."),
                                ("False", True, "Right: supervision also develops, supports and mediates."),
                            ),
                        ),
                    ),
                ),
            ),
        ),
        M(
            "How supervision shapes practice",
            "From the supervision room to the child: the chain of impact.",
            (
                L(
                    "The chain of impact",
                    "<h2>From supervisor to child</h2>"
                    "<p>Good supervision helps the practitioner think clearly under pressure. Clearer thinking leads to "
                    "better assessments and plans, and these to better outcomes for children. Poor supervision breaks "
                    "the chain: anxiety goes unspoken, and decisions are rushed or avoided.</p>",
                    reflection="Recall a supervision session that changed what you did for a child. What made it work?",
                ),
                L(
                    "Burnout and resilience",
                    "<p>Child protection workers carry stories of harm. Supervision that makes room for feelings reduces "
                    "burnout and turnover, and keeps experienced staff with children who need stable relationships.</p>",
                    quiz=(
                        Q(
                            MULTI,
                            "Which are signs that supervision is not working? Choose all that apply.",
                            (
                                (
                                    "Sessions are often cancelled",
                                    True,
                                    "Yes: regularity is part of supervision.",
                                ),
                                (
                                    "The practitioner brings their own agenda",
                                    False,
                                    "That is a sign of good supervision.",
                                ),
                                (
                                    "Only deadlines are discussed",
                                    True,
                                    "Yes: the other functions are missing.",
                                ),
                                ("Actions are agreed and recorded", False, "That is good practice."),
                            ),
                        ),
                    ),
                ),
            ),
        ),
        M(
            "A working model of supervision",
            "The 4×4×4 model: four functions, four stakeholders, four steps of the learning cycle.",
            (
                L(
                    "The 4×4×4 model",
                    "<h2>Functions, stakeholders, cycle</h2>"
                    "<p>The 4×4×4 model (Morrison; Wonnacott) brings together the <strong>four functions</strong> of "
                    "supervision, its <strong>four stakeholders</strong> (children and families, staff, the agency, "
                    "partner agencies) and the <strong>four steps</strong> of the reflective learning cycle.</p>",
                ),
                L(
                    "The reflective cycle",
                    "<p>In each case discussion, move through the cycle: what happened (<em>experience</em>), what it "
                    "felt like (<em>reflection</em>), what it means (<em>analysis</em>) and what to do next "
                    "(<em>action plans</em>). Supervisors often jump from experience to action: the middle steps are "
                    "where judgement improves.</p>",
                    quiz=(
                        Q(
                            MATCH,
                            "Match each step of the cycle with a question a supervisor might ask.",
                            (
                                ("Experience", "What happened at the home visit?", ""),
                                ("Reflection", "How did you feel when the father raised his voice?", ""),
                                ("Analysis", "What might explain the change in the child's behaviour?", ""),
                                ("Action plans", "What will you do before the next visit?", ""),
                            ),
                            right="Yes: a question for each step keeps the conversation from jumping to action.",
                            wrong="Try again: feelings come before meaning, meaning before plans.",
                        ),
                    ),
                ),
            ),
        ),
        M(
            "Building a supervision system",
            "Policy, agreements, records and training: making supervision last in your agency.",
            (
                L(
                    "Policy and agreements",
                    "<h2>Written down, so it lasts</h2>"
                    "<p>A supervision policy states how often supervision happens, who supervises whom, how sessions are "
                    "recorded and what happens if they are missed. Each supervisor and practitioner signs a "
                    "<strong>supervision agreement</strong> that makes expectations clear on both sides.</p>",
                ),
                L(
                    "Keeping the system alive",
                    "<p>Train supervisors, supervise the supervisors, and review the system every year with staff. Audit "
                    "a sample of supervision records against the policy.</p>",
                    reflection="What is the first step your agency would need to take towards a supervision system?",
                    quiz=(
                        Q(
                            SHORT,
                            "What is the document called that a supervisor and practitioner sign to set out their expectations? (two words)",
                            accepted="supervision agreement\nsupervision contract",
                            right="Yes: the supervision agreement.",
                            wrong="It is the supervision agreement (sometimes called a contract).",
                        ),
                    ),
                ),
            ),
        ),
    ),
)

# --- Working in a Multidisciplinary Team for Addressing Child Abuse Issues ---------------------------

MULTIDISCIPLINARY = C(
    slug="multidisciplinary-team",
    title="Working in a Multidisciplinary Team for Addressing Child Abuse Issues – A Basic Orientation and Overview",
    summary=(
        "For professionals working against abuse, neglect, violence and exploitation of children who may be "
        "asked to work in a multidisciplinary team: forms of abuse and their signs, why teams work better than "
        "services alone, each member's role in case management, and how to work well together."
    ),
    audience="Social workers, police, health workers, teachers, prosecutors and NGO staff",
    level=Course.Level.INTRODUCTORY,
    hours="6",
    issuer="tdh-regional-office",
    co_issuer="tdh-albania",
    co_issuer_approves=False,
    issuer_signatory="Katalin Nagy, ChildHub Programme Manager",
    co_issuer_signatory="Arjana Kola, Country Representative",
    authors="Terre des hommes Albania; adapted by ChildHub",
    licence="CC BY-NC 4.0",
    adapted_from="The e-course on multidisciplinary work in child protection by Terre des hommes Albania",
    adaptation_notes=(
        "The references to Albanian legislation and to Albanian institutions were removed, and the examples "
        "rewritten to fit a general context in Southeast Europe. Learners are asked to check the law and the "
        "referral procedures of their own country. Module structure and quizzes follow the original."
    ),
    topics=("multidisciplinary-work", "violence-against-children", "sexual-abuse"),
    modules=(
        M(
            "Child abuse: forms and signs",
            "Physical, emotional and sexual abuse, neglect and exploitation, and how they show.",
            (
                L(
                    "Forms of abuse",
                    "<h2>Five forms</h2>"
                    "<p>Child abuse is any action or failure to act by a parent, carer or other person that results in "
                    "harm, potential harm or the threat of harm to a child. We distinguish:</p>"
                    "<ul><li><strong>physical abuse</strong></li><li><strong>emotional abuse</strong></li>"
                    "<li><strong>sexual abuse</strong></li><li><strong>neglect</strong></li>"
                    "<li><strong>exploitation</strong>, including child labour and trafficking</li></ul>"
                    "<p>Children often experience several forms at once.</p>",
                ),
                L(
                    "Recognising the signs",
                    "<p>Signs are rarely proof on their own: unexplained injuries, sudden changes in behaviour, fear of "
                    "going home, poor hygiene or hunger, sexual knowledge unusual for the age. What matters is to notice, "
                    "record what you saw and heard, and refer according to your country's procedure.</p>",
                    quiz=(
                        Q(
                            MULTI,
                            "Which of these are forms of child abuse? Choose all that apply.",
                            (
                                ("Neglect", True, "Yes: failing to meet a child's basic needs is abuse."),
                                ("Exploitation", True, "Yes, including child labour and trafficking."),
                                ("Setting rules at home", False, "No: reasonable rules are part of care."),
                                ("Emotional abuse", True, "Yes."),
                            ),
                        ),
                        Q(
                            TF,
                            "A single sign, such as a bruise, is enough to prove abuse.",
                            (
                                ("True", False, "Signs call for attention and referral, not conclusions."),
                                (
                                    "False",
                                    True,
                                    "Right: notice, record and refer; assessment is the team's task.",
                                ),
                            ),
                        ),
                    ),
                ),
            ),
        ),
        M(
            "Why a multidisciplinary team",
            "What no service can do alone, and what children gain when services work together.",
            (
                L(
                    "No service alone",
                    "<h2>Many needs, many services</h2>"
                    "<p>An abused child may need medical care, protection, a safe place to live, therapy, support at "
                    "school and justice. No single service provides all of these. A multidisciplinary team brings "
                    "together social services, police, health, education and justice around the child.</p>",
                    reflection="Which services do you work with most often, and which would you like to work with better?",
                ),
                L(
                    "What the child gains",
                    "<p>When services coordinate, the child tells their story fewer times, decisions are faster and "
                    "consistent, and nobody assumes that someone else is acting.</p>",
                    quiz=(
                        Q(
                            S,
                            "What is the main benefit of a multidisciplinary team for the child?",
                            (
                                ("Coordinated help without repeating their story", True, "Yes."),
                                (
                                    "Fewer professionals know about the case",
                                    False,
                                    "The right professionals know, safely.",
                                ),
                                (
                                    "Each service can work at its own pace",
                                    False,
                                    "No: the team agrees a shared plan and timing.",
                                ),
                            ),
                        ),
                    ),
                ),
            ),
        ),
        M(
            "Roles and procedures in the team",
            "The steps of case management and who does what.",
            (
                L(
                    "Case management step by step",
                    "<h2>From identification to review</h2>"
                    "<p>Case management follows five steps: <strong>identification</strong>, "
                    "<strong>referral</strong>, <strong>assessment</strong>, <strong>planning and intervention</strong>, "
                    "and <strong>review and closure</strong>. The case manager, usually the child protection worker, "
                    "coordinates the team through each step.</p>",
                ),
                L(
                    "Who does what",
                    "<p>Each member brings their mandate: the police investigate, health services examine and treat, "
                    "schools observe and support, social services assess and protect. Agree in writing who does what "
                    "and by when.</p>",
                    quiz=(
                        Q(
                            MATCH,
                            "Match each step of case management with what happens in it.",
                            (
                                ("Identification", "Someone notices a child may be at risk.", ""),
                                ("Referral", "The case is passed to the child protection service.", ""),
                                ("Assessment", "The team finds out the child's needs and risks.", ""),
                                ("Review", "The team checks whether the plan is working.", ""),
                            ),
                        ),
                    ),
                ),
            ),
        ),
        M(
            "Working well together",
            "Communication, confidentiality and disagreement in the team.",
            (
                L(
                    "Sharing information safely",
                    "<h2>Need to know</h2>"
                    "<p>Share what members need to protect the child, no more. Confidentiality never prevents sharing "
                    "information to protect a child from harm. Record what you shared, with whom and why.</p>",
                ),
                L(
                    "When the team disagrees",
                    "<p>Disagreement is normal: professions see the child differently. Bring it into the open in the "
                    "meeting, return to the child's best interests, and agree how a decision will be taken if consensus fails.</p>",
                    quiz=(
                        Q(
                            S,
                            "The police and the school disagree about a child's return home. What should the team do first?",
                            (
                                ("Discuss it openly, starting from the child's best interests", True, "Yes."),
                                (
                                    "Let the most senior person decide at once",
                                    False,
                                    "Not before the views are heard.",
                                ),
                                ("Each service acts on its own view", False, "That breaks the shared plan."),
                            ),
                        ),
                    ),
                ),
            ),
        ),
    ),
)

COURSES = (PARTICIPATION, SUPERVISION, MULTIDISCIPLINARY)


# --- Translations ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class TL:
    """A translated lesson: title, text, reflection prompt, and for each question (text, answers,
    feedback when right, feedback when wrong); answers are (text, feedback), for matching (left,
    right), and for short text one (accepted answers, "")."""

    title: str
    text: str
    reflection: str = ""
    quiz: tuple[tuple[str, tuple[tuple[str, str], ...], str, str], ...] = ()
    reviewed: bool = True


@dataclass(frozen=True)
class Translation:
    title: str
    summary: str
    audience: str
    modules: tuple[str, ...]  # module titles, in order
    lessons: dict[tuple[int, int], TL] = field(default_factory=dict)  # (module, lesson) from 0


TRANSLATIONS: dict[str, dict[str, Translation]] = {
    PARTICIPATION.slug: {
        "bs": Translation(
            "Podrška participaciji djece",
            "Za stručnjake iz oblasti zaštite djece koji žele pomoći djeci da učestvuju u odlukama koje ih se tiču. "
            "Tri temeljna modula objašnjavaju šta je participacija, pravo djeteta da bude saslušano i potrebne "
            "vještine; šest praktičnih modula bavi se po jednom grupom djece.",
            "Svi stručnjaci u zaštiti djece: socijalni radnici, psiholozi, nastavnici, policija, sudije",
            (
                "Šta znači participacija",
                "Pravo djeteta da bude saslušano",
                "Vještine za participaciju",
                "Djeca u sukobu sa zakonom",
                "Djeca s invaliditetom",
                "Djeca u alternativnoj brizi",
                "Romska djeca",
                "Djeca u pokretu",
                "Djeca koja su doživjela nasilje",
            ),
            {
                (0, 0): TL(
                    "Participacija u svakodnevnim odlukama",
                    "<h2>Više od jednog pitanja</h2>"
                    "<p>Participacija znači da su djeca <strong>informisana</strong>, da ih <strong>slušamo</strong> "
                    "i da njihovo mišljenje <strong>utiče</strong> na odluke o njima. To je proces koji prolazi kroz "
                    "cijeli naš rad s djetetom, a ne jedno savjetovanje prije sastanka.</p>"
                    "<p>Većina odluka koje oblikuju djetetov život male su i svakodnevne. Svaka je prilika da dijete učestvuje.</p>"
                    "<ul><li>Objasnite šta će se desiti i zašto, riječima koje dijete koristi.</li>"
                    "<li>Pitajte šta dijete misli i dajte mu vremena da odgovori.</li>"
                    "<li>Poslije recite djetetu šta je odlučeno i kako je njegovo mišljenje uzeto u obzir.</li></ul>",
                    reflection="Sjetite se posljednje odluke koju ste donijeli o nekom djetetu. U kojim je trenucima dijete moglo učestvovati?",
                ),
                (0, 1): TL(
                    "Modeli participacije",
                    "<h2>Ljestve i prostori</h2>"
                    "<p>Hartove <em>ljestve participacije</em> razlikuju stvarnu participaciju od manipulacije, "
                    "dekoracije i tokenizma. Prisustvo djece nije isto što i njihov uticaj.</p>"
                    "<p>Model Laure Lundy imenuje četiri stvari koje su djetetu potrebne: <strong>prostor</strong>, "
                    "<strong>glas</strong>, <strong>publiku</strong> i <strong>uticaj</strong>.</p>",
                    quiz=(
                        (
                            "Djeca pjevaju na konferenciji, ali nisu imala nikakav uticaj na program. Koja je to prečka Hartovih ljestvi?",
                            (
                                ("Dekoracija", "Da: djeca se koriste za podršku cilju koji nisu oblikovala."),
                                (
                                    "Inicijativa djece, odluke podijeljene s odraslima",
                                    "Ne: djeca ovdje ništa nisu odlučila.",
                                ),
                                (
                                    "Konsultovana i informisana",
                                    "Ne sasvim: niko nije pitao djecu za mišljenje.",
                                ),
                            ),
                            "Prisustvo nije isto što i uticaj.",
                            "Pogledajte ponovo donje prečke ljestvi.",
                        ),
                        (
                            "U modelu Laure Lundy mišljenje djeteta uvijek mora odlučiti ishod.",
                            (
                                ("Tačno", "Mišljenju treba dati dužnu težinu, a ne uvijek ga slijediti."),
                                (
                                    "Netačno",
                                    "Tako je: uticaj znači dužnu težinu i povratnu informaciju djetetu.",
                                ),
                            ),
                            "",
                            "",
                        ),
                    ),
                ),
                (1, 0): TL(
                    "Član 12. Konvencije",
                    "<h2>Pravo, a ne usluga</h2>"
                    "<blockquote>Države potpisnice će djetetu koje je u stanju formirati vlastito mišljenje osigurati "
                    "pravo da slobodno izražava svoje mišljenje o svim pitanjima koja se tiču djeteta, pri čemu se "
                    "mišljenju djeteta posvećuje dužna pažnja u skladu s njegovom dobi i zrelošću.</blockquote>"
                    "<p>Član 12. odnosi se na <em>sva pitanja</em> koja se tiču djeteta, uključujući sudske i upravne "
                    "postupke. Komitet UN-a za prava djeteta u Općem komentaru br. 12 naglašava da ne postoji donja "
                    "starosna granica.</p>",
                ),
                (1, 1): TL(
                    "Devet osnovnih zahtjeva",
                    "<h2>Šta participaciju čini etičnom</h2>"
                    "<p>Opći komentar br. 12 navodi devet zahtjeva. Participacija treba biti:</p>"
                    "<ol><li>transparentna i informativna</li><li>dobrovoljna</li><li>s poštovanjem</li><li>relevantna</li>"
                    "<li>prilagođena djeci</li><li>inkluzivna</li><li>podržana obukom</li><li>sigurna i osjetljiva na rizik</li>"
                    "<li>odgovorna</li></ol>"
                    "<p>Odgovornost se najčešće zaboravlja: djeca trebaju čuti šta se desilo s njihovim mišljenjem.</p>",
                    quiz=(
                        (
                            "Povežite svaki zahtjev s onim što znači u praksi.",
                            (
                                ("Dobrovoljna", "Dijete može odbiti ili prekinuti u bilo kojem trenutku."),
                                (
                                    "Transparentna i informativna",
                                    "Dijete zna zašto ga pitamo i šta će se desiti.",
                                ),
                                ("Odgovorna", "Dijete saznaje kako je njegovo mišljenje iskorišteno."),
                                (
                                    "Sigurna i osjetljiva na rizik",
                                    "Izražavanje mišljenja ne dovodi dijete u opasnost.",
                                ),
                            ),
                            "Odlično: ova četiri zahtjeva su najvažnija u zaštiti djece.",
                            "Pročitajte ponovo listu od devet zahtjeva.",
                        ),
                        (
                            "Koji član Konvencije o pravima djeteta daje djeci pravo da budu saslušana? (broj)",
                            (("12\nčlan 12\nčl. 12", ""),),
                            "Da, član 12.",
                            "Riječ je o članu 12.",
                        ),
                    ),
                ),
                (2, 0): TL(
                    "Slušanje i objašnjavanje",
                    "<h2>Dobro slušanje</h2>"
                    "<p>Djeca brzo procijene da li ih odrasla osoba zaista želi čuti. Sjednite u njihovu visinu, "
                    "odložite spis i dopustite tišinu. Ponovite ono što ste čuli: <q>Znači, željela bi češće viđati brata?</q></p>"
                    "<p>Odluke objasnite jednostavnim riječima i provjerite razumijevanje tako što ćete zamoliti dijete "
                    "da ih ispriča svojim riječima.</p>",
                    reflection="Koje riječi ili navike vaše profesije mogu spriječiti dijete da slobodno govori?",
                    reviewed=False,
                ),
            },
        ),
        "sq": Translation(
            "Mbështetja e pjesëmarrjes së fëmijëve",
            "Për profesionistët e mbrojtjes së fëmijëve që duan t'i ndihmojnë fëmijët të marrin pjesë në vendimet "
            "që i prekin. Tre module bazë dhe gjashtë module praktike, secili për një grup fëmijësh.",
            "Të gjithë profesionistët e mbrojtjes së fëmijëve",
            (
                "Çfarë do të thotë pjesëmarrja",
                "E drejta e fëmijës për t'u dëgjuar",
                "Aftësi për pjesëmarrjen",
                "Fëmijët në konflikt me ligjin",
                "Fëmijët me aftësi të kufizuara",
                "Fëmijët në kujdes alternativ",
                "Fëmijët romë",
                "Fëmijët në lëvizje",
                "Fëmijët që kanë përjetuar dhunë",
            ),
            {
                (0, 0): TL(
                    "Pjesëmarrja në vendimet e përditshme",
                    "<h2>Më shumë se një pyetje</h2>"
                    "<p>Pjesëmarrja do të thotë që fëmijët janë <strong>të informuar</strong>, <strong>dëgjohen</strong> "
                    "dhe mendimi i tyre <strong>ndikon</strong> në vendimet për ta. Është një proces që përshkon gjithë "
                    "punën tonë me fëmijën, jo një konsultim i vetëm para një takimi.</p>"
                    "<ul><li>Shpjegoni çfarë do të ndodhë dhe pse, me fjalët që përdor fëmija.</li>"
                    "<li>Pyeteni fëmijën çfarë mendon dhe jepini kohë të përgjigjet.</li>"
                    "<li>Më pas tregojini çfarë u vendos dhe si u mor parasysh mendimi i tij.</li></ul>",
                    reflection="Mendoni për vendimin e fundit që morët për një fëmijë. Në cilat momente mund të kishte marrë pjesë fëmija?",
                ),
                (0, 1): TL(
                    "Modelet e pjesëmarrjes",
                    "<h2>Shkallët dhe hapësirat</h2>"
                    "<p><em>Shkallët e pjesëmarrjes</em> të Roger Hart dallojnë pjesëmarrjen e vërtetë nga manipulimi, "
                    "dekorimi dhe tokenizmi.</p>"
                    "<p>Modeli i Laura Lundy emërton katër gjëra që i nevojiten fëmijës: <strong>hapësirë</strong>, "
                    "<strong>zë</strong>, <strong>dëgjues</strong> dhe <strong>ndikim</strong>.</p>",
                    quiz=(
                        (
                            "Fëmijët këndojnë në një konferencë, por nuk patën asnjë fjalë për programin. Cila shkallë e Hart është kjo?",
                            (
                                ("Dekorim", "Po: fëmijët përdoren për një kauzë që nuk e formësuan."),
                                (
                                    "Nismë e fëmijëve, vendime të përbashkëta me të rriturit",
                                    "Jo: fëmijët nuk vendosën asgjë këtu.",
                                ),
                                (
                                    "Të konsultuar dhe të informuar",
                                    "Jo plotësisht: askush nuk i pyeti fëmijët.",
                                ),
                            ),
                            "Të qenit i pranishëm nuk është njësoj si të kesh ndikim.",
                            "Shikoni sërish shkallët e poshtme.",
                        ),
                        (
                            "Në modelin e Lundy, mendimi i fëmijës duhet të vendosë gjithmonë rezultatin.",
                            (
                                ("E vërtetë", "Mendimit i jepet pesha e duhur, jo gjithmonë ndiqet."),
                                (
                                    "E gabuar",
                                    "Saktë: ndikim do të thotë peshë e duhur dhe t'i tregosh fëmijës.",
                                ),
                            ),
                            "",
                            "",
                        ),
                    ),
                ),
            },
        ),
    },
    SUPERVISION.slug: {
        "bg": Translation(
            "Практикуване на супервизия в агенциите за закрила и грижа за деца",
            "За опитни професионалисти, които ръководят или предстои да ръководят работата на други служители: "
            "какво е супервизия, как влияе на практиката, работещ модел на супервизия и инструменти за изграждане "
            "на система за супервизия. Завършването носи сертификат от CELCIS.",
            "Опитни специалисти по закрила на детето с отговорност за други служители",
            (
                "Какво разбираме под супервизия",
                "Как супервизията оформя практиката",
                "Работещ модел на супервизия",
                "Изграждане на система за супервизия",
            ),
            {
                (0, 0): TL(
                    "Супервизия: определение",
                    "<h2>Редовен, планиран разговор</h2>"
                    "<p>Супервизията е редовен, планиран и отчетен процес, в който супервизорът помага на практикуващия "
                    "да осмисли работата си, така че децата и семействата да получават по-добра услуга.</p>"
                    "<p>Тя не е само проверка на случаи. Тя подкрепя служителя, развива уменията му и го свързва с "
                    "целите на организацията.</p>",
                ),
                (0, 1): TL(
                    "Четирите функции",
                    "<h2>Четири функции</h2>"
                    "<p>Супервизията има четири функции, които добрата сесия балансира:</p>"
                    "<dl><dt>Управленска</dt><dd>качество на практиката, отчетност, спазване на процедурите</dd>"
                    "<dt>Развиваща</dt><dd>учене, умения и професионално израстване</dd>"
                    "<dt>Подкрепяща</dt><dd>емоционалното въздействие на работата върху практикуващия</dd>"
                    "<dt>Посредническа</dt><dd>връзка между практикуващия, организацията и другите услуги</dd></dl>",
                    quiz=(
                        (
                            "Коя функция на супервизията се занимава с емоционалното въздействие на работата?",
                            (
                                ("Подкрепяща", "Да."),
                                (
                                    "Управленска",
                                    "Управленската функция е за качеството и отчетността на практиката.",
                                ),
                                (
                                    "Посредническа",
                                    "Посредническата функция свързва служителя с организацията и другите услуги.",
                                ),
                            ),
                            "",
                            "",
                        ),
                        (
                            "Супервизията е преди всичко проверка дали досиетата са попълнени.",
                            (
                                ("Вярно", "Това е само част от управленската функция."),
                                ("Невярно", "Точно така: супервизията също развива, подкрепя и посредничи."),
                            ),
                            "",
                            "",
                        ),
                    ),
                ),
            },
        ),
    },
    MULTIDISCIPLINARY.slug: {
        "sq": Translation(
            "Puna në ekip multidisiplinar për rastet e abuzimit me fëmijët – Njohje dhe përmbledhje bazë",
            "Për profesionistët që punojnë kundër abuzimit, neglizhimit, dhunës dhe shfrytëzimit të fëmijëve: "
            "format e abuzimit dhe shenjat e tyre, pse ekipet funksionojnë më mirë se shërbimet e veçuara, roli i "
            "secilit anëtar dhe si të punohet mirë së bashku.",
            "Punonjës socialë, policë, punonjës shëndetësorë, mësues, prokurorë dhe stafi i OJF-ve",
            (
                "Abuzimi me fëmijët: format dhe shenjat",
                "Pse një ekip multidisiplinar",
                "Rolet dhe procedurat në ekip",
                "Të punosh mirë së bashku",
            ),
            {
                (0, 0): TL(
                    "Format e abuzimit",
                    "<h2>Pesë forma</h2>"
                    "<p>Abuzimi me fëmijët është çdo veprim ose mosveprim i një prindi, kujdestari ose personi tjetër "
                    "që sjell dëm, dëm të mundshëm ose kërcënim dëmi për fëmijën. Dallojmë:</p>"
                    "<ul><li><strong>abuzimin fizik</strong></li><li><strong>abuzimin emocional</strong></li>"
                    "<li><strong>abuzimin seksual</strong></li><li><strong>neglizhimin</strong></li>"
                    "<li><strong>shfrytëzimin</strong>, përfshirë punën e fëmijëve dhe trafikimin</li></ul>"
                    "<p>Shpesh fëmijët përjetojnë disa forma njëkohësisht.</p>",
                ),
                (0, 1): TL(
                    "Njohja e shenjave",
                    "<p>Shenjat rrallë janë provë më vete: lëndime të pashpjeguara, ndryshime të papritura në sjellje, "
                    "frikë për t'u kthyer në shtëpi, higjienë e dobët ose uri. E rëndësishme është të vini re, të "
                    "regjistroni çfarë patë e dëgjuat dhe ta referoni rastin sipas procedurës së vendit tuaj.</p>",
                    quiz=(
                        (
                            "Cilat nga këto janë forma të abuzimit me fëmijët? Zgjidhni të gjitha që vlejnë.",
                            (
                                ("Neglizhimi", "Po: mosplotësimi i nevojave bazë të fëmijës është abuzim."),
                                ("Shfrytëzimi", "Po, përfshirë punën e fëmijëve dhe trafikimin."),
                                (
                                    "Vendosja e rregullave në shtëpi",
                                    "Jo: rregullat e arsyeshme janë pjesë e kujdesit.",
                                ),
                                ("Abuzimi emocional", "Po."),
                            ),
                            "",
                            "",
                        ),
                        (
                            "Një shenjë e vetme, si një mavijosje, mjafton për të provuar abuzimin.",
                            (
                                ("E vërtetë", "Shenjat kërkojnë vëmendje dhe referim, jo përfundime."),
                                (
                                    "E gabuar",
                                    "Saktë: vini re, regjistroni dhe referoni; vlerësimi është detyrë e ekipit.",
                                ),
                            ),
                            "",
                            "",
                        ),
                    ),
                ),
            },
        ),
    },
}

# After translating: the original of this lesson was revised (its translations become outdated), and
# this lesson was added (missing from the translations).
REVISED = {
    PARTICIPATION.slug: (
        (0, 0),
        "<h2>More than asking a question</h2>"
        "<p>Participation means that children are <strong>informed</strong>, <strong>listened to</strong> and that "
        "their views <strong>make a difference</strong> to decisions about them. It is a process that runs through "
        "the whole of our work with a child, not a single consultation before a meeting.</p>"
        "<p>Most decisions that shape a child's life are small and daily: where they sit in a meeting, who is told "
        "what, when a visit happens. Each is a chance to let the child take part. Participation is also "
        "<strong>voluntary</strong>: a child may choose not to give a view, and that choice is respected.</p>"
        "<ul><li>Explain what will happen and why, in words the child uses.</li>"
        "<li>Ask what the child thinks, and give time to answer.</li>"
        "<li>Tell the child afterwards what was decided and how their view counted.</li></ul>",
    ),
}
ADDED = {
    PARTICIPATION.slug: (
        2,
        L(
            "A worked example: planning with Ema",
            "<h2>Ema, 11, before her review</h2>"
            "<p>Ema's social worker meets her at school a week before her review. Together they draw the people who "
            "will come, and Ema chooses what she wants to say herself and what her foster carer should say for her. "
            "After the review, the worker visits again and shows Ema how her wish to stay in the same school was "
            "written into the plan.</p>",
        ),
    ),
}

# --- Learners ------------------------------------------------------------------------------------------

# (e-mail, course, language read, lessons completed: a number, or "all" for a finished course; days ago)
NAMED_LEARNERS: list[tuple[str, str, str, int | str, int]] = [
    ("member@childhub.example", PARTICIPATION.slug, "sq", 5, 3),
    ("member@childhub.example", MULTIDISCIPLINARY.slug, "sq", 0, 1),
    ("verified@childhub.example", PARTICIPATION.slug, "bs", "all", 20),
    ("verified@childhub.example", SUPERVISION.slug, "en", 3, 2),
    ("expert@childhub.example", SUPERVISION.slug, "bg", "all", 6),
    ("coordinator.rs@childhub.example", MULTIDISCIPLINARY.slug, "en", "all", 35),
    ("moderator@childhub.example", PARTICIPATION.slug, "en", 1, 0),
]
DEMO_LEARNERS = 24  # more demo members at various stages (multiplied by --scale), none finished
REFLECTION_TEXT = "I would explain the plan before the meeting, and ask where the child would like to sit."


def seed(out: Any, *, scale: float = 1.0) -> None:
    organisations = {o.slug: o for o in Organisation.objects.all()}
    needed = {c.issuer for c in COURSES} | {c.co_issuer for c in COURSES if c.co_issuer}
    if not needed <= organisations.keys():
        out.write("courses: skipped (no partner organisations; seed accounts first)")
        return
    topics = {t.slug: t for t in Topic.objects.all()}
    staff = get_user_model().objects.filter(email="staff@childhub.example").first()
    with transaction.atomic():
        for spec in COURSES:
            course, created = _course(spec, organisations, topics)
            for language, translation in TRANSLATIONS.get(spec.slug, {}).items():
                _translation(course, language, translation, staff)
            if created:
                _later_changes(spec, course)
        enrolled = _learners(scale)
    versions = Course.objects.filter(slug__in=[c.slug for c in COURSES])
    languages = sorted(set(versions.values_list("language", flat=True)))
    out.write(
        f"courses: {len(COURSES)} courses in {versions.count()} language versions ({', '.join(languages)}), "
        f"{Lesson.objects.filter(module__course__in=versions).count()} lessons, {enrolled} learners, "
        f"{Certificate.objects.filter(source__startswith='courses.enrolment:').count()} certificates"
    )


def _course(spec: C, organisations: dict[str, Organisation], topics: dict[str, Topic]) -> tuple[Course, bool]:
    existing = Course.objects.filter(slug=spec.slug, language="en").first()
    if existing is not None:
        return existing, False
    course = CourseFactory(
        slug=spec.slug,
        language="en",
        title=spec.title,
        summary=spec.summary,
        audience=spec.audience,
        level=spec.level,
        estimated_hours=Decimal(spec.hours),
        issuer=organisations[spec.issuer],
        co_issuer=organisations.get(spec.co_issuer or ""),
        co_issuer_approves=spec.co_issuer_approves,
        issuer_signatory=spec.issuer_signatory,
        co_issuer_signatory=spec.co_issuer_signatory,
        authors=spec.authors,
        licence=spec.licence,
        adapted_from=spec.adapted_from,
        adaptation_notes=spec.adaptation_notes,
        status=Course.Status.PUBLISHED,
    )
    course.topics.set([topics[s] for s in spec.topics if s in topics])
    foundation = []
    for m_index, m in enumerate(spec.modules):
        module = ModuleFactory(
            course=course,
            position=m_index + 1,
            kind=m.kind,
            children_group=m.group,
            title=m.title,
            summary=m.summary,
        )
        if m.kind == FOUNDATION:
            foundation.append(module)
        elif spec.practice_needs_foundation:
            module.prerequisites.set(foundation)
        for l_index, lesson in enumerate(m.lessons):
            _lesson(module, (l_index + 1) * 10, lesson)
    return course, True


def _lesson(module: Module, position: int, spec: L) -> Lesson:
    """A lesson written through ``authoring`` (sanitised; one lesson, first revision)."""
    if spec.quiz:
        rule, minutes = Lesson.Rule.QUIZ, 0
    elif spec.reflection:
        rule, minutes = Lesson.Rule.REFLECTION, 0
    elif spec.video:
        rule, minutes = Lesson.Rule.TIME, 3
    else:
        rule, minutes = Lesson.Rule.VIEWED, 0
    with authoring.one_revision():
        lesson = authoring.save_lesson(
            Lesson(
                module=module,
                position=position,
                title=spec.title,
                completion_rule=rule,
                minimum_minutes=minutes,
                status=Lesson.Status.REVIEWED,
            )
        )
        n = 1
        if spec.video:
            url, transcript = spec.video
            authoring.save_block(
                Block(lesson=lesson, position=n, kind=Block.Kind.VIDEO, embed_url=url, transcript=transcript)
            )
            n += 1
        authoring.save_block(Block(lesson=lesson, position=n, kind=Block.Kind.TEXT, body=spec.text))
        n += 1
        if spec.reflection:
            authoring.save_block(
                Block(lesson=lesson, position=n, kind=Block.Kind.REFLECTION, body=spec.reflection)
            )
            n += 1
        if spec.quiz:
            quiz = authoring.save_block(Block(lesson=lesson, position=n, kind=Block.Kind.QUIZ, pass_mark=70))
            for q_index, q in enumerate(spec.quiz):
                question = authoring.save_question(
                    Question(
                        block=quiz,
                        position=q_index + 1,
                        kind=q.kind,
                        text=q.text,
                        accepted_answers=q.accepted,
                        feedback_correct=q.right,
                        feedback_wrong=q.wrong,
                    )
                )
                for c_index, (text, second, feedback) in enumerate(q.choices):
                    if q.kind == MATCH:
                        choice = Choice(question=question, text=text, match=second, correct=True)
                    else:
                        choice = Choice(question=question, text=text, correct=bool(second), feedback=feedback)
                    choice.position = c_index + 1
                    authoring.save_choice(choice)
    return lesson


def _lessons_by_place(course: Course) -> dict[tuple[int, int], Lesson]:
    """The course's lessons by (module, lesson) place, counted from 0 in course order."""
    places: dict[tuple[int, int], Lesson] = {}
    for m_index, module in enumerate(course.modules.prefetch_related("lessons")):
        for l_index, lesson in enumerate(module.lessons.all()):
            places[(m_index, l_index)] = lesson
    return places


def _translation(course: Course, language: str, spec: Translation, staff: Any) -> None:
    if Course.objects.filter(slug=course.slug, language=language).exists():
        return
    version = authoring.translate_course(course, language, by=staff)
    Course.objects.filter(pk=version.pk).update(
        title=spec.title,
        summary=spec.summary,
        audience=spec.audience,
        status=Course.Status.PUBLISHED,
        structure_version=uuid.uuid4(),
    )
    for module, title in zip(version.modules.all(), spec.modules, strict=False):
        module.title = title
        module.save(update_fields=["title"])
    places = _lessons_by_place(version)
    for place, text in spec.lessons.items():
        lesson = places[place]
        with authoring.one_revision():
            lesson.title = text.title
            authoring.save_lesson(lesson)
            blocks = {b.kind: b for b in lesson.blocks.all()}
            blocks[Block.Kind.TEXT].body = text.text
            authoring.save_block(blocks[Block.Kind.TEXT])
            if text.reflection:
                blocks[Block.Kind.REFLECTION].body = text.reflection
                authoring.save_block(blocks[Block.Kind.REFLECTION])
            if text.quiz:
                questions = blocks[Block.Kind.QUIZ].questions.prefetch_related("choices")
                for question, (q_text, answers, right, wrong) in zip(questions, text.quiz, strict=True):
                    question.text, question.feedback_correct, question.feedback_wrong = q_text, right, wrong
                    if question.kind == SHORT:  # the accepted answers, in this language
                        question.accepted_answers = answers[0][0]
                        answers = ()
                    authoring.save_question(question)
                    for choice, (first, second) in zip(question.choices.all(), answers, strict=True):
                        choice.text = first
                        if question.kind == MATCH:
                            choice.match = second
                        else:
                            choice.feedback = second
                        authoring.save_choice(choice)
        if text.reviewed:
            authoring.mark_reviewed(lesson, by=staff)


def _later_changes(spec: C, course: Course) -> None:
    """What happened to the original after it was translated: one lesson revised, one added."""
    if spec.slug in REVISED:
        place, body = REVISED[spec.slug]
        lesson = _lessons_by_place(course)[place]
        text = lesson.blocks.get(kind=Block.Kind.TEXT)
        text.body = body
        authoring.save_block(text)
    if spec.slug in ADDED:
        m_index, lesson_spec = ADDED[spec.slug]
        module = course.modules.all()[m_index]
        _lesson(module, 15, lesson_spec)  # between the module's two lessons, before its quiz


# --- Learners ------------------------------------------------------------------------------------------


def _learners(scale: float) -> int:
    users = get_user_model().objects
    courses = {
        (c.slug, c.language): c
        for c in Course.objects.filter(slug__in=[s.slug for s in COURSES]).select_related(
            "issuer", "co_issuer"
        )
    }
    lesson_lists = {slug: _course_lessons(courses[(slug, "en")]) for slug in (c.slug for c in COURSES)}
    # Each version's quizzes, so that answers to matching questions are in the words the learner saw.
    quizzes = {
        (block.lesson.module.course_id, block.key): block
        for block in Block.objects.filter(kind=Block.Kind.QUIZ, lesson__module__course__in=courses.values())
        .select_related("lesson__module")
        .prefetch_related("questions__choices")
    }
    now = timezone.now()
    for email, slug, language, done, days_ago in NAMED_LEARNERS:
        learner = users.filter(email=email).first()
        version = courses.get((slug, language))
        if learner is None or version is None:
            continue
        _enrol(learner, version, lesson_lists[slug], done, now - timedelta(days=days_ago), quizzes)

    rng = random.Random(2028)
    others = list(
        users.filter(email__startswith="demo", email__endswith="@childhub.example").order_by("email")
    )
    for learner in rng.sample(others, min(len(others), round(DEMO_LEARNERS * scale))):
        spec = rng.choice(COURSES)
        language = rng.choice([lang for (slug, lang) in courses if slug == spec.slug])
        lessons = lesson_lists[spec.slug]
        _enrol(
            learner,
            courses[(spec.slug, language)],
            lessons,
            rng.randint(0, len(lessons) - 1),
            now - timedelta(days=rng.randint(0, 60)),
            quizzes,
        )
    keys = [c.translation_key for c in courses.values()]
    return Enrolment.objects.filter(course_key__in=keys).values("learner").distinct().count()


def _course_lessons(course: Course) -> list[Lesson]:
    return list(
        Lesson.objects.filter(module__course=course)
        .prefetch_related("blocks__questions__choices")
        .order_by("module__position", "module__pk", "position", "pk")
    )


def _enrol(
    learner: Any,
    version: Course,
    lessons: list[Lesson],
    done: int | str,
    last: Any,
    quizzes: dict[Any, Block],
) -> None:
    """Enrol a learner with ``done`` lessons completed (the lesson after them opened), or the whole
    course with its certificate. Nothing is changed for a learner already enrolled."""
    enrolment, created = Enrolment.objects.get_or_create(
        learner=learner,
        course_key=version.translation_key,
        defaults={"language": version.language, "enrolled_at": last - timedelta(days=14)},
    )
    if not created:
        return
    finished = done == "all"
    count = len(lessons) if finished else int(done)
    progress = []
    for n, lesson in enumerate(lessons[: count + 1]):
        completed = n < count
        at = last - timedelta(hours=2 * (count - n))
        progress.append(
            LessonProgress(
                enrolment=enrolment,
                lesson_key=lesson.key,
                first_viewed_at=at,
                seconds_spent=420 if completed else 60,
                completed_at=at + timedelta(minutes=7) if completed else None,
            )
        )
        if not completed:
            continue
        for block in lesson.blocks.all():
            if block.kind == Block.Kind.QUIZ:
                quiz = quizzes.get((version.pk, block.key), block)
                QuizAttempt.objects.create(
                    enrolment=enrolment,
                    block_key=block.key,
                    answers=_right_answers(quiz),
                    score=100,
                    passed=True,
                    submitted_at=at,
                )
            elif block.kind == Block.Kind.REFLECTION:
                Reflection.objects.create(enrolment=enrolment, block_key=block.key, text=REFLECTION_TEXT)
    LessonProgress.objects.bulk_create(progress)
    following = lessons[count] if count < len(lessons) else lessons[-1]
    enrolment.last_lesson_key = following.key
    if finished:
        enrolment.completed_at = last
    enrolment.save(update_fields=["last_lesson_key", "completed_at"])
    if finished:
        certificates.issue_for_enrolment(enrolment_id=enrolment.pk)


def _right_answers(quiz: Block) -> dict[str, Any]:
    """The right answer to each question, as the learner's page sends them (see ``actions.grade``)."""
    answers: dict[str, Any] = {}
    for question in quiz.questions.all():
        choices = list(question.choices.all())
        right = [n for n, c in enumerate(choices) if c.correct]
        if question.kind == MATCH:
            answers[str(question.key)] = {str(n): c.match for n, c in enumerate(choices)}
        elif question.kind == MULTI:
            answers[str(question.key)] = right
        elif question.kind == SHORT:
            answers[str(question.key)] = question.accepted_answers.splitlines()[0]
        else:
            answers[str(question.key)] = right[0]
    return answers
