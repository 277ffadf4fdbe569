"""Keys and Danish labels for activity types, statuses, focus areas and the other plan vocabularies.

Keys are stored in the database; labels are lazy so a translation can be added later.
"""
from __future__ import annotations

from ..i18n import _l

# Activity types ---------------------------------------------------------------------------
TYPE_INFORMATION = "informationsmoede"
TYPE_COURSE = "kursus"
TYPE_SUPERUSER_TRAINING = "superbrugeruddannelse"
TYPE_TEAM_MEETING = "teammoede"
TYPE_EXPERIENCE_MEETING = "erfaringsmoede"
TYPE_SEMINAR = "seminar"
TYPE_COMMUNICATION = "kommunikation"
TYPE_OTHER = "andet"

ACTIVITY_TYPES: dict[str, object] = {
    TYPE_INFORMATION: _l("Informationsmøde"),
    TYPE_COURSE: _l("Kursus"),
    TYPE_SUPERUSER_TRAINING: _l("Superbrugeruddannelse"),
    TYPE_TEAM_MEETING: _l("Teammøde"),
    TYPE_EXPERIENCE_MEETING: _l("Erfaringsmøde"),
    TYPE_SEMINAR: _l("Seminar"),
    TYPE_COMMUNICATION: _l("Kommunikation"),
    TYPE_OTHER: _l("Andet"),
}

# Activity statuses ------------------------------------------------------------------------
STATUS_PLANNED = "planlagt"
STATUS_IN_PROGRESS = "i_gang"
STATUS_DONE = "gennemfoert"
STATUS_POSTPONED = "udskudt"
STATUS_CANCELLED = "aflyst"

ACTIVITY_STATUSES: dict[str, object] = {
    STATUS_PLANNED: _l("Planlagt"),
    STATUS_IN_PROGRESS: _l("I gang"),
    STATUS_DONE: _l("Gennemført"),
    STATUS_POSTPONED: _l("Udskudt"),
    STATUS_CANCELLED: _l("Aflyst"),
}
#: Statuses that close an activity: it can no longer be overdue.
CLOSED_STATUSES = frozenset({STATUS_DONE, STATUS_CANCELLED})
#: CSS status-tag modifier per status (the label is always shown too, never colour alone).
STATUS_TAGS = {
    STATUS_PLANNED: "status-info",
    STATUS_IN_PROGRESS: "status-warning",
    STATUS_DONE: "status-success",
    STATUS_POSTPONED: "status-neutral",
    STATUS_CANCELLED: "status-neutral",
}

# Focus areas (the guideline's implementation areas) ---------------------------------------
AREA_CHANGE = "forandringsledelse"
AREA_WORKFLOWS = "arbejdsgange"
AREA_ROLES = "roller"
AREA_COMMUNICATION = "kommunikation"
AREA_TRAINING = "uddannelse"
AREA_ACTIVITY_PLAN = "aktivitetsplan"
AREA_FOLLOW_UP = "opfoelgning"

FOCUS_AREAS: dict[str, object] = {
    AREA_CHANGE: _l("Forandringsledelse"),
    AREA_WORKFLOWS: _l("Arbejdsgange og organisering"),
    AREA_ROLES: _l("Roller og ansvar"),
    AREA_COMMUNICATION: _l("Kommunikation"),
    AREA_TRAINING: _l("Uddannelse"),
    AREA_ACTIVITY_PLAN: _l("Aktivitetsplan"),
    AREA_FOLLOW_UP: _l("Opfølgning og kvalitetssikring"),
}

# Readiness answers ------------------------------------------------------------------------
ANSWER_YES = "ja"
ANSWER_PARTLY = "delvist"
ANSWER_NO = "nej"
ANSWER_NOT_RELEVANT = "ikke_relevant"
READINESS_ANSWERS: dict[str, object] = {
    ANSWER_YES: _l("Ja"),
    ANSWER_PARTLY: _l("Delvist"),
    ANSWER_NO: _l("Nej"),
    ANSWER_NOT_RELEVANT: _l("Ikke relevant"),
}

# Goal statuses ----------------------------------------------------------------------------
GOAL_ON_TRACK = "paa_sporet"
GOAL_AT_RISK = "i_risiko"
GOAL_REACHED = "naaet"
GOAL_MISSED = "ikke_naaet"
GOAL_STATUSES: dict[str, object] = {
    GOAL_ON_TRACK: _l("På sporet"),
    GOAL_AT_RISK: _l("I risiko"),
    GOAL_REACHED: _l("Nået"),
    GOAL_MISSED: _l("Ikke nået"),
}
GOAL_STATUS_TAGS = {
    GOAL_ON_TRACK: "status-info",
    GOAL_AT_RISK: "status-warning",
    GOAL_REACHED: "status-success",
    GOAL_MISSED: "status-error",
}

# Communication plan -----------------------------------------------------------------------
AUDIENCES: dict[str, object] = {
    "sagsbehandlere": _l("Sagsbehandlere"),
    "ledere": _l("Ledere"),
    "leverandoerer": _l("Leverandører"),
    "politikere": _l("Politikere"),
    "andre_afdelinger": _l("Andre afdelinger"),
    "oekonomi": _l("Økonomi"),
    "borgere": _l("Borgere"),
    "andet": _l("Andre"),
}
CHANNELS: dict[str, object] = {
    "moede": _l("Møde"),
    "mail": _l("E-mail"),
    "intranet": _l("Intranet"),
    "nyhedsbrev": _l("Nyhedsbrev"),
    "brev": _l("Brev"),
    "udvalgsmoede": _l("Udvalgsmøde"),
    "andet": _l("Andet"),
}
COMM_STATUSES: dict[str, object] = {
    "planlagt": _l("Planlagt"),
    "udsendt": _l("Udsendt"),
    "udskudt": _l("Udskudt"),
    "aflyst": _l("Aflyst"),
}
COMM_STATUS_TAGS = {"planlagt": "status-info", "udsendt": "status-success",
                    "udskudt": "status-neutral", "aflyst": "status-neutral"}
