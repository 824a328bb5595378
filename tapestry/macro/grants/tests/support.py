"""Grants as a test needs them: a funder, an opportunity, an application at any stage, an award."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.utils import timezone

from tapestry.access.models import User
from tapestry.macro.grants import services
from tapestry.macro.grants.models import Application, Award, Funder, Opportunity, Stage
from tapestry.programs.models import Program
from tapestry.testing import OrganisationFactory

ROUTE = {
    Stage.PROSPECT: (),
    Stage.DRAFTING: (Stage.DRAFTING,),
    Stage.SUBMITTED: (Stage.DRAFTING, Stage.SUBMITTED),
    Stage.AWARDED: (Stage.DRAFTING, Stage.SUBMITTED, Stage.AWARDED),
    Stage.DECLINED: (Stage.DRAFTING, Stage.SUBMITTED, Stage.DECLINED),
    Stage.WITHDRAWN: (Stage.WITHDRAWN,),
}


def a_funder(officer: User, name: str = "") -> Funder:
    organisation = OrganisationFactory(**({"name": name} if name else {}), kind="funder")
    return services.funder_create(actor=officer, organisation=organisation, kind=Funder.Kind.FOUNDATION)


def an_opportunity(officer: User, funder: Funder | None = None, **fields: object) -> Opportunity:
    fields.setdefault("title", "Family Futures Fund")
    fields.setdefault("deadline", timezone.localdate() + dt.timedelta(days=30))
    return services.opportunity_create(actor=officer, funder=funder or a_funder(officer), **fields)


def an_application(
    officer: User, stage: str = Stage.PROSPECT, amount: str = "20000", **fields: object
) -> Application:
    application = services.application_create(
        actor=officer, opportunity=an_opportunity(officer, **fields), amount_requested=Decimal(amount)
    )
    for step in ROUTE[stage]:
        if step == Stage.SUBMITTED:
            services.proposal_save(actor=officer, application=application, summary="What we will do.")
        application = services.application_move(
            actor=officer, application=application, version=application.version, stage=step
        )
    return application


def an_award(officer: User, amount: str = "18000", **fields: object) -> Award:
    application = an_application(officer, Stage.AWARDED, **fields)
    start = timezone.localdate() - dt.timedelta(days=30)
    return services.award_create(
        actor=officer,
        application=application,
        amount=Decimal(amount),
        starts_on=start,
        ends_on=start + dt.timedelta(days=365),
    )


def a_program(name: str = "Housing Stability") -> Program:
    return Program.objects.get_or_create(name=name)[0]
