"""The vocabularies of Open States that bill records use (facts of the published schema, see
docs/macro-legislation.md for the sources): bill classifications and action classifications."""

from __future__ import annotations

BILL_CLASSIFICATIONS: tuple[tuple[str, str], ...] = (
    ("bill", "Bill"),
    ("resolution", "Resolution"),
    ("concurrent resolution", "Concurrent resolution"),
    ("joint resolution", "Joint resolution"),
    ("memorial", "Memorial"),
    ("commemoration", "Commemoration"),
    ("concurrent memorial", "Concurrent memorial"),
    ("joint memorial", "Joint memorial"),
    ("proposed bill", "Proposed bill"),
    ("proclamation", "Proclamation"),
    ("nomination", "Nomination"),
    ("contract", "Contract"),
    ("claim", "Claim"),
    ("appointment", "Appointment"),
    ("constitutional amendment", "Constitutional amendment"),
    ("petition", "Petition"),
    ("order", "Order"),
    ("concurrent order", "Concurrent order"),
    ("appropriation", "Appropriation"),
    ("ordinance", "Ordinance"),
    ("motion", "Motion"),
    ("study request", "Study request"),
    ("concurrent study request", "Concurrent study request"),
    ("bill of address", "Bill of address"),
)

ACTION_CLASSIFICATIONS: tuple[tuple[str, str], ...] = (
    ("filing", "Filed"),
    ("introduction", "Introduced"),
    ("enrolled", "Enrolled"),
    ("reading-1", "First reading"),
    ("reading-2", "Second reading"),
    ("reading-3", "Third reading"),
    ("passage", "Passed"),
    ("failure", "Failed to pass"),
    ("withdrawal", "Withdrawn"),
    ("substitution", "Substituted"),
    ("amendment-introduction", "Amendment introduced"),
    ("amendment-passage", "Amendment passed"),
    ("amendment-withdrawal", "Amendment withdrawn"),
    ("amendment-failure", "Amendment failed"),
    ("amendment-amendment", "Amendment amended"),
    ("amendment-deferral", "Amendment deferred or tabled"),
    ("committee-passage", "Passed committee"),
    ("committee-passage-favorable", "Passed committee, favourably"),
    ("committee-passage-unfavorable", "Passed committee, unfavourably"),
    ("committee-failure", "Failed in committee"),
    ("executive-receipt", "Received by the executive"),
    ("executive-signature", "Signed by the executive"),
    ("executive-veto", "Vetoed by the executive"),
    ("executive-veto-line-item", "Line-item veto by the executive"),
    ("became-law", "Became law"),
    ("veto-override-passage", "Veto overridden"),
    ("veto-override-failure", "Veto override failed"),
    ("deferral", "Deferred or tabled"),
    ("receipt", "Received"),
    ("referral", "Referred"),
    ("referral-committee", "Referred to committee"),
)

ACTION_LABELS = dict(ACTION_CLASSIFICATIONS)
BILL_CLASSIFICATION_NAMES = frozenset(name for name, _ in BILL_CLASSIFICATIONS)
ACTION_CLASSIFICATION_NAMES = frozenset(ACTION_LABELS)
JURISDICTION_CLASSIFICATIONS = ("state", "municipality", "country")
SPONSOR_ENTITY_TYPES = ("person", "organization")
