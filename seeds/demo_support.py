"""Demo support: a year of superuser support, questions and a knowledge base, experience meetings, actions.

Deterministic (ctx.rng only). Support is most intense in the weeks around a team's go-live and
tapers off; the scale and goal formulation come up most, as the guideline warns. Team meetings
every three weeks discuss two pseudonymous cases each.
"""
from __future__ import annotations

from datetime import timedelta

from implementering.extensions import db
from implementering.security import SUPERBRUGER
from implementering.support.constants import PHASES
from implementering.support.meetings import sync_action_activity, sync_meeting_activity
from implementering.support.models import Action, ExperienceMeeting, Learning, Question, SupportSession
from implementering.support.services import as_datetime

PRINCIPLE_WEIGHTS = {"skala": 9, "maal": 8, "faglig_vurdering": 6, "ressourcer": 5, "inddragelse": 4,
                     "fleksibel_udredning": 4, "afgoerelse": 3}
KIND_WEIGHTS = {"sparring": 45, "spoergsmaal": 28, "sagsgennemgang": 17, "undervisning": 5}

#: Questions and answers written for the demo knowledge base (principle key, question, answer).
QA = [
    ("skala", "Hvornår er en begrænsning 'moderat' og ikke 'svær'?",
     "Se på, hvor meget af tiden og hvor stor en del af aktiviteten borgeren ikke selv klarer. Klarer borgeren "
     "dele af det det meste af tiden, er det typisk moderat. Tag det op på næste teammøde, hvis I er i tvivl."),
    ("skala", "Skal vi score alle temaer, også dem borgeren ikke søger hjælp til?",
     "Nej. Vurdér de temaer, der er relevante for henvendelsen og borgerens situation. Skriv kort, hvorfor et "
     "tema er udeladt."),
    ("skala", "Må jeg skrive 2–3, når jeg er i tvivl?",
     "Nej, vælg ét niveau og begrund det i den faglige vurdering. Tvivlen er et godt emne til en "
     "kalibreringsøvelse."),
    ("maal", "Hvor konkret skal et indsatsmål være?",
     "Så konkret, at I ved opfølgningen kan se, om det er nået: hvad skal borgeren kunne, og hvornår. Ét til "
     "tre mål er bedre end mange."),
    ("maal", "Hvem formulerer målene: borgeren eller jeg?",
     "I gør det sammen. Brug borgerens egne ord, hvor det kan lade sig gøre, og skriv målet, så udføreren kan "
     "arbejde med det."),
    ("maal", "Skal målene i bestillingen være de samme som i handleplanen?",
     "Bestillingen bygger på handleplanens mål, men kan være mere detaljeret om, hvad udføreren konkret skal gøre."),
    ("faglig_vurdering", "Hvad er forskellen på sagsoplysning og faglig vurdering?",
     "Sagsoplysningen beskriver, hvad du ved, og hvor det kommer fra. Den faglige vurdering er din samlede "
     "analyse af, hvad det betyder for borgerens behov. Hold dem adskilt."),
    ("faglig_vurdering", "Hvor lang skal den faglige vurdering være?",
     "Så kort som muligt og så lang som nødvendigt. Den skal kunne læses alene og bære afgørelsen."),
    ("ressourcer", "Hvordan beskriver jeg ressourcer hos en borger, der selv mener ikke at have nogen?",
     "Spørg til hverdagen: hvad lykkes, hvem hjælper, hvad har borgeren klaret før. Ressourcer kan også være "
     "netværk, interesser og motivation."),
    ("ressourcer", "Skal ressourcer stå under hvert tema?",
     "Ja, hvor det giver mening. Det gør det tydeligt, hvad indsatsen kan bygge videre på."),
    ("inddragelse", "Hvordan inddrager vi borgere, der ikke ønsker at deltage i udredningen?",
     "Tilbyd forskellige former: et kort møde, en pårørende med, eller et hjemmebesøg. Notér, hvordan borgeren "
     "er inddraget, og hvad borgeren selv har sagt."),
    ("inddragelse", "Skal borgeren se udredningen, før afgørelsen træffes?",
     "Det er god praksis at gennemgå hovedpunkterne med borgeren, så misforståelser kan rettes i tide."),
    ("fleksibel_udredning", "Må vi springe temaer over i udredningen?",
     "Ja. Udredningen skal tilpasses sagen: udred det, der er relevant for henvendelsen, og gå i dybden, hvor "
     "sagen kræver det."),
    ("fleksibel_udredning", "Skal vi lave en fuld udredning ved en simpel ændringssag?",
     "Nej, en ændringssag kan ofte klares med en opdatering af de berørte temaer."),
    ("afgoerelse", "Hvor meget skal afgørelsen henvise til udredningen?",
     "Afgørelsen skal kunne forstås af borgeren. Henvis til de væsentligste oplysninger og din vurdering, og "
     "gentag ikke hele udredningen."),
    ("afgoerelse", "Hvordan begrunder jeg et delvist afslag?",
     "Knyt begrundelsen til de konkrete behov og mål: hvad bevilges, hvad ikke, og hvorfor. Husk klagevejledning."),
    ("skala", "Vurderer vi funktionsniveau med eller uden hjælpemidler?",
     "Med de hjælpemidler, borgeren har og bruger. Skriv det i beskrivelsen af temaet."),
    ("maal", "Hvad gør vi, når borgerens mål er urealistisk?",
     "Tag udgangspunkt i borgerens ønske og find sammen et delmål, der er et realistisk skridt på vejen."),
]
OPEN_QUESTIONS = [
    ("skala", "Hvordan scorer vi svingende funktionsniveau hos borgere med psykisk sygdom?"),
    ("afgoerelse", "Kan vi genbruge skabelonen til afgørelser fra det gamle system?"),
    ("maal", "Hvor ofte skal vi følge op på mål i botilbud?"),
    ("faglig_vurdering", "Skal lederen godkende den faglige vurdering i dyre sager?"),
    ("inddragelse", "Hvordan dokumenterer vi inddragelse af pårørende?"),
    (None, "Hvornår kommer den nye version af udredningsskemaet i fagsystemet?"),
]
LEARNINGS = {
    "virker": ["Skalaen giver et fælles sprog i teamet", "Teammøderne med to sager er værdifulde",
               "Superbrugerne er lette at få fat i", "Udredningerne er blevet mere ensartede",
               "Borgerne oplever at blive hørt", "Bestillingerne er blevet mere præcise"],
    "svaert": ["Målene bliver for brede", "Det tager lang tid at skrive den faglige vurdering",
               "Svært at holde sagsoplysning og vurdering adskilt", "Skalaen bruges forskelligt på tværs af teams",
               "Ændringssager føles tunge"],
    "kritik": ["For mange felter i skemaet", "Fagsystemet understøtter ikke metoden godt nok",
               "Uddannelsen lå for længe før go-live"],
    "usikkerhed": ["Hvornår er noget en 3?", "Skal alle temaer udfyldes?", "Hvordan følger vi op på mål?"],
    "resultat": ["De første 100 sager er behandlet med VUM", "Færre genhenvendelser fra udførerne",
                 "Kortere afgørelser, som borgerne forstår"],
}
ACTIONS = [
    ("Workshop om målformulering", "Målene bliver for brede"),
    ("Kalibreringsøvelse på 0–4-skalaen på tværs af teams", "Skalaen bruges forskelligt på tværs af teams"),
    ("Skabelon til kort faglig vurdering", "Det tager lang tid at skrive den faglige vurdering"),
    ("Tag felterne i fagsystemet op med leverandøren", "Fagsystemet understøtter ikke metoden godt nok"),
    ("Kort guide til ændringssager", "Ændringssager føles tunge"),
    ("Fejr de første 100 sager i hele afdelingen", "De første 100 sager er behandlet med VUM"),
    ("Læg uddannelsen tættere på go-live for de sidste teams", "Uddannelsen lå for længe før go-live"),
]


