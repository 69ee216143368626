"""Classical item analysis: facility, discrimination, distractors, reliability, flags.

Input is a persons × items array of item scores (0..max per item; NaN where the item was not
presented to the candidate, as with different forms) and, for choice items, the option each
candidate chose ("" for a blank answer) and the key. Every statistic of an item uses the
candidates who were given it; a candidate's *rest score* for an item is their total over their
other items.

Item statistics follow Moodle's quiz statistics (Moodle Docs, "Quiz statistics calculations";
the code is ``question/classes/statistics/questions/calculator.php``), with x the item score,
X the rest score and s the number of candidates, sums over those candidates:

    facility                  = mean(x) / max score of the item
    SD                        = sqrt(Σ (x - x̄)² / (s - 1))
    discrimination index      = 100 · Cov(x, X) / sqrt(V(x) · V(X))
    discriminative efficiency = 100 · Cov(x, X) / Cov_max(x, X)

where Cov, V divide by s - 1, and Cov_max is the covariance the same two sets of values would
have if they were paired in the same order (both sorted ascending): the largest covariance the
two distributions allow. The corrected point-biserial is the same item-rest correlation on the
-1..1 scale (for 0/1 items it is the point-biserial of the item with the rest of the test);
Moodle reports it, times 100, as the discrimination index.

Reliability is coefficient alpha (Cronbach 1951), α = k/(k-1) · (1 - Σ V(x_i) / V(T)), which for
0/1 items is KR-20 (Kuder and Richardson 1937), k/(k-1) · (1 - Σ p_i q_i / σ²_T). When cells are
missing (different forms), the item variances summed are each candidate's own items, averaged,
and k is the mean number of items per candidate: with no missing cell this is alpha exactly, and
for forms of equal length drawn from the items it estimates the reliability of one form (forms
of unequal length inflate it, the spread of their lengths adding to the totals' variance). The
standard error of measurement is SEM = SD_T · sqrt(1 - reliability).

The upper and lower groups of the distractor table and of the upper-lower index
D = p_upper - p_lower (Kelley 1939) are the top and bottom 27% of candidates by rest score.

Pure NumPy; no Django. Values that cannot be computed are None, with the reason in ``reasons``.
"""

from __future__ import annotations

import math
from collections.abc import Collection, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

import numpy as np
from numpy.typing import ArrayLike, NDArray

__all__ = [
    "BLANK",
    "Flag",
    "ItemAnalysis",
    "OptionFrequency",
    "ExamAnalysis",
    "cronbach_alpha",
    "item_analysis",
    "kr20",
]

Array = NDArray[np.float64]
_EPS = 1e-12
BLANK = ""  # the option of a candidate who was given the item and left it blank

# Stable flag codes (for programs) with their Vietnamese reasons (for people).
TOO_HARD = "too_hard"
TOO_EASY = "too_easy"
LOW_DISCRIMINATION = "low_discrimination"
NEGATIVE_DISCRIMINATION = "negative_discrimination"
DISTRACTOR_ATTRACTS_TOP = "distractor_attracts_top"
WEAK_DISTRACTOR = "weak_distractor"
NO_VARIANCE = "no_variance"
NO_RESPONSES = "no_responses"

# Why a value is missing.
R_NO_RESPONSES = "Không có thí sinh nào làm câu này."
R_ONE_RESPONSE = "Cần ít nhất 2 thí sinh làm câu này."
R_ITEM_CONSTANT = "Mọi thí sinh có cùng điểm ở câu này."
R_REST_CONSTANT = "Mọi thí sinh có cùng điểm ở phần còn lại của bài."
R_NO_MAX = "Điểm tối đa của câu bằng 0."
R_FEW_PERSONS = "Cần ít nhất 2 thí sinh."
R_FEW_ITEMS = "Cần ít nhất 2 câu."
R_TOTAL_CONSTANT = "Mọi thí sinh có cùng tổng điểm."
R_NO_RELIABILITY = "Không tính được độ tin cậy."


def _vn(value: float, digits: int = 2) -> str:
    """Return ``value`` with a decimal comma ("0,15"), as Vietnamese writes it."""
    return f"{value:.{digits}f}".replace(".", ",").replace("-", "−")


