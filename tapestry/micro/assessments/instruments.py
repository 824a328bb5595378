"""The standardised instruments, defined in code: items, answers and points, scoring, bands, codes, flags.

Item wording is paraphrased in our own words (PHQ and GAD items closely, as they are public
domain); what is carried over exactly are the facts that make a score mean something: the
points of each answer, the scoring rule, the cut-offs and the LOINC codes. Where we are not
sure of a LOINC code we leave it empty rather than invent one.

In Spanish, the PHQ-9, PHQ-2 and GAD-7 items and answers are the official published Spanish (USA)
version, not a translation of our paraphrase: their English texts are marked with `gettext_noop`
here, and the app's catalog gives the official wording as their msgstr (docs/micro-assessments.md).
They are translated where they are shown (the form, the instrument list, the answers as given); the
definitions themselves stay plain English strings, so scoring, the stored responses and the API are
unchanged. The other instruments keep their English item text in every language.

A custom form built by an administrator is turned into the same `Instrument` shape
(`instrument_from_form`), so one scorer, one form and one chart serve both.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from django.utils.translation import gettext, gettext_noop

if TYPE_CHECKING:
    from tapestry.micro.assessments.models import CustomForm

# The instruments whose items and answers are shown in their official published Spanish version.
OFFICIAL_SPANISH = frozenset({"phq-9", "phq-2", "gad-7"})
MISSING = gettext_noop("Choose an answer.")
NOT_LISTED = gettext_noop("Choose one of the listed answers.")


def _is_whole_number_text(value: str) -> bool:
    """'0', '12', '-1': text that is exactly how Python writes a whole number (not '01', '1.0', ' 1')."""
    try:
        return str(int(value)) == value
    except ValueError:
        return False


def sent_value(value: str) -> int | str:
    """A choice value as the API shows and takes it: whole numbers as integers, words as strings.

    An item's choices are all whole numbers (a points scale) or all words (a test holds every
    instrument to this), so this is also the type the item takes."""
    return int(value) if _is_whole_number_text(value) else value


@dataclass(frozen=True)
class Choice:
    value: str
    label: str
    points: int = 0


@dataclass(frozen=True)
class Item:
    code: str
    text: str
    choices: tuple[Choice, ...]
    loinc: str = ""
    help: str = ""
    # Unscored items (e.g. which AUDIT-C cut-off applies) shape the result but add no points.
    scored: bool = True
    # Skip logic: the item is asked only when another item got one of these answers.
    asked_if: tuple[str, tuple[str, ...]] | None = None

    def choice(self, value: str) -> Choice | None:
        return next((choice for choice in self.choices if choice.value == value), None)

    @property
    def numeric(self) -> bool:
        """Answered with a whole number (a points scale), rather than with a word such as 'yes'."""
        return all(_is_whole_number_text(choice.value) for choice in self.choices)

    def read_sent(self, value: object) -> str | None:
        """An answer as sent in JSON, strictly: on a numeric item only an integer of its range (not
        true/false, 2.0 or "2"), on any other item only one of its listed words. None if not valid."""
        if self.numeric:
            ok = type(value) is int and self.choice(str(value)) is not None
        else:
            ok = type(value) is str and self.choice(value) is not None
        return str(value) if ok else None

    @property
    def sent_rule(self) -> str:
        """What a valid answer looks like, for the error message beside the item."""
        values = [sent_value(choice.value) for choice in self.choices]
        if self.numeric:
            low, high = min(values), max(values)
            if sorted(values) == list(range(low, high + 1)):
                return f"Send a whole number from {low} to {high} (not text, a decimal or true/false)."
            return f"Send one of the whole numbers {', '.join(map(str, values))}."
        return "Send one of: " + ", ".join(f"'{value}'" for value in values) + "."

    @property
    def max_points(self) -> int:
        return max(choice.points for choice in self.choices) if self.scored else 0


@dataclass(frozen=True)
class Band:
    """A range of totals and what it means; bands set by a rule rather than a range have no low/high."""

    label: str
    low: int | None
    high: int | None
    next_step: str = ""
    meaning: str = ""

    def holds(self, total: int) -> bool:
        return self.low is not None and self.high is not None and self.low <= total <= self.high


@dataclass(frozen=True)
class Result:
    """What a set of answers means: the score, its band, whether it is flagged, and what to do next."""

    total: int
    band: str
    flagged: bool
    next_step: str
    responses: tuple[dict, ...]
    crisis: bool = False  # propose the crisis workflow now
    findings: tuple[str, ...] = ()  # why it is flagged, in words a worker reads at a glance
    needs: tuple[str, ...] = ()  # codes of tapestry.needs Need the answers point to


Rule = Callable[["Instrument", Mapping[str, str], Result], Result]


@dataclass(frozen=True)
class Instrument:
    code: str
    name: str
    title: str
    purpose: str
    instructions: str
    items: tuple[Item, ...]
    bands: tuple[Band, ...]
    scoring_rule: str
    flag_rule: str
    flag_at: int | None = None
    panel_loinc: str = ""
    total_loinc: str = ""
    version: str = "1"
    notes: str = ""
    # The largest total; by default the sum of each scored item's highest points.
    total_max: int | None = None
    # Instrument-specific rules applied after the sum (item 9 of the PHQ-9, C-SSRS triage, ...).
    rule: Rule | None = field(default=None, compare=False, repr=False)
    custom_form_id: int | None = None
    # Whether the total is a severity score worth a line over time (not for a risk level or a count of needs).
    charted: bool = True
    # Answers to a question the skip logic leaves out are ignored (the published instrument ends
    # there, as the AUDIT-C does after 'Never'), unless kept: the C-SSRS counts them, erring on safety.
    keep_skipped: bool = False

    @property
    def official_spanish(self) -> bool:
        """Whether its items and answers have an official published Spanish version in the catalog
        (docs/micro-assessments.md); the others keep their English items and answers in Spanish."""
        return self.code in OFFICIAL_SPANISH

    @property
    def max_total(self) -> int:
        if self.total_max is not None:
            return self.total_max
        return sum(item.max_points for item in self.items)

    def item(self, code: str) -> Item | None:
        return next((item for item in self.items if item.code == code), None)

    def is_asked(self, item: Item, answers: Mapping[str, str]) -> bool:
        if item.asked_if is None:
            return True
        other, values = item.asked_if
        return answers.get(other) in values

    def kept(self, answers: Mapping[str, object]) -> dict[str, str]:
        """The answers as text, without empty ones and, unless `keep_skipped`, without answers to
        questions the skip logic leaves out: what is scored and stored."""
        given = normalise(answers)
        if self.keep_skipped:
            return given
        return {
            code: value
            for code, value in given.items()
            if (item := self.item(code)) is None or self.is_asked(item, given)
        }

    def read_sent(self, answers: Mapping[str, object]) -> tuple[dict[str, str], dict[str, list[str]]]:
        """Answers sent as JSON, checked strictly by type (see `Item.read_sent`): the valid answers as
        text, and errors by item code for a value the item does not take or an item not on this form."""
        read: dict[str, str] = {}
        errors: dict[str, list[str]] = {}
        for code, value in answers.items():
            item = self.item(code)
            if item is None:
                errors[code] = [self.not_on_form]
            elif value is not None:
                text = item.read_sent(value)
                if text is None:
                    errors[code] = [item.sent_rule]
                else:
                    read[code] = text
        return read, errors

    @property
    def not_on_form(self) -> str:
        return f"This question is not part of the {self.name}."

    def check(self, answers: Mapping[str, object]) -> dict[str, list[str]]:
        """Errors by item code: a missing answer, an answer not on the list, an item not on this form."""
        given = normalise(answers)
        errors: dict[str, list[str]] = {}
        for code in given:
            if self.item(code) is None:
                errors[code] = [self.not_on_form]
        for item in self.items:
            value = given.get(item.code)
            if value is None:
                if self.is_asked(item, given):
                    errors[item.code] = [gettext(MISSING)]
            elif item.choice(value) is None:
                errors[item.code] = [gettext(NOT_LISTED)]
        return errors

    def score(self, answers: Mapping[str, object]) -> Result:
        """Score answers already checked with `check` (it raises ValueError on answers that are not)."""
        if self.check(answers):
            raise ValueError(f"The answers to the {self.name} are incomplete or not valid.")
        given = self.kept(answers)
        total = 0
        responses = []
        for item in self.items:
            choice = item.choice(given[item.code]) if item.code in given else None
            points = choice.points if choice is not None and item.scored else None
            total += points or 0
            responses.append(
                {
                    "item": item.code,
                    "question": item.text,
                    "answer": choice.label if choice is not None else gettext_noop("Not asked"),
                    "points": points,
                }
            )
        band = self.band_for(total)
        result = Result(
            total=total,
            band=band.label if band else "",
            flagged=self.flag_at is not None and total >= self.flag_at,
            next_step=band.next_step if band else "",
            responses=tuple(responses),
        )
        if result.flagged:
            result = replace(result, findings=(f"Score {total} is at or above {self.flag_at}.",))
        return self.rule(self, given, result) if self.rule else result

    def band_for(self, total: int) -> Band | None:
        return next((band for band in self.bands if band.holds(total)), None)


def normalise(answers: Mapping[str, object]) -> dict[str, str]:
    """Answers as text, without the empty ones (an empty radio group means 'not answered')."""
    return {
        str(code): str(value) for code, value in answers.items() if value is not None and str(value) != ""
    }


# Shared answer scales ----------------------------------------------------------------------


def scale(*labels: str, start: int = 0) -> tuple[Choice, ...]:
    """Choices worth `start`, `start` + 1, ... points, each answered by its points as text."""
    return tuple(Choice(str(points), label, points) for points, label in enumerate(labels, start))


# The answers of the PHQ and GAD items (official Spanish in the catalog).
FREQUENCY_2_WEEKS = scale(
    gettext_noop("Not at all"),
    gettext_noop("Several days"),
    gettext_noop("More than half the days"),
    gettext_noop("Nearly every day"),
)
YES_NO = (Choice("yes", "Yes", 1), Choice("no", "No", 0))
NO_YES_REVERSED = (Choice("yes", "Yes", 0), Choice("no", "No", 1))


def _phq_items(codes: tuple[tuple[str, str, str], ...]) -> tuple[Item, ...]:
    return tuple(Item(code, text, FREQUENCY_2_WEEKS, loinc=loinc) for code, text, loinc in codes)


def _prepend_step(result: Result, step: str) -> str:
    return f"{step} {result.next_step}".strip()


# PHQ-9 ------------------------------------------------------------------------------------

PHQ9_ITEMS = (
    ("q1", gettext_noop("Having little interest in doing things, or little pleasure from them"), "44250-9"),
    ("q2", gettext_noop("Feeling down, low or hopeless"), "44255-8"),
    ("q3", gettext_noop("Trouble getting to sleep or staying asleep, or sleeping too much"), "44259-0"),
    ("q4", gettext_noop("Feeling tired or having little energy"), "44254-1"),
    ("q5", gettext_noop("A poor appetite, or eating too much"), "44251-7"),
    (
        "q6",
        gettext_noop(
            "Feeling bad about yourself: that you are a failure, or have let yourself or your family down"
        ),
        "44258-2",
    ),
    ("q7", gettext_noop("Trouble concentrating, for example on reading or watching television"), "44252-5"),
    (
        "q8",
        gettext_noop(
            "Moving or speaking so slowly that others could notice, or the opposite: being so fidgety or "
            "restless that you move around much more than usual"
        ),
        "44253-3",
    ),
    (
        "q9",
        gettext_noop("Thoughts that you would be better off dead, or of hurting yourself in some way"),
        "44260-8",
    ),
)


def _phq9_item9(instrument: Instrument, answers: Mapping[str, str], result: Result) -> Result:
    """Any answer above 'not at all' on item 9 is a suicide-risk flag, whatever the total."""
    if answers.get("q9", "0") == "0":
        return result
    return replace(
        result,
        flagged=True,
        crisis=True,
        findings=(*result.findings, "Item 9: thoughts of being better off dead or of self-harm."),
        next_step=_prepend_step(
            result,
            "Item 9 was answered above 'not at all': assess suicide risk today, before the person "
            "leaves (a crisis risk assessment), and tell your supervisor.",
        ),
    )


PHQ9 = Instrument(
    code="phq-9",
    name="PHQ-9",
    title=gettext_noop("Patient Health Questionnaire, 9 items (depression)"),
    purpose=gettext_noop("Screens for depression and measures its severity over time."),
    instructions=gettext_noop(
        "Over the last two weeks, how often has the person been bothered by each of these?"
    ),
    items=_phq_items(PHQ9_ITEMS),
    bands=(
        Band(
            gettext_noop("Minimal"),
            0,
            4,
            gettext_noop("No action for depression now; repeat the PHQ-9 if concerns come back."),
        ),
        Band(
            gettext_noop("Mild"),
            5,
            9,
            gettext_noop("Watchful waiting: talk about supports and repeat the PHQ-9 at the next contact."),
        ),
        Band(
            gettext_noop("Moderate"),
            10,
            14,
            gettext_noop(
                "Agree a plan with the person (counselling, a medical review); repeat the PHQ-9 in two to four weeks."
            ),
        ),
        Band(
            gettext_noop("Moderately severe"),
            15,
            19,
            gettext_noop(
                "Start active treatment: refer for a clinical or medical review and agree a plan with the person."
            ),
        ),
        Band(
            gettext_noop("Severe"),
            20,
            27,
            gettext_noop(
                "Refer promptly for a clinical or psychiatric assessment, and tell your supervisor."
            ),
        ),
    ),
    scoring_rule=gettext_noop("Sum of the nine items, each 0 to 3: a total from 0 to 27."),
    flag_rule=gettext_noop("Flagged at 10 or more; any answer above 0 on item 9 always flags suicide risk."),
    flag_at=10,
    panel_loinc="44249-1",
    total_loinc="44261-6",
    rule=_phq9_item9,
    notes=gettext_noop("Public domain (developed with an educational grant from Pfizer); items paraphrased."),
)


# PHQ-2 ------------------------------------------------------------------------------------

PHQ2 = Instrument(
    code="phq-2",
    name="PHQ-2",
    title=gettext_noop("Patient Health Questionnaire, 2 items (depression screen)"),
    purpose=gettext_noop("A quick first screen for depression; a positive screen is followed by the PHQ-9."),
    instructions=PHQ9.instructions,
    items=_phq_items(PHQ9_ITEMS[:2]),
    bands=(
        Band(gettext_noop("Negative"), 0, 2, gettext_noop("No further depression screen needed now.")),
        Band(gettext_noop("Positive"), 3, 6, gettext_noop("Give the full PHQ-9 now or at the next contact.")),
    ),
    scoring_rule=gettext_noop("Sum of the two items, each 0 to 3: a total from 0 to 6."),
    flag_rule=gettext_noop("Positive (flagged) at 3 or more."),
    flag_at=3,
    panel_loinc="55757-9",
    total_loinc="55758-7",
    notes=gettext_noop("The first two items of the PHQ-9; public domain."),
)


# GAD-7 ------------------------------------------------------------------------------------

GAD7 = Instrument(
    code="gad-7",
    name="GAD-7",
    title=gettext_noop("Generalised Anxiety Disorder, 7 items"),
    purpose=gettext_noop("Screens for anxiety and measures its severity over time."),
    instructions=gettext_noop(
        "Over the last two weeks, how often has the person been bothered by each of these?"
    ),
    items=_phq_items(
        (
            ("q1", gettext_noop("Feeling nervous, anxious or on edge"), "69725-0"),
            ("q2", gettext_noop("Being unable to stop or control worrying"), "68509-9"),
            ("q3", gettext_noop("Worrying too much about different things"), "69733-4"),
            ("q4", gettext_noop("Finding it hard to relax"), "69734-2"),
            ("q5", gettext_noop("Being so restless that it is hard to keep still"), "69735-9"),
            ("q6", gettext_noop("Getting easily annoyed or irritable"), "69689-8"),
            ("q7", gettext_noop("Feeling afraid, as if something awful might happen"), "69736-7"),
        )
    ),
    bands=(
        Band(gettext_noop("Minimal"), 0, 4, gettext_noop("No action for anxiety now.")),
        Band(
            gettext_noop("Mild"),
            5,
            9,
            gettext_noop("Monitor: talk about coping and repeat the GAD-7 at the next contact."),
        ),
        Band(
            gettext_noop("Moderate"),
            10,
            14,
            gettext_noop(
                "Assess further and agree a plan (counselling, a medical review); repeat in two to four weeks."
            ),
        ),
        Band(
            gettext_noop("Severe"),
            15,
            21,
            gettext_noop("Refer for a clinical assessment and treatment, and tell your supervisor."),
        ),
    ),
    scoring_rule=gettext_noop("Sum of the seven items, each 0 to 3: a total from 0 to 21."),
    flag_rule=gettext_noop("Flagged at 10 or more."),
    flag_at=10,
    panel_loinc="69737-5",
    total_loinc="70274-6",
    notes=gettext_noop("Public domain (developed with an educational grant from Pfizer); items paraphrased."),
)


# AUDIT-C ----------------------------------------------------------------------------------

DRINKS = ("q1", ("1", "2", "3", "4"))  # asked only of someone who drinks at all
AUDIT_C_CUTOFF = {"men": 4, "women": 3, "not_stated": 3}


def _audit_c_cutoff(instrument: Instrument, answers: Mapping[str, str], result: Result) -> Result:
    """Positive at 4 or more for men, 3 or more for women; 3 when not stated, the more cautious cut-off."""
    cutoff = AUDIT_C_CUTOFF.get(answers.get("cutoff", ""), 3)
    positive = result.total >= cutoff
    band = instrument.bands[1] if positive else instrument.bands[0]
    return replace(
        result,
        band=band.label,
        flagged=positive,
        next_step=band.next_step,
        findings=(f"Score {result.total} is at or above the cut-off of {cutoff}.",) if positive else (),
    )


AUDIT_C = Instrument(
    code="audit-c",
    name="AUDIT-C",
    title=gettext_noop("Alcohol Use Disorders Identification Test, consumption questions"),
    purpose=gettext_noop("Screens for hazardous drinking."),
    instructions=gettext_noop("Ask about drinks containing alcohol over the past year."),
    items=(
        Item(
            "q1",
            "How often do you have a drink that contains alcohol?",
            scale(
                "Never",
                "Monthly or less",
                "Two to four times a month",
                "Two or three times a week",
                "Four or more times a week",
            ),
            loinc="68518-0",
        ),
        Item(
            "q2",
            "On a typical day when you drink, how many standard drinks do you have?",
            scale("1 or 2", "3 or 4", "5 or 6", "7 to 9", "10 or more"),
            loinc="68519-8",
            help=gettext_noop("Skip if the answer to question 1 was 'never'."),
            asked_if=DRINKS,
        ),
        Item(
            "q3",
            "How often do you have six or more drinks at one time?",
            scale("Never", "Less than monthly", "Monthly", "Weekly", "Daily or almost daily"),
            loinc="68520-6",
            help=gettext_noop("Skip if the answer to question 1 was 'never'."),
            asked_if=DRINKS,
        ),
        Item(
            "cutoff",
            "Which screening cut-off applies?",
            (
                Choice("men", "Men: positive at 4 or more"),
                Choice("women", "Women: positive at 3 or more"),
                Choice("not_stated", "Not stated: positive at 3 or more (the more cautious cut-off)"),
            ),
            help=gettext_noop("Not asked of the person; the worker chooses. It adds no points."),
            scored=False,
        ),
    ),
    bands=(
        Band(
            gettext_noop("Negative"),
            None,
            None,
            gettext_noop("No action on alcohol now; give the usual health advice."),
            meaning=gettext_noop("Below the cut-off (3 for women or when not stated, 4 for men)."),
        ),
        Band(
            gettext_noop("Positive"),
            None,
            None,
            gettext_noop(
                "Talk with the person about their drinking (a brief intervention) and consider a fuller "
                "alcohol assessment."
            ),
            meaning=gettext_noop("At or above the cut-off; higher scores mean more risk."),
        ),
    ),
    scoring_rule=gettext_noop(
        "Sum of the three items, each 0 to 4: a total from 0 to 12. 'Never' on question 1 ends the "
        "instrument at a total of 0: questions 2 and 3 are not asked, and answers given to them are ignored."
    ),
    flag_rule=gettext_noop(
        "Positive (flagged) at 4 or more for men, 3 or more for women or when not stated."
    ),
    flag_at=None,
    panel_loinc="72109-2",
    total_loinc="75626-2",
    rule=_audit_c_cutoff,
    notes=gettext_noop(
        "World Health Organization; items paraphrased. The worker picks the cut-off as an unscored item."
    ),
)


# DAST-10 ----------------------------------------------------------------------------------

DAST_TEXTS = (
    "Have you used drugs other than for medical reasons?",
    "Have you used more than one drug at a time?",
    "Are you always able to stop using drugs when you want to?",
    "Have you had blackouts or flashbacks as a result of drug use?",
    "Do you ever feel bad or guilty about your drug use?",
    "Does your partner (or a parent) ever complain about your drug use?",
    "Have you neglected your family because of your drug use?",
    "Have you done something illegal to get drugs?",
    "Have you had withdrawal symptoms (felt sick) when you stopped taking drugs?",
    "Have you had medical problems because of drug use (for example memory loss, hepatitis, seizures "
    "or bleeding)?",
)

DAST10 = Instrument(
    code="dast-10",
    name="DAST-10",
    title=gettext_noop("Drug Abuse Screening Test, 10 items"),
    purpose=gettext_noop(
        "Screens for problems with drug use (not alcohol or tobacco) over the past 12 months."
    ),
    instructions=gettext_noop(
        "Ask about the past 12 months. 'Drug use' means prescribed or over-the-counter drugs used beyond "
        "what was directed, and any non-medical use of drugs; not alcohol or tobacco."
    ),
    items=tuple(
        Item(f"q{number}", text, NO_YES_REVERSED if number == 3 else YES_NO)
        for number, text in enumerate(DAST_TEXTS, start=1)
    ),
    bands=(
        Band(gettext_noop("No problems reported"), 0, 0, gettext_noop("No action on drug use now.")),
        Band(gettext_noop("Low"), 1, 2, gettext_noop("Monitor and screen again at a later contact.")),
        Band(
            gettext_noop("Moderate"),
            3,
            5,
            gettext_noop("Look further: a brief intervention and a fuller assessment."),
        ),
        Band(gettext_noop("Substantial"), 6, 8, gettext_noop("An intensive assessment.")),
        Band(
            gettext_noop("Severe"),
            9,
            10,
            gettext_noop("An intensive assessment and a referral to specialist treatment."),
        ),
    ),
    scoring_rule=gettext_noop(
        "One point for each 'yes', except question 3, which scores one point for 'no': 0 to 10."
    ),
    flag_rule=gettext_noop("Flagged at 3 or more (moderate or higher)."),
    flag_at=3,
    panel_loinc="82666-9",
    total_loinc="82667-7",
    notes=gettext_noop("Item wording paraphrased. Records on a substance-use case stay in that segment."),
)


# C-SSRS screener --------------------------------------------------------------------------

ACTIVE_THOUGHTS = ("q2", ("yes",))
BEHAVIOUR = (
    Choice("no", "No", 0),
    Choice("yes_over_3_months", "Yes, more than three months ago", 1),
    Choice("yes_past_3_months", "Yes, within the past three months", 1),
)


CSSRS_ITEM_WORDS = {
    "q1": "wish to be dead",
    "q2": "thoughts of suicide",
    "q3": "thoughts of a method",
    "q4": "intent",
    "q5": "a plan with intent",
}


def _cssrs_yes(answers: Mapping[str, str], *codes: str) -> list[str]:
    return [
        f"Yes to item {code[1:]} ({CSSRS_ITEM_WORDS[code]})." for code in codes if answers.get(code) == "yes"
    ]


def _cssrs_triage(instrument: Instrument, answers: Mapping[str, str], result: Result) -> Result:
    """The Columbia Protocol screener's triage: 4, 5 or behaviour in the past 3 months is high risk;
    3, or behaviour more than 3 months ago, is moderate; 1 or 2 alone is low."""
    high, moderate, low = (
        _cssrs_yes(answers, "q4", "q5"),
        _cssrs_yes(answers, "q3"),
        _cssrs_yes(answers, "q1", "q2"),
    )
    behaviour = answers.get("q6", "no")
    if behaviour == "yes_past_3_months":
        high.append("Yes to item 6: suicidal behaviour within the past 3 months.")
    elif behaviour == "yes_over_3_months":
        moderate.append("Yes to item 6: suicidal behaviour more than 3 months ago.")
    if high or moderate:
        band = instrument.bands[3] if high else instrument.bands[2]
        return replace(
            result,
            band=band.label,
            flagged=True,
            crisis=True,
            next_step=band.next_step,
            findings=(*high, *moderate, *low),
        )
    if low:
        band = instrument.bands[1]
        return replace(result, band=band.label, flagged=True, next_step=band.next_step, findings=tuple(low))
    band = instrument.bands[0]
    return replace(result, band=band.label, flagged=False, next_step=band.next_step, findings=())


CSSRS_SCREEN = Instrument(
    code="c-ssrs-screen",
    name="C-SSRS screener",
    title=gettext_noop("Columbia Suicide Severity Rating Scale, screening version (past month)"),
    purpose=gettext_noop("Screens for suicidal thoughts and behaviour, and says how urgently to act."),
    instructions=gettext_noop(
        "Ask questions 1 and 2. If the answer to 2 is yes, ask 3, 4 and 5; if it is no, go to 6. "
        "Always ask 6."
    ),
    items=(
        Item(
            "q1",
            "In the past month, have you wished you were dead, or that you could go to sleep and not wake up?",
            YES_NO,
        ),
        Item("q2", "In the past month, have you actually had thoughts of killing yourself?", YES_NO),
        Item(
            "q3",
            "Have you been thinking about how you might do it?",
            YES_NO,
            help=gettext_noop("Ask only if the answer to 2 was yes."),
            asked_if=ACTIVE_THOUGHTS,
        ),
        Item(
            "q4",
            "Have you had these thoughts and had some intention of acting on them?",
            YES_NO,
            help=gettext_noop("Ask only if the answer to 2 was yes."),
            asked_if=ACTIVE_THOUGHTS,
        ),
        Item(
            "q5",
            "Have you started to work out, or worked out, the details of how to kill yourself, and do you "
            "mean to carry out that plan?",
            YES_NO,
            help=gettext_noop("Ask only if the answer to 2 was yes."),
            asked_if=ACTIVE_THOUGHTS,
        ),
        Item(
            "q6",
            "Have you ever done anything, started to do anything, or prepared to do anything to end your life?",
            BEHAVIOUR,
            help=gettext_noop(
                "For example collected pills, got a weapon, wrote a will or a note, or made an attempt."
            ),
        ),
    ),
    bands=(
        Band(
            gettext_noop("No risk identified"),
            None,
            None,
            gettext_noop("No suicide risk identified by the screen; stay alert to changes."),
            meaning=gettext_noop("No to every question."),
        ),
        Band(
            gettext_noop("Low risk"),
            None,
            None,
            gettext_noop(
                "Talk it through today: review the person's supports and reasons for living, agree who they "
                "will contact if things get worse, and discuss with your supervisor."
            ),
            meaning=gettext_noop("Yes to question 1 or 2 only."),
        ),
        Band(
            gettext_noop("Moderate risk"),
            None,
            None,
            gettext_noop(
                "Today: start the crisis workflow (a suicide risk assessment by a clinician and a safety plan), "
                "consider safety precautions, and tell your supervisor."
            ),
            meaning=gettext_noop(
                "Yes to question 3, or suicidal behaviour (question 6) more than three months ago."
            ),
        ),
        Band(
            gettext_noop("High risk"),
            None,
            None,
            gettext_noop(
                "Act now: do not leave the person alone, start the crisis workflow (risk assessment and safety "
                "plan) and tell your supervisor straight away."
            ),
            meaning=gettext_noop(
                "Yes to question 4 or 5, or suicidal behaviour (question 6) within the past three months."
            ),
        ),
    ),
    scoring_rule=gettext_noop(
        "Not a sum: the risk level follows which questions were answered yes, by the Columbia Protocol "
        "screener's triage (the total counts the yes answers)."
    ),
    flag_rule=gettext_noop(
        "Any yes is flagged. High risk: yes to 4 (intent) or 5 (plan with intent), or behaviour within the "
        "past 3 months. Moderate risk: yes to 3 (method), or behaviour more than 3 months ago. Low risk: "
        "yes to 1 or 2 only. Moderate and high risk open the crisis workflow."
    ),
    total_max=6,
    rule=_cssrs_triage,
    charted=False,
    keep_skipped=True,
    notes=gettext_noop(
        "Item wording paraphrased. Answers to 3-5 given although question 2 was no still count: we err "
        "on the side of safety. No LOINC code is recorded for this screen."
    ),
)


# Social needs (AHC HRSN core questions) ---------------------------------------------------

OFTEN_SOMETIMES_NEVER = (
    Choice("often", "Often true"),
    Choice("sometimes", "Sometimes true"),
    Choice("never", "Never true"),
)
HOW_OFTEN = scale("Never", "Rarely", "Sometimes", "Fairly often", "Frequently", start=1)
SAFETY_ITEMS = ("s1", "s2", "s3", "s4")
SAFETY_POSITIVE_AT = 11

# Which answers point to which need (tapestry.needs codes). Only the safety items carry points.
HRSN_NEEDS: tuple[tuple[str, tuple[str, ...], str, str], ...] = (
    (
        "living",
        ("worried", "none"),
        "housing-instability",
        "Housing: worried about losing it, or no steady place.",
    ),
    ("problems", ("yes",), "inadequate-housing", "Problems with the place they live."),
    ("food_worry", ("often", "sometimes"), "food-insecurity", "Food: worried it would run out."),
    ("food_ran_out", ("often", "sometimes"), "food-insecurity", "Food: it ran out with no money for more."),
    ("transport", ("yes",), "transportation", "Transport kept them from appointments, work or daily needs."),
    # A threatened or actual shut-off by the utility company is difficulty paying for utilities
    # (ICD-10-CM Z59.861, "utility disconnect notice due to inability to pay"); a home already cut
    # off is also without the utility (Z59.12, inadequate housing utilities).
    (
        "utilities",
        ("yes", "shut_off"),
        "utility-payment-difficulty",
        "Utilities: the company threatened to cut off, or has cut off, the service.",
    ),
    ("utilities", ("shut_off",), "utilities", "Utilities: the home is without the service now."),
)

# Every distinct need the answers can point to, and domestic violence from the safety items.
HRSN_MOST_NEEDS = len({need for _, _, need, _ in HRSN_NEEDS}) + 1


def _hrsn_needs(instrument: Instrument, answers: Mapping[str, str], result: Result) -> Result:
    """The total is the number of needs found; interpersonal safety sums four items (11 or more: not safe)."""
    needs: list[str] = []
    findings: list[str] = []
    for code, positive, need, finding in HRSN_NEEDS:
        if answers.get(code) in positive:
            findings.append(finding)
            if need not in needs:
                needs.append(need)
    safety = sum(int(answers.get(code, "0")) for code in SAFETY_ITEMS)
    if safety >= SAFETY_POSITIVE_AT:
        needs.append("domestic-violence")
        findings.append(f"Interpersonal safety score {safety} (11 or more: the person may not be safe).")
    if answers.get("living") == "none":
        findings.append("No steady place to live: consider recording homelessness as well.")
    band = instrument.band_for(len(needs))
    next_step = band.next_step if band else ""
    if "domestic-violence" in needs:
        next_step = (
            "Talk about safety in private, follow the agency's domestic violence protocol and offer a "
            "safety plan. " + next_step
        )
    return replace(
        result,
        total=len(needs),
        band=band.label if band else "",
        flagged=bool(needs),
        next_step=next_step.strip(),
        findings=tuple(findings),
        needs=tuple(needs),
    )


HRSN = Instrument(
    code="ahc-hrsn",
    name="Social needs screen",
    title=gettext_noop("Health-related social needs screen (in the style of the AHC HRSN core questions)"),
    purpose=gettext_noop(
        "Finds unmet social needs (housing, food, transport, utilities, safety) to add to the case."
    ),
    instructions=gettext_noop(
        "Read each question to the person; the time frame is the past 12 months unless it says today."
    ),
    items=(
        Item(
            "living",
            "What is your living situation today?",
            (
                Choice("steady", "I have a steady place to live"),
                Choice("worried", "I have a place to live today, but I am worried about losing it"),
                Choice(
                    "none",
                    "I do not have a steady place to live (staying with others, in a hotel or shelter, "
                    "outside, in a car, or similar)",
                ),
            ),
            loinc="71802-3",
            scored=False,
        ),
        Item(
            "problems",
            "Think about where you live. Do you have problems such as pests, mould, lead paint or pipes, no "
            "heat, a broken stove or oven, missing smoke alarms or water leaks?",
            (Choice("yes", "Yes, one or more of these"), Choice("no", "None of these")),
            loinc="96778-6",
            scored=False,
            help=gettext_noop(
                "The original question lets the person pick each problem; here it is recorded as yes or no."
            ),
        ),
        Item(
            "food_worry",
            "In the past 12 months, you worried that your food would run out before you had money to buy more.",
            OFTEN_SOMETIMES_NEVER,
            loinc="88122-7",
            scored=False,
        ),
        Item(
            "food_ran_out",
            "In the past 12 months, the food you bought did not last and you had no money to get more.",
            OFTEN_SOMETIMES_NEVER,
            loinc="88123-5",
            scored=False,
        ),
        Item(
            "transport",
            "In the past 12 months, has a lack of reliable transport kept you from medical appointments, "
            "meetings, work, or getting things you need day to day?",
            (Choice("yes", "Yes"), Choice("no", "No")),
            loinc="93030-5",
            scored=False,
        ),
        Item(
            "utilities",
            "In the past 12 months, has the electricity, gas, oil or water company threatened to cut off "
            "the service in your home?",
            (Choice("yes", "Yes"), Choice("no", "No"), Choice("shut_off", "Already cut off")),
            loinc="96779-4",
            scored=False,
        ),
        Item(
            "s1",
            "How often does anyone, including family and friends, physically hurt you?",
            HOW_OFTEN,
            loinc="95618-5",
        ),
        Item(
            "s2",
            "How often does anyone, including family and friends, insult you or talk down to you?",
            HOW_OFTEN,
            loinc="95617-7",
        ),
        Item(
            "s3",
            "How often does anyone, including family and friends, threaten you with harm?",
            HOW_OFTEN,
            loinc="95616-9",
        ),
        Item(
            "s4",
            "How often does anyone, including family and friends, scream or curse at you?",
            HOW_OFTEN,
            loinc="95615-1",
        ),
    ),
    bands=(
        Band(
            gettext_noop("No needs found"),
            0,
            0,
            gettext_noop("No social needs found; screen again if circumstances change."),
        ),
        Band(
            gettext_noop("Needs found"),
            1,
            HRSN_MOST_NEEDS,
            "Add the needs found to the case, then plan with the person: referrals, benefits, advocacy.",
        ),
    ),
    scoring_rule=gettext_noop(
        "Each domain is positive on the answers that show a need; the total is the number of needs found. "
        "Interpersonal safety sums questions 7 to 10 (1 to 5 each): 11 or more is positive."
    ),
    flag_rule=gettext_noop("Flagged when any need is found; the needs are proposed for the case."),
    total_max=HRSN_MOST_NEEDS,
    panel_loinc="96777-8",
    rule=_hrsn_needs,
    charted=False,
    notes=gettext_noop(
        "Questions paraphrased from the CMS Accountable Health Communities screening tool (core questions). "
        "96778-6 is the LOINC code of the housing-quality question. The safety score's own code is 95614-4."
    ),
)


INSTRUMENTS: dict[str, Instrument] = {
    instrument.code: instrument for instrument in (PHQ9, PHQ2, GAD7, AUDIT_C, DAST10, CSSRS_SCREEN, HRSN)
}


def instrument_get(code: str) -> Instrument | None:
    return INSTRUMENTS.get(code)


def custom_code(form_id: int) -> str:
    return f"custom-{form_id}"


def instrument_from_form(form: CustomForm) -> Instrument:
    """An administrator's form as an Instrument: a plain sum of points, banded, flagged at a threshold.

    Expects the form with `questions__choices` and `bands` prefetched.
    """
    items = tuple(
        Item(
            code=f"q{question.pk}",
            text=question.text,
            help=question.help,
            choices=tuple(
                Choice(f"c{choice.pk}", choice.label, choice.points) for choice in question.choices.all()
            ),
        )
        for question in form.questions.all()
    )
    bands = tuple(Band(band.label, band.low, band.high, band.next_step) for band in form.bands.all())
    return Instrument(
        code=custom_code(form.pk),
        name=form.name,
        title=form.name,
        purpose=form.description,
        instructions=form.instructions,
        items=items,
        bands=bands,
        scoring_rule="Sum of the points of the answers given.",
        flag_rule=f"Flagged at {form.flag_at} or more." if form.flag_at is not None else "Never flagged.",
        flag_at=form.flag_at,
        version=str(form.version),
        custom_form_id=form.pk,
    )


# Suicide risk, kept apart from severity ------------------------------------------------------


def _phq9_suicide_reasons(answers: Mapping[str, str], band: str) -> tuple[str, ...]:
    value = answers.get("q9", "0")
    if value in ("", "0"):
        return ()
    choice = PHQ9.items[8].choice(value)
    answered = f"'{choice.label}' ({choice.points})" if choice else value
    return (f"PHQ-9 item 9 (thoughts of being better off dead or of self-harm) answered {answered}.",)


def _cssrs_suicide_reasons(answers: Mapping[str, str], band: str) -> tuple[str, ...]:
    reasons = _cssrs_yes(answers, "q1", "q2", "q3", "q4", "q5")
    behaviour = answers.get("q6", "no")
    if behaviour == "yes_past_3_months":
        reasons.append("Yes to item 6: suicidal behaviour within the past 3 months.")
    elif behaviour == "yes_over_3_months":
        reasons.append("Yes to item 6: suicidal behaviour more than 3 months ago.")
    if not reasons:
        return ()
    return (f"C-SSRS screener: {band.lower()}." if band else "C-SSRS screener:", *reasons)


# Instruments that ask about suicide, and how their answers say it; a total's severity never does.
_SUICIDE_READERS = {PHQ9.code: _phq9_suicide_reasons, CSSRS_SCREEN.code: _cssrs_suicide_reasons}


def suicide_risk_reasons(instrument: str, answers: Mapping[str, str], band: str = "") -> tuple[str, ...]:
    """Why these answers point to suicide risk (the item and what was answered), or () when they do not.

    A PHQ-9 points to it by item 9 alone (any answer above 'not at all'); a C-SSRS screener by any
    yes to ideation (items 1-5) or behaviour (item 6). Depression severity (a PHQ-9 total) is a
    separate finding and is never given as a reason here.
    """
    reader = _SUICIDE_READERS.get(instrument)
    return reader(answers, band) if reader else ()
