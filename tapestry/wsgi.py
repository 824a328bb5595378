"""WSGI entry point (gunicorn tapestry.wsgi)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tapestry.settings")
application = get_wsgi_application()
