"""Load the starting taxonomy of needs (with ICD-10-CM Z codes) and barriers."""

from django.db import migrations


def load(apps, schema_editor):
    from tapestry.needs.taxonomy import BARRIERS, NEEDS

    Need = apps.get_model("needs", "Need")
    Barrier = apps.get_model("needs", "Barrier")
    for code, label, domain, icd10 in NEEDS:
        Need.objects.update_or_create(code=code, defaults={"label": label, "domain": domain, "icd10": icd10})
    for code, label in BARRIERS:
        Barrier.objects.update_or_create(code=code, defaults={"label": label})


def unload(apps, schema_editor):
    from tapestry.needs.taxonomy import BARRIERS, NEEDS

    apps.get_model("needs", "Need").objects.filter(code__in=[n[0] for n in NEEDS]).delete()
    apps.get_model("needs", "Barrier").objects.filter(code__in=[b[0] for b in BARRIERS]).delete()


class Migration(migrations.Migration):
    dependencies = [("needs", "0001_initial")]

    operations = [migrations.RunPython(load, unload)]
