"""Pages for care plans, notes and services delivered on a case: parse, call a service or selector, render."""

from __future__ import annotations

import copy
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext
from django.views.decorators.http import require_POST

from tapestry.access.audit import audit_form_open
from tapestry.access.errors import StaleEdit
from tapestry.micro.casework import selectors, services
from tapestry.micro.casework.forms import (
    AddendumForm,
    GoalForm,
    NoteForm,
    PlanForm,
    ReviewForm,
    ServiceForm,
    SignForm,
    TaskForm,
)
from tapestry.micro.casework.models import Goal, ProgressNote, ServiceRecord, Task
from tapestry.web.pages import bound, form_page, save_page, submit


def _url(name: str, **kwargs: int) -> str:
    return reverse(f"casework:{name}", kwargs=kwargs)


def _save_page(
    request: HttpRequest, *, case: Any, title: str, intro: str = "", record: Any = None, **page: Any
) -> HttpResponse:
    """`save_page` on the casework form: `page` gives its form, call, done and then.

    Opening the form is a read of the case (or `record`) it names.
    """
    return save_page(
        request,
        "casework/form.html",
        invalid=200,
        audit=lambda: audit_form_open(
            request, obj=record or case, person_id=case.person_id, fields=["case", "name"]
        ),
        case=case,
        title=title,
        intro=intro,
        cancel_url=_url("case_index", case_pk=case.pk),
        **page,
    )


# The case's casework at a glance.


def case_index(request: HttpRequest, case_pk: int) -> HttpResponse:
    case = selectors.casework_case(user=request.user, case_id=case_pk)
    plan = selectors.plan_detail(user=request.user, case=case, purpose="casework overview")
    context = {
        "case": case,
        "plan": plan,
        "tasks": selectors.case_tasks(user=request.user, case=case),
        "notes": selectors.note_list(user=request.user, case=case),
        "drafts": selectors.drafts_for_case(user=request.user, case=case),
        "service_totals": selectors.service_totals(user=request.user, case=case),
        "can_change": selectors.case_changeable(user=request.user, case=case),
    }
    context["service_minutes"] = sum(total.minutes for total in context["service_totals"])
    return render(request, "casework/case_index.html", context)


# Care plans.


def plan_detail(request: HttpRequest, case_pk: int) -> HttpResponse:
    case = selectors.casework_case(user=request.user, case_id=case_pk)
    plan = selectors.plan_detail(user=request.user, case=case)
    if plan is None:
        messages.info(request, gettext("This case has no care plan yet: start one here."))
        return redirect("casework:plan_edit", case_pk=case.pk)
    context = {
        "case": case,
        "plan": plan,
        "tasks": selectors.case_tasks(user=request.user, case=case),
        "can_change": selectors.case_changeable(user=request.user, case=case),
    }
    return render(request, "casework/plan_detail.html", context)


def plan_edit(request: HttpRequest, case_pk: int) -> HttpResponse:
    """Start the plan, or revise its summary and review date (kept as a revision)."""
    case = selectors.casework_case(user=request.user, case_id=case_pk, for_change=True)
    plan = case.care_plan if hasattr(case, "care_plan") else None
    form = PlanForm(bound(request), plan=plan)

    def save() -> Any:
        # A new plan's form has no reason or version: its fields are plan_create's.
        if plan is None:
            return services.plan_create(actor=request.user, case=case, **form.cleaned_data)
        return services.plan_revise(actor=request.user, plan=plan, **form.cleaned_data)

    return _save_page(
        request,
        case=case,
        form=form,
        call=save,
        done=gettext("The care plan is saved."),
        then=_url("plan_detail", case_pk=case.pk),
        title=gettext("Start the care plan") if plan is None else gettext("Revise the care plan"),
    )


def revision_detail(request: HttpRequest, case_pk: int, number: int) -> HttpResponse:
    case = selectors.casework_case(user=request.user, case_id=case_pk)
    revision = selectors.revision_detail(user=request.user, case=case, number=number)
    return render(request, "casework/revision_detail.html", {"case": case, "revision": revision})


