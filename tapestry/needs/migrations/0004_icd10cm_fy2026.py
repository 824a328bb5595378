"""Move the needs taxonomy to the ICD-10-CM FY2026 code set (in effect from 1 October 2025).

Forward runs the shared loader (tapestry.needs.taxonomy.load), which matches needs by their code,
so every case, goal, group, referral and directory link to a need is kept while its ICD-10-CM
code, label and code-set year change: Z59.86 (now a heading) becomes Z59.869, Z59.7 (now a
heading) Z59.72, Z56.9 ("unspecified") Z56.89, and "incarceration" means imprisonment only (Z65.1).
It adds the needs the new codes call for: problems after release from prison (Z65.2), difficulty
paying for utilities (Z59.861, what a threatened utility shut-off is) and insufficient health
insurance coverage (Z59.71).

Backward puts the earlier codes and labels back on the same rows; the needs this migration added
are retired rather than deleted, because cases may already point to them.
"""

from django.db import migrations

ADDED = ("prison-release", "utility-payment-difficulty", "health-insurance")

# code: (label, ICD-10-CM) as they stood before this migration.
BEFORE = {
    "financial-insecurity": ("Financial insecurity", "Z59.86"),
    "insufficient-welfare-support": ("Insufficient social insurance and welfare support", "Z59.7"),
    "employment-problems": ("Other problems related to employment", "Z56.9"),
    "incarceration": ("Imprisonment or re-entry", "Z65.1"),
}


def to_fy2026(apps, schema_editor):
    from tapestry.needs.taxonomy import load

    need = apps.get_model("needs", "Need")
    load(need, apps.get_model("needs", "Barrier"))
    # Needs retired by an earlier backward run of this migration come back with it.
    need.objects.filter(code__in=ADDED).update(is_active=True)


def to_before(apps, schema_editor):
    need = apps.get_model("needs", "Need")
    for code, (label, icd10) in BEFORE.items():
        need.objects.filter(code=code).update(label=label, icd10=icd10)
    need.objects.filter(code__in=ADDED).update(is_active=False)
    need.objects.update(icd10_year=None)


class Migration(migrations.Migration):
    dependencies = [("needs", "0003_need_icd10_year")]

    operations = [migrations.RunPython(to_fy2026, to_before)]
