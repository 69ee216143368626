from django.apps import AppConfig
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured


class CoreConfig(AppConfig):
    name = "sathach.core"
    label = "core"
    verbose_name = "Lõi hệ thống"

    def ready(self) -> None:
        # Rule profiles are loaded and validated once at start-up: a malformed file stops the
        # process here, naming the file and the key, before any request is served.
        from sathach.core import profiles
        from sathach.lib.rules.profiles import ProfileError

        try:
            profiles.load(settings.SATHACH_PROFILE_DIRS)
        except ProfileError as exc:
            raise ImproperlyConfigured(str(exc)) from exc
