"""Pages of the community needs assessment: assessments, the survey builder, staff response entry,
indicator import, assets and the results."""

from __future__ import annotations

from dataclasses import replace

from django.core.exceptions import ValidationError
from django.forms.models import model_to_dict
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext
from django.views.decorators.http import require_POST

from tapestry.access.policy import Capability, has_capability
from tapestry.directory.models import Service
from tapestry.evidence.charts import bar_chart, choropleth
from tapestry.evidence.suppression import Cell, threshold
from tapestry.macro.community import importing, selectors, services
from tapestry.macro.community.forms import (
    AssessmentForm,
    AssetForm,
    IndicatorImportForm,
    QuestionForm,
    SurveyForm,
)
from tapestry.macro.community.models import Assessment, Question, Survey
from tapestry.micro.cases.measures import ADDRESS_CONFIDENTIAL, NOT_PLACED
from tapestry.people.models import Organisation
from tapestry.places.selectors import CaseMap
from tapestry.web.pages import act, bound, form_page, save_page, submit

FORM = "community/form.html"


def _assessment(request: HttpRequest, pk: int) -> Assessment:
    assessment = selectors.assessment_get(user=request.user, assessment_id=pk)
    if assessment is None:
        raise Http404("No assessment with this number.")
    return assessment


def _survey(request: HttpRequest, pk: int) -> Survey:
    survey = selectors.survey_get(user=request.user, survey_id=pk)
    if survey is None:
        raise Http404("No survey with this number.")
    return survey


def _page(assessment: Assessment) -> str:
    return reverse("community:assessment_detail", args=[assessment.pk])


def _survey_page(survey: Survey) -> str:
    return reverse("community:survey_detail", args=[survey.pk])


def assessment_list(request: HttpRequest) -> HttpResponse:
    context = {
        "assessments": list(selectors.assessment_list(user=request.user)),
        "can_change": has_capability(request.user, Capability.AREA_MANAGE),
    }
    return render(request, "community/assessment_list.html", context)


def assessment_detail(request: HttpRequest, pk: int) -> HttpResponse:
    assessment = _assessment(request, pk)
    context = {
        "assessment": assessment,
        "surveys": selectors.surveys_of(assessment),
        "assets": selectors.assets_of(assessment),
        "can_change": has_capability(request.user, Capability.AREA_MANAGE),
    }
    return render(request, "community/assessment_detail.html", context)


def assessment_create(request: HttpRequest) -> HttpResponse:
    form = AssessmentForm(bound(request), areas=selectors.area_choices())
    return save_page(
        request,
        FORM,
        form=form,
        call=lambda: services.assessment_create(actor=request.user, **form.changes()),
        done=lambda made: gettext("The assessment %(title)s is started.") % {"title": made.title},
        then=_page,
        title=gettext("Start a community needs assessment"),
        back=reverse("community:assessment_list"),
    )


def assessment_edit(request: HttpRequest, pk: int) -> HttpResponse:
    assessment = _assessment(request, pk)
    initial = model_to_dict(assessment, fields=[*services.ASSESSMENT_FIELDS, "version"])
    form = AssessmentForm(bound(request), initial=initial, areas=selectors.area_choices())
    return save_page(
        request,
        FORM,
        form=form,
        call=lambda: services.assessment_update(
            actor=request.user,
            assessment=assessment,
            version=form.cleaned_data["version"] or 0,
            changes=form.changes(),
        ),
        done=gettext("The assessment is saved."),
        then=_page(assessment),
        title=gettext("Change %(title)s") % {"title": assessment.title},
        back=_page(assessment),
    )


def survey_create(request: HttpRequest, pk: int) -> HttpResponse:
    assessment = _assessment(request, pk)
    form = SurveyForm(bound(request))
    return save_page(
        request,
        FORM,
        form=form,
        call=lambda: services.survey_create(actor=request.user, assessment=assessment, **form.cleaned_data),
        done=gettext("The survey is made; add its questions."),
        then=_survey_page,
        title=gettext("A survey for %(title)s") % {"title": assessment.title},
        back=_page(assessment),
    )


def _question_form(request: HttpRequest, survey: Survey) -> QuestionForm:
    earlier = Question.objects.filter(
        survey=survey, kind__in=[Question.Kind.SINGLE, Question.Kind.MULTIPLE, Question.Kind.SCALE]
    )
    return QuestionForm(bound(request), earlier=earlier)


def survey_detail(request: HttpRequest, pk: int) -> HttpResponse:
    survey = _survey(request, pk)
    context = {
        "survey": survey,
        "assessment": survey.assessment,
        "questions": selectors.questions_of(survey),
        "form": _question_form(request, survey),
        "public_url": request.build_absolute_uri(reverse("survey_public:answer", args=[survey.token])),
        "can_change": has_capability(request.user, Capability.AREA_MANAGE),
    }
    return render(request, "community/survey_detail.html", context)


def question_add(request: HttpRequest, pk: int) -> HttpResponse:
    survey = _survey(request, pk)
    form = _question_form(request, survey)
    saved, status = submit(
        form, lambda: services.question_add(actor=request.user, survey=survey, **form.changes())
    )
    if saved is not None:
        return redirect(_survey_page(survey))
    context = {
        "survey": survey,
        "assessment": survey.assessment,
        "questions": selectors.questions_of(survey),
        "form": form,
        "public_url": request.build_absolute_uri(reverse("survey_public:answer", args=[survey.token])),
        "can_change": True,
    }
    return render(request, "community/survey_detail.html", context, status=status)


