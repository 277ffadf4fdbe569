"""Every file a logged-in person downloads (XLSX, CSV, JSON exports) is an audit event.

One hook for the whole app, so no export page can forget it.
"""
from __future__ import annotations

from flask import Flask, Response, request
from flask_login import current_user


def install(app: Flask) -> None:
    """Record an 'export' audit event for every successful attachment download."""

    @app.after_request
    def audit_downloads(response: Response) -> Response:
        disposition = response.headers.get("Content-Disposition", "")
        if response.status_code == 200 and "attachment" in disposition and current_user.is_authenticated:
            from .services import record

            filename = disposition.split("filename=", 1)[-1].strip('"') if "filename=" in disposition else ""
            record(current_user, "export", target=request.path, details=filename)
        return response
