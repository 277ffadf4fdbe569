"""Default content written for this product: the VUM themes and the 0–4 scale labels.

Loaded by `flask seed defaults` and by the demo generator; only missing rows are added,
so a municipality's own edits are never overwritten.
"""
from __future__ import annotations

import importlib

from sqlalchemy import select

from implementering.extensions import db
from implementering.settings.models import ScaleLevel, Theme

#: (key, name, kind, description) in the order case workers meet them.
THEMES = [
    ("praktiske_opgaver", "Praktiske opgaver i hjemmet", "aktivitet",
     "Indkøb, madlavning, rengøring, tøjvask og andre gøremål, der holder en husholdning kørende."),
    ("egenomsorg", "Egenomsorg", "aktivitet",
     "At vaske sig, klæde sig på, spise og drikke og passe på sit eget helbred i hverdagen."),
    ("mobilitet", "Mobilitet", "aktivitet",
     "At bevæge sig rundt inde og ude, skifte stilling og bruge transportmidler."),
    ("kommunikation", "Kommunikation", "aktivitet",
     "At forstå andre og gøre sig forstået, i samtale, på skrift og med hjælpemidler."),
    ("samfundsliv", "Samfundsliv", "aktivitet",
     "Uddannelse, arbejde og beskæftigelse samt at klare sin økonomi."),
    ("socialt_liv", "Socialt liv", "aktivitet",
     "Relationer til familie, venner og netværk og deltagelse i fællesskaber og fritidsliv."),
    ("sundhed", "Sundhed", "aktivitet",
     "Fysisk og psykisk velbefindende, brug af sundhedsvæsenet og håndtering af medicin."),
    ("mentale_funktioner", "Mentale funktioner", "funktion",
     "Fx hukommelse, opmærksomhed, overblik, følelsesmæssige reaktioner og energi."),
    ("fysiske_funktioner", "Fysiske funktioner", "funktion",
     "Fx syn, hørelse, smerter, kræfter, udholdenhed og bevægelighed i led og muskler."),
]

#: (value, label, description) of the functional-level scale.
SCALE = [
    (0, "Ingen begrænsninger", "Borgeren klarer det uden vanskeligheder."),
    (1, "Lette begrænsninger", "Borgeren klarer det meste, men med små vanskeligheder eller lidt ekstra tid."),
    (2, "Moderate begrænsninger", "Borgeren klarer dele af det, men har tydelige vanskeligheder en del af tiden."),
    (3, "Svære begrænsninger", "Borgeren klarer kun en lille del af det og har store vanskeligheder det meste af tiden."),
    (4, "Totale begrænsninger", "Borgeren kan ikke selv udføre det."),
]

#: Other domains add their own default loaders here ('module:function', no arguments).
DEFAULT_LOADERS: list[str] = [
    "seeds.defaults_quality:load_quality_defaults",
    "seeds.defaults_plan:load_plan_defaults",
    "seeds.defaults_calibration:load_calibration_defaults",
    "seeds.defaults_pulse:load_pulse_defaults",
    "seeds.defaults_training:load_training_defaults",
]


def load_defaults() -> None:
    """Add missing themes and scale levels, then run every domain's default loader. Commits."""
    have_themes = set(db.session.scalars(select(Theme.key)))
    for position, (key, name, kind, description) in enumerate(THEMES):
        if key not in have_themes:
            db.session.add(Theme(key=key, name=name, kind=kind, description=description, position=position))
    have_levels = set(db.session.scalars(select(ScaleLevel.value)))
    for value, label, description in SCALE:
        if value not in have_levels:
            db.session.add(ScaleLevel(value=value, label=label, description=description))
    db.session.commit()
    for path in DEFAULT_LOADERS:
        module, _, name = path.partition(":")
        getattr(importlib.import_module(module), name)()
    db.session.commit()
