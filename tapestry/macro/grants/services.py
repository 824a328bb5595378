"""Writes to grants: funders, opportunities, applications and their moves, proposal versions, awards,
the programs they fund, deliverables and reporting deadlines.

Every write needs GRANT_MANAGE, is checked, saved and audited in one transaction, and an edit of a
record two officers may change at once states the version it started from (a stale one is refused).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Max, Sum
from django.utils import timezone
from django.utils.translation import gettext

from tapestry.access import policy
from tapestry.access.models import User
from tapestry.access.policy import Capability
from tapestry.access.versioning import versioned_update
from tapestry.macro.grants.models import (
    TRANSITIONS,
    Application,
    Award,
    AwardProgram,
    Deliverable,
    Funder,
    FunderReport,
    Opportunity,
    ProposalVersion,
    ReportingDeadline,
    Stage,
    StageChange,
)
from tapestry.macro.grants.tasks import send_grant_reminders
from tapestry.web.lead_times import schedule_reminder_runs
from tapestry.web.records import create_record

FUNDER_FIELDS = ("kind", "focus", "contact", "notes")
OPPORTUNITY_FIELDS = (
    "funder",
    "title",
    "amount_min",
    "amount_max",
    "deadline",
    "fit",
    "fit_reason",
    "eligibility",
)
APPLICATION_FIELDS = ("title", "amount_requested", "lead")
AWARD_FIELDS = ("amount", "starts_on", "ends_on", "reference", "notes")
DELIVERABLE_FIELDS = ("description", "due_on", "owner", "done_on")
REPORT_FIELDS = ("kind", "due_on", "owner", "submitted_on", "notes")
FUNDER_REPORT_FIELDS = ("title", "deadline", "period_start", "period_end", *FunderReport.SECTIONS)


def _require(actor: User) -> None:
    policy.require_capability(actor, Capability.GRANT_MANAGE)


def _stripped(changes: dict[str, Any]) -> dict[str, Any]:
    return {name: value.strip() if isinstance(value, str) else value for name, value in changes.items()}


def _set_related(
    names: Iterable[str], wanted: dict[str, Iterable[models.Model]]
) -> Callable[[models.Model, list[str]], list[str]]:
    """A `related` step for versioned_update: sets the many-to-many fields sent, naming those that changed."""

    def apply(record: models.Model, changed: list[str]) -> list[str]:
        done = []
        for name in names:
            if name not in wanted:
                continue
            new = {row.pk for row in wanted[name]}
            manager = getattr(record, name)
            if set(manager.values_list("pk", flat=True)) != new:
                manager.set(new)
                done.append(name)
        return done

    return apply


def _split(changes: dict[str, Any], m2m: tuple[str, ...]) -> tuple[dict[str, Any], dict[str, Any]]:
    columns = {name: value for name, value in changes.items() if name not in m2m}
    related = {name: value for name, value in changes.items() if name in m2m}
    return columns, related


def _versioned(
    actor: User,
    record: models.Model,
    version: int,
    changes: dict[str, Any],
    editable: tuple[str, ...],
    m2m: tuple[str, ...] = (),
) -> Any:
    _require(actor)
    columns, related = _split(_stripped(changes), m2m)
    return versioned_update(
        actor=actor,
        instance=record,
        version=version,
        changes=columns,
        editable=editable,
        related=_set_related(m2m, related) if related else None,
    )


# Funders -----------------------------------------------------------------------------------------


def funder_create(
    *,
    actor: User,
    organisation: Any,
    kind: str,
    focus_needs: Iterable[Any] = (),
    focus: str = "",
    contact: Any = None,
    notes: str = "",
) -> Funder:
    """Keep an organisation as a funder, with the kind of funder it is and what it funds."""
    _require(actor)
    if Funder.objects.filter(organisation=organisation).exists():
        raise ValidationError({"organisation": [gettext("This organisation is already a funder.")]})
    funder = Funder(
        organisation=organisation,
        kind=kind,
        focus=focus.strip(),
        contact=contact,
        notes=notes.strip(),
        created_by=actor,
    )
    return create_record(
        actor,
        funder,
        fields=("organisation", *FUNDER_FIELDS, "focus_needs"),
        related={"focus_needs": focus_needs},
        validate_constraints=False,
    )


def funder_update(*, actor: User, funder: Funder, version: int, changes: dict[str, Any]) -> Funder:
    return _versioned(actor, funder, version, changes, FUNDER_FIELDS, m2m=("focus_needs",))


# Opportunities -----------------------------------------------------------------------------------


def opportunity_create(
    *, actor: User, programs: Iterable[Any] = (), needs: Iterable[Any] = (), **fields: Any
) -> Opportunity:
    """Record a grant a funder offers; `fields` are OPPORTUNITY_FIELDS."""
    _require(actor)
    unknown = set(fields) - set(OPPORTUNITY_FIELDS)
    if unknown:
        raise ValidationError({name: [gettext("This field cannot be set here.")] for name in sorted(unknown)})
    opportunity = Opportunity(**_stripped(fields), created_by=actor)
    return create_record(
        actor,
        opportunity,
        fields=(*fields, "programs", "needs"),
        related={"programs": programs, "needs": needs},
    )


def opportunity_update(
    *, actor: User, opportunity: Opportunity, version: int, changes: dict[str, Any]
) -> Opportunity:
    return _versioned(actor, opportunity, version, changes, OPPORTUNITY_FIELDS, m2m=("programs", "needs"))


# Applications and the pipeline -------------------------------------------------------------------


def application_create(
    *,
    actor: User,
    opportunity: Opportunity,
    title: str = "",
    amount_requested: Decimal | None = None,
    lead: User | None = None,
) -> Application:
    """Start an application for an opportunity; it enters the pipeline as a prospect."""
    _require(actor)
    application = Application(
        opportunity=opportunity,
        title=(title or "").strip() or opportunity.title,
        amount_requested=amount_requested,
        lead=lead or actor,
        created_by=actor,
    )
    with transaction.atomic():
        create_record(actor, application, fields=("opportunity", *APPLICATION_FIELDS, "stage"))
        _stage_change(actor, application, "", Stage.PROSPECT, "")
    return application


def application_update(
    *, actor: User, application: Application, version: int, changes: dict[str, Any]
) -> Application:
    """Change an application's title, amount requested or lead (its stage moves only by `application_move`)."""
    return _versioned(actor, application, version, changes, APPLICATION_FIELDS)


