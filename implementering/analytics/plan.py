"""Pure rules for the rollout plan: SMART-goal status, trend and readiness progress (no Flask, no db)."""
from __future__ import annotations

from datetime import date

ON_TRACK, AT_RISK, REACHED, MISSED = "paa_sporet", "i_risiko", "naaet", "ikke_naaet"
#: How far behind the straight line from baseline to target a goal may be and still be on track.
TOLERANCE = 0.10


def goal_status(current: float | None, target: float, deadline: date, today: date, *,
                start: date | None = None, baseline: float | None = None,
                higher_is_better: bool = True) -> str:
    """På sporet / i risiko / nået / ikke nået from the value, the target and the time left.

    Reached when the value meets the target; missed when the deadline has passed without
    that; otherwise on track when progress from baseline towards target keeps up (within
    TOLERANCE) with the share of the time used, and at risk when it lags. A goal with no
    value yet is on track in its first half and at risk after that.
    """
    if current is not None:
        met = current >= target if higher_is_better else current <= target
        if met:
            return REACHED
    if today > deadline:
        return MISSED
    start = start or today
    total = (deadline - start).days
    elapsed = min(max((today - start).days, 0), total) / total if total > 0 else 1.0
    if current is None:
        return ON_TRACK if elapsed <= 0.5 else AT_RISK
    base = baseline if baseline is not None else 0.0
    distance = target - base
    if distance == 0:
        return ON_TRACK
    progress = (current - base) / distance
    return ON_TRACK if progress >= elapsed - TOLERANCE else AT_RISK


def trend(values: list[float], flat: float = 1e-9) -> str:
    """'op', 'ned' or 'flad' from the last two values ('' with fewer than two)."""
    if len(values) < 2:
        return ""
    delta = values[-1] - values[-2]
    if abs(delta) <= flat:
        return "flad"
    return "op" if delta > 0 else "ned"


#: Weight of each readiness answer in the progress; "ikke relevant" and unanswered are handled apart.
ANSWER_WEIGHTS = {"ja": 1.0, "delvist": 0.5, "nej": 0.0}


def readiness_progress(answers: list[str | None]) -> tuple[float, int, int]:
    """(share ready 0–1, answered, relevant) for a list of answers of one area.

    'ikke_relevant' questions are left out; unanswered ones count as not ready.
    """
    relevant = [a for a in answers if a != "ikke_relevant"]
    if not relevant:
        return (1.0 if answers else 0.0), len(answers) - len(relevant), 0
    score = sum(ANSWER_WEIGHTS.get(a, 0.0) for a in relevant if a)
    answered = sum(1 for a in relevant if a)
    return score / len(relevant), answered, len(relevant)