def _weighted(rng, weights: dict, k: int = 1) -> list[str]:
    """k distinct keys drawn by weight."""
    keys, chosen = list(weights), []
    while len(chosen) < min(k, len(keys)):
        pick = rng.choices(keys, weights=[weights[key] for key in keys])[0]
        if pick not in chosen:
            chosen.append(pick)
    return chosen


def _sessions_for_team(ctx, superuser, team, sessions, share: float = 1.0) -> None:
    """A year of support by `superuser` in `team`, densest around go-live."""
    rng, today = ctx.rng, ctx.today
    if team.go_live is None:
        return
    # Superusers start preparing colleagues months before go-live (after their own training).
    start = max(today - timedelta(days=364), team.go_live - timedelta(days=120))
    members = [p.name.split(" ")[0] for p in team.members if p.active] or ["kollega"]
    day, last_meeting = start, None
    while day <= today:
        weeks_live = (day - team.go_live).days / 7
        per_week = 0.3 if weeks_live < -6 else 0.7 if weeks_live < 0 else (3.0 if weeks_live < 8 else (1.6 if weeks_live < 20 else 0.9))
        for _ in range(_poisson(rng, per_week * share)):
            when = day + timedelta(days=rng.randint(0, 4))
            if when > today:
                continue
            kind = _weighted(rng, KIND_WEIGHTS)[0]
            minutes = {"sparring": rng.choice([10, 15, 15, 30, 30, 45]), "spoergsmaal": rng.choice([10, 10, 15]),
                       "sagsgennemgang": rng.choice([30, 45, 60, 90]), "undervisning": rng.choice([60, 90, 120])}[kind]
            sessions.append(SupportSession(
                superuser=superuser, team=team, kind=kind, day=when, minutes=minutes,
                participant_count=1 if kind in ("sparring", "spoergsmaal") else rng.randint(2, 9),
                principles=",".join(_weighted(rng, PRINCIPLE_WEIGHTS, rng.choice([1, 1, 2, 2, 3]))),
                phases=",".join(rng.sample(list(PHASES), rng.choice([1, 1, 2]))),
                follow_up=rng.random() < 0.15))
        # A team meeting with two cases every third week from go-live on.
        if day >= team.go_live and (last_meeting is None or (day - last_meeting).days >= 21) and share >= 1:
            last_meeting = day
            presenters = rng.sample(members, min(2, len(members)))
            sessions.append(SupportSession(
                superuser=superuser, team=team, kind="teammoede", day=day + timedelta(days=2), minutes=rng.choice([120, 150, 180]),
                participant_count=max(len(members) - rng.randint(0, 3), 2),
                principles=",".join(_weighted(rng, PRINCIPLE_WEIGHTS, 3)), phases="udredning,afgoerelse",
                case_ref_1=f"SAG-{rng.randint(1000, 9999)}", case_ref_2=f"SAG-{rng.randint(1000, 9999)}",
                next_presenter=" og ".join(presenters)))
        day += timedelta(days=7)