def _stage_change(actor: User, application: Application, before: str, after: str, note: str) -> StageChange:
    change = StageChange(
        application=application,
        from_stage=before,
        to_stage=after,
        note=(note or "").strip(),
        changed_by=actor,
    )
    return create_record(actor, change, fields=("from_stage", "to_stage", "note"), clean=bool(note))


def _refuse_move(to_stage: str) -> Callable[[Application], None]:
    def refuse(current: Application) -> None:
        if to_stage not in Stage.values:
            raise ValidationError({"stage": [gettext("Choose a stage of the pipeline.")]})
        if to_stage not in TRANSITIONS[current.stage]:
            allowed = ", ".join(Stage(s).label.lower() for s in TRANSITIONS[current.stage]) or gettext(
                "nowhere: it is final"
            )
            raise ValidationError(
                {
                    "stage": [
                        gettext(
                            "An application that is %(stage)s cannot move to %(to)s; it may move to %(allowed)s."
                        )
                        % {
                            "stage": current.get_stage_display().lower(),
                            "to": Stage(to_stage).label.lower(),
                            "allowed": allowed,
                        }
                    ]
                }
            )
        if to_stage == Stage.SUBMITTED and not current.proposal_versions.exists():
            raise ValidationError(
                {"stage": [gettext("Save a version of the proposal before you submit it.")]}
            )

    return refuse


def application_move(
    *,
    actor: User,
    application: Application,
    version: int,
    stage: str,
    note: str = "",
    on: dt.date | None = None,
) -> Application:
    """Move an application to the next stage of the pipeline, if that move is allowed, and record who
    moved it and when. Submitting stamps the submission date; awarded and declined the decision date."""
    _require(actor)
    on = on or timezone.localdate()
    changes: dict[str, Any] = {"stage": stage}
    if stage == Stage.SUBMITTED:
        changes["submitted_on"] = on
    if stage in (Stage.AWARDED, Stage.DECLINED):
        changes["decided_on"] = on
    with transaction.atomic():
        before = application.stage
        moved = versioned_update(
            actor=actor,
            instance=application,
            version=version,
            changes=changes,
            editable=("stage", "submitted_on", "decided_on"),
            refuse=_refuse_move(stage),
            savepoint=False,
        )
        _stage_change(actor, moved, before, stage, note)
    return moved


def proposal_save(
    *, actor: User, application: Application, change_note: str = "", **sections: str
) -> ProposalVersion:
    """Save the proposal as a new version; earlier versions are kept as they were."""
    _require(actor)
    unknown = set(sections) - set(ProposalVersion.SECTIONS)
    if unknown:
        raise ValidationError({name: [gettext("This field cannot be set here.")] for name in sorted(unknown)})
    if application.stage not in (Stage.PROSPECT, Stage.DRAFTING):
        raise ValidationError(
            gettext("The proposal of an application that is %(stage)s is final.")
            % {"stage": application.get_stage_display().lower()}
        )
    with transaction.atomic():
        Application.objects.select_for_update().filter(pk=application.pk).first()
        last = application.proposal_versions.aggregate(last=Max("number"))["last"] or 0
        version = ProposalVersion(
            application=application,
            number=last + 1,
            change_note=(change_note or "").strip(),
            author=actor,
            **_stripped(sections),
        )
        return create_record(actor, version, fields=(*sections, "change_note"), validate_constraints=False)


