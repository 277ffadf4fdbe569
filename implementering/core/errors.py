"""Danish error pages; no stack traces ever reach the browser."""
from __future__ import annotations

from flask import g, jsonify, render_template, request
from markupsafe import escape
from sqlalchemy.exc import DBAPIError, InterfaceError, OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeoutError
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
    429: lambda: _("For mange forsøg"),
    500: lambda: _("Der opstod en fejl"),
    503: lambda: _("Tjenesten er midlertidigt utilgængelig"),
}


def render_error(status: int, message: str | None = None):
    """Render the Danish error page (or JSON for /health-like clients) with `status`.

    If the page itself cannot be rendered, a minimal static page is sent instead, so an
    error never turns into a stack trace or a blank answer.
    """
    title = TITLES.get(status, TITLES[500])()
    if request.accept_mimetypes.best == "application/json":
        return jsonify({"error": title, "status": status}), status
    try:
        return render_template("errors/error.html", status=status, title=title, message=message), status
    except Exception:  # noqa: BLE001 - the last resort must not fail
        body = (f'<!doctype html><html lang="da"><head><meta charset="utf-8"><title>{escape(title)}</title>'
                f"</head><body><h1>{escape(title)}</h1><p>{escape(message or '')}</p>"
                f"<p>{escape(_('Fejlkode'))}: {status}</p></body></html>")
        return body, status, {"Content-Type": "text/html; charset=utf-8"}


def is_database_unavailable(exc: BaseException) -> bool:
    """True for errors meaning the database cannot be reached (not for bad SQL or data)."""
    if isinstance(exc, (OperationalError, InterfaceError, PoolTimeoutError)):
        return True
    return isinstance(exc, DBAPIError) and bool(exc.connection_invalidated)


def forget_user_without_database() -> None:
    """Treat this request as anonymous, so the error page never asks the database who is logged in."""
    from ..extensions import login_manager

    g._login_user = login_manager.anonymous_user()


def register(app) -> None:
    """Attach the handlers to `app`."""

    @app.errorhandler(HTTPException)
    def http_error(exc: HTTPException):
        return render_error(exc.code or 500)

    @app.errorhandler(CPRRefusedError)
    def cpr_refused(exc: CPRRefusedError):
        db.session.rollback()
        return render_error(400, _("Et felt indeholdt et CPR-nummer. Intet er gemt."))

    def database_down(exc: Exception):
        try:
            db.session.rollback()
        except Exception:  # noqa: BLE001 - the connection is gone; the pool will replace it
            pass
        forget_user_without_database()
        app.logger.error("Database unavailable: %s", exc.__class__.__name__)
        response = render_error(503, _("Databasen svarer ikke lige nu. Prøv igen om lidt."))
        return response[0], 503, {"Retry-After": "30", **(response[2] if len(response) > 2 else {})}

    for error_class in (OperationalError, InterfaceError, PoolTimeoutError):
        app.register_error_handler(error_class, database_down)

    @app.errorhandler(Exception)
    def unexpected(exc: Exception):
        if is_database_unavailable(exc):
            return database_down(exc)
        app.logger.exception("Unhandled error")
        try:
            db.session.rollback()
        except Exception:  # noqa: BLE001
            pass
        return render_error(500)
