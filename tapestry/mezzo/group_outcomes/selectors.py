"""Every read of group outcomes: the group as its runners see it, measures through the policy, the reports."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import QuerySet
from django.http import Http404

from tapestry.access import policy
from tapestry.access.audit import audit_view
from tapestry.access.models import User
from tapestry.access.policy import Capability
from tapestry.evidence.suppression import Cell, suppress_table, threshold
from tapestry.mezzo.group_outcomes.directions import DIRECTION, improved, outcome_instruments
from tapestry.mezzo.group_outcomes.models import GroupGoal, MemberMeasure, OutcomeInstrument
from tapestry.mezzo.group_outcomes.services import instrument_name, is_members_caseworker, phase_window
from tapestry.mezzo.groups.access import group_aggregates_of, runs_group
from tapestry.mezzo.groups.models import Group, Membership
from tapestry.micro.assessments.models import Assessment
from tapestry.web.ids import found_or_404

REPORT_FIELDS = ["instrument", "phase", "administered_on", "total_score", "severity_band"]


def _group(group_id: int) -> Group:
    return found_or_404(Group.objects.filter(pk=group_id).first(), "No group with this number.")


def group_for_running(*, user: User, group_id: int) -> Group:
    """A group the user runs; any other is 'not found', so its existence is not given away."""
    group = _group(group_id)
    if not runs_group(user, group.pk):
        policy.refuse_out_of_reach(user, missing="No group with this number.", detail="", person_id=None)
    return group


def goals_of(*, group: Group) -> list[GroupGoal]:
    return list(GroupGoal.objects.filter(group=group))


def goal_for_running(*, user: User, goal_id: int) -> GroupGoal:
    goal = GroupGoal.objects.select_related("group").filter(pk=goal_id).first()
    if goal is None or not runs_group(user, goal.group_id):
        raise Http404("No goal with this number among the groups you run.")
    return goal


def instruments_of(*, group: Group) -> list[str]:
    """The codes of the instruments the group measures with, in the micro catalogue's order."""
    chosen = set(OutcomeInstrument.objects.filter(group=group).values_list("instrument", flat=True))
    return [instrument.code for instrument in outcome_instruments() if instrument.code in chosen]


def measures_visible(user: User) -> QuerySet[MemberMeasure]:
    return policy.visible(user, MemberMeasure.objects.all())


def members_visible(*, user: User, group: Group) -> QuerySet[Membership]:
    """The group's members (not the waiting list) the user may see: all to its runners, own clients to others."""
    return (
        policy.visible(user, Membership.objects.filter(group=group))
        .exclude(status=Membership.Status.WAITING)
        .select_related("person")
        .order_by("person__family_name", "person__given_name", "pk")
    )


def membership_for_running(*, user: User, group: Group, membership_id: int) -> Membership:
    membership = (
        policy.visible(user, Membership.objects.filter(group=group, pk=membership_id))
        .select_related("person", "group")
        .first()
    )
    if membership is None or not runs_group(user, group.pk):
        raise Http404("No member with this number in the groups you run.")
    return membership


def measure_for_running(*, user: User, measure_id: int) -> MemberMeasure:
    """One measure to correct; opening it (answers and score) is audited."""
    measure = (
        measures_visible(user)
        .filter(pk=measure_id)
        .select_related("membership__person", "membership__group")
        .first()
    )
    if measure is None or not runs_group(user, measure.membership.group_id):
        raise Http404("No measure with this number in the groups you run.")
    audit_view(
        user,
        obj=measure,
        person_id=measure.membership.person_id,
        fields=["answers", "total_score", "severity_band", "note"],
        purpose="group outcome measure",
    )
    return measure


def group_measures(
    *, user: User, group: Group, purpose: str = "group outcome measures"
) -> list[MemberMeasure]:
    """The group's measures the user may see; reading them is audited once for the list."""
    audit_view(
        user,
        object_type="group_outcomes.membermeasure",
        object_id=group.pk,
        fields=REPORT_FIELDS,
        purpose=purpose,
    )
    return list(
        measures_visible(user)
        .filter(membership__group=group)
        .select_related("membership__person")
        .order_by("membership__person__family_name", "membership_id", "instrument", "-phase")
    )


