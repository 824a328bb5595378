"""Reads of child-welfare reports and investigations; opens are audited."""

from __future__ import annotations

from django.db.models import Prefetch
from django.utils.translation import gettext

from tapestry.access import policy
from tapestry.access.audit import audit_view
from tapestry.access.models import User
from tapestry.micro.child_welfare.models import (
    Allegation,
    Investigation,
    InvestigationContact,
    Report,
    ReportParticipant,
)
from tapestry.micro.child_welfare.selectors.access import _named, _one
from tapestry.web.ids import found_or_404

REPORT_PARTS = ["reporter", "concerns", "allegations", "participants", "screening", "investigation"]


def _allegations(user: User) -> Prefetch:
    return Prefetch(
        "allegations",
        queryset=Allegation.objects.select_related("child", "alleged_perpetrator", "found_by").annotate(
            **_named(user, "child", "alleged_perpetrator")
        ),
    )


def report_get(*, user: User, report_id: int, for_change: bool = False) -> Report:
    """One report (no related records, not audited: for a service to act on)."""
    return _one(
        user,
        Report.objects.select_related("case"),
        report_id,
        for_change=for_change,
        what=gettext("report"),
    )


def report_detail(*, user: User, report_id: int, purpose: str = "child welfare") -> Report:
    """A report with its allegations, people, screening and investigation; the open is audited."""
    report = report_written(user=user, report_id=report_id)
    report.can_change = policy.visible(user, Report.objects.filter(pk=report.pk), for_change=True).exists()
    audit_view(user, obj=report, person_id=report.case.person_id, fields=REPORT_PARTS, purpose=purpose)
    return report


def report_written(*, user: User, report_id: int) -> Report:
    """The report as its detail shows it, for the answer to a write (the write's own entry is the audit)."""
    return _one(
        user,
        Report.objects.select_related(
            "case__person", "screened_by", "referred_to", "created_by", "investigation__worker"
        ).prefetch_related(
            _allegations(user),
            Prefetch(
                "participants",
                queryset=ReportParticipant.objects.select_related("person").annotate(
                    **_named(user, "person")
                ),
            ),
            Prefetch(
                "investigation__contacts",
                queryset=InvestigationContact.objects.select_related("person", "recorded_by").annotate(
                    **_named(user, "person")
                ),
            ),
        ),
        report_id,
        for_change=False,
        what=gettext("report"),
    )


def investigation_of(report: Report) -> Investigation | None:
    """The report's investigation, if one was started (uses what the selector already loaded)."""
    try:
        return report.investigation
    except Investigation.DoesNotExist:
        return None


def investigation_exists(report: Report) -> bool:
    return Investigation.objects.filter(report=report).exists()


def investigation_get(*, user: User, report_id: int, for_change: bool = False) -> Investigation:
    """The investigation of a report the user may see (or change); 404 if none was started."""
    report = report_get(user=user, report_id=report_id, for_change=for_change)
    return found_or_404(
        Investigation.objects.select_related("report__case", "worker").filter(report=report).first(),
        gettext("This report has no investigation yet."),
    )


def investigation_detail(*, user: User, report_id: int, purpose: str = "child welfare") -> Investigation:
    """An investigation with its contacts and the findings per allegation; the open is audited."""
    investigation = investigation_written(user=user, report_id=report_id)
    audit_view(
        user,
        obj=investigation,
        person_id=investigation.report.case.person_id,
        fields=["worker", "contacts", "findings"],
        purpose=purpose,
    )
    return investigation


def investigation_written(*, user: User, report_id: int) -> Investigation:
    """The investigation as its detail shows it, for the answer to a write (not audited again)."""
    report = report_get(user=user, report_id=report_id)
    return found_or_404(
        Investigation.objects.select_related("report__case", "worker")
        .prefetch_related(
            Prefetch(
                "contacts",
                queryset=InvestigationContact.objects.select_related("person", "recorded_by").annotate(
                    **_named(user, "person")
                ),
            ),
            Prefetch("report__allegations", queryset=Allegation.objects.select_related("child")),
        )
        .filter(report=report)
        .first(),
        gettext("This report has no investigation yet."),
    )


def allegation_get(*, user: User, allegation_id: int, for_change: bool = False) -> Allegation:
    """One allegation with its report; opening it (to record a finding) is audited."""
    allegation = _one(
        user,
        Allegation.objects.select_related("report__case", "child", "alleged_perpetrator").annotate(
            **_named(user, "child", "alleged_perpetrator")
        ),
        allegation_id,
        for_change=for_change,
        what=gettext("allegation"),
    )
    audit_view(
        user,
        obj=allegation,
        person_id=allegation.report.case.person_id,
        fields=["child", "maltreatment", "description", "finding"],
        purpose="record a finding",
    )
    return allegation
