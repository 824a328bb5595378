"""The starting intervention catalogue: kinds of social-work intervention on the three levels.

Each kind names the need domains it fits and, where a whole domain would be too wide, single
needs (by code in `tapestry.needs.taxonomy`). The kinds follow the work described in DOMAIN.md
(micro, mezzo and macro practice); the wording is the project's own. `acts` names the local
option the level advisor lets a worker act on in one step: a group, a directory service or a
campaign. The data migration `0006_intervention_catalogue` runs `load`.
"""

from __future__ import annotations

ALL = [
    "housing",
    "food",
    "income",
    "employment",
    "education",
    "safety",
    "social",
    "health",
    "substance_use",
    "family",
    "legal",
    "transport",
    "utilities",
]

# code, name, level, acts, domains, need codes, description
INTERVENTIONS: list[tuple[str, str, str, str, list[str], list[str], str]] = [
    # Micro: one person or one family.
    (
        "counselling",
        "Individual counselling",
        "micro",
        "service",
        ["health", "family", "safety", "social"],
        ["bereavement", "discrimination", "crime-victim"],
        "Regular one-to-one sessions to talk through what is happening, set goals for treatment and "
        "review progress against them; the plan changes as the person does.",
    ),
    (
        "crisis-intervention",
        "Crisis intervention",
        "micro",
        "service",
        ["safety", "housing"],
        ["mental-health", "substance-use"],
        "Fast work when someone is in danger: judge the risk (to themselves, from others, from a "
        "disaster), agree a safety plan, make urgent referrals and follow up within days.",
    ),
    (
        "case-management",
        "Case management",
        "micro",
        "service",
        ALL,
        [],
        "Assess what the person needs, agree a care plan with goals and tasks, link them to the "
        "services that can help and stay in touch with those services until the goals are met.",
    ),
    (
        "individual-advocacy",
        "Advocacy for the individual",
        "micro",
        "",
        ["income", "housing", "health", "legal", "education", "employment"],
        ["discrimination"],
        "Act with an agency on the person's behalf (a benefits office, a landlord, a clinic), keep a "
        "log of what was asked and what came of it, and explain to the person what their rights are.",
    ),
    (
        "referral",
        "Referral to a service",
        "micro",
        "service",
        ALL,
        [],
        "Send the person, with their consent, to a service in the directory that meets the need, "
        "and check that the service answered and what it did.",
    ),
    (
        "benefits-help",
        "Help with benefits and income",
        "micro",
        "service",
        ["income", "food", "utilities"],
        ["health-insurance", "unemployment"],
        "Work out which benefits and grants the person can claim, help fill in the claims and "
        "gather the papers, and chase them until a decision comes.",
    ),
    (
        "family-therapy",
        "Family therapy",
        "micro",
        "service",
        ["family"],
        [],
        "Sessions with the family together, looking at how its members relate to each other and "
        "what they can change as a unit.",
    ),
    # Mezzo: a group, a program, an organisation.
    (
        "support-group",
        "Support group",
        "mezzo",
        "group",
        ["safety", "social", "health", "family", "substance_use"],
        ["prison-release"],
        "People living through the same thing meet regularly with a facilitator to share what "
        "helps; it breaks isolation and members learn from each other.",
    ),
    (
        "group-therapy",
        "Group therapy",
        "mezzo",
        "group",
        ["health", "substance_use", "safety"],
        ["bereavement"],
        "A clinician leads a closed group through a planned course of sessions aimed at a shared "
        "problem (trauma, low mood, recovery), with measures before and after.",
    ),
    (
        "psychoeducation-group",
        "Psychoeducation group",
        "mezzo",
        "group",
        ["health", "family", "substance_use", "income"],
        ["parental-supervision"],
        "A short course that teaches a group about a condition or a skill (managing stress, "
        "parenting, budgeting) so members can handle it better themselves.",
    ),
    (
        "youth-program",
        "Youth club or after-school program",
        "mezzo",
        "group",
        ["education", "social"],
        ["parental-supervision", "childcare"],
        "A safe place for children and young people outside school hours, with activities, "
        "homework help and trusted adults; it takes enrolments and keeps a waiting list.",
    ),
    (
        "family-mediation",
        "Family mediation",
        "mezzo",
        "",
        ["family"],
        ["housing-instability"],
        "A neutral mediator helps family members (or a tenant and landlord) in a dispute talk it "
        "through in sessions and write down what they agree.",
    ),
    (
        "community-program",
        "Community program",
        "mezzo",
        "group",
        ["food", "employment", "social", "transport", "education", "housing", "utilities", "legal"],
        [],
        "A program at a community centre that many people use together: a food pantry, a job club, "
        "a tenants' clinic, a legal-help evening, language classes, shared rides; it adds capacity "
        "where one-to-one help runs short.",
    ),
    # Macro: a community, a policy, a system.
    (
        "community-organising",
        "Community organising",
        "macro",
        "campaign",
        ["housing", "safety", "transport", "utilities", "social"],
        [],
        "Bring residents who share a problem together to name it, choose what to demand and act "
        "together; the people affected lead.",
    ),
    (
        "campaign",
        "Campaign",
        "macro",
        "campaign",
        ALL,
        [],
        "A planned effort with goals, targets and milestones to change a practice, raise awareness "
        "or win a resource; clients may choose to join as supporters, on their own terms.",
    ),
    (
        "legislative-advocacy",
        "Legislative and policy advocacy",
        "macro",
        "campaign",
        ["housing", "income", "health", "legal", "food", "utilities"],
        [],
        "Analyse the gaps in a law or policy, take a position, give testimony and meet legislators, "
        "using counts from practice data that identify no one and stories told with consent.",
    ),
    (
        "coalition-work",
        "Coalition work",
        "macro",
        "campaign",
        ALL,
        [],
        "Join other organisations around a shared goal so that a problem no one agency can fix is "
        "taken on together, with agreed commitments.",
    ),
    (
        "needs-assessment",
        "Community needs assessment",
        "macro",
        "",
        ALL,
        [],
        "Map the needs and assets of an area by survey, indicators and the agency's own counts, "
        "to show where a need is concentrated and what is missing.",
    ),
    (
        "program-development",
        "Program development",
        "macro",
        "",
        ALL,
        [],
        "Design a new program where the need outruns what exists: a logic model, a budget, staff "
        "and measures of outcome, often funded by a grant.",
    ),
]


def load(intervention_model: type, need_model: type) -> None:
    """Put the catalogue in place (idempotent), matching kinds by their code."""
    needs = {need.code: need for need in need_model.objects.all()}
    for code, name, level, acts, domains, need_codes, description in INTERVENTIONS:
        kind, _ = intervention_model.objects.update_or_create(
            code=code,
            defaults={
                "name": name,
                "level": level,
                "acts": acts,
                "domains": list(domains),
                "description": description,
                "is_active": True,
            },
        )
        kind.needs.set([needs[c] for c in need_codes if c in needs])