def goal_create(request: HttpRequest, case_pk: int) -> HttpResponse:
    case = selectors.casework_case(user=request.user, case_id=case_pk, for_change=True)
    form = GoalForm(bound(request), needs=selectors.case_need_choices(case=case))
    return _save_page(
        request,
        case=case,
        form=form,
        call=lambda: services.goal_add(
            actor=request.user,
            case=case,
            **form.changes(),
            needs=list(form.cleaned_data["needs"]),
            reason=form.cleaned_data["reason"],
        ),
        done=gettext("The goal is added to the plan."),
        then=_url("plan_detail", case_pk=case.pk),
        title=gettext("Add a goal"),
        intro=gettext("Make it specific and measurable: what changes, how you will know, and by when."),
    )


def goal_edit(request: HttpRequest, pk: int) -> HttpResponse:
    goal = selectors.goal_get(user=request.user, goal_id=pk, for_change=True)
    case = goal.plan.case
    form = GoalForm(bound(request), instance=copy.copy(goal), needs=selectors.case_need_choices(case=case))
    if not form.is_bound:
        form.initial["needs"] = list(goal.needs.values_list("pk", flat=True))
    return _save_page(
        request,
        case=case,
        form=form,
        call=lambda: services.goal_update(
            actor=request.user,
            goal=goal,
            version=form.cleaned_data["version"],
            changes=form.changes(),
            needs=list(form.cleaned_data["needs"]),
            reason=form.cleaned_data["reason"],
        ),
        done=gettext("The goal is changed; the plan's history keeps the earlier version."),
        then=_url("plan_detail", case_pk=case.pk),
        title=gettext("Change goal: %(goal)s") % {"goal": goal},
        record=goal,
    )


def _task_form(request: HttpRequest, task: Task, **initial: Any) -> TaskForm:
    return TaskForm(
        bound(request),
        instance=task,
        initial=initial,
        staff=selectors.staff_choices(),
        goals=selectors.goal_choices(case=task.case),
    )


def task_create(request: HttpRequest, case_pk: int) -> HttpResponse:
    case = selectors.casework_case(user=request.user, case_id=case_pk, for_change=True)
    form = _task_form(request, Task(case=case), owner=request.user.pk, goal=request.GET.get("goal"))
    return _save_page(
        request,
        case=case,
        form=form,
        call=lambda: services.task_add(actor=request.user, case=case, **form.changes()),
        done=gettext("The task is added."),
        then=_url("case_index", case_pk=case.pk),
        title=gettext("Add a task"),
    )


def task_edit(request: HttpRequest, pk: int) -> HttpResponse:
    task = selectors.task_get(user=request.user, task_id=pk, for_change=True)
    form = _task_form(request, copy.copy(task))
    return _save_page(
        request,
        case=task.case,
        form=form,
        call=lambda: services.task_update(
            actor=request.user, task=task, version=form.cleaned_data["version"], changes=form.changes()
        ),
        done=gettext("The task is saved."),
        then=_url("case_index", case_pk=task.case_id),
        title=gettext("Task: %(task)s") % {"task": task},
        record=task,
    )


def review_create(request: HttpRequest, case_pk: int) -> HttpResponse:
    case = selectors.casework_case(user=request.user, case_id=case_pk, for_change=True)
    plan = selectors.plan_get(user=request.user, case=case, for_change=True)
    goals = list(selectors.goal_choices(case=case).filter(status=Goal.Status.ACTIVE))
    form = ReviewForm(bound(request), goals=goals)
    return _save_page(
        request,
        case=case,
        form=form,
        call=lambda: services.review_record(
            actor=request.user,
            plan=plan,
            reviewed_on=form.cleaned_data["reviewed_on"],
            narrative=form.cleaned_data["narrative"],
            overall_rating=form.cleaned_data["overall_rating"],
            next_review_on=form.cleaned_data["next_review_on"],
            goal_ratings=form.goal_ratings(),
        ),
        done=gettext("The review is recorded."),
        then=_url("plan_detail", case_pk=case.pk),
        title=gettext("Record a progress review"),
        intro=gettext("Rate progress overall, on each goal still in progress, or both."),
    )


# Notes.


