"""Danish error pages; no stack traces ever reach the browser."""
from __future__ import annotations

from flask import jsonify, render_template, request
from sqlalchemy.exc import OperationalError
from werkzeug.exceptions import HTTPException

from ..database import CPRRefusedError
from ..extensions import db
from ..i18n import _

TITLES = {
    400: lambda: _("Forespørgslen kunne ikke behandles"),
    403: lambda: _("Du har ikke adgang til siden"),
    404: lambda: _("Siden findes ikke"),
    405: lambda: _("Handlingen er ikke tilladt her"),
    413: lambda: _("Filen er for stor"),
    500: lambda: _("Der opstod en fejl"),
    503: lambda: _("Tjenesten er midlertidigt utilgængelig"),
}


def render_error(status: int, message: str | None = None):
    """Render the Danish error page (or JSON for /health-like clients) with `status`."""
    title = TITLES.get(status, TITLES[500])()
    if request.accept_mimetypes.best == "application/json":
        return jsonify({"error": title, "status": status}), status
    return render_template("errors/error.html", status=status, title=title, message=message), status


def register(app) -> None:
    """Attach the handlers to `app`."""

    @app.errorhandler(HTTPException)
    def http_error(exc: HTTPException):
        return render_error(exc.code or 500)

    @app.errorhandler(CPRRefusedError)
    def cpr_refused(exc: CPRRefusedError):
        db.session.rollback()
        return render_error(400, _("Et felt indeholdt et CPR-nummer. Intet er gemt."))

    @app.errorhandler(OperationalError)
    def database_down(exc: OperationalError):
        db.session.rollback()
        app.logger.error("Database error: %s", exc.__class__.__name__)
        return render_error(503, _("Databasen svarer ikke lige nu. Prøv igen om lidt."))

    @app.errorhandler(Exception)
    def unexpected(exc: Exception):
        app.logger.exception("Unhandled error")
        db.session.rollback()
        return render_error(500)
