"""The default pulse question set, written for this product. Adds only what is missing."""
from __future__ import annotations

from sqlalchemy import select

from implementering.extensions import db
from implementering.pulse.models import COMMENT, SCALE, Item, QuestionSet

DEFAULT_SET_KEY = "standard"

#: (key, short label, wording, kind) in the order they are asked.
DEFAULT_ITEMS = [
    ("motivation", "Motivation", "Lige nu har jeg lyst til at arbejde med VUM i mine sager.", SCALE),
    ("mening", "Mening", "Metoden gør mit arbejde med borgernes sager bedre.", SCALE),
    ("kompetence", "Kompetence", "Jeg føler mig sikker nok til at bruge metoden på egen hånd.", SCALE),
    ("stoette", "Støtte", "Når jeg går i stå, kan jeg få den hjælp og sparring, jeg har brug for.", SCALE),
    ("tid", "Tid", "Der er tid i min hverdag til at lære og øve metoden.", SCALE),
    ("kommentar", "Kommentar", "Er der noget, du gerne vil sige om arbejdet med VUM lige nu?", COMMENT),
]


def load_pulse_defaults() -> QuestionSet:
    """Create the default question set and any of its missing items (never changes existing wording)."""
    question_set = db.session.scalar(select(QuestionSet).where(QuestionSet.key == DEFAULT_SET_KEY))
    if question_set is None:
        question_set = QuestionSet(key=DEFAULT_SET_KEY, name="Motivationspuls (standard)",
                                   description="Fem udsagn på en skala fra helt uenig til helt enig og en "
                                               "valgfri kommentar.")
        db.session.add(question_set)
        db.session.flush()
    have = set(db.session.scalars(select(Item.key).where(Item.question_set_id == question_set.id)))
    for position, (key, label, text, kind) in enumerate(DEFAULT_ITEMS):
        if key not in have:
            db.session.add(Item(question_set_id=question_set.id, key=key, version=1, label=label, text=text,
                                kind=kind, position=position, active=True))
    db.session.commit()
    return question_set
