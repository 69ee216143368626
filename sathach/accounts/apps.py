from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "sathach.accounts"
    label = "accounts"
    verbose_name = "Tài khoản và vai trò"
