"""Errors shared by every app's services."""

from __future__ import annotations


class ServiceError(Exception):
    """A service refused a request; ``message`` is shown to the user as it is (Vietnamese).

    ``code`` is a stable machine-readable name for the API; ``basis`` names the rule and its
    legal basis when a rule decided the refusal.
    """

    def __init__(self, message: str, *, code: str = "invalid", basis: str = "") -> None:
        self.message = str(message)
        self.code = code
        self.basis = basis
        super().__init__(self.message)


class PermissionDeniedError(ServiceError):
    """The acting user may not do this."""

    def __init__(self, message: str, *, code: str = "forbidden", basis: str = "") -> None:
        super().__init__(message, code=code, basis=basis)
