"""The rule profiles of ratings and streamlining reviews: look-up by reference or by date."""

from __future__ import annotations

import datetime as dt

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from sathach.core import profiles
from sathach.core.errors import ServiceError
from sathach.lib.rules.profiles import RuleProfile
from sathach.lib.rules.rating import PartyRules, RatingRules
from sathach.lib.rules.streamlining import StreamliningRules

KIND_NAMES = {
    "rating": gettext_lazy("bộ quy tắc xếp loại"),
    "party_rating": gettext_lazy("bộ quy tắc xếp loại đảng viên"),
    "streamlining": gettext_lazy("bộ quy tắc tinh giản biên chế"),
}


def year_end(year: int) -> dt.date:
    """Return 31 December of ``year``: the day a year's profile must be in force."""
    return dt.date(year, 12, 31)


def profile_for(kind: str, ref: str, on: dt.date, *, required: bool = True) -> RuleProfile | None:
    """Return the profile ``ref`` of ``kind``, or the one in force on ``on`` when ``ref`` is
    empty. Refuse an unknown profile, one of another kind, or (``required``) none in force."""
    name = KIND_NAMES[kind]
    if ref.strip():
        try:
            profile = profiles.get(ref.strip())
        except (KeyError, ValueError):
            raise ServiceError(
                _("Không có %(k)s “%(r)s”.") % {"k": name, "r": ref}, code="unknown_profile"
            ) from None
        if profile.kind != kind:
            raise ServiceError(
                _("“%(r)s” không phải %(k)s.") % {"r": ref, "k": name}, code="unknown_profile"
            )
        return profile
    in_force = profiles.in_force(kind, on)
    if in_force is None and required:
        raise ServiceError(
            _("Không có %(k)s nào có hiệu lực ngày %(d)s.") % {"k": name, "d": f"{on:%d/%m/%Y}"},
            code="no_profile_in_force",
        )
    return in_force


def rating_rules(ref: str) -> RatingRules:
    profile = profile_for("rating", ref, dt.date.min)
    assert profile is not None
    return RatingRules.of(profile)


def party_rules(ref: str) -> PartyRules:
    profile = profile_for("party_rating", ref, dt.date.min)
    assert profile is not None
    return PartyRules.of(profile)


def streamlining_rules(ref: str) -> StreamliningRules:
    profile = profile_for("streamlining", ref, dt.date.min)
    assert profile is not None
    return StreamliningRules.of(profile)
