"""The leadership overview and reports."""
from flask import Blueprint

from ..i18n import _l
from ..navigation import NavItem
from ..security import ADMIN, LEDELSE, PROJEKTLEDER, SUPERBRUGER

bp = Blueprint("overview", __name__, url_prefix="/overblik")

#: Who sees the overview (the political and management picture of the rollout).
OVERVIEW_ROLES = (LEDELSE, PROJEKTLEDER, ADMIN)
#: Superusers also see the team pages, but only of the teams they support: they run those
#: teams' meetings, and the page shows nothing (pulses included) beyond what leadership sees.
TEAM_PAGE_ROLES = (*OVERVIEW_ROLES, SUPERBRUGER)

#: Main-menu entries (see implementering.navigation.NavItem).
NAV: list = [NavItem(_l("Overblik"), "overview.index", OVERVIEW_ROLES, order=50)]

from . import views  # noqa: E402,F401
from .measures import register as _register_measures  # noqa: E402
from .panels import register as _register_panels  # noqa: E402

_register_panels()
_register_measures()


@bp.app_context_processor
def _overview_helpers() -> dict:
    """`detail_url` in templates: a link to another domain's page only when the viewer may open it."""
    from .report import detail_url

    return {"detail_url": detail_url}
