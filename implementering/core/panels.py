"""Start-page panels: each domain registers what it adds to a person's start page.

A panel is a template partial plus a function that returns its context for a person,
or None when the panel has nothing to show them.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable


@dataclass(frozen=True)
class Panel:
    """One box on the start page."""

    template: str
    roles: tuple[str, ...]
    context: Callable[[object], dict | None]
    order: int = 100


_PANELS: list[Panel] = []


def register_panel(template: str, roles: tuple[str, ...], context: Callable[[object], dict | None],
                   order: int = 100) -> None:
    """Add a panel to the start page for persons holding one of `roles` (idempotent per template)."""
    if any(panel.template == template for panel in _PANELS):
        return
    _PANELS.append(Panel(template, tuple(roles), context, order))


def panels_for(person) -> list[tuple[str, dict]]:
    """The (template, context) pairs to show `person`, in order; panels returning None are left out."""
    shown = []
    for panel in sorted(_PANELS, key=lambda p: p.order):
        if not person.has_any_role(panel.roles):
            continue
        context = panel.context(person)
        if context is not None:
            shown.append((panel.template, context))
    return shown


# --- sections on other domains' pages ------------------------------------------------------------

@dataclass(frozen=True)
class Section:
    """A block that a domain adds to another domain's page (e.g. training on the person page)."""

    page: str  # 'person' or 'team'
    template: str
    roles: tuple[str, ...]
    context: Callable[[object, object], dict | None]  # (viewer, subject) -> context or None
    order: int = 100


_SECTIONS: list[Section] = []


def register_section(page: str, template: str, roles: tuple[str, ...],
                     context: Callable[[object, object], dict | None], order: int = 100) -> None:
    """Add a section to the 'person' or 'team' page for viewers holding one of `roles` (idempotent)."""
    if any(s.page == page and s.template == template for s in _SECTIONS):
        return
    _SECTIONS.append(Section(page, template, tuple(roles), context, order))


def sections_for(page: str, viewer, subject) -> list[tuple[str, dict]]:
    """The (template, context) pairs to show `viewer` on `page` about `subject`, in order."""
    shown = []
    for section in sorted((s for s in _SECTIONS if s.page == page), key=lambda s: s.order):
        if viewer.has_any_role(section.roles):
            context = section.context(viewer, subject)
            if context is not None:
                shown.append((section.template, context))
    return shown
