"""Pages of access: the second factor, API tokens, emergency access, the audit log and staff."""

from __future__ import annotations

from base64 import b32encode
from datetime import timedelta
from typing import Any

import qrcode
import qrcode.image.svg
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render, resolve_url
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.utils.translation import gettext, gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from tapestry.access import policy, selectors, services
from tapestry.access.errors import OutOfReach
from tapestry.access.forms import (
    AssignmentForm,
    AuditSearchForm,
    BreakGlassForm,
    BreakGlassReviewForm,
    GrantForm,
    LanguageForm,
    OtpCodeForm,
    StaffCreateForm,
    StaffEditForm,
    TeamForm,
    TokenCreateForm,
)
from tapestry.access.models import AuditEntry, User
from tapestry.access.tokens import token_create, token_revoke
from tapestry.web.pages import act, bound, save_page, submit

AUDIT_PAGE_SIZE = 50
FORM_PAGE = "access/form_page.html"


def _next_url(request: HttpRequest) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return target
    return resolve_url(settings.LOGIN_REDIRECT_URL)


# Refusals ---------------------------------------------------------------------------------------

REFUSED = gettext_lazy("Your role or your caseload does not include this record.")


def refused(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    """The project's 403 page (handler403): the reason for the refusal, and emergency access
    where the user's role may break glass and breaking glass would open the record."""
    detail = str(exception) if isinstance(exception, PermissionDenied) and str(exception) else str(REFUSED)
    context: dict[str, object] = {"detail": detail}
    if isinstance(exception, OutOfReach) and policy.has_capability(
        request.user, policy.Capability.BREAK_GLASS
    ):
        context["break_glass_url"] = reverse("access:break_glass", args=[exception.person_id])
    if request.path.startswith("/api/"):
        return JsonResponse({"detail": detail, "errors": {}}, status=403)
    return render(request, "403.html", context, status=403)


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """The page for a form refused by the CSRF check (settings.CSRF_FAILURE_VIEW), usually because the
    browser's cookies were cleared or blocked while the page was open: what happened, that drafts
    are kept, and the way back. The API answers in its own error format."""
    detail = (
        "This form was not accepted because your browser did not send Tapestry's security cookie "
        "(cookies were cleared, blocked or expired while the page was open)."
    )
    if request.path.startswith("/api/"):
        return JsonResponse({"detail": detail, "errors": {}}, status=403)
    referer = request.headers.get("Referer", "")
    back = (
        referer if url_has_allowed_host_and_scheme(referer, {request.get_host()}, request.is_secure()) else ""
    )
    return render(request, "access/csrf_failure.html", {"back": back}, status=403)


# The session ------------------------------------------------------------------------------------


@require_POST
def session_extend(request: HttpRequest) -> JsonResponse:
    """Keep the session open: it ends SESSION_COOKIE_AGE seconds after the last request, so any
    request renews it; this one exists so the warning's button has something to call."""
    request.session.modified = True
    age = settings.SESSION_COOKIE_AGE
    return JsonResponse(
        {"expires_in": age, "expires_at": (timezone.now() + timedelta(seconds=age)).isoformat()}
    )


@require_http_methods(["GET", "POST"])
def language(request: HttpRequest) -> HttpResponse:
    """Choose the language of the pages: kept on the user when signed in, and in a cookie for the
    sign-in page and this browser."""
    signed_in = request.user.is_authenticated
    initial = {"language": request.user.language if signed_in else translation.get_language()}
    form = LanguageForm(bound(request), initial=initial, signed_in=signed_in)
    if request.method == "POST" and form.is_valid():
        chosen = form.cleaned_data["language"]
        if signed_in:
            services.language_set(actor=request.user, language=chosen)
        translation.activate(chosen or translation.get_language_from_request(request))
        response = redirect(_next_url(request))
        if chosen:
            response.set_cookie(
                settings.LANGUAGE_COOKIE_NAME,
                chosen,
                max_age=settings.LANGUAGE_COOKIE_AGE,
                secure=settings.LANGUAGE_COOKIE_SECURE,
                httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
                samesite=settings.LANGUAGE_COOKIE_SAMESITE,
            )
        else:
            response.delete_cookie(settings.LANGUAGE_COOKIE_NAME)
        return response
    return render(request, "access/language.html", {"form": form, "next": request.GET.get("next", "")})


# The second factor -----------------------------------------------------------------------------


@never_cache
@require_http_methods(["GET", "POST"])
def otp_verify(request: HttpRequest) -> HttpResponse:
    if request.user.is_verified():
        return redirect(_next_url(request))
    device = selectors.authenticator_of(user=request.user)
    if device is None:
        return redirect("access:otp_enrol")
    form = OtpCodeForm(bound(request))
    accepted, _ = submit(
        form,
        lambda: services.totp_verify(actor=request.user, device=device, code=form.cleaned_data["code"]),
        invalid=200,
    )
    if accepted:
        otp_login(request, device)
        return redirect(_next_url(request))
    if accepted is False:
        form.add_error(
            "code",
            gettext(
                "That code is not right or was already used. Check the time on your phone and try the next code."
            ),
        )
    return render(request, "access/otp_verify.html", {"form": form, "next": request.GET.get("next", "")})


def _qr_svg(device: TOTPDevice) -> str:
    """The enrolment QR code as inline SVG, drawn on the server so the page needs no script."""
    image = qrcode.make(device.config_url, image_factory=qrcode.image.svg.SvgPathImage, box_size=8)
    return image.to_string(encoding="unicode")


def _grouped(secret: str) -> str:
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


@never_cache
@require_http_methods(["GET", "POST"])
def otp_enrol(request: HttpRequest) -> HttpResponse:
    if selectors.authenticator_of(user=request.user) is not None:
        return redirect(_next_url(request) if request.user.is_verified() else reverse("access:otp_verify"))
    device = services.totp_enrol_start(actor=request.user)
    form = OtpCodeForm(bound(request))
    confirmed, _ = submit(
        form,
        lambda: services.totp_enrol_confirm(
            actor=request.user, device=device, code=form.cleaned_data["code"]
        ),
        invalid=200,
    )
    if confirmed:
        otp_login(request, device)
        messages.success(
            request, gettext("Your authenticator app is set up. You will need it each time you sign in.")
        )
        return redirect(_next_url(request))
    if confirmed is False:
        form.add_error(
            "code", gettext("That code is not right. Scan the code again, then enter the newest six digits.")
        )
    context = {
        "form": form,
        # Our own SVG markup from our own data, so it is safe to insert as is.
        "qr_svg": mark_safe(_qr_svg(device)),  # noqa: S308
        "secret": _grouped(b32encode(device.bin_key).decode()),
    }
    return render(request, "access/otp_enrol.html", context)


# Personal API tokens ---------------------------------------------------------------------------


@never_cache
@require_http_methods(["GET", "POST"])
def tokens(request: HttpRequest) -> HttpResponse:
    form = TokenCreateForm(request.POST or None)
    new_token = None
    if request.method == "POST" and form.is_valid():
        # The raw value is rendered in this response only; it is never stored or redirected with.
        _, new_token = token_create(
            actor=request.user, name=form.cleaned_data["name"], expires_at=form.expires_at()
        )
        form = TokenCreateForm()
    context = {"form": form, "tokens": selectors.tokens_of(user=request.user), "new_token": new_token}
    return render(request, "access/tokens.html", context)


@require_POST
def token_revoke_view(request: HttpRequest, pk: int) -> HttpResponse:
    token = selectors.token_of(user=request.user, pk=pk)
    if token.revoked_at is None:
        token_revoke(actor=request.user, token=token)
        messages.success(
            request, gettext("The token “%(name)s” is revoked; it no longer works.") % {"name": token.name}
        )
    return redirect("access:tokens")


# Emergency access ------------------------------------------------------------------------------


def _person_url(person_pk: int) -> str:
    return reverse("people:person_detail", args=[person_pk])


@require_http_methods(["GET", "POST"])
def break_glass(request: HttpRequest, person_pk: int) -> HttpResponse:
    person = selectors.person_for_break_glass(user=request.user, pk=person_pk)
    if policy.can_view_person(request.user, person):
        return redirect(_person_url(person.pk))
    form = BreakGlassForm(bound(request))
    opened, _ = submit(
        form,
        lambda: services.break_glass_open(
            actor=request.user, person=person, reason=form.cleaned_data["reason"]
        ),
        invalid=200,
    )
    if opened is not None:
        return redirect(_person_url(person.pk))
    context = {"form": form, "person_pk": person.pk, "minutes": settings.TAPESTRY_BREAK_GLASS_MINUTES}
    return render(request, "access/break_glass.html", context)


def break_glass_queue(request: HttpRequest) -> HttpResponse:
    return render(
        request, "access/break_glass_queue.html", {"entries": selectors.break_glass_queue(user=request.user)}
    )


@require_http_methods(["GET", "POST"])
def break_glass_review(request: HttpRequest, pk: int) -> HttpResponse:
    entry = selectors.break_glass_for_review(user=request.user, pk=pk)
    form = BreakGlassReviewForm(bound(request))
    return save_page(
        request,
        "access/break_glass_review.html",
        form=form,
        call=lambda: services.break_glass_review(actor=request.user, entry=entry, **form.cleaned_data),
        done=gettext("Review recorded for %(user)s's emergency access.") % {"user": entry.user},
        then="access:break_glass_queue",
        invalid=200,
        entry=entry,
        opened=selectors.break_glass_opened(entry=entry),
    )


# The audit log ---------------------------------------------------------------------------------


def audit_log(request: HttpRequest) -> HttpResponse:
    form = AuditSearchForm(request.GET or None)
    entries = AuditEntry.objects.none()
    if not form.is_bound or form.is_valid():
        filters = form.cleaned_data if form.is_bound else {}
        entries = selectors.audit_search(
            user=request.user,
            actor_username=filters.get("actor") or "",
            action=filters.get("action") or "",
            object_type=filters.get("object_type") or "",
            person_id=filters.get("person"),
            date_from=filters.get("date_from"),
            date_to=filters.get("date_to"),
        )
    page = Paginator(entries, AUDIT_PAGE_SIZE).get_page(request.GET.get("page"))
    params = request.GET.copy()
    params.pop("page", None)
    context = {
        "form": form,
        "page": page,
        "chain": selectors.chain_check_latest(user=request.user),
        "querystring": params.urlencode(),
    }
    return render(request, "access/audit_log.html", context)


@require_POST
def audit_verify_request(request: HttpRequest) -> HttpResponse:
    services.audit_chain_check_request(actor=request.user)
    messages.success(
        request, gettext("The audit chain check is queued; reload this page in a moment for its result.")
    )
    return redirect("access:audit_log")


# Staff administration --------------------------------------------------------------------------


def _staff_url(staff: User) -> str:
    return reverse("access:staff_edit", args=[staff.pk])


def _staff_form(request: HttpRequest, staff: User, **page: Any) -> HttpResponse:
    """A form that adds to a staff member's account: saved or cancelled, it goes back to their page."""
    url = _staff_url(staff)
    return save_page(request, FORM_PAGE, then=url, invalid=200, cancel_url=url, **page)


def staff_list(request: HttpRequest) -> HttpResponse:
    return render(request, "access/staff_list.html", {"staff": selectors.staff_list(user=request.user)})


@require_http_methods(["GET", "POST"])
def staff_create(request: HttpRequest) -> HttpResponse:
    form = StaffCreateForm(bound(request))
    fields = ("username", "first_name", "last_name", "email", "role", "password", "supervisor", "teams")
    return save_page(
        request,
        FORM_PAGE,
        form=form,
        call=lambda: services.staff_create(
            actor=request.user, **{name: form.cleaned_data[name] for name in fields}
        ),
        done=lambda staff: gettext(
            "The account for %(staff)s is open. Give them the initial password in person."
        )
        % {"staff": staff},
        then=_staff_url,
        invalid=200,
        title=gettext("New staff account"),
        intro=gettext("They will set up their authenticator app the first time they sign in."),
        submit=gettext("Open the account"),
        cancel_url=reverse("access:staff_list"),
    )


@require_http_methods(["GET", "POST"])
def staff_edit(request: HttpRequest, pk: int) -> HttpResponse:
    staff = selectors.staff_detail(user=request.user, pk=pk)
    initial = {
        "role": staff.role,
        "supervisor": staff.supervisor_id,
        "is_active": staff.is_active,
        "teams": [team.pk for team in staff.teams.all()],
    }
    form = StaffEditForm(bound(request), staff=staff, initial=initial)
    fields = ("role", "supervisor", "is_active", "teams", "reset_authenticator", "unlock_sign_in")
    return save_page(
        request,
        "access/staff_edit.html",
        form=form,
        call=lambda: services.staff_update(
            actor=request.user, staff=staff, **{name: form.cleaned_data[name] for name in fields}
        ),
        done=lambda saved: gettext("Changes to %(username)s are saved.") % {"username": staff.username},
        then=_staff_url(staff),
        invalid=200,
        staff=staff,
        today=timezone.localdate(),
    )


@require_http_methods(["GET", "POST"])
def assignment_add(request: HttpRequest, pk: int) -> HttpResponse:
    staff = selectors.staff_detail(user=request.user, pk=pk)
    form = AssignmentForm(bound(request))
    return _staff_form(
        request,
        staff,
        form=form,
        call=lambda: services.assignment_create(actor=request.user, staff=staff, **form.cleaned_data),
        done=lambda assignment: (
            gettext("Record %(pk)s exists and is now on %(username)s's caseload.")
            % {"pk": assignment.person_id, "username": staff.username}
        ),
        title=gettext("Add to %(username)s's caseload") % {"username": staff.username},
        intro=gettext("Enter the person's record number. Administrators do not see names; the worker will."),
        submit=gettext("Add to caseload"),
    )


@require_POST
def assignment_end(request: HttpRequest, pk: int) -> HttpResponse:
    assignment = selectors.assignment_for_admin(user=request.user, pk=pk)
    act(
        request,
        lambda: services.assignment_end(actor=request.user, assignment=assignment),
        gettext("Record %(pk)s is off the caseload from today.") % {"pk": assignment.person_id},
    )
    return redirect("access:staff_edit", assignment.staff_id)


@require_http_methods(["GET", "POST"])
def grant_add(request: HttpRequest, pk: int) -> HttpResponse:
    staff = selectors.staff_detail(user=request.user, pk=pk)
    form = GrantForm(bound(request))
    return _staff_form(
        request,
        staff,
        form=form,
        call=lambda: services.segment_grant(
            actor=request.user,
            user=staff,
            segment=form.cleaned_data["segment"],
            reason=form.cleaned_data["reason"],
            expires_at=form.expires_at(),
        ),
        done=lambda grant: gettext("%(username)s may now read %(segment)s.")
        % {"username": staff.username, "segment": grant.get_segment_display().lower()},
        title=gettext("Grant %(username)s a sensitive segment") % {"username": staff.username},
        intro=gettext(
            "Sensitive segments are read only with a grant, on top of the caseload. Grant the least needed."
        ),
        submit=gettext("Grant access"),
    )


@require_POST
def grant_revoke(request: HttpRequest, pk: int) -> HttpResponse:
    grant = selectors.grant_for_admin(user=request.user, pk=pk)
    act(
        request,
        lambda: services.segment_revoke(actor=request.user, grant=grant),
        gettext("Access to %(segment)s is revoked.") % {"segment": grant.get_segment_display().lower()},
    )
    return redirect("access:staff_edit", grant.user_id)


def team_list(request: HttpRequest) -> HttpResponse:
    return render(request, "access/team_list.html", {"teams": selectors.team_list(user=request.user)})


@require_http_methods(["GET", "POST"])
def team_create(request: HttpRequest) -> HttpResponse:
    form = TeamForm(bound(request))
    return save_page(
        request,
        FORM_PAGE,
        form=form,
        call=lambda: services.team_create(actor=request.user, **form.cleaned_data),
        done=lambda team: gettext("The team “%(name)s” is created. Add members from each staff page.")
        % {"name": team.name},
        then="access:team_list",
        invalid=200,
        title=gettext("New team"),
        intro="",
        submit=gettext("Create the team"),
        cancel_url=reverse("access:team_list"),
    )
