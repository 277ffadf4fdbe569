"""Default courses for a VUM rollout; only courses missing by name are added."""
from __future__ import annotations

from sqlalchemy import select

from implementering.extensions import db
from implementering.training.models import Course

#: (name, kind, hours, required, description), written for this product.
COURSES = [
    ("VUM-kursus for sagsbehandlere", "vum", 14, True,
     "To dage om metodens principper og redskaber: udredning med fokus på borgerens ressourcer, "
     "0–4-skalaen, faglig vurdering, afgørelse, bestilling og opfølgning. Holdes kort før teamets go-live."),
    ("Superbrugeruddannelse", "superbruger", 21, False,
     "Ekstra uddannelse for superbrugere: metoden i dybden, sparring med kolleger, at lede teammøder "
     "om konkrete sager og at samle op på spørgsmål."),
    ("Opfriskning af VUM", "opfriskning", 3, False,
     "En halv dag efter nogle måneders brug: det, teamene finder svært, og fælles brug af skalaen."),
    ("VUM for ledere", "ledere", 4, False,
     "Ledelse af implementeringen: opfølgning, temperaturmåling på sager og ledelsesinformation."),
]


def load_training_defaults() -> None:
    """Add the default courses that do not exist yet (by name). Does not commit; the loader commits."""
    have = set(db.session.scalars(select(Course.name)))
    for name, kind, hours, required, description in COURSES:
        if name not in have:
            db.session.add(Course(name=name, kind=kind, hours=hours, required=required, description=description))
    db.session.flush()
