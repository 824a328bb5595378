"""The demo builds one evidence pack for its housing campaign, once; it reads through the measures."""

from __future__ import annotations

import pytest

from tapestry.demo.context import DemoContext
from tapestry.demo.generate import demo_load
from tapestry.macro.campaigns import demo as campaigns_demo
from tapestry.thread.packs import demo, selectors
from tapestry.thread.packs.models import Pack

pytestmark = pytest.mark.django_db


def test_the_demo_builds_the_housing_campaigns_pack_once():
    demo_load()
    ctx = DemoContext.load("packs-2026")
    campaigns_demo.seed(ctx)

    first = demo.seed(ctx)
    second = demo.seed(ctx)

    pack = Pack.objects.get()
    assert first == f"1 evidence pack ({pack.title})" and second == ""
    assert {need.code for need in pack.needs.all()} >= {"housing-instability"}
    contents = selectors.pack_contents(user=ctx.staff["community_organiser"], pack=pack)
    titles = [found.title for found in contents.figures]
    assert "Housing needs identified, by area" in titles
    assert "Referrals completed, by service type" in titles