def _poisson(rng, mean: float) -> int:
    """A small Poisson draw (Knuth) from the demo's random generator."""
    import math

    limit, k, p = math.exp(-mean), 0, 1.0
    while True:
        p *= rng.random()
        if p <= limit:
            return k
        k += 1


def build_support_demo(ctx) -> None:
    """Support log, questions, knowledge base, experience meetings and actions for the demo municipality."""
    rng, today = ctx.rng, ctx.today
    leader = ctx.accounts.get("projektleder@demo.dk")
    demo_superuser = ctx.accounts.get("superbruger@demo.dk")
    sessions: list[SupportSession] = []
    for person in ctx.persons:
        if not person.has_role(SUPERBRUGER):
            continue
        for team in person.supported_teams:
            _sessions_for_team(ctx, person, team, sessions, share=1.0 if person is not demo_superuser else 0.8)
    sessions.sort(key=lambda s: s.day)
    db.session.add_all(sessions)
    # Questions: each bank question once, answered when old enough; a few still open.
    questions = []
    candidates = [s for s in sessions if s.kind in ("spoergsmaal", "sparring")]
    for principle, text, answer in QA:
        session = rng.choice(candidates)
        question = Question(text=text, session=session, team=session.team, asked_by=session.superuser,
                            principle=principle, created_at=as_datetime(session.day))
        if (today - session.day).days > 10 and rng.random() < 0.9:
            question.answer, question.status = answer, "besvaret"
            question.answered_by = leader if rng.random() < 0.5 else session.superuser
            question.answered_at = as_datetime(min(session.day + timedelta(days=rng.randint(1, 9)), today))
        questions.append(question)
    recent = [s for s in candidates if (today - s.day).days < 45] or candidates
    for principle, text in OPEN_QUESTIONS:
        session = rng.choice(recent)
        questions.append(Question(text=text, session=session, team=session.team, asked_by=session.superuser,
                                  principle=principle, created_at=as_datetime(session.day)))
    db.session.add_all(questions)
    meetings, actions = _meetings(ctx, leader)
    ctx.summary.update(support_sessions=len(sessions), support_questions=len(questions),
                       experience_meetings=len(meetings), actions=len(actions))


