"""Settings, read from the environment with safe defaults for `make run`.

Production (TAPESTRY_ENV=production) refuses to start with insecure values.
"""

from __future__ import annotations

import os
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


TAPESTRY_ENVIRONMENTS = ("development", "production")
TAPESTRY_ENV = os.environ.get("TAPESTRY_ENV", "development")
# A near miss ("Production", "prod") must not quietly run as development and skip every refusal.
if TAPESTRY_ENV not in TAPESTRY_ENVIRONMENTS:
    raise ImproperlyConfigured(
        f"TAPESTRY_ENV is {TAPESTRY_ENV!r}; it must be exactly 'development' or 'production'."
    )
PRODUCTION = TAPESTRY_ENV == "production"
DEV_SECRET = "insecure-development-key-do-not-use-in-production-0123456789"

SECRET_KEY = os.environ.get("TAPESTRY_SECRET_KEY", DEV_SECRET)
DEBUG = env_bool("TAPESTRY_DEBUG", not PRODUCTION)
ALLOWED_HOSTS = os.environ.get(
    "TAPESTRY_ALLOWED_HOSTS", "" if PRODUCTION else "127.0.0.1,localhost,testserver"
).split(",")
CSRF_TRUSTED_ORIGINS = [o for o in os.environ.get("TAPESTRY_CSRF_TRUSTED_ORIGINS", "").split(",") if o]

# The demo agency may skip the second factor; production refuses this (see the checks below).
TAPESTRY_DEMO_OTP_BYPASS = env_bool("TAPESTRY_DEMO_OTP_BYPASS", False)
# Counts below this are suppressed in every aggregate (DESIGN rule 5).
TAPESTRY_AGENCY_NAME = os.environ.get("TAPESTRY_AGENCY_NAME", "Tapestry Demo Agency")  # on donation receipts
TAPESTRY_SUPPRESSION_THRESHOLD = int(os.environ.get("TAPESTRY_SUPPRESSION_THRESHOLD", "11"))

# Public survey links (macro community) are rate-limited per visitor address and per survey. The counts
# live in a database cache table so every worker process shares them; its table is made by the
# community app's first migration. A database cache increments without an atomic operation, so a burst
# of simultaneous requests may let a few past the limit: hence the two silenced django-ratelimit checks
# (an agency with memcached or Redis points RATELIMIT_USE_CACHE at it instead).
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "ratelimit": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "tapestry_ratelimit_cache",
    },
}
RATELIMIT_USE_CACHE = "ratelimit"
SILENCED_SYSTEM_CHECKS = ["django_ratelimit.E003", "django_ratelimit.W001"]
TAPESTRY_SURVEY_RATE_PER_ADDRESS = os.environ.get("TAPESTRY_SURVEY_RATE_PER_ADDRESS", "30/10m")
TAPESTRY_SURVEY_RATE_PER_SURVEY = os.environ.get("TAPESTRY_SURVEY_RATE_PER_SURVEY", "600/h")
# How long an emergency (break-glass) access lasts.
TAPESTRY_BREAK_GLASS_MINUTES = int(os.environ.get("TAPESTRY_BREAK_GLASS_MINUTES", "240"))

if PRODUCTION:
    if SECRET_KEY == DEV_SECRET or len(SECRET_KEY) < 50:
        raise ImproperlyConfigured("Set TAPESTRY_SECRET_KEY to a random value of 50+ characters.")
    if DEBUG:
        raise ImproperlyConfigured("TAPESTRY_DEBUG must be off in production.")
    if TAPESTRY_DEMO_OTP_BYPASS:
        raise ImproperlyConfigured("TAPESTRY_DEMO_OTP_BYPASS is for the demo only; production requires TOTP.")
    if not any(ALLOWED_HOSTS):
        raise ImproperlyConfigured("Set TAPESTRY_ALLOWED_HOSTS to the host names Tapestry serves.")

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "axes",
    "csp",
    "django_htmx",
    "django_tasks",
    "django_tasks_db",
    "django_ratelimit",
    "ninja",
    "tapestry.web",
    "tapestry.access",
    "tapestry.people",
    "tapestry.needs",
    "tapestry.programs",
    "tapestry.places",
    "tapestry.micro.cases",
    "tapestry.micro.assessments",
    "tapestry.micro.casework",
    "tapestry.micro.crisis",
    "tapestry.micro.advocacy",
    "tapestry.directory",
    "tapestry.micro.referrals",
    "tapestry.micro.child_welfare",
    "tapestry.micro.school",
    "tapestry.micro.treatment",
    "tapestry.micro.timeline",
    "tapestry.micro.workspace",
    "tapestry.micro.alerts",
    "tapestry.micro.supervision",
    "tapestry.mezzo.groups",
    "tapestry.mezzo.group_sessions",
    "tapestry.mezzo.group_outcomes",
    "tapestry.mezzo.cohorts",
    "tapestry.mezzo.mediation",
    "tapestry.mezzo.prevention",
    "tapestry.mezzo.partners",
    "tapestry.mezzo.families",
    "tapestry.macro.legislation",
    "tapestry.macro.grants",
    "tapestry.macro.evaluation",
    "tapestry.macro.coalitions",
    "tapestry.macro.campaigns",
    "tapestry.macro.leadership",
    "tapestry.macro.community",
    "tapestry.macro.fundraising",
    "tapestry.thread.rollups",
    "tapestry.thread.signals",
    "tapestry.thread.advisor",
    "tapestry.thread.packs",
    "tapestry.thread.stories",
    "tapestry.thread.datasets",
    "tapestry.front",
    "tapestry.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "tapestry.access.middleware.LanguageScopeMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "tapestry.access.middleware.UserLanguageMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "tapestry.front.request_input.RequestInputMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "tapestry.access.middleware.NoStoreMiddleware",
    "tapestry.access.middleware.RequestContextMiddleware",
    "tapestry.access.middleware.ApiTokenMiddleware",
    "tapestry.access.middleware.SecondFactorMiddleware",
    "tapestry.access.middleware.RouteAccessMiddleware",
    "tapestry.web.table_export.TableExportMiddleware",
    # AxesMiddleware should be last.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "tapestry.urls"
