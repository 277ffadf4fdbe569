"""The permission matrix, read from the URL map and each view's declared access."""
from __future__ import annotations

from dataclasses import dataclass
from itertools import groupby

from flask import Flask

from ..security import ALL_ROLES, declared_access


@dataclass(frozen=True)
class Permission:
    """One route: its address, methods, description and who may use it."""

    endpoint: str
    rule: str
    methods: tuple[str, ...]
    description: str
    public: bool
    roles: frozenset[str]

    def allows(self, role: str | None) -> bool:
        """True when a person with `role` (None: an anonymous visitor) may use the route."""
        if self.public:
            return True
        return role is not None and role in self.roles


def routes(app: Flask) -> list[Permission]:
    """Every route of `app` except static files, with its declared access, sorted by address."""
    rows = []
    for rule in app.url_map.iter_rules():
        if rule.endpoint == "static":
            continue
        view = app.view_functions[rule.endpoint]
        access = declared_access(view)
        doc = (view.__doc__ or "").strip().splitlines()
        rows.append(Permission(
            endpoint=rule.endpoint,
            rule=rule.rule,
            methods=tuple(sorted(rule.methods - {"HEAD", "OPTIONS"})),
            description=doc[0] if doc else "",
            public=access == "public",
            roles=frozenset() if access in (None, "public") else frozenset(access),
        ))
    return sorted(rows, key=lambda row: (row.endpoint.split(".")[0], row.rule))


def permission_matrix(app: Flask) -> list[tuple[str, list[Permission]]]:
    """Routes grouped by blueprint (domain), for the admin page."""
    return [(blueprint, list(rows)) for blueprint, rows in
            groupby(routes(app), key=lambda row: row.endpoint.split(".")[0])]


def role_count(rows: list[Permission]) -> dict[str, int]:
    """How many routes each role may use (a quick overview)."""
    return {role: sum(1 for row in rows if row.allows(role)) for role in ALL_ROLES}
