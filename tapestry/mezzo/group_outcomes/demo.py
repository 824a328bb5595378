"""Demo outcomes: goals for every demo group, and PHQ-9 or GAD-7 before and after for support and therapy groups."""

from __future__ import annotations

import random
from datetime import date, timedelta

from django.utils import timezone

from tapestry.access import policy
from tapestry.access.policy import Capability
from tapestry.demo.context import DemoContext
from tapestry.mezzo.group_outcomes import services
from tapestry.mezzo.group_outcomes.models import GroupGoal, MemberMeasure, OutcomeInstrument
from tapestry.mezzo.groups.models import Group, Membership
from tapestry.micro.assessments.instruments import INSTRUMENTS

# Goals by kind of group: (goal, measure or indicator, target).
GOALS: dict[str, list[tuple[str, str, str]]] = {
    Group.Kind.SUPPORT: [
        (
            "Members feel less alone with what they carry",
            "Check-out question each session",
            "Most say yes by week 6",
        ),
        ("Members' low mood eases", "Average PHQ-9 change", "A drop of 3 points or more"),
        ("Members know where to turn between sessions", "Members naming two supports", "All who complete"),
    ],
    Group.Kind.THERAPY: [
        (
            "Members manage worry with at least one new skill",
            "Skills practised between sessions",
            "Two a week",
        ),
        ("Anxiety lessens", "Average GAD-7 change", "A drop of 3 points or more"),
        ("Members stay to the end", "Completion rate", "Three in four complete"),
    ],
}
DEFAULT_GOALS = [
    ("Members come regularly", "Attendance rate", "Three in four sessions"),
    ("Members build ties with each other", "Members who meet outside the group", "Half of members"),
    ("Members rate the group as helpful", "End-of-group feedback", "Most rate it 4 or 5 of 5"),
]
STATUSES = [
    GroupGoal.Status.MET,
    GroupGoal.Status.PARTLY_MET,
    GroupGoal.Status.ACTIVE,
    GroupGoal.Status.NOT_MET,
]
MEASURED = {Group.Kind.SUPPORT: "phq-9", Group.Kind.THERAPY: "gad-7"}


def _answers(code: str, total: int, rng: random.Random) -> dict[str, str]:
    """Answers summing to `total`, spread at random; never the PHQ-9's item 9 (it would raise a crisis)."""
    items = [item for item in INSTRUMENTS[code].items if not (code == "phq-9" and item.code == "q9")]
    points = dict.fromkeys((item.code for item in INSTRUMENTS[code].items), 0)
    for _ in range(total):
        points[rng.choice([item.code for item in items if points[item.code] < 3])] += 1
    return {item: str(value) for item, value in points.items()}


def _post_day(group: Group, today: date) -> date | None:
    last = services.last_session_on(group) or today
    day = min(last, today)
    # Too soon after the start for a post measure to mean anything.
    return day if (day - group.first_session_on).days >= 28 else None


def _measure_group(group: Group, code: str, rng: random.Random, today: date) -> int:
    facilitator = group.facilitators.order_by("pk").first()
    if facilitator is None or not policy.has_capability(facilitator, Capability.GROUP_RUN):
        return 0
    OutcomeInstrument.objects.get_or_create(group=group, instrument=code)
    post_day = _post_day(group, today)
    members = group.memberships.exclude(status=Membership.Status.WAITING).order_by("pk")
    top = INSTRUMENTS[code].max_total - 3
    added = 0
    for membership in members:
        if rng.random() < 0.1:  # a member who missed the first session's questionnaire
            continue
        pre = rng.randint(8, min(18, top))
        # Each measure's answers are drawn when it is decided, so the random sequence is as before.
        phases = [(MemberMeasure.Phase.PRE, _answers(code, pre, rng), group.first_session_on)]
        if post_day is not None and rng.random() >= 0.15:
            post = max(0, pre - rng.choice([-1, 0, 2, 3, 4, 5, 6, 7]))
            phases.append((MemberMeasure.Phase.POST, _answers(code, post, rng), post_day))
        for phase, answers, day in phases:
            services.measure_record(
                actor=facilitator,
                membership=membership,
                instrument=code,
                phase=phase,
                answers=answers,
                administered_on=day,
            )
            added += 1
    return added


def seed(ctx: DemoContext) -> str:
    groups = list(Group.objects.order_by("pk"))
    if not groups or GroupGoal.objects.exists():
        return ""
    today = timezone.localdate()
    goals = measures = 0
    for group in groups:
        facilitator = group.facilitators.order_by("pk").first()
        templates = GOALS.get(group.kind, DEFAULT_GOALS)
        for description, measure, target in templates[: ctx.rng.choice([2, 3])]:
            status = (
                ctx.rng.choice(STATUSES) if group.status != Group.Status.PLANNED else GroupGoal.Status.ACTIVE
            )
            GroupGoal.objects.create(
                group=group,
                description=description,
                measure=measure,
                target=target,
                status=status,
                reviewed_on=None
                if status == GroupGoal.Status.ACTIVE
                else today - timedelta(days=ctx.rng.randint(1, 20)),
                created_by=facilitator,
            )
            goals += 1
        if group.kind in MEASURED and group.first_session_on <= today:
            measures += _measure_group(group, MEASURED[group.kind], ctx.rng, today)
    return f"{goals} group goals, {measures} pre/post measures"
