"""API routes of evidence packs: list, define, and read one with its figures (suppressed) and stories."""

# No `from __future__ import annotations` here: ninja reads parameter types at runtime (see people/api.py).

from django.db.models import QuerySet
from django.http import HttpRequest
from ninja import Router

from tapestry.macro import choices
from tapestry.thread.packs import exports, selectors, services
from tapestry.thread.packs.models import Pack
from tapestry.thread.packs.schemas import PackDetailOut, PackIn, PackOut
from tapestry.web.ids import resolve_ids
from tapestry.web.schemas import created, error_responses, paged_get

router = Router(tags=["evidence packs"])


def _detail(request: HttpRequest, pack: Pack) -> Pack:
    """The pack with its figures and stories as the API writes them."""
    contents = selectors.pack_contents(user=request.user, pack=pack)
    pack.figures = [
        {
            "key": found.key,
            "title": found.title,
            "kind": found.spec.kind,
            "measures": found.measures,
            "unit": found.unit,
            "period": found.period,
            "breakdown": found.by,
            "suppression": found.note,
            "columns": [{"label": column.label, "kind": column.kind} for column in found.columns],
            "rows": [
                {
                    "label": row.label,
                    "cells": [
                        {
                            "numerator": rate.numerator,
                            "denominator": rate.denominator,
                            "value": rate.value,
                            "shown": exports.shown(rate, found.spec.kind),
                            "suppressed_because": rate.hidden,
                        }
                        for rate in row.cells
                    ],
                }
                for row in found.rows
            ],
        }
        for found in contents.figures
    ]
    pack.stories = [{"title": story.title, "text": story.text} for story in contents.stories]
    return pack


@paged_get(router, "/evidence-packs", PackOut, errors=(422,), summary="List evidence packs")
def pack_list(request: HttpRequest, campaign_id: int | None = None) -> QuerySet[Pack]:
    return selectors.pack_list(user=request.user, campaign_id=campaign_id)


@created(router, "/evidence-packs", PackOut, errors=(400, 422), summary="Define an evidence pack")
def pack_create(request: HttpRequest, payload: PackIn) -> Pack:
    data = resolve_ids(
        payload.model_dump(),
        {
            "campaign_id": (
                lambda pk: selectors.campaign_for_pack(user=request.user, campaign_id=pk),
                selectors.NO_CAMPAIGN,
            )
        },
    )
    campaign = data.pop("campaign")
    codes = data.pop("needs")
    needs = None if codes is None else choices.needs_by_code(codes)
    pack = services.pack_create(actor=request.user, campaign=campaign, needs=needs, **data)
    return selectors.pack_get(user=request.user, pack_id=pack.pk)


@router.get(
    "/evidence-packs/{pack_id}",
    response={200: PackDetailOut, **error_responses(404, 422)},
    summary="Open an evidence pack",
    description="Its figures, computed now through the measures and suppressed (a hidden cell's numbers "
    "are null, with the reason), and its approved stories whose consent is in force.",
)
def pack_detail(request: HttpRequest, pack_id: int) -> Pack:
    return _detail(request, selectors.pack_get(user=request.user, pack_id=pack_id))
