"""The shell: the home page, the level pages and the health check."""

from __future__ import annotations

from django.db import connection
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render

from tapestry.access.policy import capabilities_of
from tapestry.front.levels import level_named, levels
from tapestry.front.worklist import worklist


def home(request: HttpRequest) -> HttpResponse:
    capabilities = capabilities_of(request.user)
    offered = [
        (level, [entry for entry in level.entries if entry.capability in capabilities]) for level in levels()
    ]
    return render(request, "front/home.html", {"levels": offered, "work": worklist(user=request.user)})


def level(request: HttpRequest, slug: str) -> HttpResponse:
    chosen = level_named(slug)
    if chosen is None:
        raise Http404("There is no such level.")
    capabilities = capabilities_of(request.user)
    entries = [entry for entry in chosen.entries if entry.capability in capabilities]
    return render(request, "front/level.html", {"level": chosen, "entries": entries})


def health(request: HttpRequest) -> JsonResponse:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})
