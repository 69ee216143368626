"""What every step of the simulation shares: the seeded state, the figures, the report."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

import numpy as np

from sathach.accounts.models import User
from sathach.bank.constants import Difficulty
from sathach.evaluation.models import StreamliningReview
from sathach.plans.models import Plan

ORGANISER_LOGIN = "bantochuc"  # the demo's organiser (Ban Tổ chức Tỉnh ủy), scope: province
# 2PL-style model: P(right) = 1 / (1 + exp(-D a (θ - b))), b by the item's difficulty level.
D = 1.7
DIFFICULTY_B: dict[str, float] = {
    Difficulty.EASY: -1.2,
    Difficulty.MEDIUM: -0.2,
    Difficulty.HARD: 0.9,
}
ABILITY_MEAN, ABILITY_SD = 0.45, 0.9

Say = Callable[[str], None]


def vn(value: float, digits: int = 1) -> str:
    """Return ``value`` the Vietnamese way: 12,5."""
    return f"{value:.{digits}f}".replace(".", ",")


def percent(part: int, whole: int) -> str:
    return f"{vn(100 * part / whole if whole else 0.0)}%"


def logistic(x: float) -> float:
    return 1.0 / (1.0 + math.exp(-x))


def on_step(value: float, step: Decimal, top: Decimal) -> Decimal:
    """Return ``value`` rounded to the marking step and kept within 0…``top``."""
    steps = (Decimal(str(value)) / step).quantize(Decimal(1), ROUND_HALF_UP)
    return min(max(steps * step, Decimal(0)), top)


def citation(basis: str) -> str:
    """Return the document, article and clause a profile's basis starts with (the text
    before its first colon): "NĐ 154/2025/NĐ-CP, Điều 2, khoản 1"."""
    return basis.split(":", 1)[0].strip()


@dataclass
class Step:
    title: str
    figures: list[tuple[str, Any]] = field(default_factory=list)


@dataclass
class SimulationReport:
    seed: int
    out: Path
    steps: list[Step] = field(default_factory=list)
    files: list[Path] = field(default_factory=list)
    plan: Plan | None = None
    retest_plan: Plan | None = None
    review: StreamliningReview | None = None
    seconds: dict[str, float] = field(default_factory=dict)  # phase → wall time, not a figure

    def step(self, prefix: str) -> Step:
        """Return the first step whose title starts with ``prefix``."""
        return next(s for s in self.steps if s.title.startswith(prefix))

    def figure(self, prefix: str, label: str) -> Any:
        """Return the value of ``label`` in the step whose title starts with ``prefix``."""
        return dict(self.step(prefix).figures)[label]


@dataclass
class Context:
    """The seeded state the steps share. One generator, drawn in a fixed order (candidates
    by number, persons by code), so one seed gives the same figures on a fresh database."""

    n: int
    seed: int
    today: dt.date
    report: SimulationReport
    say: Say
    actor: User | None = None
    rng: np.random.Generator = field(init=False)
    ability: dict[int, float] = field(default_factory=dict)  # person pk → θ

    def __post_init__(self) -> None:
        self.rng = np.random.default_rng(self.seed)

    def theta(self, person_id: int) -> float:
        if person_id not in self.ability:
            self.ability[person_id] = float(self.rng.normal(ABILITY_MEAN, ABILITY_SD))
        return self.ability[person_id]

    def step(self, title: str, figures: list[tuple[str, Any]]) -> None:
        self.report.steps.append(Step(title, figures))
        self.say(f"[{title}] " + "; ".join(f"{k}: {v}" for k, v in figures))
