"""Reads of client alerts: the alerts of one person or of a list of persons, and an alert's history.

Stored alerts (suicide risk, a worker's concern) are read from their table; the others are read from
the live records they describe (a safety plan on an open case, the person's interpreter need, an open
case in the Part 2 or school segment), so they close when their record does. Every read starts from
the access policy: an alert from a segment the user is not granted is never shown.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from django.db.models import Q, QuerySet
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from tapestry.access import policy
from tapestry.access.audit import audit_view
from tapestry.access.models import Segment, User
from tapestry.access.policy import Capability
from tapestry.micro.alerts.models import AlertKind, AlertSource, ClientAlert
from tapestry.micro.cases.models import Case
from tapestry.micro.crisis.reasons import shown_reason
from tapestry.people.models import Person

MISSING = "No alert with this number."
OUT_OF_REACH = gettext_lazy(
    "This alert is about a client outside your caseload, or in a segment you are not granted."
)

# Most urgent first on every page.
KIND_ORDER = {kind: n for n, kind in enumerate(AlertKind.values)}
SEGMENT_KINDS = {Segment.SUBSTANCE_USE: AlertKind.PART2, Segment.SCHOOL: AlertKind.SCHOOL}
SOURCE_PAGES = {
    AlertSource.SCREEN: "assessments:assessment_detail",
    AlertSource.RISK_ASSESSMENT: "crisis:risk_assessment_detail",
}


@dataclass(frozen=True)
class Alert:
    """One alert as a page shows it, stored or read from a live record."""

    kind: str
    label: str
    reason: str
    person_id: int
    url: str = ""  # the record the alert comes from
    source_label: str = ""
    raised_at: datetime | None = None
    alert_id: int | None = None  # a stored alert's number (it may be resolved); None for a live one
    case_id: int | None = None

    @property
    def urgent(self) -> bool:
        return self.kind == AlertKind.SUICIDE_RISK

    @property
    def stored(self) -> bool:
        return self.alert_id is not None


def source_url(alert: ClientAlert) -> str:
    name = SOURCE_PAGES.get(alert.source)
    if name and alert.source_id:
        return reverse(name, kwargs={"pk": alert.source_id})
    return reverse("alerts:person_alerts", kwargs={"person_pk": alert.person_id})


def _stored(alert: ClientAlert) -> Alert:
    return Alert(
        kind=alert.kind,
        label=alert.get_kind_display(),
        reason=shown_reason(alert.reason),
        person_id=alert.person_id,
        url=source_url(alert),
        source_label=alert.get_source_display(),
        raised_at=alert.raised_at,
        alert_id=alert.pk,
        case_id=alert.case_id,
    )


def open_alerts(user: User) -> QuerySet[ClientAlert]:
    """The stored alerts still open that the user may see (one query, with the policy's subqueries)."""
    return policy.visible(user, ClientAlert.objects.filter(resolved_at__isnull=True))


def _case_alerts(user: User, person_ids: list[int]) -> list[Alert]:
    """Safety plans in force and open Part 2 or school cases: one query over the user's visible cases."""
    cases = (
        policy.visible(user, Case.objects.filter(person_id__in=person_ids))
        .exclude(status=Case.Status.CLOSED)
        .filter(Q(segment__in=list(SEGMENT_KINDS)) | Q(safety_plan__isnull=False))
        .values("pk", "person_id", "segment", "safety_plan__version", "safety_plan__updated_at")
        .order_by("pk")
    )
    found = []
    for case in cases:
        number = f"C-{case['pk']:06d}"
        case_url = reverse("cases:case_detail", kwargs={"pk": case["pk"]})
        if case["safety_plan__version"] is not None:
            found.append(
                Alert(
                    kind=AlertKind.SAFETY_PLAN,
                    label=str(AlertKind.SAFETY_PLAN.label),
                    reason=_("A safety plan is in force on case %(number)s (version %(version)s).")
                    % {"number": number, "version": case["safety_plan__version"]},
                    person_id=case["person_id"],
                    url=reverse("crisis:safety_plan", kwargs={"case_pk": case["pk"]}),
                    source_label=_("Safety plan"),
                    raised_at=case["safety_plan__updated_at"],
                    case_id=case["pk"],
                )
            )
        kind = SEGMENT_KINDS.get(case["segment"])
        if kind == AlertKind.PART2:
            reason = _(
                "Case %(number)s is a substance use record under 42 CFR Part 2: disclose nothing from it "
                "without the client's written consent naming the recipient."
            ) % {"number": number}
        elif kind == AlertKind.SCHOOL:
            reason = _(
                "Case %(number)s holds education records under FERPA: disclose them only with written "
                "consent or a FERPA exception."
            ) % {"number": number}
        else:
            continue
        found.append(
            Alert(
                kind=kind,
                label=str(kind.label),
                reason=reason,
                person_id=case["person_id"],
                url=case_url,
                source_label=_("Case"),
                case_id=case["pk"],
            )
        )
    return found


def _interpreter_alerts(user: User, person_ids: list[int]) -> list[Alert]:
    people = (
        policy.persons_visible(user)
        .filter(pk__in=person_ids, needs_interpreter=True)
        .values("pk", "languages")
        .order_by("pk")
    )
    found = []
    for person in people:
        languages = [part.strip() for part in person["languages"].split(",") if part.strip()]
        if languages:
            reason = _("Preferred language: %(language)s.") % {"language": languages[0]}
        else:
            reason = _("No preferred language is recorded yet.")
        found.append(
            Alert(
                kind=AlertKind.INTERPRETER,
                label=str(AlertKind.INTERPRETER.label),
                reason=reason,
                person_id=person["pk"],
                url=reverse("people:person_detail", kwargs={"pk": person["pk"]}),
                source_label=_("Person record"),
            )
        )
    return found


def alerts_for_persons(*, user: User, person_ids: Iterable[int]) -> dict[int, list[Alert]]:
    """The alerts in force for each of these persons that the user may see, most urgent first.

    For caseloads and worklists: five queries whatever the number of persons or alerts (stored
    alerts and the visible cases, each with the policy's segment grants, and the persons).
    A person the user may not see has no entry.
    """
    ids = sorted({int(pk) for pk in person_ids})
    if not ids or not policy.has_capability(user, Capability.PERSON_READ):
        return {}
    alerts = [_stored(alert) for alert in open_alerts(user).filter(person_id__in=ids)]
    alerts += _case_alerts(user, ids)
    alerts += _interpreter_alerts(user, ids)
    by_person: dict[int, list[Alert]] = {}
    for alert in sorted(
        alerts, key=lambda a: (KIND_ORDER[a.kind], -(a.raised_at.timestamp() if a.raised_at else 0))
    ):
        by_person.setdefault(alert.person_id, []).append(alert)
    return by_person


def alerts_for(*, user: User, person: Person | int) -> list[Alert]:
    """The alerts in force for one person that the user may see, most urgent first (five queries)."""
    person_id = person if isinstance(person, int) else person.pk
    return alerts_for_persons(user=user, person_ids=[person_id]).get(person_id, [])


def open_suicide_risk(user: User) -> QuerySet[ClientAlert]:
    """Open suicide-risk alerts the user may see, with their person and case (for caseload flags)."""
    return (
        open_alerts(user)
        .filter(kind=AlertKind.SUICIDE_RISK)
        .select_related("person")
        .order_by("-raised_at", "-id")
    )


def alert_history(*, user: User, person: Person, purpose: str = "case work") -> list[ClientAlert]:
    """Every stored alert about the person the user may see, open and resolved, newest first; audited."""
    history = list(
        policy.visible(user, ClientAlert.objects.filter(person=person)).select_related(
            "raised_by", "resolved_by", "case"
        )
    )
    for alert in history:
        alert.source_url = source_url(alert)
    audit_view(
        user, object_type="alerts.clientalert", person_id=person.pk, fields=["alerts"], purpose=purpose
    )
    return history


def alert_get(*, user: User, alert_id: int, for_change: bool = False) -> ClientAlert:
    """One stored alert the user may see (or change), with its person."""
    return policy.one_in_reach(
        user,
        ClientAlert.objects.select_related("person", "raised_by", "resolved_by"),
        alert_id,
        missing=MISSING,
        detail=OUT_OF_REACH,
        for_change=for_change,
        read_only=gettext_lazy("Emergency access is read-only: you may not resolve this alert."),
    )
