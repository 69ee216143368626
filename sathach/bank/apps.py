from django.apps import AppConfig


class BankConfig(AppConfig):
    name = "sathach.bank"
    label = "bank"
    verbose_name = "Ngân hàng câu hỏi"
