"""A whole testing cycle, headless, on the demo province (``sathach simulate``).

plan (a computer part of objective questions and a written part typed on computer) → forms →
two simulated sittings → marking (objective parts at submit; the written part collected,
coded by Ban phách, double marked, reconciled, re-matched) → results → training for those
below the bar → re-test plan, sittings and marking → last year's ratings imported and this
year's annual classification (with Party ratings) → streamlining list.

Every write goes through the services an organiser, a board member or a head uses; only the
people's behaviour is simulated (answers and marks from a seeded ability model, the facts
behind each rating), so one seed gives the same figures every time on a fresh database.

Modules: ``base`` (shared state, report), ``exam`` (plan, sittings, results, training,
re-test), ``marking``, ``rating``, ``streamlining``, ``cycle`` (the run and the reports).
"""

from .base import SimulationReport, Step
from .cycle import Simulation, simulate

__all__ = ["Simulation", "SimulationReport", "Step", "simulate"]
