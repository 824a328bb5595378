"""The vocabularies of Open States that bill records use (facts of the published schema, see
docs/macro-legislation.md for the sources): bill classifications and action classifications."""

from __future__ import annotations

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy, pgettext_lazy

BILL_CLASSIFICATIONS: tuple[tuple[str, str | Promise], ...] = (
    ("bill", gettext_lazy("Bill")),
    ("resolution", gettext_lazy("Resolution")),
    ("concurrent resolution", gettext_lazy("Concurrent resolution")),
    ("joint resolution", gettext_lazy("Joint resolution")),
    ("memorial", gettext_lazy("Memorial")),
    ("commemoration", gettext_lazy("Commemoration")),
    ("concurrent memorial", gettext_lazy("Concurrent memorial")),
    ("joint memorial", gettext_lazy("Joint memorial")),
    ("proposed bill", gettext_lazy("Proposed bill")),
    ("proclamation", gettext_lazy("Proclamation")),
    ("nomination", gettext_lazy("Nomination")),
    ("contract", gettext_lazy("Contract")),
    ("claim", gettext_lazy("Claim")),
    ("appointment", gettext_lazy("Appointment")),
    ("constitutional amendment", gettext_lazy("Constitutional amendment")),
    ("petition", gettext_lazy("Petition")),
    ("order", gettext_lazy("Order")),
    ("concurrent order", gettext_lazy("Concurrent order")),
    ("appropriation", gettext_lazy("Appropriation")),
    ("ordinance", gettext_lazy("Ordinance")),
    ("motion", gettext_lazy("Motion")),
    ("study request", gettext_lazy("Study request")),
    ("concurrent study request", gettext_lazy("Concurrent study request")),
    ("bill of address", gettext_lazy("Bill of address")),
)

ACTION_CLASSIFICATIONS: tuple[tuple[str, str | Promise], ...] = (
    ("filing", gettext_lazy("Filed")),
    ("introduction", gettext_lazy("Introduced")),
    ("enrolled", pgettext_lazy("bill action", "Enrolled")),
    ("reading-1", gettext_lazy("First reading")),
    ("reading-2", gettext_lazy("Second reading")),
    ("reading-3", gettext_lazy("Third reading")),
    ("passage", gettext_lazy("Passed")),
    ("failure", gettext_lazy("Failed to pass")),
    ("withdrawal", gettext_lazy("Withdrawn")),
    ("substitution", gettext_lazy("Substituted")),
    ("amendment-introduction", gettext_lazy("Amendment introduced")),
    ("amendment-passage", gettext_lazy("Amendment passed")),
    ("amendment-withdrawal", gettext_lazy("Amendment withdrawn")),
    ("amendment-failure", gettext_lazy("Amendment failed")),
    ("amendment-amendment", gettext_lazy("Amendment amended")),
    ("amendment-deferral", gettext_lazy("Amendment deferred or tabled")),
    ("committee-passage", gettext_lazy("Passed committee")),
    ("committee-passage-favorable", gettext_lazy("Passed committee, favourably")),
    ("committee-passage-unfavorable", gettext_lazy("Passed committee, unfavourably")),
    ("committee-failure", gettext_lazy("Failed in committee")),
    ("executive-receipt", gettext_lazy("Received by the executive")),
    ("executive-signature", gettext_lazy("Signed by the executive")),
    ("executive-veto", gettext_lazy("Vetoed by the executive")),
    ("executive-veto-line-item", gettext_lazy("Line-item veto by the executive")),
    ("became-law", gettext_lazy("Became law")),
    ("veto-override-passage", gettext_lazy("Veto overridden")),
    ("veto-override-failure", gettext_lazy("Veto override failed")),
    ("deferral", gettext_lazy("Deferred or tabled")),
    ("receipt", pgettext_lazy("bill action", "Received")),
    ("referral", gettext_lazy("Referred")),
    ("referral-committee", gettext_lazy("Referred to committee")),
)

ACTION_LABELS = dict(ACTION_CLASSIFICATIONS)
BILL_CLASSIFICATION_NAMES = frozenset(name for name, _ in BILL_CLASSIFICATIONS)
ACTION_CLASSIFICATION_NAMES = frozenset(ACTION_LABELS)
JURISDICTION_CLASSIFICATIONS = ("state", "municipality", "country")
SPONSOR_ENTITY_TYPES = ("person", "organization")
