from django.apps import AppConfig


class EvaluationConfig(AppConfig):
    name = "sathach.evaluation"
    label = "evaluation"
    verbose_name = "Đánh giá, xếp loại và tinh giản biên chế"
