"""What other micro apps contribute to a person's timeline, ecomap and a worker's caseload page.

Each app may have `timeline.py` with `timeline_events(*, user, person) -> list[TimelineEvent]`,
`caseload.py` with `caseload_alerts(*, user) -> list[CaseloadAlert]` and `ecomap.py` with
`ecomap_links(*, user, person) -> list[EcomapLink]`; and `closure.py` with
`case_closure_blockers(*, actor, case) -> list[str]`, the work of its area that must be finished
before the case may close (`case_close` refuses with every blocker found). Each reading provider reads through the access
policy (`policy.visible`), so a viewer only ever sees what they may, and runs a fixed number of
queries whatever the amount of data (the pages pin their query counts).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime


@dataclass(frozen=True)
class TimelineEvent:
    when: datetime | date
    kind: str  # e.g. "case", "note", "assessment", "referral"; shown as a label
    title: str
    detail: str = ""
    url: str = ""
    case_id: int | None = None


@dataclass(frozen=True)
class CaseloadAlert:
    kind: str  # "overdue_task", "upcoming_review" or "risk_flag"
    when: datetime | date
    title: str
    person_name: str
    url: str = ""
    case_id: int | None = None


@dataclass(frozen=True)
class EcomapLink:
    label: str
    kind: str  # "family", "service", "group", "organisation", "school", "court", "worker"
    detail: str = ""
    url: str = ""
    stressful: bool = False  # drawn as a strained connection (e.g. a no-contact relationship)
    # The person this connection is, if any: two relatives outside reach, shown alike, stay two.
    person_id: int | None = None