def _pct(value: float) -> str:
    return f"{round(100 * value)}%"


@dataclass(frozen=True)
class Flag:
    """Why an item deserves a look: a stable ``code`` and a Vietnamese ``reason``."""

    code: str
    reason: str


@dataclass(frozen=True)
class OptionFrequency:
    """How often one option (BLANK for no answer) was chosen, overall and by group."""

    option: str
    is_key: bool
    count: int
    proportion: float
    upper_proportion: float | None  # share of the top 27% by rest score who chose it
    lower_proportion: float | None


@dataclass
class ItemAnalysis:
    """The classical statistics of one item. None values have their reason in ``reasons``."""

    item: str
    n: int  # candidates given the item
    max_score: float
    mean: float | None
    facility: float | None
    sd: float | None
    discrimination_index: float | None  # Moodle, -100..100
    discriminative_efficiency: float | None  # Moodle, percent
    point_biserial: float | None  # corrected (item vs rest of test), -1..1
    upper_lower: float | None  # Kelley's D = p_upper - p_lower, on the facility scale
    distractors: list[OptionFrequency] | None = None
    flags: list[Flag] = field(default_factory=list)
    reasons: dict[str, str] = field(default_factory=dict)

    @property
    def flag_codes(self) -> list[str]:
        return [f.code for f in self.flags]

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["flags"] = [asdict(f) for f in self.flags]
        return data


@dataclass
class ExamAnalysis:
    """Test-level statistics and one ``ItemAnalysis`` per item, in column order."""

    persons: int  # candidates with at least one item score
    n_items: int
    mean_total: float | None
    sd_total: float | None
    alpha: float | None  # coefficient alpha; KR-20 when every score is 0 or 1
    kr20: float | None  # set when every score is 0 or 1
    method: str  # "KR-20", "alpha" or "alpha (incomplete)"
    sem: float | None
    items: list[ItemAnalysis]
    reasons: dict[str, str] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        data = {k: v for k, v in asdict(self).items() if k != "items"}
        data["items"] = [item.as_dict() for item in self.items]
        return data


# --- Reliability ---------------------------------------------------------------------------


def cronbach_alpha(scores: ArrayLike) -> float:
    """Return coefficient alpha of a complete persons × items matrix (NaN when undefined).

    α = k/(k-1) · (1 - Σ V(x_i) / V(T)), variances with s - 1 in the denominator.
    """
    x = np.asarray(scores, dtype=np.float64)
    persons, k = x.shape
    if k < 2 or persons < 2:
        return math.nan
    total_var = float(np.var(x.sum(axis=1), ddof=1))
    if total_var == 0:
        return math.nan
    return k / (k - 1) * (1.0 - float(np.var(x, axis=0, ddof=1).sum()) / total_var)


def kr20(scores: ArrayLike) -> float:
    """Return KR-20 of a complete persons × items 0/1 matrix (NaN when undefined).

    KR-20 = k/(k-1) · (1 - Σ p_i q_i / σ²_T), p_i the share right, σ²_T with s in the
    denominator (Kuder and Richardson 1937, formula 20).
    """
    x = np.asarray(scores, dtype=np.float64)
    persons, k = x.shape
    if k < 2 or persons < 2:
        return math.nan
    p = x.mean(axis=0)
    total_var = float(np.var(x.sum(axis=1)))
    if total_var == 0:
        return math.nan
    return k / (k - 1) * (1.0 - float((p * (1 - p)).sum()) / total_var)


# --- Analysis ------------------------------------------------------------------------------


def _choices_array(choices: Any, shape: tuple[int, int]) -> NDArray[np.object_] | None:
    if choices is None:
        return None
    array = np.empty(shape, dtype=object)
    rows = list(choices)
    if len(rows) != shape[0] or any(len(row) != shape[1] for row in rows):
        raise ValueError("choices must have the shape of scores")
    for p, row in enumerate(rows):
        for i, value in enumerate(row):
            array[p, i] = value
    return array


def _keys(
    key: Sequence[str | Collection[str] | None] | None, items: int
) -> list[frozenset[str]] | None:
    if key is None:
        return None
    if len(key) != items:
        raise ValueError("key needs one entry per item")
    out: list[frozenset[str]] = []
    for entry in key:
        if entry is None:
            out.append(frozenset())
        elif isinstance(entry, str):
            out.append(frozenset({entry}))
        else:
            out.append(frozenset(str(e) for e in entry))
    return out


