"""Settings for the test suite: the same as base, with a cheaper Argon2 cost."""

from .base import *  # noqa: F403

PASSWORD_HASHERS = ["sathach.accounts.hashers.FastArgon2PasswordHasher"]
SATHACH_LOGIN_MAX_FAILURES = 5
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