# The person-level report ------------------------------------------------------------------


@dataclass
class MemberRow:
    membership: Membership
    code: str
    pre: MemberMeasure | None = None
    post: MemberMeasure | None = None

    @property
    def change(self) -> int | None:
        if self.pre is None or self.post is None:
            return None
        return self.post.total_score - self.pre.total_score

    @property
    def improved(self) -> bool | None:
        """Better by the instrument's direction; None without both measures."""
        if self.change is None:
            return None
        return improved(self.code, self.pre.total_score, self.post.total_score)


@dataclass
class InstrumentOutcome:
    code: str
    rows: list[MemberRow] = field(default_factory=list)

    @property
    def name(self) -> str:
        return instrument_name(self.code)

    @property
    def direction(self) -> str:
        return str(DIRECTION[self.code][1])

    @property
    def both(self) -> list[MemberRow]:
        return [row for row in self.rows if row.change is not None]

    @property
    def n_both(self) -> int:
        return len(self.both)

    @property
    def n_improved(self) -> int:
        return sum(bool(row.improved) for row in self.both)

    @property
    def average_pre(self) -> Decimal | None:
        return _average([row.pre.total_score for row in self.both])

    @property
    def average_post(self) -> Decimal | None:
        return _average([row.post.total_score for row in self.both])

    @property
    def average_change(self) -> Decimal | None:
        return _average([row.change for row in self.both])

    @property
    def share_improved(self) -> int | None:
        """Percent of members with both measures who improved, rounded to a whole number."""
        if not self.both:
            return None
        return int((Decimal(100 * self.n_improved) / self.n_both).quantize(Decimal(1), ROUND_HALF_UP))


def _average(values: list[int]) -> Decimal | None:
    if not values:
        return None
    return (Decimal(sum(values)) / len(values)).quantize(Decimal("0.1"), ROUND_HALF_UP)


@dataclass
class GoalsMet:
    met: int
    total: int


def _goals_met(group: Group) -> tuple[list[GroupGoal], GoalsMet]:
    goals = goals_of(group=group)
    return goals, GoalsMet(sum(goal.status == GroupGoal.Status.MET for goal in goals), len(goals))


@dataclass
class OutcomeReport:
    group: Group
    runs: bool
    outcomes: list[InstrumentOutcome]
    goals: list[GroupGoal]
    goals_met: GoalsMet


def group_for_report(*, user: User, group_id: int) -> Group:
    """Those who run the group, and caseworkers of its members, may open the report; others get 404."""
    group = _group(group_id)
    if runs_group(user, group.pk) or members_visible(user=user, group=group).exists():
        return group
    raise Http404("No group with this number.")


def outcome_report(*, user: User, group: Group, purpose: str = "group outcome report") -> OutcomeReport:
    """Per member pre, post and change, only for members the user may see; the open is audited."""
    codes = instruments_of(group=group)
    members = list(members_visible(user=user, group=group))
    measures = group_measures(user=user, group=group, purpose=purpose)
    by_key = {(m.membership_id, m.instrument, m.phase): m for m in measures}
    pre, post = MemberMeasure.Phase.PRE, MemberMeasure.Phase.POST
    outcomes = [
        InstrumentOutcome(
            code,
            [
                MemberRow(m, code, pre=by_key.get((m.pk, code, pre)), post=by_key.get((m.pk, code, post)))
                for m in members
            ],
        )
        for code in codes
    ]
    goals, met = _goals_met(group)
    return OutcomeReport(group, runs_group(user, group.pk), outcomes, goals, met)


# The aggregate report ---------------------------------------------------------------------


