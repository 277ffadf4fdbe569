"""Roles, per-view access declarations and helpers for the logged-in person.

Every view declares who may see it: `@public` or `@role_required(...)`. A view that
declares nothing is refused (fail closed) by `enforce_declared_access`, and a test
walks the URL map to prove every route has a declaration that holds.
"""
from __future__ import annotations

from functools import wraps
from typing import Callable, Iterable

from flask import abort, current_app, request
from flask_login import current_user

from .i18n import _l

ADMIN = "admin"
PROJEKTLEDER = "projektleder"
SUPERBRUGER = "superbruger"
SAGSBEHANDLER = "sagsbehandler"
LEDELSE = "ledelse"

ALL_ROLES: tuple[str, ...] = (ADMIN, PROJEKTLEDER, SUPERBRUGER, SAGSBEHANDLER, LEDELSE)
#: Anyone with an account and at least one role.
ANY_ROLE = ALL_ROLES
#: Those who plan and run the rollout.
PLANNERS = (ADMIN, PROJEKTLEDER)
#: Those who support case workers and run quality work.
SUPPORTERS = (ADMIN, PROJEKTLEDER, SUPERBRUGER)
#: Those who read results.
READERS = (ADMIN, PROJEKTLEDER, SUPERBRUGER, LEDELSE)

ROLE_LABELS = {
    ADMIN: _l("Administrator"),
    PROJEKTLEDER: _l("Projektleder"),
    SUPERBRUGER: _l("Superbruger"),
    SAGSBEHANDLER: _l("Sagsbehandler"),
    LEDELSE: _l("Ledelse"),
}


def public(view: Callable) -> Callable:
    """Mark a view as reachable without logging in."""
    view.access_public = True
    return view


def role_required(*roles: str) -> Callable[[Callable], Callable]:
    """Allow a view only to logged-in persons holding at least one of `roles`.

    Anonymous visitors are sent to the login page; others without the role get 403.
    """
    unknown = set(roles) - set(ALL_ROLES)
    if unknown or not roles:
        raise ValueError(f"role_required needs known roles, got {roles!r}")

    def decorator(view: Callable) -> Callable:
        @wraps(view)
        def wrapped(*args, **kwargs):
            if not current_user.is_authenticated:
                from .extensions import login_manager

                return login_manager.unauthorized()
            if not current_user.has_any_role(roles):
                abort(403)
            return view(*args, **kwargs)

        wrapped.access_roles = frozenset(roles)
        return wrapped

    return decorator


def declared_access(view: Callable) -> frozenset[str] | str | None:
    """What a view declares: 'public', a set of roles, or None when it declares nothing."""
    if getattr(view, "access_public", False):
        return "public"
    return getattr(view, "access_roles", None)


def enforce_declared_access() -> None:
    """Before each request: refuse any endpoint whose view declares no access rule."""
    if request.endpoint is None or request.endpoint == "static":
        return
    view = current_app.view_functions.get(request.endpoint)
    if view is not None and declared_access(view) is None:
        current_app.logger.error("View %s declares no access rule; refused", request.endpoint)
        abort(403)


def has_any_role(person, roles: Iterable[str]) -> bool:
    """True when `person` holds at least one of `roles` (False for anonymous)."""
    if person is None or not getattr(person, "is_authenticated", False):
        return False
    return person.has_any_role(roles)


def may_access(person, endpoint: str) -> bool:
    """True when `person` may open `endpoint` (as its view declares); use it to hide dead links."""
    view = current_app.view_functions.get(endpoint)
    access = declared_access(view) if view is not None else None
    if access == "public":
        return True
    if access is None:
        return False
    return has_any_role(person, access)
