"""Pages for assessments (give, read, chart) and for the custom-form editor: parse, call, render."""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.forms import BaseForm
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext

from tapestry.access.audit import audit_form_open
from tapestry.micro.assessments import selectors, services
from tapestry.micro.assessments.charts import score_histories
from tapestry.micro.assessments.forms import (
    AssessmentForm,
    BandForm,
    ChoiceForm,
    CustomFormCreateForm,
    CustomFormSettingsForm,
    InErrorForm,
    QuestionForm,
)
from tapestry.micro.assessments.instruments import INSTRUMENTS, Instrument, instrument_get
from tapestry.micro.assessments.links import crisis_url
from tapestry.micro.assessments.models import CustomForm
from tapestry.micro.cases.models import Case
from tapestry.web.pages import bound, case_page_url, save_page, submit

# Instruments ------------------------------------------------------------------------------


def instrument_list(request: HttpRequest) -> HttpResponse:
    return render(request, "assessments/instrument_list.html", {"instruments": INSTRUMENTS.values()})


# A case's assessments ---------------------------------------------------------------------


def case_index(request: HttpRequest, case_pk: int) -> HttpResponse:
    case = selectors.case_for_assessments(user=request.user, case_id=case_pk)
    assessments = list(selectors.case_assessments(user=request.user, case=case))
    can_record = selectors.can_record_on(user=request.user, case=case)
    context = {
        "case": case,
        "case_url": case_page_url(case),
        "assessments": list(reversed(assessments)),
        "histories": score_histories(assessments),
        "can_record": can_record,
        "instruments": INSTRUMENTS.values(),
        "custom_forms": list(selectors.custom_forms_in_use()) if can_record else [],
    }
    return render(request, "assessments/case_index.html", context)


def _administer(
    request: HttpRequest, case: Case, definition: Instrument, custom_form: CustomForm | None
) -> HttpResponse:
    if case.status == Case.Status.CLOSED:
        messages.error(request, gettext("This case is closed; reopen it before recording an assessment."))
        return redirect("assessments:case_index", case_pk=case.pk)
    form = AssessmentForm(definition, bound(request))
    audit_form_open(request, obj=case, fields=["case", "name"], purpose=f"form: record {definition.name}")
    return save_page(
        request,
        "assessments/assessment_form.html",
        form=form,
        call=lambda: services.assessment_record(
            actor=request.user,
            case=case,
            definition=definition,
            custom_form=custom_form,
            answers=form.cleaned_data["answers"],
            administered_on=form.cleaned_data["administered_on"],
            note=form.cleaned_data["note"],
        ),
        done=gettext("The %(name)s is scored and saved.") % {"name": definition.name},
        then=lambda assessment: reverse("assessments:assessment_detail", kwargs={"pk": assessment.pk}),
        case=case,
        definition=definition,
        case_url=case_page_url(case),
    )


def assessment_new(request: HttpRequest, case_pk: int, code: str) -> HttpResponse:
    case = selectors.case_for_assessments(user=request.user, case_id=case_pk, for_change=True)
    definition = instrument_get(code)
    if definition is None:
        raise Http404("There is no instrument with this name.")
    return _administer(request, case, definition, None)


def assessment_new_custom(request: HttpRequest, case_pk: int, form_pk: int) -> HttpResponse:
    case = selectors.case_for_assessments(user=request.user, case_id=case_pk, for_change=True)
    try:
        definition, custom_form = services.definition_for(custom_form_id=form_pk)
    except ValidationError as error:
        raise Http404(" ".join(error.messages)) from error
    return _administer(request, case, definition, custom_form)


# One assessment ---------------------------------------------------------------------------


def assessment_detail(request: HttpRequest, pk: int) -> HttpResponse:
    assessment = selectors.assessment_detail(user=request.user, assessment_id=pk)
    case = assessment.case
    can_change = selectors.can_record_on(user=request.user, case=case)
    context = {
        "assessment": assessment,
        "case": case,
        "case_url": case_page_url(case),
        "crisis_url": crisis_url(case) if assessment.crisis else "",
        "definition": INSTRUMENTS.get(assessment.instrument),
        "needs": selectors.needs_proposed(assessment=assessment),
        "can_change": can_change,
        "history_anchor": f"history-{assessment.series_key}",
    }
    return render(request, "assessments/assessment_detail.html", context)


def assessment_add_needs(request: HttpRequest, pk: int) -> HttpResponse:
    if request.method != "POST":
        return redirect("assessments:assessment_detail", pk=pk)
    assessment = selectors.assessment_get(user=request.user, assessment_id=pk, for_change=True)
    try:
        outcome = services.assessment_needs_add(actor=request.user, assessment=assessment)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        added = ", ".join(need.label for need in outcome.added)
        if added:
            messages.success(request, gettext("Added to the case: %(needs)s.") % {"needs": added})
        if outcome.already_on_case:
            already = ", ".join(need.label for need in outcome.already_on_case)
            messages.info(request, gettext("Already on the case: %(needs)s.") % {"needs": already})
    return redirect("assessments:assessment_detail", pk=pk)


