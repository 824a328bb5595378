"""The starting taxonomy: needs with ICD-10-CM social-determinant Z codes, and common barriers.

Codes are from ICD-10-CM chapter 21, categories Z55-Z65 ("persons with potential health hazards
related to socioeconomic and psychosocial circumstances"), each a billable code of the code set
named by ICD10_YEAR (a test holds them to the checked-in list in icd10cm_2026_z_codes.tsv). A need
with no fitting Z code has none. When the code set changes, update the codes here and add a data
migration that runs `load` (see needs/migrations/0004_icd10cm_fy2026.py).
"""

from __future__ import annotations

# The ICD-10-CM code set the codes are checked against, by US federal fiscal year: FY2026 is in
# effect from 1 October 2025 to 30 September 2026.
ICD10_YEAR = 2026

NEEDS: list[tuple[str, str, str, str]] = [
    # code, label, domain, ICD-10-CM
    ("homelessness", "Homelessness", "housing", "Z59.00"),
    ("homelessness-sheltered", "Homelessness, sheltered", "housing", "Z59.01"),
    ("homelessness-unsheltered", "Homelessness, unsheltered", "housing", "Z59.02"),
    ("housing-instability", "Housing instability, housed", "housing", "Z59.819"),
    ("risk-of-homelessness", "Housed, at risk of homelessness", "housing", "Z59.811"),
    ("inadequate-housing", "Inadequate housing", "housing", "Z59.10"),
    ("food-insecurity", "Food insecurity", "food", "Z59.41"),
    ("financial-insecurity", "Financial insecurity", "income", "Z59.869"),
    ("material-hardship", "Material hardship", "income", "Z59.87"),
    ("insufficient-welfare-support", "Insufficient welfare support", "income", "Z59.72"),
    ("unemployment", "Unemployment", "employment", "Z56.0"),
    ("employment-problems", "Other problems related to employment", "employment", "Z56.89"),
    ("low-literacy", "Illiteracy and low-level literacy", "education", "Z55.0"),
    ("education-problems", "Problems related to education", "education", "Z55.9"),
    ("living-alone", "Living alone", "social", "Z60.2"),
    ("social-isolation", "Social exclusion and isolation", "social", "Z60.4"),
    ("discrimination", "Target of discrimination or persecution", "social", "Z60.5"),
    ("acculturation", "Acculturation difficulty (newcomer, refugee)", "social", "Z60.3"),
    ("domestic-violence", "Domestic or intimate partner violence", "safety", ""),
    ("crime-victim", "Victim of crime", "safety", "Z65.4"),
    ("partner-relationship", "Problems in relationship with partner", "family", "Z63.0"),
    ("family-disruption", "Family disrupted by separation or divorce", "family", "Z63.5"),
    ("bereavement", "Disappearance or death of a family member", "family", "Z63.4"),
    ("caregiver-burden", "Dependent relative needing care at home", "family", "Z63.6"),
    ("family-substance-use", "Alcohol or drug use in the family", "family", "Z63.72"),
    ("parental-supervision", "Inadequate parental supervision", "family", "Z62.0"),
    ("child-in-care", "Child in welfare custody", "family", "Z62.21"),
    ("childcare", "Childcare", "family", ""),
    ("mental-health", "Mental health support", "health", ""),
    ("health-access", "Access to health care", "health", ""),
    ("health-insurance", "Insufficient health insurance coverage", "health", "Z59.71"),
    ("substance-use", "Substance use treatment", "substance_use", ""),
    ("incarceration", "Imprisonment or other incarceration", "legal", "Z65.1"),
    ("prison-release", "Problems after release from prison (re-entry)", "legal", "Z65.2"),
    ("legal-problems", "Other legal circumstances", "legal", "Z65.3"),
    ("transportation", "Transportation insecurity", "transport", "Z59.82"),
    ("utilities", "Inadequate housing utilities", "utilities", "Z59.12"),
    ("utility-payment-difficulty", "Difficulty paying for utilities", "utilities", "Z59.861"),
]

BARRIERS: list[tuple[str, str]] = [
    ("waitlist", "Waiting list too long"),
    ("no-service", "No service exists nearby"),
    ("eligibility", "Not eligible under the rules"),
    ("cost", "Cannot afford it"),
    ("documents", "Missing identity or immigration documents"),
    ("language", "No service in their language"),
    ("transport", "No way to get there"),
    ("childcare", "No childcare while attending"),
    ("discrimination", "Refused or treated unfairly"),
    ("disability-access", "Not accessible for their disability"),
    ("digital", "Needs internet or a device to apply"),
    ("declined", "The person chose not to pursue it"),
    ("lost-contact", "Lost contact with the person"),
]


def load(need_model: type, barrier_model: type) -> None:
    """Put the taxonomy in place (idempotent): the data migrations and the browser tests use it.

    Rows are matched by their code, so a need already recorded on cases keeps its links and takes
    the new label and ICD-10-CM code. A migration's historical model may predate the code-set year
    field (0002 runs before 0003 adds it), so the year is written only where the field exists.
    """
    has_year = any(field.name == "icd10_year" for field in need_model._meta.get_fields())
    for code, label, domain, icd10 in NEEDS:
        values = {"label": label, "domain": domain, "icd10": icd10}
        if has_year:
            values["icd10_year"] = ICD10_YEAR if icd10 else None
        need_model.objects.update_or_create(code=code, defaults=values)
    for code, label in BARRIERS:
        barrier_model.objects.update_or_create(code=code, defaults={"label": label})
