"""The public survey link, /s/<token>/: no account, no session, no cookie, and nothing read back.

The page carries no CSRF token (that would set a cookie) and is exempt from the CSRF check: there is
no session or identity for a forged post to act as, and a forged post could only add an answer,
which anyone can do with the link itself. Both methods are rate-limited, by the visitor's address
and by survey; over a limit the answer is 429 and nothing is stored.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django_ratelimit.core import is_ratelimited

from tapestry.macro.community import selectors, services
from tapestry.macro.community.views import question_rows, raw_answers

TEMPLATE = "public_survey.html"


def _limited(request: HttpRequest, token: str) -> bool:
    """Count this request against the per-address and the per-survey limits (POSTs only for the latter)."""
    by_address = is_ratelimited(
        request,
        group="community.survey.ip",
        key="ip",
        rate=settings.TAPESTRY_SURVEY_RATE_PER_ADDRESS,
        increment=True,
    )
    by_survey = request.method == "POST" and is_ratelimited(
        request,
        group="community.survey.link",
        key=lambda _group, _request: token[:64],
        rate=settings.TAPESTRY_SURVEY_RATE_PER_SURVEY,
        increment=True,
    )
    return by_address or by_survey


def _page(request: HttpRequest, name: str, context: dict, status: int) -> HttpResponse:
    response = render(request, f"community/{name}", context, status=status)
    response["Cache-Control"] = "no-store"
    response["Referrer-Policy"] = "no-referrer"
    return response


@csrf_exempt
@never_cache
def answer(request: HttpRequest, token: str) -> HttpResponse:
    if request.method not in ("GET", "POST"):
        return _page(
            request,
            "public_message.html",
            {"heading": gettext("Not available"), "text": gettext("Open the link to answer.")},
            405,
        )
    if _limited(request, token):
        text = gettext(
            "Too many answers have come from here or to this survey in a short time. Please try again later."
        )
        heading = gettext("Please wait a little")
        return _page(request, "public_message.html", {"heading": heading, "text": text}, 429)
    survey = selectors.survey_by_token(token)
    if survey is None:
        text = gettext("There is no survey at this address. Check the link you were given.")
        return _page(
            request, "public_message.html", {"heading": gettext("No survey here"), "text": text}, 404
        )
    if not survey.is_open:
        text = gettext("This survey is not taking answers now. Thank you for your interest.")
        heading = gettext("This survey is closed")
        return _page(request, "public_message.html", {"heading": heading, "text": text}, 410)
    questions = selectors.questions_of(survey)
    errors: dict[str, list[str]] = {}
    status = 200
    if request.method == "POST":
        contact = {}
        if request.POST.get("contact_me") == "1":
            contact = {
                "name": request.POST.get("contact_name", "").strip(),
                "detail": request.POST.get("contact_detail", "").strip(),
            }
        try:
            services.response_submit_public(
                survey=survey, raw=raw_answers(request.POST, questions), contact=contact
            )
        except ValidationError as problem:
            errors, status = problem.message_dict, 400
        else:
            text = gettext("Your answers are saved. Thank you for taking part.")
            return _page(request, "public_message.html", {"heading": gettext("Thank you"), "text": text}, 200)
    context = {"survey": survey, "rows": question_rows(questions, errors, request.POST if errors else None)}
    return _page(request, TEMPLATE, context, status)
