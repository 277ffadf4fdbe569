"""Keys and Danish labels for the support log, questions, experience meetings and actions."""
from __future__ import annotations

from ..i18n import _l

KIND_SPARRING = "sparring"
KIND_TEAM_MEETING = "teammoede"
KIND_CASE_REVIEW = "sagsgennemgang"
KIND_QUESTION = "spoergsmaal"
KIND_TRAINING = "undervisning"

SESSION_KINDS: dict[str, object] = {
    KIND_SPARRING: _l("Sparring én til én"),
    KIND_TEAM_MEETING: _l("Teammøde"),
    KIND_CASE_REVIEW: _l("Sagsgennemgang"),
    KIND_QUESTION: _l("Besvaret spørgsmål"),
    KIND_TRAINING: _l("Undervisning"),
}

#: The VUM principles case workers find hardest (the guideline's "new way of working").
PRINCIPLES: dict[str, object] = {
    "ressourcer": _l("Borgerens ressourcer"),
    "fleksibel_udredning": _l("Fleksibel brug af udredningsværktøjet"),
    "skala": _l("0–4-skalaen"),
    "inddragelse": _l("Borgerinddragelse"),
    "maal": _l("Målformulering"),
    "faglig_vurdering": _l("Den faglige vurdering"),
    "afgoerelse": _l("Afgørelsen"),
}

#: The phases of a case.
PHASES: dict[str, object] = {
    "henvendelse": _l("Henvendelse"),
    "udredning": _l("Udredning"),
    "afgoerelse": _l("Afgørelse"),
    "bestilling": _l("Bestilling"),
    "handleplan": _l("Handleplan"),
    "opfoelgning": _l("Opfølgning"),
}

#: Preset durations (minutes) offered as one tap on the phone.
DURATIONS = (10, 15, 30, 45, 60, 90, 120, 180)

#: What an experience meeting records.
CAT_WORKS = "virker"
CAT_HARD = "svaert"
CAT_CRITICISM = "kritik"
CAT_UNCERTAINTY = "usikkerhed"
CAT_RESULT = "resultat"
LEARNING_CATEGORIES: dict[str, object] = {
    CAT_WORKS: _l("Det virker"),
    CAT_HARD: _l("Det er svært"),
    CAT_CRITICISM: _l("Kritik"),
    CAT_UNCERTAINTY: _l("Usikkerhed"),
    CAT_RESULT: _l("Resultater"),
}

QUESTION_OPEN = "aaben"
QUESTION_ANSWERED = "besvaret"

ACTION_OPEN = "aaben"
ACTION_CLOSED = "lukket"

#: Plan activity sources owned by this domain.
SOURCE_MEETING = "support.meeting"
SOURCE_ACTION = "support.action"


def split_keys(value: str | None, allowed: dict) -> list[str]:
    """A stored comma list as keys, in the vocabulary's order, unknown keys dropped."""
    held = set((value or "").split(","))
    return [key for key in allowed if key in held]


def join_keys(keys, allowed: dict) -> str:
    """Keys as a stored comma list (vocabulary order, unknown keys dropped)."""
    wanted = set(keys or ())
    return ",".join(key for key in allowed if key in wanted)
