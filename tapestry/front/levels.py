"""The four levels of practice in the navigation, and what each offers a role today."""

from __future__ import annotations

from dataclasses import dataclass

from tapestry.access.policy import Capability as C


@dataclass(frozen=True)
class Entry:
    title: str
    url_name: str
    capability: str
    description: str
    query: str = ""


@dataclass(frozen=True)
class Level:
    slug: str
    name: str
    question: str
    entries: tuple[Entry, ...]


LEVELS = (
    Level(
        "micro",
        "Micro",
        "What does this person need, what are we doing about it, is it working?",
        (
            Entry(
                "My caseload",
                "cases:caseload",
                C.PERSON_READ,
                "Your open cases, overdue tasks, upcoming reviews and recent risk flags.",
            ),
            Entry(
                "People",
                "people:person_list",
                C.PERSON_READ,
                "Your caseload, your team's and your supervisees'.",
            ),
            Entry(
                "New intake",
                "people:person_create",
                C.PERSON_WRITE,
                "Register a person; likely duplicates are shown first.",
            ),
            Entry(
                "Households",
                "people:household_list",
                C.PERSON_READ,
                "Families as a unit, with their members.",
            ),
            Entry(
                "Cases",
                "cases:case_list",
                C.PERSON_READ,
                "Every case you may see; open a new one.",
            ),
            Entry(
                "Resource directory",
                "directory:search",
                C.ORGANISATION_READ,
                "Services to refer to, found by need, words or distance.",
            ),
            Entry(
                "Emergency access reviews",
                "access:break_glass_queue",
                C.BREAK_GLASS_REVIEW,
                "Break-glass opens by your supervisees, awaiting your review.",
            ),
        ),
    ),
    Level(
        "mezzo",
        "Mezzo",
        "How is this group doing together, and does the program reach the people it is for?",
        (
            Entry(
                "My groups",
                "groups:my_groups",
                C.GROUP_RUN,
                "The groups you run: rosters, sessions, attendance, notes and outcomes.",
            ),
            Entry(
                "Groups",
                "groups:group_list",
                C.ORGANISATION_READ,
                "Support groups, classes, clubs and programs, with their schedules and open places.",
            ),
            Entry(
                "Programs",
                "programs:program_list",
                C.ORGANISATION_READ,
                "Logic models, budgets, staff, and the reach of each program.",
            ),
            Entry(
                "Cohorts",
                "cohorts:cohort_list",
                C.PERSON_READ,
                "Cases with a common situation, managed together in bulk.",
            ),
            Entry(
                "Mediation",
                "mediation:dispute_list",
                C.GROUP_RUN,
                "Disputes you mediate: parties, sessions, issues and agreements.",
            ),
            Entry(
                "Prevention programs",
                "prevention:program_list",
                C.ORGANISATION_READ,
                "Workshops and classroom series, with headcounts and before/after measures.",
            ),
            Entry(
                "Partner organisations",
                "partners:partner_list",
                C.ORGANISATION_READ,
                "Agreements, shared programs and referrals exchanged with our partners.",
            ),
            Entry(
                "Schools",
                "people:organisation_list",
                C.ORGANISATION_READ,
                "Schools and their contacts.",
                "kind=school",
            ),
            Entry("Teams", "access:team_list", C.STAFF_MANAGE, "Staff teams and who leads them."),
        ),
    ),
    Level(
        "macro",
        "Macro",
        "What pattern do we see across many people, and what change will fix its root cause?",
        (
            Entry(
                "Funders",
                "people:organisation_list",
                C.ORGANISATION_READ,
                "Foundations and public funders.",
                "kind=funder",
            ),
            Entry(
                "Government offices",
                "people:organisation_list",
                C.ORGANISATION_READ,
                "Offices and officials we advocate with.",
                "kind=government",
            ),
        ),
    ),
    Level(
        "evidence",
        "Evidence",
        "What do the cases show, as counts that identify no one?",
        (
            Entry(
                "Audit log",
                "access:audit_log",
                C.AUDIT_READ,
                "Every read and write of person-level data, hash-chained.",
            ),
            Entry(
                "Staff and access",
                "access:staff_list",
                C.STAFF_MANAGE,
                "Accounts, roles, caseloads and sensitive-segment grants.",
            ),
        ),
    ),
)

LEVELS_BY_SLUG = {level.slug: level for level in LEVELS}
