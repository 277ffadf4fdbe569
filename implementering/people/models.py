"""Organisation and people: departments, teams, persons, their roles and superuser teams."""
from __future__ import annotations

from datetime import date, datetime
from typing import Iterable

from flask_login import UserMixin
from sqlalchemy import Boolean, Column, Date, DateTime, ForeignKey, Integer, String, Table, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..database import Entity
from ..extensions import db

#: Which teams a superuser supports (a superuser may support several teams).
superuser_teams = Table(
    "superuser_teams",
    db.Model.metadata,
    Column("person_id", Integer, ForeignKey("persons.id", ondelete="CASCADE"), primary_key=True),
    Column("team_id", Integer, ForeignKey("teams.id", ondelete="CASCADE"), primary_key=True),
)


class Department(Entity, db.Model):
    """A department or case area of the municipality (e.g. handicap, psykiatri, udsatte)."""

    __tablename__ = "departments"

    name: Mapped[str] = mapped_column(String(120), unique=True, nullable=False)
    description: Mapped[str] = mapped_column(String(500), default="", nullable=False)

    teams: Mapped[list["Team"]] = relationship(back_populates="department", order_by="Team.name")


class Team(Entity, db.Model):
    """A team of case workers; the unit that goes live with VUM."""

    __tablename__ = "teams"

    name: Mapped[str] = mapped_column(String(120), unique=True, nullable=False)
    department_id: Mapped[int | None] = mapped_column(ForeignKey("departments.id"), index=True)
    go_live: Mapped[date | None] = mapped_column(Date)
    active: Mapped[bool] = mapped_column(Boolean, default=True, nullable=False)

    department: Mapped[Department | None] = relationship(back_populates="teams")
    members: Mapped[list["Person"]] = relationship(
        back_populates="team", order_by="Person.name", foreign_keys="Person.team_id"
    )
    superusers: Mapped[list["Person"]] = relationship(
        secondary=superuser_teams, back_populates="supported_teams", order_by="Person.name"
    )


class Person(UserMixin, Entity, db.Model):
    """A member of staff; with a password set, also a user account."""

    __tablename__ = "persons"

    name: Mapped[str] = mapped_column(String(160), nullable=False)
    email: Mapped[str] = mapped_column(String(254), unique=True, nullable=False)
    team_id: Mapped[int | None] = mapped_column(ForeignKey("teams.id"), index=True)
    title: Mapped[str] = mapped_column(String(120), default="", nullable=False)
    active: Mapped[bool] = mapped_column(Boolean, default=True, nullable=False)
    password_hash: Mapped[str | None] = mapped_column(String(255), info={"cpr_exempt": True})
    #: Bumped to invalidate every session of this person ("log out everywhere").
    session_version: Mapped[int] = mapped_column(Integer, default=1, nullable=False)
    last_login_at: Mapped[datetime | None] = mapped_column(DateTime)

    team: Mapped[Team | None] = relationship(back_populates="members", foreign_keys=[team_id])
    role_rows: Mapped[list["PersonRole"]] = relationship(
        back_populates="person", cascade="all, delete-orphan", lazy="selectin"
    )
    supported_teams: Mapped[list[Team]] = relationship(
        secondary=superuser_teams, back_populates="superusers", order_by="Team.name"
    )

    @property
    def roles(self) -> list[str]:
        """The person's roles, in the canonical order."""
        from ..security import ALL_ROLES

        held = {row.role for row in self.role_rows}
        return [role for role in ALL_ROLES if role in held]

    def set_roles(self, roles: Iterable[str]) -> None:
        """Replace the person's roles with `roles` (unknown roles raise ValueError)."""
        from ..security import ALL_ROLES

        wanted = set(roles)
        if wanted - set(ALL_ROLES):
            raise ValueError(f"unknown roles: {sorted(wanted - set(ALL_ROLES))}")
        self.role_rows = [row for row in self.role_rows if row.role in wanted]
        for role in sorted(wanted - {row.role for row in self.role_rows}):
            self.role_rows.append(PersonRole(role=role))

    def has_role(self, role: str) -> bool:
        """True when the person holds `role`."""
        return any(row.role == role for row in self.role_rows)

    def has_any_role(self, roles: Iterable[str]) -> bool:
        """True when the person holds at least one of `roles`."""
        held = {row.role for row in self.role_rows}
        return bool(held.intersection(roles))

    @property
    def is_active(self) -> bool:  # Flask-Login refuses inactive accounts
        """Deactivated persons cannot log in."""
        return self.active

    def get_id(self) -> str:
        """Session identity; includes the session version so old sessions can be revoked."""
        return f"{self.id}:{self.session_version}"

    @property
    def can_log_in(self) -> bool:
        """True when the person is active, has a password and holds at least one role."""
        return self.active and bool(self.password_hash) and bool(self.role_rows)


class PersonRole(db.Model):
    """One role held by one person."""

    __tablename__ = "person_roles"
    __table_args__ = (UniqueConstraint("person_id", "role"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("persons.id", ondelete="CASCADE"), index=True)
    role: Mapped[str] = mapped_column(String(20), nullable=False, index=True)

    person: Mapped[Person] = relationship(back_populates="role_rows")

    def __repr__(self) -> str:
        return f"<PersonRole {self.person_id} {self.role}>"