def _note_form(request: HttpRequest, note: ProgressNote, data: Any = None) -> NoteForm:
    return NoteForm(
        data,
        instance=note,
        members=selectors.household_member_choices(user=request.user, case=note.case),
        segments=selectors.note_segment_choices(user=request.user),
        goals=selectors.goal_choices(case=note.case),
    )


def _chosen_format(request: HttpRequest) -> str:
    chosen = request.GET.get("format", ProgressNote.Format.DAP)
    return chosen if chosen in ProgressNote.Format.values else ProgressNote.Format.DAP


def _create_note(request: HttpRequest, case: Any, chosen: str, form: NoteForm) -> ProgressNote:
    return services.note_create(
        actor=request.user,
        case=case,
        format=chosen,
        sections=form.sections(),
        present=form.present_persons() or [],
        goals=form.linked_goals() or [],
        title=form.cleaned_data["title"],
        contact_date=form.cleaned_data["contact_date"],
        duration_minutes=form.cleaned_data["duration_minutes"],
        contact_type=form.cleaned_data["contact_type"],
        location=form.cleaned_data["location"],
        others_present=form.cleaned_data["others_present"],
        segment=form.cleaned_data["segment"],
    )


def _saved_then_signed(request: HttpRequest, form: NoteForm, note: ProgressNote) -> ProgressNote:
    """After the form's save: sign too when its "Sign and lock" button was pressed (the form has
    checked the attestation). A refusal (a section still empty) leaves the saved draft, and says why."""
    if not request.POST.get("sign") or not form.cleaned_data.get("attested"):
        return note
    try:
        return services.note_sign(actor=request.user, note=note, version=note.version, attested=True)
    except (ValidationError, StaleEdit, services.NoteLocked) as refused:
        text = (
            " ".join(sorted(set(refused.messages))) if isinstance(refused, ValidationError) else str(refused)
        )
        messages.error(request, gettext("The draft is saved but not signed: %(reason)s") % {"reason": text})
        return note


def _saved_message(note: ProgressNote) -> str:
    if note.is_signed:
        return gettext("The note is signed and locked. Corrections from now on are addenda.")
    return gettext("The note is saved as a draft. Sign it when it is complete.")


def _update_note(request: HttpRequest, note: ProgressNote, form: NoteForm) -> ProgressNote:
    return services.note_update(
        actor=request.user,
        note=note,
        version=form.cleaned_data["version"],
        changes=form.changes(),
        present=form.present_persons(),
        goals=form.linked_goals(),
    )


def note_create(request: HttpRequest, case_pk: int) -> HttpResponse:
    case = selectors.casework_case(user=request.user, case_id=case_pk, for_change=True)
    chosen = _chosen_format(request)
    form = _note_form(request, ProgressNote(case=case, author=request.user, format=chosen), bound(request))
    return save_page(
        request,
        "casework/note_create.html",
        form=form,
        call=lambda: _saved_then_signed(request, form, _create_note(request, case, chosen, form)),
        done=_saved_message,
        then=lambda note: _url("note_detail", pk=note.pk),
        invalid=200,
        audit=lambda: audit_form_open(
            request, obj=case, fields=["case", "name", "household_members"], purpose="form: write a note"
        ),
        case=case,
        format=chosen,
        format_name=ProgressNote.format_name(chosen),
        formats=ProgressNote.Format.choices,
        drafts=selectors.drafts_for_case(user=request.user, case=case),
        autosave_url=f"{_url('note_autosave_new', case_pk=case.pk)}?format={chosen}",
    )


def _note_page(
    request: HttpRequest, pk: int, sign_form: SignForm | None = None, status: int = 200
) -> HttpResponse:
    note = selectors.note_detail(user=request.user, note_id=pk)
    context = {
        "note": note,
        "case": note.case,
        "sign_form": sign_form or SignForm(initial={"version": note.version}),
        "can_sign": not note.is_signed and note.author_id == request.user.pk and note.can_change,
        # Lower-case section names, e.g. "data, assessment" (their catalog entries are the derived labels).
        "missing": [
            gettext(capfirst(ProgressNote._meta.get_field(name).verbose_name)).lower()
            for name in note.missing_sections()
        ],
    }
    return render(request, "casework/note_detail.html", context, status=status)


