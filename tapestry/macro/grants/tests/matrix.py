"""URL arguments for the grants routes in the authorization matrix (tests/test_authorization_matrix.py)."""

from __future__ import annotations

from tapestry.access.models import Role
from tapestry.macro.grants.models import FunderReport, ProposalVersion
from tapestry.macro.grants.tests.support import an_application, an_award


def examples(world: dict) -> dict[str, dict]:
    officer = world["cast"][Role.GRANTS_OFFICER]
    award = an_award(officer)
    application = award.application
    drafting = an_application(officer, "drafting")
    version = ProposalVersion.objects.filter(application=application).first()
    funder = application.opportunity.funder
    opportunity = application.opportunity
    deliverable = award.deliverables.create(description="A report", due_on=award.ends_on)
    report = award.reports.create(kind="final", due_on=award.ends_on)
    funder_report = FunderReport.objects.create(
        award=award, title="Interim report", period_start=award.starts_on, period_end=award.ends_on
    )
    return {
        "grants:funder_detail": {"pk": funder.pk},
        "grants:funder_edit": {"pk": funder.pk},
        "grants:opportunity_detail": {"pk": opportunity.pk},
        "grants:opportunity_edit": {"pk": opportunity.pk},
        "grants:application_create": {"pk": opportunity.pk},
        "grants:application_detail": {"pk": application.pk},
        "grants:application_edit": {"pk": application.pk},
        "grants:application_move": {"pk": drafting.pk},
        "grants:proposal_save": {"pk": drafting.pk},
        "grants:proposal_version": {"pk": version.pk},
        "grants:award_create": {"pk": application.pk},
        "grants:award_edit": {"pk": award.pk},
        "grants:award_program_add": {"pk": award.pk},
        "grants:deliverable_add": {"pk": award.pk},
        "grants:report_add": {"pk": award.pk},
        "grants:deliverable_edit": {"pk": deliverable.pk},
        "grants:report_edit": {"pk": report.pk},
        "GET /api/v1/grants/funders/{funder_id}": {"funder_id": funder.pk},
        "PATCH /api/v1/grants/funders/{funder_id}": {"funder_id": funder.pk},
        "GET /api/v1/grants/opportunities/{opportunity_id}": {"opportunity_id": opportunity.pk},
        "PATCH /api/v1/grants/opportunities/{opportunity_id}": {"opportunity_id": opportunity.pk},
        "GET /api/v1/grants/applications/{application_id}": {"application_id": application.pk},
        "PATCH /api/v1/grants/applications/{application_id}": {"application_id": application.pk},
        "POST /api/v1/grants/applications/{application_id}/stage": {"application_id": drafting.pk},
        "GET /api/v1/grants/applications/{application_id}/proposal-versions": {
            "application_id": application.pk
        },
        "POST /api/v1/grants/applications/{application_id}/proposal-versions": {
            "application_id": drafting.pk
        },
        "POST /api/v1/grants/applications/{application_id}/award": {"application_id": application.pk},
        "GET /api/v1/grants/awards/{award_id}": {"award_id": award.pk},
        "PATCH /api/v1/grants/awards/{award_id}": {"award_id": award.pk},
        "POST /api/v1/grants/awards/{award_id}/programs": {"award_id": award.pk},
        "POST /api/v1/grants/awards/{award_id}/deliverables": {"award_id": award.pk},
        "PATCH /api/v1/grants/deliverables/{deliverable_id}": {"deliverable_id": deliverable.pk},
        "POST /api/v1/grants/awards/{award_id}/reports": {"award_id": award.pk},
        "PATCH /api/v1/grants/reports/{report_id}": {"report_id": report.pk},
        "grants:funder_report_create": {"pk": award.pk},
        "grants:funder_report_detail": {"pk": funder_report.pk},
        "grants:funder_report_edit": {"pk": funder_report.pk},
        "grants:funder_report_submit": {"pk": funder_report.pk},
        "grants:funder_report_pdf": {"pk": funder_report.pk},
        "GET /api/v1/grants/awards/{award_id}/funder-reports": {"award_id": award.pk},
        "POST /api/v1/grants/awards/{award_id}/funder-reports": {"award_id": award.pk},
        "GET /api/v1/grants/funder-reports/{funder_report_id}": {"funder_report_id": funder_report.pk},
        "PATCH /api/v1/grants/funder-reports/{funder_report_id}": {"funder_report_id": funder_report.pk},
        "POST /api/v1/grants/funder-reports/{funder_report_id}/submit": {
            "funder_report_id": funder_report.pk
        },
        "GET /api/v1/grants/funder-reports/{funder_report_id}/pdf": {"funder_report_id": funder_report.pk},
    }