def _group_size(n: int, fraction: float) -> int:
    return max(1, math.ceil(fraction * n)) if n >= 2 else 0


def _group_weights(rest: Array, size: int) -> tuple[Array, Array]:
    """Return each candidate's share of the upper and the lower group of ``size`` people.

    Candidates tied at a group's boundary share the places left, so the groups do not depend
    on the order of the rows: with rest scores 3, 2, 1, 1, 1, 1 the lower two are the four 1s,
    each counting one half.
    """
    weights = []
    for values in (-rest, rest):  # the upper group is the lower group of -rest
        ordered = np.sort(values)
        boundary = ordered[size - 1]
        below = values < boundary
        tied = values == boundary
        share = (size - below.sum()) / tied.sum()
        weights.append(np.where(below, 1.0, np.where(tied, share, 0.0)))
    return weights[0], weights[1]


def item_analysis(
    scores: ArrayLike,
    *,
    items: Sequence[str] | None = None,
    max_scores: ArrayLike | None = None,
    choices: Sequence[Sequence[str | None]] | NDArray[np.object_] | None = None,
    key: Sequence[str | Collection[str] | None] | None = None,
    options: Sequence[Sequence[str]] | None = None,
    facility_low: float = 0.2,
    facility_high: float = 0.9,
    discrimination_low: float = 0.2,
    weak_distractor: float = 0.05,
    group_fraction: float = 0.27,
) -> ExamAnalysis:
    """Analyse a persons × items score matrix; see the module docstring for the formulas.

    ``scores``: item scores, NaN where the item was not presented. ``max_scores``: per item
    (default 1). ``choices``: the option each candidate chose, "" (BLANK) for a blank answer,
    None where not presented; with ``key`` (the accepted option or options per item) it gives
    the distractor table. ``options``: every option of each item, so that an option nobody
    chose still shows (default: those chosen, and the key).

    Flags: facility below ``facility_low`` (too hard) or above ``facility_high`` (too easy);
    corrected point-biserial below ``discrimination_low`` (low) or below 0 (reversed: check
    the key); a distractor the top group chose more often than the key; a distractor chosen by
    fewer than ``weak_distractor`` of the candidates; no variance; no responses.
    """
    x = np.array(scores, dtype=np.float64, copy=True)
    if x.ndim != 2:
        raise ValueError("scores must be a persons × items array")
    n_persons, n_items = x.shape
    names = [str(i + 1) for i in range(n_items)] if items is None else [str(i) for i in items]
    if len(names) != n_items:
        raise ValueError("items needs one name per column")
    maxima = (
        np.ones(n_items)
        if max_scores is None
        else np.broadcast_to(np.asarray(max_scores, dtype=np.float64), (n_items,))
    )
    chosen = _choices_array(choices, x.shape)
    keys = _keys(key, n_items)
    if options is not None and len(options) != n_items:
        raise ValueError("options needs one list per item")

    observed = ~np.isnan(x)
    totals = np.where(observed, x, 0.0).sum(axis=1)
    analyses = []
    for i in range(n_items):
        analyses.append(
            _item(
                name=names[i],
                x=x[observed[:, i], i],
                rest=totals[observed[:, i]] - x[observed[:, i], i],
                max_score=float(maxima[i]),
                chosen=None if chosen is None else chosen[observed[:, i], i],
                key=None if keys is None else keys[i],
                options=None if options is None else [str(o) for o in options[i]],
                facility_low=facility_low,
                facility_high=facility_high,
                discrimination_low=discrimination_low,
                weak_distractor=weak_distractor,
                group_fraction=group_fraction,
            )
        )
    return _test(x, observed, totals, analyses)


