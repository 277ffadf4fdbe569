"""The main navigation: each domain lists its entries in `NAV`; this module filters them by role."""
from __future__ import annotations

import importlib
from dataclasses import dataclass

from flask import request
from flask_login import current_user


@dataclass(frozen=True)
class NavItem:
    """One entry in the main menu, visible to persons holding one of `roles`."""

    label: str
    endpoint: str
    roles: tuple[str, ...]
    order: int = 100


def nav_items_for(person) -> list[NavItem]:
    """The menu entries `person` may use, in menu order."""
    from . import DOMAIN_PACKAGES

    if not getattr(person, "is_authenticated", False):
        return []
    items = []
    for name in DOMAIN_PACKAGES:
        module = importlib.import_module(f"implementering.{name}")
        items.extend(item for item in getattr(module, "NAV", ()) if person.has_any_role(item.roles))
    return sorted(items, key=lambda item: item.order)


def inject_navigation() -> dict:
    """Template context: the menu for the current person and which entry is active."""
    items = nav_items_for(current_user)
    current_bp = request.blueprint if request else None
    return {
        "nav_items": items,
        "nav_active_blueprint": current_bp,
    }