WSGI_APPLICATION = "tapestry.wsgi.application"
AUTH_USER_MODEL = "access.User"
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "front:home"
LOGOUT_REDIRECT_URL = "login"

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "csp.context_processors.nonce",
                "tapestry.front.context_processors.navigation",
            ],
        },
    },
]

DATABASE_URL = os.environ.get("DATABASE_URL", f"sqlite:///{BASE_DIR / 'var' / 'tapestry.sqlite3'}")
DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=60)}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"]["OPTIONS"] = {
        # IMMEDIATE takes the write lock at BEGIN, so concurrent writers queue instead of failing.
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;",
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en"
# The languages a user can choose (docs/languages.md). Spanish is complete; Arabic covers the frame,
# home and sign-in, and is here so that right-to-left layout is kept working for translators.
LANGUAGES = [("en", "English"), ("es", "Español"), ("ar", "العربية")]
# Catalogs of code outside the apps (each app keeps its own under <app>/locale).
LOCALE_PATHS = [BASE_DIR / "tapestry" / "evidence" / "locale"]
LANGUAGE_COOKIE_NAME = "tapestry_language"
LANGUAGE_COOKIE_AGE = 365 * 24 * 3600
LANGUAGE_COOKIE_SECURE = PRODUCTION
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"
TIME_ZONE = os.environ.get("TAPESTRY_TIME_ZONE", "UTC")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "var" / "static"
# Outside production WhiteNoise serves straight from the apps' static folders (no collectstatic).
WHITENOISE_USE_FINDERS = not PRODUCTION
WHITENOISE_AUTOREFRESH = not PRODUCTION
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if PRODUCTION
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}

# Sessions: idle timeout of 30 minutes, renewed on every request. Pages warn two minutes before the
# end with a button that renews it (access:session_extend, front/static/front/session.js).
SESSION_COOKIE_AGE = int(os.environ.get("TAPESTRY_SESSION_SECONDS", str(30 * 60)))
SESSION_SAVE_EVERY_REQUEST = True
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
# A form refused for a missing or stale CSRF cookie gets a page in the house style, not Django's.
CSRF_FAILURE_VIEW = "tapestry.access.views.csrf_failure"
SESSION_COOKIE_SECURE = env_bool("TAPESTRY_SECURE_COOKIES", PRODUCTION)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_SSL_REDIRECT = env_bool("TAPESTRY_SSL_REDIRECT", PRODUCTION)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if PRODUCTION else None
SECURE_HSTS_SECONDS = int(os.environ.get("TAPESTRY_HSTS_SECONDS", "31536000" if PRODUCTION else "0"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = PRODUCTION
SECURE_HSTS_PRELOAD = PRODUCTION
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
    }
}

# Login throttling: 5 failures per username and address lock the pair for 30 minutes.
AXES_FAILURE_LIMIT = int(os.environ.get("TAPESTRY_LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = 0.5
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "access/locked_out.html"
AXES_IPWARE_META_PRECEDENCE_ORDER = ["REMOTE_ADDR"]

OTP_TOTP_ISSUER = "Tapestry"

TASKS = {
    "default": {
        "BACKEND": "django_tasks_db.DatabaseBackend",
        "QUEUES": ["default"],
    }
}

NINJA_PAGINATION_PER_PAGE = 50

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("TAPESTRY_LOG_LEVEL", "INFO")},
    "loggers": {"axes": {"level": "WARNING"}},
}
