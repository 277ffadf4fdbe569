"""Idle session timeout: a session unused for SESSION_IDLE_MINUTES ends by itself."""
from __future__ import annotations

import time

from flask import current_app, flash, session
from flask_login import logout_user

from ..i18n import _


def enforce_idle_timeout() -> None:
    """Before each request: log out a session idle too long, otherwise note the activity.

    Reads only the signed session cookie, never the database, so it costs nothing and
    still works when the database is down.
    """
    if "_user_id" not in session:
        return
    now = int(time.time())
    limit = current_app.config["SESSION_IDLE_MINUTES"] * 60
    last_seen = session.get("_last_seen")
    if limit > 0 and last_seen is not None and now - int(last_seen) > limit:
        logout_user()
        session.pop("_last_seen", None)
        flash(_("Du er blevet logget ud, fordi du ikke har været aktiv i %(n)s minutter.",
                n=current_app.config["SESSION_IDLE_MINUTES"]), "info")
        return
    # Write at most once a minute, so most requests do not need to send a new cookie.
    if last_seen is None or now - int(last_seen) >= 60:
        session["_last_seen"] = now
