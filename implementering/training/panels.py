"""What training adds to other pages: start-page panels, person and team sections, the plan link."""
from __future__ import annotations

from datetime import date

from ..core.panels import register_panel, register_section
from ..i18n import _l
from ..plan.services import register_activity_source
from ..security import ADMIN, PROJEKTLEDER, READERS, SAGSBEHANDLER, SUPPORTERS
from .constants import PERSON_STATUS_TAGS, PERSON_STATUSES


def _my_training_panel(person) -> dict | None:
    """A case worker's own standing on the required courses and their next session."""
    from .services import person_standing, person_training

    today = date.today()
    standing = person_standing(person, today)
    upcoming = [r for r in person_training(person) if r.session.day >= today and not r.session.cancelled]
    if not standing and not upcoming:
        return None
    return {"standing": standing, "upcoming": upcoming[-1:] if upcoming else [],
            "statuses": PERSON_STATUSES, "tags": PERSON_STATUS_TAGS}


def _coverage_panel(person) -> dict | None:
    """For project leaders: teams with case workers who will lack the course at go-live."""
    from .services import default_course, department_coverage

    course = default_course()
    if course is None:
        return None
    flagged = [(team_cov, len(team_cov.flagged)) for _, _, teams in department_coverage(course, date.today())
               for team_cov in teams if team_cov.flagged]
    flagged.sort(key=lambda row: (row[0].go_live or date.max))
    return {"course": course, "flagged": flagged[:6], "total": sum(n for _, n in flagged)}


def _person_section(viewer, person) -> dict | None:
    """The person's training history and standing, on the person page."""
    from .services import person_standing, person_training

    records = person_training(person)
    standing = person_standing(person, date.today())
    return {"records": records, "standing": standing, "statuses": PERSON_STATUSES, "tags": PERSON_STATUS_TAGS}


def _team_section(viewer, team) -> dict | None:
    """Training coverage of the team, on the team page."""
    from .services import default_course, team_coverage

    course = default_course()
    if course is None:
        return None
    return {"course": course, "coverage": team_coverage(course, [team], date.today())[0],
            "show_names": viewer.has_any_role(SUPPORTERS)}


def register_all() -> None:
    """Register the panels, sections and the plan's link back to sessions (idempotent)."""
    register_panel("training/_panel_mine.html", (SAGSBEHANDLER,), _my_training_panel, order=40)
    register_panel("training/_panel_coverage.html", (ADMIN, PROJEKTLEDER), _coverage_panel, order=45)
    register_section("person", "training/_section_person.html", READERS, _person_section, order=40)
    register_section("team", "training/_section_team.html", READERS, _team_section, order=40)
    register_activity_source("training.session", _l("Uddannelseshold"), "training.session_detail", "session_id")