def note_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _note_page(request, pk)


def note_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """Change a draft; a signed note is locked and sends the writer to the addendum form."""
    note = selectors.note_get(user=request.user, note_id=pk, for_change=True)
    if note.is_signed and request.method != "POST":
        messages.error(request, str(services.NoteLocked(note)))
        return redirect("casework:note_detail", pk=note.pk)
    if note.author_id != request.user.pk:
        author = note.author.get_full_name() or note.author.username
        messages.error(
            request, gettext("Only %(author)s, who wrote this draft, can change it.") % {"author": author}
        )
        return redirect("casework:note_detail", pk=note.pk)
    form = _note_form(request, copy.copy(note), bound(request))
    if not form.is_bound:
        form.initial["present"] = list(note.present.values_list("pk", flat=True))
    saved, status = None, 200
    if form.is_bound and not form.is_valid() and note.is_signed:
        form.add_error(None, str(services.NoteLocked(note)))
        status = 409
    else:
        try:
            saved, status = submit(
                form,
                lambda: _saved_then_signed(request, form, _update_note(request, note, form)),
                invalid=200,
            )
        except services.NoteLocked as locked:
            # What was typed stays in the form, so it can be copied into an addendum or redone.
            form.add_error(None, str(locked))
            status = 409
    if saved is not None:
        messages.success(
            request,
            gettext("The note is signed and locked.") if saved.is_signed else gettext("The draft is saved."),
        )
        return redirect("casework:note_detail", pk=note.pk)
    return form_page(
        request,
        "casework/note_edit.html",
        form=form,
        status=status,
        audit=lambda: audit_form_open(
            request,
            obj=note,
            person_id=note.case.person_id,
            fields=["case", "name", "sections", "present"],
            purpose="form: change a draft note",
        ),
        note=note,
        case=note.case,
        autosave_url=_url("note_autosave", pk=note.pk),
    )


@require_POST
def note_sign(request: HttpRequest, pk: int) -> HttpResponse:
    """Sign with the attestation ticked; without it, the note page again with the error by the box."""
    note = selectors.note_get(user=request.user, note_id=pk, for_change=True)
    form = SignForm(request.POST)
    if not form.is_valid():
        if "version" in form.errors:
            messages.error(request, gettext("The note could not be signed: reload it and try again."))
            return redirect("casework:note_detail", pk=note.pk)
        return _note_page(request, note.pk, sign_form=form, status=400)
    try:
        services.note_sign(
            actor=request.user,
            note=note,
            version=form.cleaned_data["version"],
            attested=form.cleaned_data["attested"],
        )
    except (StaleEdit, services.NoteLocked) as refused:
        messages.error(request, str(refused))
    except ValidationError as error:
        messages.error(
            request,
            gettext("Complete the note before signing: %(missing)s")
            % {"missing": " ".join(sorted(set(error.messages)))},
        )
    else:
        messages.success(
            request, gettext("The note is signed and locked. Corrections from now on are addenda.")
        )
    return redirect("casework:note_detail", pk=note.pk)


# Autosave: the note form posts itself here a few seconds after each change (front/session.js).
# The answer is JSON in the API's error shape; the writes are the same services as the form's.


def _saved(note: ProgressNote, status: int = 200) -> JsonResponse:
    return JsonResponse(
        {
            "id": note.pk,
            "version": note.version,
            "saved_at": timezone.localtime(note.updated_at).strftime("%H:%M"),
            "edit_url": _url("note_edit", pk=note.pk),
            "autosave_url": _url("note_autosave", pk=note.pk),
        },
        status=status,
    )


def _refused(status: int, detail: str, errors: dict | None = None, **extra: Any) -> JsonResponse:
    return JsonResponse({"detail": detail, "errors": errors or {}, **extra}, status=status)