def assessment_in_error(request: HttpRequest, pk: int) -> HttpResponse:
    assessment = selectors.assessment_get(user=request.user, assessment_id=pk, for_change=True)
    audit_form_open(
        request,
        obj=assessment,
        person_id=assessment.case.person_id,
        fields=["case", "name", "instrument", "score"],
        purpose="form: mark an assessment entered in error",
    )
    form = InErrorForm(bound(request), initial={"version": assessment.version})
    return save_page(
        request,
        "assessments/assessment_in_error.html",
        form=form,
        call=lambda: services.assessment_mark_in_error(
            actor=request.user, assessment=assessment, **form.cleaned_data
        ),
        done=gettext("The assessment is marked as entered in error; it stays on file."),
        then=reverse("assessments:assessment_detail", kwargs={"pk": pk}),
        assessment=assessment,
        case=assessment.case,
    )


# Custom forms (administrators) ------------------------------------------------------------


def custom_form_list(request: HttpRequest) -> HttpResponse:
    forms = selectors.custom_form_editor_list(user=request.user)
    return render(request, "assessments/custom_form_list.html", {"forms": forms})


def custom_form_create(request: HttpRequest) -> HttpResponse:
    form = CustomFormCreateForm(bound(request))
    return save_page(
        request,
        "assessments/custom_form_create.html",
        form=form,
        call=lambda: services.custom_form_create(actor=request.user, **form.cleaned_data),
        done=lambda created: gettext("'%(name)s' is created: now add its questions and bands.")
        % {"name": created.name},
        then=lambda created: reverse("assessments:custom_form_edit", kwargs={"pk": created.pk}),
        invalid=200,
    )


def _editor(
    request: HttpRequest, custom_form: CustomForm, *, status: int = 200, **failed: Any
) -> HttpResponse:
    """The editor page; a form that failed is passed in bound, so its errors show beside its fields."""
    questions = list(custom_form.questions.all())
    context = {
        "custom_form": custom_form,
        "settings_form": failed.get("settings_form")
        or CustomFormSettingsForm(instance=custom_form, initial={"version": custom_form.version}),
        "question_form": failed.get("question_form") or QuestionForm(),
        "band_form": failed.get("band_form") or BandForm(),
        "questions": [
            (question, failed.get(f"choice_form_{question.pk}") or ChoiceForm(prefix=f"q{question.pk}"))
            for question in questions
        ],
        "max_total": sum(max((c.points for c in q.choices.all()), default=0) for q in questions),
    }
    return render(request, "assessments/custom_form_edit.html", context, status=status)


def _editor_save(
    request: HttpRequest,
    editing: CustomForm | int,
    name: str,
    form: BaseForm,
    *,
    call: Callable[[], Any],
    done: str,
) -> HttpResponse:
    """Save one of the editor's forms (`name` in the editor's page): back to the editor with `done`,
    or the editor again with the failed form bound. Given by id, the custom form is read only then."""
    form_id = getattr(editing, "pk", editing)
    if request.method != "POST":
        return redirect("assessments:custom_form_edit", pk=form_id)
    saved, status = submit(form, call)
    if saved is not None:
        messages.success(request, done)
        return redirect("assessments:custom_form_edit", pk=form_id)
    if not isinstance(editing, CustomForm):
        editing = selectors.custom_form_for_edit(user=request.user, form_id=form_id)
    return _editor(request, editing, status=status, **{name: form})


def custom_form_edit(request: HttpRequest, pk: int) -> HttpResponse:
    custom_form = selectors.custom_form_for_edit(user=request.user, form_id=pk)
    if request.method != "POST":
        return _editor(request, custom_form)
    # The form edits a copy, so the page keeps the saved name whatever was typed.
    settings_form = CustomFormSettingsForm(request.POST, instance=copy.copy(custom_form))
    return _editor_save(
        request,
        custom_form,
        "settings_form",
        settings_form,
        call=lambda: services.custom_form_update(
            actor=request.user,
            form=custom_form,
            version=settings_form.cleaned_data["version"],
            changes={name: settings_form.cleaned_data[name] for name in services.FORM_FIELDS},
        ),
        done=gettext("The form's settings are saved."),
    )


def custom_question_add(request: HttpRequest, pk: int) -> HttpResponse:
    custom_form = selectors.custom_form_for_edit(user=request.user, form_id=pk)
    form = QuestionForm(bound(request))
    return _editor_save(
        request,
        custom_form,
        "question_form",
        form,
        call=lambda: services.custom_question_add(actor=request.user, form=custom_form, spec=form.spec()),
        done=gettext("The question is added."),
    )


def custom_choice_add(request: HttpRequest, pk: int) -> HttpResponse:
    question = selectors.custom_question_for_edit(user=request.user, question_id=pk)
    form = ChoiceForm(bound(request), prefix=f"q{question.pk}")
    return _editor_save(
        request,
        question.form_id,
        f"choice_form_{question.pk}",
        form,
        call=lambda: services.custom_choice_add(actor=request.user, question=question, **form.cleaned_data),
        done=gettext("The answer choice is added."),
    )


def custom_band_add(request: HttpRequest, pk: int) -> HttpResponse:
    custom_form = selectors.custom_form_for_edit(user=request.user, form_id=pk)
    form = BandForm(bound(request))
    return _editor_save(
        request,
        custom_form,
        "band_form",
        form,
        call=lambda: services.custom_band_add(actor=request.user, form=custom_form, band=form.spec()),
        done=gettext("The band is added."),
    )