@require_POST
def survey_link(request: HttpRequest, pk: int) -> HttpResponse:
    survey = _survey(request, pk)
    is_open = request.POST.get("open") == "1"
    act(
        request,
        lambda: services.survey_set_open(actor=request.user, survey=survey, is_open=is_open),
        gettext("The public link is open.") if is_open else gettext("The public link is closed."),
    )
    return redirect(_survey_page(survey))


def raw_answers(data: object, questions: list[Question]) -> dict[int, list[str]]:
    """The POST's answers by question: field `q<id>`, several values for a multiple choice."""
    return {question.pk: data.getlist(f"q{question.pk}") for question in questions}  # type: ignore[attr-defined]


def question_rows(questions: list[Question], errors: dict[str, list[str]], sent: object) -> list[dict]:
    """What the answer form shows per question: its field name, errors and the values sent back."""
    rows = []
    for question in questions:
        name = f"q{question.pk}"
        values = sent.getlist(name) if hasattr(sent, "getlist") else []
        rows.append({"question": question, "name": name, "errors": errors.get(name, []), "sent": values})
    return rows


def response_enter(request: HttpRequest, pk: int) -> HttpResponse:
    survey = _survey(request, pk)
    questions = selectors.questions_of(survey)
    errors: dict[str, list[str]] = {}
    status = 200
    if request.method == "POST":
        raw = raw_answers(request.POST, questions)
        contact = {
            "name": request.POST.get("contact_name", ""),
            "detail": request.POST.get("contact_detail", ""),
        }
        try:
            services.response_enter(actor=request.user, survey=survey, raw=raw, contact=contact)
        except ValidationError as problem:
            errors, status = problem.message_dict, 400
        else:
            return redirect(reverse("community:response_enter", args=[survey.pk]) + "?saved=1")
    context = {
        "survey": survey,
        "rows": question_rows(questions, errors, request.POST if errors else None),
        "saved": request.GET.get("saved") == "1",
        "staff": True,
    }
    return render(request, "community/response_form.html", context, status=status)


def asset_add(request: HttpRequest, pk: int) -> HttpResponse:
    assessment = _assessment(request, pk)
    form = AssetForm(
        bound(request),
        areas=selectors.area_choices(),
        services=Service.objects.order_by("name"),
        organisations=Organisation.objects.order_by("name"),
    )
    return save_page(
        request,
        FORM,
        form=form,
        call=lambda: services.asset_add(actor=request.user, assessment=assessment, **form.changes()),
        done=lambda asset: gettext("%(name)s is listed among the area's assets.") % {"name": asset.name},
        then=_page(assessment),
        title=gettext("An asset of %(area)s") % {"area": assessment.area.name},
        back=_page(assessment),
    )


def indicator_import(request: HttpRequest) -> HttpResponse:
    form = IndicatorImportForm(request.POST or None, request.FILES or None)
    report = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        report = importing.indicators_import(actor=request.user, source=upload.name, content=upload.read())
    status = 400 if (report and not report.ok) or (form.is_bound and not form.is_valid()) else 200
    context = {"report": report, "columns": importing.COLUMNS}
    return form_page(request, "community/import.html", form=form, status=status, **context)


def assessment_results(request: HttpRequest, pk: int) -> HttpResponse:
    assessment = _assessment(request, pk)
    areas = selectors.areas_within(assessment.area)
    surveys = selectors.surveys_of(assessment)
    results = selectors.survey_results(user=request.user, surveys=surveys)
    for result in results:
        for found in result.questions:
            found.cells = _translated(found.cells)
            found.note = gettext(found.note) if found.note else ""
    charts = {
        found.question.pk: bar_chart(
            chart_id=f"question-{found.question.pk}", title=found.question.text, cells=found.cells
        )
        for result in results
        for found in result.questions
        if found.question.kind != Question.Kind.TEXT
    }
    values = selectors.indicator_values(user=request.user, areas=areas)
    names = selectors.indicator_names(values)
    chosen = request.GET.get("indicator") or (names[0] if names else "")
    inner = [area for area in areas if area.parent_id == assessment.area_id] or [assessment.area]
    found_map = selectors.indicator_map(values, inner, chosen, request.GET.get("period", ""))
    indicator_chart = (
        choropleth(
            chart_id="indicator-map",
            title=f"{found_map.indicator}, {found_map.period}",
            areas=found_map.cells,
        )
        if found_map
        else None
    )
    practice = selectors.practice_map(user=request.user, area=assessment.area, areas=areas)
    if practice:
        practice.cells = _translated(practice.cells)
        practice.title = gettext(practice.title) if practice.title else ""
        practice.note = gettext(practice.note) if practice.note else ""
    practice_chart = (
        choropleth(
            chart_id="practice-map",
            title=gettext("Cases by %(kind)s") % {"kind": practice.kind_label.lower()},
            areas=[
                (cell, area.boundary) for area, cell in zip(practice.areas, _cells(practice), strict=True)
            ],
        )
        if practice
        else None
    )
    context = {
        "assessment": assessment,
        "results": [
            (result, [(found, charts.get(found.question.pk)) for found in result.questions])
            for result in results
        ],
        "values": values,
        "names": names,
        "chosen": chosen,
        "map": found_map,
        "indicator_chart": indicator_chart,
        "practice": practice,
        "practice_chart": practice_chart,
        "threshold": threshold(),
    }
    return render(request, "community/results.html", context)


# Rows the results add to the answers and areas: fixed English words, translated for the page only.
FIXED_ROWS = frozenset({selectors.NO_ANSWER, ADDRESS_CONFIDENTIAL, NOT_PLACED})


def _translated(cells: list[Cell]) -> list[Cell]:
    return [replace(cell, label=gettext(cell.label)) if cell.label in FIXED_ROWS else cell for cell in cells]


def _cells(found: CaseMap) -> list[Cell]:
    return [Cell(area.label, area.value) for area in found.areas]
