"""Fair assembly of parallel test forms (pure Python + NumPy; no Django).

Every form meets the blueprint exactly, shuffles options unless an item forbids it, is
reproducible from a seed, and forms are parallel: the spread of their expected scores stays
within a stated tolerance. Seating gives adjacent seats different forms.
"""

from sathach.lib.assembly.check import check_forms
from sathach.lib.assembly.core import assemble
from sathach.lib.assembly.model import (
    DIFFICULTY_LABELS,
    DIFFICULTY_P,
    AssemblyError,
    AssemblyResult,
    Blueprint,
    BlueprintShortageError,
    Cell,
    EnemyConflictError,
    Form,
    MixedPointsError,
    NotParallelError,
    PoolItem,
    Shortage,
    default_p,
    expected_score,
    expected_scores,
)
from sathach.lib.assembly.seating import (
    Seat,
    SeatingError,
    adjacent_pairs,
    assign_to_seats,
    neighbour_overlap,
)

__all__ = [
    "DIFFICULTY_LABELS",
    "DIFFICULTY_P",
    "AssemblyError",
    "AssemblyResult",
    "Blueprint",
    "BlueprintShortageError",
    "Cell",
    "EnemyConflictError",
    "Form",
    "MixedPointsError",
    "NotParallelError",
    "PoolItem",
    "Seat",
    "SeatingError",
    "Shortage",
    "adjacent_pairs",
    "assemble",
    "assign_to_seats",
    "check_forms",
    "default_p",
    "expected_score",
    "expected_scores",
    "neighbour_overlap",
]
