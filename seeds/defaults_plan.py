"""Default readiness questions for each focus area, written for this product.

They follow the guideline's readiness checklists in substance, in our own words. Loading
adds only the questions whose key is missing, so edits and answers are never touched.
"""
from __future__ import annotations

from sqlalchemy import select

from implementering.extensions import db
from implementering.plan.readiness_models import ReadinessItem

#: focus area -> [(key, question)]
READINESS_QUESTIONS: dict[str, list[tuple[str, str]]] = {
    "forandringsledelse": [
        ("fl_hvorfor", "Kan ledelsen forklare med egne ord, hvorfor kommunen indfører VUM?"),
        ("fl_reaktioner", "Har vi aftalt, hvordan vi tager imod tvivl, skepsis og modstand blandt medarbejderne?"),
        ("fl_stoette", "Er der afsat tid og personer til sparring og støtte, mens metoden er ny?"),
        ("fl_tidsplan", "Ved alle berørte, hvad der sker hvornår i forløbet?"),
        ("fl_maal", "Er der formuleret konkrete mål for, hvad metoden skal forbedre?"),
        ("fl_succeser", "Har vi en plan for at fejre og fortælle om de første gode resultater?"),
    ],
    "arbejdsgange": [
        ("ao_paavirkning", "Ved vi, hvilke af vores nuværende arbejdsgange metoden ændrer?"),
        ("ao_tvaers", "Er det afklaret, hvordan vi koordinerer udredning og handleplaner med andre fagområder?"),
        ("ao_udfoerer", "Er arbejdsgangene med udførere om bestilling og opfølgning aftalt?"),
        ("ao_oekonomi", "Er samspillet med økonomifunktionen om betaling og budgetopfølgning på plads?"),
        ("ao_visitation", "Hvis vi har visitationsudvalg: er udvalgets arbejdsgang med indstillinger aftalt?"),
        ("ao_ledelsesinfo", "Har vi besluttet, hvilken ledelsesinformation vi vil trække ud af metoden?"),
        ("ao_omfang", "Er det besluttet, hvilke sagsområder metoden skal bruges på først?"),
    ],
    "roller": [
        ("ro_topledelse", "Har den øverste ledelse taget ejerskab og afsat tid og ressourcer?"),
        ("ro_naermeste", "Ved de nærmeste ledere, hvad der forventes af dem i planlægning og opfølgning?"),
        ("ro_projektleder", "Er der udpeget en projektleder, som har ledelsens opbakning?"),
        ("ro_superbrugere", "Er superbrugerne valgt, og kender de deres rolle over for kollegerne?"),
        ("ro_sagsbehandlere", "Ved sagsbehandlerne, at de må bruge ekstra tid på sagerne i starten?"),
    ],
    "kommunikation": [
        ("ko_plan", "Findes der en kommunikationsplan for indførelsen?"),
        ("ko_hvem", "Har vi besluttet, hvem der skal have besked: udførere, politikere, andre forvaltninger og borgere?"),
        ("ko_hvad", "Er budskabet til hver målgruppe skrevet, og er tidspunkt og kanal valgt?"),
    ],
    "uddannelse": [
        ("ud_forloeb", "Er der planlagt kursus for alle sagsbehandlere, inden de går i gang?"),
        ("ud_straks", "Kommer sagsbehandlerne i gang med metoden kort tid efter kurset?"),
        ("ud_superbrugere", "Har superbrugerne fået ekstra træning, før kollegerne starter?"),
    ],
    "aktivitetsplan": [
        ("ap_ansvarlig", "Er der én, der har ansvaret for at styre implementeringen?"),
        ("ap_plan", "Har planen aktiviteter med datoer, deltagere og ansvarlige?"),
        ("ap_start", "Er go-live besluttet, herunder om teamene starter samtidig eller forskudt?"),
        ("ap_verserende", "Er det besluttet, hvordan igangværende sager håndteres i forhold til nye sager?"),
    ],
    "opfoelgning": [
        ("op_ansvar", "Er det besluttet, hvem der har ansvaret for den løbende opfølgning?"),
        ("op_erfaringer", "Ved vi, hvordan vi samler sagsbehandlernes erfaringer og udfordringer op?"),
        ("op_kvalitet", "Har vi en plan for kvalitetssikring af, hvordan metoden bruges i sagerne?"),
        ("op_netvaerk", "Har vi taget stilling til at deltage i netværk med andre kommuner?"),
    ],
}


def load_plan_defaults() -> None:
    """Add missing default readiness questions (never changes existing ones). Does not commit."""
    have = set(db.session.scalars(select(ReadinessItem.default_key).where(ReadinessItem.default_key.is_not(None))))
    for area, questions in READINESS_QUESTIONS.items():
        for position, (key, question) in enumerate(questions):
            if key not in have:
                db.session.add(ReadinessItem(focus_area=area, question=question, position=position,
                                             default_key=key))
    db.session.flush()
