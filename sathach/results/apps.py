from django.apps import AppConfig


class ResultsConfig(AppConfig):
    name = "sathach.results"
    verbose_name = "Kết quả kiểm tra, sát hạch"

    def ready(self) -> None:
        from .reports.tasks import register_jobs as register_report_jobs
        from .tasks import register_jobs

        register_jobs()
        register_report_jobs()
