"""Item analysis, IRT and answer similarity: pure NumPy, never Django.

- ``classical``: facility, SD, discrimination index and discriminative efficiency (Moodle's
  formulas), corrected point-biserial, distractor table, KR-20 / alpha, SEM, flags.
- ``irt``: 2PL calibration by marginal maximum likelihood (Bock-Aitkin EM), EAP abilities,
  a simulator.
- ``similarity``: answer similarity of pairs in a room, with a p value and Bonferroni flags.
"""

from sathach.lib.psychometrics.classical import (
    ExamAnalysis,
    Flag,
    ItemAnalysis,
    OptionFrequency,
    cronbach_alpha,
    item_analysis,
    kr20,
)
from sathach.lib.psychometrics.irt import Calibration, calibrate_2pl, eap_scores, simulate_2pl
from sathach.lib.psychometrics.similarity import (
    PairSimilarity,
    SimilarityReport,
    answer_similarity,
)

__all__ = [
    "Calibration",
    "ExamAnalysis",
    "Flag",
    "ItemAnalysis",
    "OptionFrequency",
    "PairSimilarity",
    "SimilarityReport",
    "answer_similarity",
    "calibrate_2pl",
    "cronbach_alpha",
    "eap_scores",
    "item_analysis",
    "kr20",
    "simulate_2pl",
]
