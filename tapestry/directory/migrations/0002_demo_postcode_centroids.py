"""Load the synthetic postcode centre points of the demo region (see tapestry/directory/postcodes.py)."""

from django.db import migrations


def load(apps, schema_editor):
    from tapestry.places.postcodes import demo_centroids

    PostcodeCentroid = apps.get_model("directory", "PostcodeCentroid")
    for postcode, place, latitude, longitude in demo_centroids():
        PostcodeCentroid.objects.update_or_create(
            postcode=postcode, defaults={"place": place, "latitude": latitude, "longitude": longitude}
        )


def unload(apps, schema_editor):
    from tapestry.places.postcodes import demo_centroids

    codes = [postcode for postcode, *_ in demo_centroids()]
    apps.get_model("directory", "PostcodeCentroid").objects.filter(postcode__in=codes).delete()


class Migration(migrations.Migration):
    dependencies = [("directory", "0001_initial")]

    operations = [migrations.RunPython(load, unload)]
