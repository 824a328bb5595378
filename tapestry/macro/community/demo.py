"""Demo community needs assessment: Demo County's assessment with a six-question survey (one skip
rule) and sixty synthetic responses, indicator values for the demo areas (imported through the same
CSV door as an agency's), and a few assets. Everything is made up."""

from __future__ import annotations

from tapestry.demo.context import DemoContext
from tapestry.directory.models import Service
from tapestry.macro.community import importing, services
from tapestry.macro.community.models import Assessment, Asset, Question
from tapestry.places.models import Area

ORGANISER = "community_organiser"
TITLE = "Demo County community needs assessment 2026"
RESPONSES = 60
SOURCE = "Demo County Health Survey (synthetic)"
# (indicator, value of the first neighbourhood, step to the next, margin of error)
INDICATORS = (
    ("Households paying over 30% of income on rent (%)", 31.0, 4.5, 3.2),
    ("Adults reporting frequent mental distress (%)", 12.0, 1.5, 2.1),
    ("Children in families below the poverty line (%)", 14.0, 3.0, 4.0),
)
QUESTIONS = (
    {
        "kind": Question.Kind.SINGLE,
        "text": "How long have you lived in the area?",
        "required": True,
        "choices": ["Under a year", "1 to 5 years", "Over 5 years"],
    },
    {
        "kind": Question.Kind.MULTIPLE,
        "text": "Which of these are hard to get in your area?",
        "choices": ["Affordable housing", "Mental health support", "Childcare", "Transport", "Food"],
    },
    {
        "kind": Question.Kind.SCALE,
        "text": "How safe do you feel in your neighbourhood?",
        "required": True,
        "scale_min": 1,
        "scale_max": 5,
        "min_label": "Not at all safe",
        "max_label": "Very safe",
    },
    {
        "kind": Question.Kind.SINGLE,
        "text": "Do you have children under 18 at home?",
        "choices": ["Yes", "No"],
    },
    {
        "kind": Question.Kind.NUMBER,
        "text": "How many hours of childcare a week would you use if it were free?",
        "rule": (3, ["Yes"]),
    },
    {"kind": Question.Kind.TEXT, "text": "What one thing would make the biggest difference?"},
)
ASSETS = (
    (Asset.Kind.GROUP, "Millbrook tenants' association", "Meets monthly; leads on repairs and rents."),
    (Asset.Kind.ORGANISATION, "Harbour Flats food bank", "Run by volunteers twice a week."),
    (Asset.Kind.OTHER, "Ashgrove library community room", "Free to book for groups."),
)


def _answers(ctx: DemoContext, questions: list[Question]) -> dict[int, list[str]]:
    rng = ctx.rng
    tenure, hard, safe, children, hours, wish = questions
    kids = rng.random() < 0.45
    picked = [
        choice
        for choice, chance in zip(hard.choices, (0.7, 0.5, 0.35, 0.3, 0.2), strict=True)
        if rng.random() < chance
    ]
    raw = {
        tenure.pk: [rng.choices(tenure.choices, weights=(2, 5, 8))[0]],
        hard.pk: picked,
        safe.pk: [str(rng.choices(range(1, 6), weights=(2, 4, 8, 9, 5))[0])],
        children.pk: ["Yes" if kids else "No"],
        hours.pk: [str(rng.choice((0, 5, 10, 15, 20, 30)))] if kids else [],
        wish.pk: ["Cheaper rent and more buses."] if rng.random() < 0.3 else [],
    }
    return raw


def _indicator_csv(county: Area, inner: list[Area]) -> bytes:
    lines = [",".join(importing.COLUMNS)]
    for name, first, step, margin in INDICATORS:
        for n, area in enumerate(inner):
            value = first + step * ((n * 5) % len(inner))
            lines.append(f"{area.kind}:{area.code},{name},2025,{value:.1f},{margin},{SOURCE}")
        county_value = first + step * (len(inner) - 1) / 2
        lines.append(f"{county.kind}:{county.code},{name},2025,{county_value:.1f},{margin / 2:.1f},{SOURCE}")
    return "\n".join(lines).encode()


def seed(ctx: DemoContext) -> str:
    """Add the demo assessment once (a second run finds it and adds nothing)."""
    if Assessment.objects.filter(title=TITLE).exists():
        return ""
    county = Area.objects.filter(kind=Area.Kind.COUNTY, code="DC-01").first()
    if county is None:
        return ""
    actor = ctx.staff[ORGANISER]
    assessment = services.assessment_create(
        actor=actor,
        title=TITLE,
        area=county,
        purpose="What residents of Demo County need most, where, and what the county already has to build on.",
    )
    survey = services.survey_create(
        actor=actor,
        assessment=assessment,
        title="Residents' survey",
        introduction="The agency asks residents what is hard to get where they live. You need not give your name.",
    )
    made: list[Question] = []
    for spec in QUESTIONS:
        fields = {key: value for key, value in spec.items() if key != "rule"}
        if "rule" in spec:
            position, values = spec["rule"]
            fields.update(show_if=made[position], show_values=values)
        made.append(services.question_add(actor=actor, survey=survey, **fields))
    services.survey_set_open(actor=actor, survey=survey, is_open=True)
    for n in range(RESPONSES):
        raw = _answers(ctx, made)
        if n % 3:
            services.response_submit_public(survey=survey, raw=raw, contact={})
        else:
            services.response_enter(actor=actor, survey=survey, raw=raw)
    inner = list(Area.objects.filter(parent=county).order_by("code"))
    report = importing.indicators_import(
        actor=actor, source="demo-indicators.csv", content=_indicator_csv(county, inner)
    )
    for kind, name, description in ASSETS:
        services.asset_add(actor=actor, assessment=assessment, kind=kind, name=name, description=description)
    service = Service.objects.order_by("pk").first()
    if service is not None:
        services.asset_add(
            actor=actor, assessment=assessment, kind=Asset.Kind.SERVICE, name=service.name, service=service
        )
    return (
        f"a community needs assessment with {RESPONSES} survey responses and {report.added} indicator values"
    )
