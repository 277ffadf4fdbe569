"""The default quality criteria set, written for this product from the principles the VUM guideline
singles out and the audit form's themes. Added only when no set of that name exists."""
from __future__ import annotations

from sqlalchemy import select

from implementering.extensions import db
from implementering.quality.criteria import create_version
from implementering.quality.models import CriteriaSet

DEFAULT_SET_NAME = "Standardkriterier for VUM-sager"

#: (key, group, text, guidance)
DEFAULT_CRITERIA = [
    ("ressourcer", "Udredning", "Det fremgår, hvad borgeren selv kan, og hvilke ressourcer borgeren og netværket har.",
     "Se efter mere end begrænsninger: styrker, ønsker og hvad der allerede fungerer."),
    ("fleksibel_udredning", "Udredning", "Udredningen bruger de dele af skemaet, der er relevante for netop denne sag.",
     "Hverken tomme felter for formens skyld eller vigtige temaer, der mangler."),
    ("skala_begrundet", "Udredning", "Hver vurdering på 0–4-skalaen er underbygget af oplysningerne i sagen.",
     "Kan en kollega se, hvorfor temaet fik netop det tal?"),
    ("borgerinddragelse", "Borgerens deltagelse", "Borgeren har været inddraget, og borgerens egne synspunkter står i sagen.",
     "Fx citater, borgerens mål med egne ord, eller hvorfor inddragelse ikke var mulig."),
    ("formaal", "Formål og mål", "Formålet med indsatsen er tydeligt beskrevet.", ""),
    ("smarte_maal", "Formål og mål", "Målene er konkrete og har både succeskriterier og en tidsramme.",
     "Specifikke, målbare, accepterede, realistiske og tidsbestemte; hellere få klare mål end mange uklare."),
    ("omfang_varighed", "Formål og mål", "Indsatsens omfang og varighed er angivet.", ""),
    ("sammenhaeng", "Formål og mål", "Der er en tydelig rød tråd mellem formål, mål og de indsatser, der er bevilget.", ""),
    ("faglig_vurdering", "Vurdering og afgørelse", "Den faglige vurdering står adskilt fra de faktiske oplysninger.",
     "Fakta i udredningen, sagsbehandlerens vurdering og konklusion for sig."),
    ("individuel_begrundelse", "Vurdering og afgørelse", "Afgørelsen er begrundet konkret og individuelt for denne borger.",
     "Ikke kun standardformuleringer eller henvisning til serviceniveau."),
]


def load_quality_defaults() -> None:
    """Add the default criteria set (version 1) if it is missing. Commits when it adds it."""
    if db.session.scalar(select(CriteriaSet.id).where(CriteriaSet.name == DEFAULT_SET_NAME)):
        return
    criteria_set = CriteriaSet(name=DEFAULT_SET_NAME, description=(
        "Kriterier for kvalitetstjek og audit af sager behandlet med VUM: ressourcer, udredning, skala, "
        "borgerinddragelse, mål og afgørelse."))
    create_version(criteria_set, [{"key": k, "group": g, "text": t, "guidance": h} for k, g, t, h in DEFAULT_CRITERIA],
                   note="Første version")
