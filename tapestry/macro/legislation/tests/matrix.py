"""URL arguments for the legislation routes in the authorization matrix (tests/test_authorization_matrix.py).

Bills are agency facts: every aggregate reader reads every bill, so no object-level check can mask
the capability check.
"""

from __future__ import annotations

from tapestry.macro.legislation.models import Bill, PaperVersion, PositionPaper


def examples(world: dict) -> dict[str, dict]:
    bill = Bill.objects.create(
        jurisdiction="Matrix State", session="2026", identifier="HB 1", title="Matrix bill"
    )
    paper = PositionPaper.objects.create(bill=bill, title="Matrix paper")
    PaperVersion.objects.create(paper=paper, number=1, text="First")
    pk = {"pk": bill.pk}
    api = {"bill_id": bill.pk}
    ui = (
        "bill_detail",
        "bill_edit",
        "bill_follow",
        "bill_openstates",
        "action_add",
        "sponsorship_add",
        "version_add",
        "position_edit",
        "paper_add",
        "testimony_add",
        "contact_add",
        "hearing_add",
    )
    api_paths = (
        "",
        "/actions",
        "/sponsorships",
        "/versions",
        "/position",
        "/papers",
        "/testimony",
        "/contacts",
        "/hearings",
    )
    methods = {"": ("GET", "PATCH"), "/position": ("PUT",)}
    return {
        **{f"legislation:{name}": pk for name in ui},
        "legislation:paper_revise": {"pk": paper.pk},
        **{
            f"{method} /api/v1/legislation/bills/{{bill_id}}{path}": api
            for path in api_paths
            for method in methods.get(path, ("POST",))
        },
        "POST /api/v1/legislation/papers/{paper_id}/versions": {"paper_id": paper.pk},
        "GET /api/v1/legislation/bills/{bill_id}/openstates": api,
    }