# Awards ------------------------------------------------------------------------------------------


def award_create(
    *,
    actor: User,
    application: Application,
    amount: Decimal,
    starts_on: dt.date,
    ends_on: dt.date,
    reference: str = "",
    notes: str = "",
) -> Award:
    """Record what the funder granted on an awarded application."""
    _require(actor)
    if application.stage != Stage.AWARDED:
        raise ValidationError(gettext("Move the application to awarded before you record the award."))
    if Award.objects.filter(application=application).exists():
        raise ValidationError(gettext("This application already has its award; change it instead."))
    award = Award(
        application=application,
        amount=amount,
        starts_on=starts_on,
        ends_on=ends_on,
        reference=reference.strip(),
        notes=notes.strip(),
        created_by=actor,
    )
    return create_record(actor, award, fields=AWARD_FIELDS, validate_constraints=False)


def award_update(*, actor: User, award: Award, version: int, changes: dict[str, Any]) -> Award:
    if "amount" in changes:
        allocated = award.allocations.aggregate(total=Sum("amount"))["total"] or Decimal("0")
        if changes["amount"] is not None and changes["amount"] < allocated:
            raise ValidationError(
                {
                    "amount": [
                        gettext("The programs already have %(amount)s of this award.")
                        % {"amount": f"{allocated:.2f}"}
                    ]
                }
            )
    return _versioned(actor, award, version, changes, AWARD_FIELDS)


def award_program_add(
    *, actor: User, award: Award, program: Any, amount: Decimal | None = None
) -> AwardProgram:
    """Say a program is funded by the award, with its part of the award where the funder sets one."""
    _require(actor)
    if award.allocations.filter(program=program).exists():
        raise ValidationError(
            {"program": [gettext("%(program)s is already funded by this award.") % {"program": program}]}
        )
    if amount is not None:
        allocated = award.allocations.aggregate(total=Sum("amount"))["total"] or Decimal("0")
        if allocated + amount > award.amount:
            raise ValidationError(
                {
                    "amount": [
                        gettext("Only %(amount)s of the award is left to give to programs.")
                        % {"amount": f"{award.amount - allocated:.2f}"}
                    ]
                }
            )
    return create_record(
        actor,
        AwardProgram(award=award, program=program, amount=amount),
        fields=("program", "amount"),
        validate_constraints=False,
    )


def _on_commit_schedule(due_on: dt.date | None) -> None:
    schedule_reminder_runs(send_grant_reminders, due_on)


def deliverable_add(
    *,
    actor: User,
    award: Award,
    description: str,
    due_on: dt.date,
    owner: User | None = None,
    done_on: dt.date | None = None,
) -> Deliverable:
    """Add something the agency owes the funder; its owner is reminded before it is due."""
    _require(actor)
    row = Deliverable(
        award=award, description=description.strip(), due_on=due_on, owner=owner, done_on=done_on
    )
    with transaction.atomic():
        create_record(actor, row, fields=DELIVERABLE_FIELDS)
        _on_commit_schedule(due_on)
    return row


def deliverable_update(
    *, actor: User, deliverable: Deliverable, version: int, changes: dict[str, Any]
) -> Deliverable:
    with transaction.atomic():
        row = _versioned(actor, deliverable, version, changes, DELIVERABLE_FIELDS)
        if "due_on" in changes:
            _on_commit_schedule(row.due_on)
    return row


def report_add(
    *,
    actor: User,
    award: Award,
    kind: str,
    due_on: dt.date,
    owner: User | None = None,
    submitted_on: dt.date | None = None,
    notes: str = "",
) -> ReportingDeadline:
    """Add a report owed to the funder; its owner is reminded before it is due."""
    _require(actor)
    row = ReportingDeadline(
        award=award, kind=kind, due_on=due_on, owner=owner, submitted_on=submitted_on, notes=notes.strip()
    )
    with transaction.atomic():
        create_record(actor, row, fields=REPORT_FIELDS)
        _on_commit_schedule(due_on)
    return row


def report_update(
    *, actor: User, report: ReportingDeadline, version: int, changes: dict[str, Any]
) -> ReportingDeadline:
    with transaction.atomic():
        row = _versioned(actor, report, version, changes, REPORT_FIELDS)
        if "due_on" in changes:
            _on_commit_schedule(row.due_on)
    return row


# Funder reports ----------------------------------------------------------------------------------