def _item(
    *,
    name: str,
    x: Array,
    rest: Array,
    max_score: float,
    chosen: NDArray[np.object_] | None,
    key: frozenset[str] | None,
    options: list[str] | None,
    facility_low: float,
    facility_high: float,
    discrimination_low: float,
    weak_distractor: float,
    group_fraction: float,
) -> ItemAnalysis:
    n = int(x.size)
    result = ItemAnalysis(
        item=name,
        n=n,
        max_score=max_score,
        mean=None,
        facility=None,
        sd=None,
        discrimination_index=None,
        discriminative_efficiency=None,
        point_biserial=None,
        upper_lower=None,
    )
    reasons = result.reasons
    if n == 0:
        for name_ in (
            "mean",
            "facility",
            "sd",
            "discrimination_index",
            "discriminative_efficiency",
            "point_biserial",
            "upper_lower",
        ):
            reasons[name_] = R_NO_RESPONSES
        result.flags.append(Flag(NO_RESPONSES, R_NO_RESPONSES.rstrip(".")))
        if chosen is not None and key is not None:
            result.distractors = _distractors(chosen, key, options, rest, group_fraction)
        return result

    mean = float(x.mean())
    result.mean = mean
    if max_score > 0:
        result.facility = mean / max_score
    else:
        reasons["facility"] = R_NO_MAX

    if n < 2:
        for name_ in (
            "sd",
            "discrimination_index",
            "discriminative_efficiency",
            "point_biserial",
            "upper_lower",
        ):
            reasons[name_] = R_ONE_RESPONSE
    else:
        dx = x - mean
        dr = rest - rest.mean()
        var_x = float(dx @ dx) / (n - 1)
        var_r = float(dr @ dr) / (n - 1)
        cov = float(dx @ dr) / (n - 1)
        result.sd = math.sqrt(var_x)
        if abs(cov) < _EPS * math.sqrt(var_x * var_r):
            cov = 0.0  # rounding noise of an exactly zero covariance must not flag the item
        if var_x == 0 or var_r == 0:
            why = R_ITEM_CONSTANT if var_x == 0 else R_REST_CONSTANT
            for name_ in ("discrimination_index", "discriminative_efficiency", "point_biserial"):
                reasons[name_] = why
        else:
            r = cov / math.sqrt(var_x * var_r)
            result.point_biserial = r
            result.discrimination_index = 100.0 * r
            cov_max = float((np.sort(x) - mean) @ (np.sort(rest) - rest.mean())) / (n - 1)
            result.discriminative_efficiency = 100.0 * cov / cov_max
        g = _group_size(n, group_fraction)
        upper_w, lower_w = _group_weights(rest, g)
        if max_score > 0:
            result.upper_lower = float((upper_w - lower_w) @ x) / g / max_score
        else:
            reasons["upper_lower"] = R_NO_MAX

    if chosen is not None and key is not None:
        result.distractors = _distractors(chosen, key, options, rest, group_fraction)
    result.flags.extend(
        _flags(result, key, facility_low, facility_high, discrimination_low, weak_distractor)
    )
    return result


def _distractors(
    chosen: NDArray[np.object_],
    key: frozenset[str],
    options: list[str] | None,
    rest: Array,
    group_fraction: float,
) -> list[OptionFrequency]:
    values = [BLANK if v is None else str(v) for v in chosen]
    n = len(values)
    labels = list(options or [])
    for option in sorted(set(values) | set(key)):
        if option != BLANK and option not in labels:
            labels.append(option)
    if options is None:
        labels.sort()
    if BLANK in values:
        labels.append(BLANK)
    g = _group_size(n, group_fraction)
    upper_w, lower_w = _group_weights(rest, g) if g else (np.zeros(n), np.zeros(n))
    picked = np.array(values, dtype=object)
    table = []
    for option in labels:
        chose = picked == option
        count = int(chose.sum())
        table.append(
            OptionFrequency(
                option=option,
                is_key=option in key,
                count=count,
                proportion=count / n if n else 0.0,
                upper_proportion=float(upper_w @ chose) / g if g else None,
                lower_proportion=float(lower_w @ chose) / g if g else None,
            )
        )
    return table


