"""Pages for group sessions: parse, call a service or selector, render."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext, ngettext
from django.views.decorators.http import require_POST

from tapestry.access.errors import StaleEdit
from tapestry.mezzo.group_sessions import selectors, services
from tapestry.mezzo.group_sessions.chart import attendance_chart
from tapestry.mezzo.group_sessions.forms import AttendanceForm, NoteForm, SessionForm, default_session_day
from tapestry.mezzo.group_sessions.models import Attendance
from tapestry.mezzo.group_sessions.services import NOTE_FIELDS, SESSION_FIELDS
from tapestry.web.pages import bound, save_page


def group_list(request: HttpRequest) -> HttpResponse:
    groups = selectors.group_list(user=request.user)
    return render(request, "group_sessions/group_list.html", {"groups": groups})


def session_list(request: HttpRequest, group_pk: int) -> HttpResponse:
    group = selectors.group_get(user=request.user, group_id=group_pk)
    context = {"group": group, "sessions": selectors.session_list(user=request.user, group=group)}
    return render(request, "group_sessions/session_list.html", context)


def session_create(request: HttpRequest, group_pk: int) -> HttpResponse:
    group = selectors.group_get(user=request.user, group_id=group_pk)
    initial = {
        "held_on": default_session_day(group, timezone.localdate()),
        "start_time": group.start_time,
        "facilitators": [user.pk for user in group.facilitators.all() if user.pk == request.user.pk],
    }
    form = SessionForm(bound(request), group=group, initial=initial)
    return save_page(
        request,
        "group_sessions/session_form.html",
        form=form,
        call=lambda: services.session_create(
            actor=request.user,
            group=group,
            facilitators=form.cleaned_data["facilitators"],
            **form.session_fields(),
        ),
        done=gettext("The session is recorded. Now take attendance."),
        then=lambda session: reverse(
            "group_sessions:attendance" if session.is_held else "group_sessions:session_detail",
            args=[session.pk],
        ),
        invalid=200,
        group=group,
        title=gettext("Record a session of %(name)s") % {"name": group.name},
    )


@require_POST
def session_today(request: HttpRequest, group_pk: int) -> HttpResponse:
    """One tap from home: today's session of the group (opened from the schedule) and its roll."""
    group = selectors.group_get(user=request.user, group_id=group_pk)
    try:
        session = services.session_open_today(actor=request.user, group=group)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("group_sessions:session_list", group_pk=group.pk)
    return redirect("group_sessions:attendance", pk=session.pk)


def session_detail(request: HttpRequest, pk: int) -> HttpResponse:
    session = selectors.session_get(user=request.user, session_id=pk)
    rows = selectors.attendance_sheet(user=request.user, session=session) if session.is_held else []
    context = {
        "session": session,
        "group": session.group,
        "rows": rows,
        "unmarked": sum(1 for row in rows if not row.mark),
        "has_note": hasattr(session, "note"),
    }
    return render(request, "group_sessions/session_detail.html", context)


def session_edit(request: HttpRequest, pk: int) -> HttpResponse:
    session = selectors.session_get(user=request.user, session_id=pk)
    initial = {name: getattr(session, name) for name in (*SESSION_FIELDS, "version")}
    initial["facilitators"] = [user.pk for user in session.facilitators.all()]
    form = SessionForm(bound(request), group=session.group, initial=initial)
    return save_page(
        request,
        "group_sessions/session_form.html",
        form=form,
        call=lambda: services.session_update(
            actor=request.user,
            session=session,
            version=form.cleaned_data["version"] or 0,
            changes=form.session_fields(),
            facilitators=form.cleaned_data["facilitators"],
        ),
        done=gettext("The session is saved."),
        then=reverse("group_sessions:session_detail", args=[session.pk]),
        invalid=200,
        group=session.group,
        session=session,
        title=gettext("Change the session"),
    )