def _autosave(form: NoteForm, call: Any, status: int) -> JsonResponse:
    if not form.is_valid():
        return _refused(
            400,
            gettext("Not saved yet: %(errors)s")
            % {"errors": " ".join(sorted({e for es in form.errors.values() for e in es}))},
            form.errors,
        )
    try:
        return _saved(call(), status)
    except StaleEdit as conflict:
        return _refused(
            409,
            gettext(
                "Not saved: this draft was saved from another tab or device after you opened it. "
                "Copy what you typed, then reload the draft."
            ),
            current_version=conflict.current_version,
        )
    except services.NoteLocked as locked:
        return _refused(409, str(locked))
    except PermissionDenied as refused:
        return _refused(403, str(refused) or gettext("You may not change this note."))
    except ValidationError as error:
        errors = getattr(error, "message_dict", {"__all__": error.messages})
        return _refused(
            400,
            gettext("Not saved yet: %(errors)s") % {"errors": " ".join(sorted(set(error.messages)))},
            errors,
        )


@require_POST
def note_autosave_new(request: HttpRequest, case_pk: int) -> JsonResponse:
    """The first autosave of a new note: it becomes a draft (201) the next saves change."""
    case = selectors.casework_case(user=request.user, case_id=case_pk, for_change=True)
    chosen = _chosen_format(request)
    form = _note_form(request, ProgressNote(case=case, author=request.user, format=chosen), request.POST)
    return _autosave(form, lambda: _create_note(request, case, chosen, form), 201)


@require_POST
def note_autosave(request: HttpRequest, pk: int) -> JsonResponse:
    """Save the draft as it stands in the form; never signs, refuses a signed note or a stale version (409)."""
    note = selectors.note_get(user=request.user, note_id=pk, for_change=True)
    if note.is_signed:
        return _refused(409, str(services.NoteLocked(note)))
    if note.author_id != request.user.pk:
        author = note.author.get_full_name() or note.author.username
        return _refused(
            403, gettext("Only %(author)s, who wrote this draft, can change it.") % {"author": author}
        )
    form = _note_form(request, copy.copy(note), request.POST)
    return _autosave(form, lambda: _update_note(request, note, form), 200)


def drafts(request: HttpRequest) -> HttpResponse:
    """The user's unsigned drafts on every case they may still write on, most recently saved first."""
    return render(request, "casework/drafts.html", {"drafts": selectors.drafts_listed(user=request.user)})


def addendum_add(request: HttpRequest, pk: int) -> HttpResponse:
    note = selectors.note_get(user=request.user, note_id=pk, for_change=True)
    if not note.is_signed:
        messages.error(
            request,
            gettext("This note is still a draft: change the draft itself instead of adding an addendum."),
        )
        return redirect("casework:note_detail", pk=note.pk)
    form = AddendumForm(bound(request))
    return _save_page(
        request,
        case=note.case,
        form=form,
        call=lambda: services.addendum_add(actor=request.user, note=note, text=form.cleaned_data["text"]),
        done=gettext("The addendum is added under the note."),
        then=_url("note_detail", pk=note.pk),
        record=note,
        title=gettext("Add an addendum to %(note)s") % {"note": note},
        intro=gettext(
            "The signed note stays as it was; the addendum is shown under it with your name and the time."
        ),
    )


# Services delivered.


def service_list(request: HttpRequest, case_pk: int) -> HttpResponse:
    case = selectors.casework_case(user=request.user, case_id=case_pk)
    totals = selectors.service_totals(user=request.user, case=case)
    context = {
        "case": case,
        "services": selectors.service_list(user=request.user, case=case),
        "totals": totals,
        "total_minutes": sum(total.minutes for total in totals),
        "total_count": sum(total.count for total in totals),
        "can_change": selectors.case_changeable(user=request.user, case=case),
    }
    return render(request, "casework/service_list.html", context)


def service_create(request: HttpRequest, case_pk: int) -> HttpResponse:
    case = selectors.casework_case(user=request.user, case_id=case_pk, for_change=True)
    form = ServiceForm(
        bound(request),
        instance=ServiceRecord(case=case),
        initial={"staff": request.user.pk, "note": request.GET.get("note")},
        staff=selectors.staff_choices(),
        notes=selectors.note_choices(user=request.user, case=case),
    )
    return _save_page(
        request,
        case=case,
        form=form,
        call=lambda: services.service_record(actor=request.user, case=case, **form.cleaned_data),
        done=gettext("The service is recorded."),
        then=_url("service_list", case_pk=case.pk),
        title=gettext("Record a service delivered"),
    )
