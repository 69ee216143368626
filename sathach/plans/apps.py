from django.apps import AppConfig


class PlansConfig(AppConfig):
    name = "sathach.plans"
    label = "plans"
    verbose_name = "Kế hoạch kiểm tra, sát hạch"

    def ready(self) -> None:
        from .tasks import register_jobs

        register_jobs()