def attendance(request: HttpRequest, pk: int) -> HttpResponse:
    """One screen, one post: a row of big buttons per member; nothing is chosen until tapped."""
    session = selectors.session_get(user=request.user, session_id=pk)
    rows = selectors.attendance_sheet(user=request.user, session=session)
    form = AttendanceForm(bound(request), rows=rows, initial={"version": session.version})
    status = 200
    unmarked: list[int] = []
    if not session.is_held:
        messages.info(request, gettext("This session was cancelled, so it has no attendance."))
        return redirect("group_sessions:session_detail", pk=session.pk)
    if form.is_bound and form.is_valid():
        try:
            raised = services.attendance_record(
                actor=request.user,
                session=session,
                version=form.cleaned_data["version"],
                marks=form.marks(),
                rest=form.cleaned_data["rest"],
            )
        except StaleEdit as stale:
            form.add_error(None, str(stale))
            status = 409
        except services.AttendanceIncomplete as error:
            form.add_error(None, error.error_dict["attendance"])
            unmarked = error.unmarked
            status = 400
        except ValidationError as error:
            form.add_error(None, error)
            status = 400
        else:
            messages.success(
                request,
                ngettext(
                    "Attendance saved for %(count)d members.",
                    "Attendance saved for %(count)d members.",
                    len(rows),
                )
                % {"count": len(rows)},
            )
            for follow_up in raised:
                name = follow_up.membership.person.display_name
                told = (
                    gettext(
                        "%(name)s has missed %(missed)s sessions in a row: their caseworker has been asked to check in."
                    )
                    if follow_up.task_id
                    else gettext(
                        "%(name)s has missed %(missed)s sessions in a row and has no open case: "
                        "no caseworker could be told, so please reach out yourself."
                    )
                )
                messages.warning(request, told % {"name": name, "missed": follow_up.missed})
            return redirect("group_sessions:session_detail", pk=session.pk)
    context = {
        "session": session,
        "group": session.group,
        "form": form,
        "members": form.members(),
        "unmarked": set(unmarked),
        "marked_before": any(row.mark for row in rows),
        "rest_mark": Attendance.Mark.PRESENT,
    }
    return render(request, "group_sessions/attendance.html", context, status=status)


def note_detail(request: HttpRequest, pk: int) -> HttpResponse:
    session = selectors.session_get(user=request.user, session_id=pk)
    note = selectors.note_detail(user=request.user, session=session)
    if note is None:
        messages.info(request, gettext("This session has no group note yet: write one here."))
        return redirect("group_sessions:note_edit", pk=session.pk)
    return render(
        request, "group_sessions/note_detail.html", {"session": session, "group": session.group, "note": note}
    )


def note_edit(request: HttpRequest, pk: int) -> HttpResponse:
    session = selectors.session_get(user=request.user, session_id=pk)
    note = selectors.note_detail(user=request.user, session=session, purpose="to revise the note")
    members = [row.membership for row in selectors.attendance_sheet(user=request.user, session=session)]
    mentions = {m.membership_id: m.text for m in note.visible_mentions} if note else {}
    initial = {"version": note.version if note else 0}
    if note is not None:
        initial.update(dynamics=note.dynamics, themes=note.themes, progress=note.progress)
    form = NoteForm(bound(request), members=members, mentions=mentions, initial=initial)
    # An invalid form stays 200; a note the service refuses (a member named in its text) is 400.
    return save_page(
        request,
        "group_sessions/note_form.html",
        form=form,
        call=lambda: services.note_save(
            actor=request.user,
            session=session,
            version=form.cleaned_data["version"] or 0,
            mentions=form.mentions(),
            **{name: form.cleaned_data[name] for name in NOTE_FIELDS},
        ),
        done=gettext("The group note is saved."),
        then=reverse("group_sessions:note_detail", args=[session.pk]),
        invalid=400 if form.is_bound and form.is_valid() else 200,
        session=session,
        group=session.group,
        title=gettext("Group note"),
    )


def mention_detail(request: HttpRequest, pk: int) -> HttpResponse:
    mention = selectors.mention_get(user=request.user, mention_id=pk)
    return render(request, "group_sessions/mention_detail.html", {"mention": mention})


def rates(request: HttpRequest, group_pk: int) -> HttpResponse:
    group = selectors.group_get(user=request.user, group_id=group_pk)
    result = selectors.attendance_rates(user=request.user, group=group)
    context = {
        "group": group,
        "rates": result,
        "chart": attendance_chart(result.sessions),
        "follow_ups": selectors.follow_ups_for_group(user=request.user, group=group),
    }
    return render(request, "group_sessions/rates.html", context)


def attendance_summary(request: HttpRequest, group_pk: int) -> HttpResponse:
    group = selectors.group_for_attendance_summary(user=request.user, group_id=group_pk)
    summary = selectors.attendance_summary(group=group)
    return render(request, "group_sessions/attendance_summary.html", {"group": group, "summary": summary})