def _check_indicators(indicators: Iterable[Any]) -> list[Any]:
    chosen = list(dict.fromkeys(indicators))
    if len(chosen) > FunderReport.MAX_INDICATORS:
        raise ValidationError(
            {
                "indicators": [
                    gettext("Choose at most %(count)s indicators for one report.")
                    % {"count": FunderReport.MAX_INDICATORS}
                ]
            }
        )
    return chosen


def _check_periods(report: FunderReport, indicators: Iterable[Any]) -> None:
    """Each indicator's periods over the report's period must be a run the measures answer."""
    from tapestry.evidence.measures import Periods

    if report.period_start is None or report.period_end is None or report.period_end < report.period_start:
        return
    for found in indicators:
        try:
            Periods(found.period_type, report.period_start, report.period_end)
        except ValueError as error:
            raise ValidationError({"period_end": [f"{found}: {error}"]}) from None


def funder_report_create(
    *,
    actor: User,
    award: Award,
    title: str,
    period_start: dt.date,
    period_end: dt.date,
    indicators: Iterable[Any] = (),
    deadline: ReportingDeadline | None = None,
    **sections: str,
) -> FunderReport:
    """Start a draft report to the funder on an award: its period, the indicators it gives, its narrative."""
    _require(actor)
    unknown = set(sections) - set(FunderReport.SECTIONS)
    if unknown:
        raise TypeError(f"Not sections of a funder report: {sorted(unknown)}")
    chosen = _check_indicators(indicators)
    report = FunderReport(
        award=award,
        deadline=deadline,
        title=title.strip(),
        period_start=period_start,
        period_end=period_end,
        created_by=actor,
        **{name: (value or "").strip() for name, value in sections.items()},
    )
    report.full_clean()
    _check_periods(report, chosen)
    return create_record(
        actor,
        report,
        fields=(*FUNDER_REPORT_FIELDS, "indicators"),
        clean=False,
        related={"indicators": chosen},
    )


def _refuse_submitted(report: FunderReport) -> None:
    if report.frozen:
        raise ValidationError(gettext("This report was submitted: what was sent stays as it was."))


def funder_report_update(
    *, actor: User, report: FunderReport, version: int, changes: dict[str, Any]
) -> FunderReport:
    """Change a draft report's period, narrative or indicators (a submitted one is refused)."""
    _require(actor)
    columns, related = _split(_stripped(changes), ("indicators",))
    if "indicators" in related:
        related["indicators"] = _check_indicators(related["indicators"] or [])

    def apply(record: models.Model, changed: list[str]) -> list[str]:
        _check_periods(record, related.get("indicators", record.indicators.all()))
        return _set_related(("indicators",), related)(record, changed) if related else []

    return versioned_update(
        actor=actor,
        instance=report,
        version=version,
        changes=columns,
        editable=FUNDER_REPORT_FIELDS,
        refuse=_refuse_submitted,
        related=apply,
    )


def funder_report_submit(
    *, actor: User, report: FunderReport, version: int, on: dt.date | None = None
) -> FunderReport:
    """Submit the report: its figures and deliverables as computed now are stored and shown from then
    on, and the reporting deadline it answers (if any) is marked submitted on the same day."""
    from tapestry.macro.grants import figures

    _require(actor)
    on = on or timezone.localdate()
    if not report.indicators.exists():
        raise ValidationError({"indicators": [gettext("Choose at least one indicator before you submit.")]})
    if not report.summary.strip():
        raise ValidationError({"summary": [gettext("Write the summary before you submit.")]})
    snapshot = figures.compute(user=actor, report=report)
    snapshot["submitted_on"] = on.isoformat()
    with transaction.atomic():
        row = versioned_update(
            actor=actor,
            instance=report,
            version=version,
            changes={
                "status": FunderReport.Status.SUBMITTED,
                "submitted_on": on,
                "submitted_by": actor,
                "snapshot": snapshot,
            },
            editable=("status", "submitted_on", "submitted_by", "snapshot"),
            refuse=_refuse_submitted,
        )
        deadline = row.deadline
        if deadline is not None and deadline.submitted_on is None:
            versioned_update(
                actor=actor,
                instance=deadline,
                version=deadline.version,
                changes={"submitted_on": on},
                editable=REPORT_FIELDS,
            )
    return row


def funder_report_exported(*, actor: User, report: FunderReport, what: str = "pdf") -> None:
    """Record in the audit log that the report left the system (a PDF download)."""
    from tapestry.access.audit import audit_record
    from tapestry.access.models import AuditEntry

    _require(actor)
    audit_record(
        actor=actor,
        action=AuditEntry.Action.EXPORT,
        obj=report,
        fields=[what],
        purpose="Funder report PDF",
    )