@dataclass
class InstrumentSummary:
    code: str
    name: str
    direction: str
    with_both: Cell
    improved: Cell
    not_improved: Cell
    # Shown only when the members with both measures reach the suppression threshold.
    average_change: Decimal | None

    @property
    def average_change_shown(self) -> bool:
        return self.average_change is not None


@dataclass
class OutcomeSummary:
    group: Group
    instruments: list[InstrumentSummary]
    goals_met: GoalsMet
    threshold: int


def group_for_summary(*, user: User, group_id: int) -> Group:
    """A group whose aggregates the user may read; a program manager's are their programs' groups only,
    any other answers as a missing group (rule 9)."""
    policy.require_capability(user, Capability.AGGREGATE_READ)
    return found_or_404(group_aggregates_of(user, group_id).first(), "No group with this number.")


def outcome_summary(*, group: Group) -> OutcomeSummary:
    """Counts that identify no one: small counts suppressed, the average change only from enough members."""
    codes = instruments_of(group=group)
    scores: dict[tuple[int, str], dict[str, int]] = {}
    # Every member counts here, whoever asks: the rows themselves never leave this function.
    rows = MemberMeasure.objects.filter(membership__group=group, instrument__in=codes).values_list(
        "membership_id", "instrument", "phase", "total_score"
    )
    for membership_id, code, phase, score in rows:
        scores.setdefault((membership_id, code), {})[phase] = score
    summaries = []
    for code in codes:
        pairs = [
            (phases["pre"], phases["post"])
            for (_, c), phases in scores.items()
            if c == code and "pre" in phases and "post" in phases
        ]
        n_improved = sum(improved(code, pre, post) for pre, post in pairs)
        cells, total = suppress_table([("improved", n_improved), ("not improved", len(pairs) - n_improved)])
        shown = len(pairs) >= threshold()
        summaries.append(
            InstrumentSummary(
                code=code,
                name=instrument_name(code),
                direction=str(DIRECTION[code][1]),
                with_both=total,
                improved=cells[0],
                not_improved=cells[1],
                average_change=_average([post - pre for pre, post in pairs]) if shown else None,
            )
        )
    _, met = _goals_met(group)
    return OutcomeSummary(group, summaries, met, threshold())


# Case assessments the member's caseworker may use -----------------------------------------


@dataclass(frozen=True)
class Candidate:
    phase: str
    assessment: Assessment


def assessment_candidates(*, user: User, membership: Membership) -> list[Candidate]:
    """Assessments on the member's case, of an instrument the group uses, within the pre or post window.

    Only the member's caseworker gets here; the facilitator never sees the case's assessments.
    """
    if not is_members_caseworker(user, membership):
        raise Http404("No member with this number among your clients.")
    group = membership.group
    codes = instruments_of(group=group)
    taken = set(MemberMeasure.objects.filter(membership=membership).values_list("instrument", "phase"))
    found = list(
        policy.visible(user, Assessment.objects.filter(case_id=membership.case_id), for_change=True)
        .filter(instrument__in=codes, status=Assessment.Status.FINAL)
        .order_by("administered_on", "pk")
    )
    audit_view(
        user,
        object_type="assessments.assessment",
        person_id=membership.person_id,
        fields=["instrument", "administered_on", "total_score", "severity_band"],
        purpose="choosing a case assessment as a group measure",
    )
    candidates = []
    for phase in MemberMeasure.Phase.values:
        window = phase_window(group, phase)
        if window is None:
            continue
        for assessment in found:
            if (assessment.instrument, phase) in taken:
                continue
            if window[0] <= assessment.administered_on <= window[1]:
                candidates.append(Candidate(phase, assessment))
    return candidates


def membership_for_caseworker(*, user: User, membership_id: int) -> Membership:
    membership = (
        policy.visible(user, Membership.objects.filter(pk=membership_id), for_change=True)
        .select_related("person", "group", "case")
        .first()
    )
    if membership is None or not is_members_caseworker(user, membership):
        raise Http404("No member with this number among your clients.")
    return membership
