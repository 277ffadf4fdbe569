"""Keys and Danish labels for course kinds and attendance; keys are stored, labels are lazy."""
from __future__ import annotations

from ..i18n import _l

KIND_VUM = "vum"
KIND_SUPERUSER = "superbruger"
KIND_REFRESHER = "opfriskning"
KIND_MANAGERS = "ledere"
KIND_OTHER = "andet"

COURSE_KINDS: dict[str, object] = {
    KIND_VUM: _l("VUM-kursus for sagsbehandlere"),
    KIND_SUPERUSER: _l("Ekstra uddannelse for superbrugere"),
    KIND_REFRESHER: _l("Opfriskning"),
    KIND_MANAGERS: _l("Kursus for ledere"),
    KIND_OTHER: _l("Andet"),
}

ATTENDED = "moedt"
EXCUSED = "afbud"
NO_SHOW = "udeblevet"

#: Attendance values in the order shown on the attendance screen.
ATTENDANCE: dict[str, object] = {
    ATTENDED: _l("Mødt"),
    EXCUSED: _l("Afbud"),
    NO_SHOW: _l("Udeblevet"),
}
ATTENDANCE_TAGS = {ATTENDED: "status-success", EXCUSED: "status-neutral", NO_SHOW: "status-error"}

#: Training status of one person for one course.
STATUS_DONE = "gennemfoert"
STATUS_ENROLLED = "tilmeldt"
STATUS_MISSING = "mangler"
PERSON_STATUSES: dict[str, object] = {
    STATUS_DONE: _l("Gennemført"),
    STATUS_ENROLLED: _l("Tilmeldt"),
    STATUS_MISSING: _l("Mangler"),
}
PERSON_STATUS_TAGS = {STATUS_DONE: "status-success", STATUS_ENROLLED: "status-info", STATUS_MISSING: "status-warning"}

#: A course more than this many days before go-live is "long before": the method is not used soon after.
LONG_GAP_DAYS = 30