def _meetings(ctx, leader):
    """An experience meeting for everyone every five weeks over the year, learnings, and actions from them."""
    rng, today = ctx.rng, ctx.today
    first_live = min((t.go_live for t in ctx.teams if t.go_live), default=today)
    owners = [p for p in (leader, ctx.accounts.get("superbruger@demo.dk"), ctx.accounts.get("leder@demo.dk"),
                          ctx.accounts.get("sagsbehandler@demo.dk")) if p is not None]
    meetings, actions = [], []
    day, number = max(first_live - timedelta(days=35), today - timedelta(days=364)), 1
    pending = list(ACTIONS)
    while day <= today + timedelta(days=30):
        held = day <= today
        meeting = ExperienceMeeting(title=f"Erfaringsopsamling {number}", day=day, facilitator=leader,
                                    participant_count=rng.randint(18, 40) if held else None,
                                    summary="Fælles opsamling for alle teams, der arbejder med VUM." if held else "")
        if held:
            for category, texts in LEARNINGS.items():
                for text in rng.sample(texts, rng.randint(1, min(2, len(texts)))):
                    meeting.learnings.append(Learning(category=category, text=text))
        db.session.add(meeting)
        meetings.append(meeting)
        db.session.flush()
        sync_meeting_activity(meeting, today=today)
        if held and pending and rng.random() < 0.85:
            title, learning_text = pending.pop(0)
            learning = next((item for item in meeting.learnings if item.text == learning_text), None)
            if learning is None:
                learning = Learning(category=_category_of(learning_text), text=learning_text)
                meeting.learnings.append(learning)
            due = day + timedelta(days=rng.choice([21, 28, 42]))
            action = Action(title=title, meeting=meeting, learning=learning, owner=rng.choice(owners), due=due,
                            created_at=as_datetime(day))
            if due < today - timedelta(days=14) and rng.random() < 0.75:
                action.status, action.closed_on = "lukket", due - timedelta(days=rng.randint(0, 6))
                action.outcome = "Gennemført som planlagt."
            db.session.add(action)
            db.session.flush()
            sync_action_activity(action, start=day)
            actions.append(action)
        day += timedelta(weeks=5)
        number += 1
    return meetings, actions


def _category_of(text: str) -> str:
    """The learning category a bank text belongs to."""
    return next((key for key, texts in LEARNINGS.items() if text in texts), "svaert")
