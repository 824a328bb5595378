"""URLs of access: the second factor, tokens, emergency access, the audit log and staff."""

from django.urls import path

from tapestry.access import views

app_name = "access"
urlpatterns = [
    path("otp/verify/", views.otp_verify, name="otp_verify"),
    path("otp/enrol/", views.otp_enrol, name="otp_enrol"),
    path("language/", views.language, name="language"),
    path("session/extend/", views.session_extend, name="session_extend"),
    path("tokens/", views.tokens, name="tokens"),
    path("tokens/<int:pk>/revoke/", views.token_revoke_view, name="token_revoke"),
    path("break-glass/person/<int:person_pk>/", views.break_glass, name="break_glass"),
    path("break-glass/reviews/", views.break_glass_queue, name="break_glass_queue"),
    path("break-glass/reviews/<int:pk>/", views.break_glass_review, name="break_glass_review"),
    path("audit/", views.audit_log, name="audit_log"),
    path("audit/verify/", views.audit_verify_request, name="audit_verify"),
    path("staff/", views.staff_list, name="staff_list"),
    path("staff/new/", views.staff_create, name="staff_create"),
    path("staff/<int:pk>/", views.staff_edit, name="staff_edit"),
    path("staff/<int:pk>/caseload/add/", views.assignment_add, name="assignment_add"),
    path("assignments/<int:pk>/end/", views.assignment_end, name="assignment_end"),
    path("staff/<int:pk>/grants/add/", views.grant_add, name="grant_add"),
    path("grants/<int:pk>/revoke/", views.grant_revoke, name="grant_revoke"),
    path("teams/", views.team_list, name="team_list"),
    path("teams/new/", views.team_create, name="team_create"),
]