def _flags(
    item: ItemAnalysis,
    key: frozenset[str] | None,
    facility_low: float,
    facility_high: float,
    discrimination_low: float,
    weak_distractor: float,
) -> list[Flag]:
    flags = []
    if item.facility is not None:
        if item.facility < facility_low:
            flags.append(
                Flag(TOO_HARD, f"Câu quá khó (p = {_vn(item.facility)} < {_vn(facility_low)})")
            )
        elif item.facility > facility_high:
            flags.append(
                Flag(TOO_EASY, f"Câu quá dễ (p = {_vn(item.facility)} > {_vn(facility_high)})")
            )
    if item.sd == 0:
        flags.append(
            Flag(NO_VARIANCE, "Mọi thí sinh cùng điểm ở câu này: không đo được độ phân biệt")
        )
    r = item.point_biserial
    if r is not None:
        if r < 0:
            flags.append(
                Flag(
                    NEGATIVE_DISCRIMINATION,
                    f"Phân biệt ngược: nên kiểm tra đáp án (r = {_vn(r)})",
                )
            )
        elif r < discrimination_low:
            flags.append(
                Flag(
                    LOW_DISCRIMINATION,
                    f"Độ phân biệt thấp (r = {_vn(r)} < {_vn(discrimination_low)})",
                )
            )
    if item.distractors and key:
        keyed_upper = sum(o.upper_proportion or 0.0 for o in item.distractors if o.is_key)
        for option in item.distractors:
            if option.is_key or option.option == BLANK:
                continue
            if option.upper_proportion is not None and option.upper_proportion > keyed_upper:
                flags.append(
                    Flag(
                        DISTRACTOR_ATTRACTS_TOP,
                        f"Phương án nhiễu hút nhóm giỏi: nhóm giỏi chọn {option.option} "
                        f"({_pct(option.upper_proportion)}) nhiều hơn đáp án "
                        f"({_pct(keyed_upper)})",
                    )
                )
            if option.proportion < weak_distractor:
                flags.append(
                    Flag(
                        WEAK_DISTRACTOR,
                        f"Phương án nhiễu {option.option} ít người chọn "
                        f"({_pct(option.proportion)} < {_pct(weak_distractor)})",
                    )
                )
    return flags


def _test(
    x: Array, observed: NDArray[np.bool_], totals: Array, items: list[ItemAnalysis]
) -> ExamAnalysis:
    n_items = x.shape[1]
    present = observed.any(axis=1)
    persons = int(present.sum())
    values = x[observed]
    dichotomous = bool(values.size) and bool(np.isin(values, (0.0, 1.0)).all())
    complete = bool(observed[present].all()) if persons else True
    method = ("KR-20" if dichotomous else "alpha") if complete else "alpha (incomplete)"
    result = ExamAnalysis(
        persons=persons,
        n_items=n_items,
        mean_total=None,
        sd_total=None,
        alpha=None,
        kr20=None,
        method=method,
        sem=None,
        items=items,
    )
    reasons = result.reasons
    t = totals[present]
    if persons:
        result.mean_total = float(t.mean())
    else:
        reasons["mean_total"] = R_FEW_PERSONS
    if persons < 2:
        for name in ("sd_total", "alpha", "kr20", "sem"):
            reasons[name] = R_FEW_PERSONS
        return result
    total_var = float(np.var(t, ddof=1))
    result.sd_total = math.sqrt(total_var)
    why = ""
    if n_items < 2:
        why = R_FEW_ITEMS
    elif total_var == 0:
        why = R_TOTAL_CONSTANT
    if complete and not why:
        result.alpha = cronbach_alpha(x[present])
        if dichotomous:
            result.kr20 = kr20(x[present])
    elif not why:
        # Different forms: each candidate's own item variances, averaged (see the docstring).
        item_var = np.array([it.sd**2 if it.sd is not None else np.nan for it in items])
        obs = observed[present]
        usable = obs & ~np.isnan(item_var)[None, :]
        k = float(obs.sum(axis=1).mean())
        if k <= 1:
            why = R_FEW_ITEMS
        else:
            own = np.where(usable, np.nan_to_num(item_var)[None, :], 0.0).sum(axis=1)
            result.alpha = k / (k - 1) * (1.0 - float(own.mean()) / total_var)
    if result.alpha is None:
        reasons["alpha"] = why or R_NO_RELIABILITY
        reasons["sem"] = reasons["alpha"]
    else:
        result.sem = result.sd_total * math.sqrt(max(0.0, 1.0 - result.alpha))
    if result.kr20 is None:
        reasons["kr20"] = reasons.get("alpha") or "Điểm không chỉ gồm 0 và 1, hoặc thiếu ô."
    return result
