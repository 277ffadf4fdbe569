"""Default calibration vignettes written for this product, with the panel's reference ratings.

The cases are invented. Each reasoning follows VUM's rule: body functions are rated as
the citizen functions without any help; activity and participation with the citizen's
medicine and aids, but without support from services or network.
Loaded by `flask seed defaults` (only vignettes whose title is missing are added).
"""
from __future__ import annotations

from sqlalchemy import select

from implementering.calibration.models import Vignette, VignetteTheme
from implementering.extensions import db
from implementering.settings.models import Theme

#: (title, text, {theme key: (reference, reasoning)})
VIGNETTES = [
    (
        "Kvinde, 34 år, skizofreni",
        "Mira bor alene i en lejlighed i byen. Hun fik stillet diagnosen skizofreni for ti år siden og tager "
        "antipsykotisk medicin, men glemmer den flere gange om ugen. Hun hører stemmer de fleste dage, især om "
        "aftenen, og bliver så urolig, at hun ikke kan overskue at gå ud.\n\n"
        "Køleskabet er ofte tomt, og der står opvask i flere dage. Hun kan lave en enkel ret, når hun har det godt. "
        "Hun vasker sig og skifter tøj, men kun når hendes mor minder hende om det. Regninger bliver liggende, og "
        "hun har fået to rykkere for husleje. Hun har ikke arbejdet i seks år.\n\n"
        "Mira ser sin mor en gang om ugen og har ellers ingen venner. Hun siger selv, at hun gerne vil have et "
        "sted at komme, hvor hun kan være sammen med andre uden at skulle præstere.",
        {
            "praktiske_opgaver": (3, "Indkøb, opvask og rengøring bliver kun gjort i gode perioder; det meste af tiden klarer hun en lille del."),
            "egenomsorg": (2, "Hun kan selv, men gør det kun med påmindelser; morens hjælp tæller ikke med i vurderingen."),
            "mobilitet": (0, "Ingen fysiske begrænsninger i at bevæge sig; at hun bliver hjemme skyldes uro, som hører under andre temaer."),
            "kommunikation": (1, "Hun forstår og udtrykker sig, men samtaler bliver usammenhængende, når stemmerne fylder."),
            "samfundsliv": (3, "Ingen beskæftigelse i seks år og svært ved at styre økonomien, jf. rykkerne."),
            "socialt_liv": (3, "Kontakt til moren som eneste relation; hun ønsker fællesskab, men kan ikke selv opsøge det."),
            "sundhed": (3, "Medicinen tages uregelmæssigt, og symptomerne er til stede de fleste dage."),
            "mentale_funktioner": (3, "Hørehallucinationer dagligt og nedsat overblik; vurderes uden hensyn til støtte."),
            "fysiske_funktioner": (0, "Intet beskrevet, der peger på nedsatte fysiske funktioner."),
        },
    ),
    (
        "Mand, 52 år, blodprop i hjernen",
        "Jens fik for et år siden en blodprop i højre side af hjernen. Han har nedsat kraft i venstre arm og ben. "
        "Indendørs går han med rollator og klarer sig sikkert; udendørs bruger han en manuel kørestol, som han "
        "ikke selv kan køre over længere strækninger.\n\n"
        "Han bliver hurtigt træt og skal hvile efter et par timers aktivitet. Han glemmer aftaler, hvis de ikke "
        "står i kalenderen på telefonen, men med kalenderen husker han dem. Han kan tage bad siddende på en "
        "badebænk, men har brug for hjælp til strømper og knapper. Hustruen står for madlavning og indkøb.\n\n"
        "Jens var lagerchef og vil gerne tilbage på arbejdsmarkedet i et mindre omfang. Han taler klart og "
        "deltager gerne i samtaler.",
        {
            "praktiske_opgaver": (3, "Uden hustruens hjælp klarer han kun en lille del af madlavning og indkøb."),
            "egenomsorg": (2, "Med badebænken klarer han badet, men påklædning kræver hjælp ved strømper og knapper."),
            "mobilitet": (2, "Med rollator indendørs går det sikkert; udendørs er han begrænset over længere afstande trods kørestolen."),
            "kommunikation": (0, "Taler klart og deltager i samtaler uden vanskeligheder."),
            "samfundsliv": (3, "Har ikke arbejdet siden blodproppen; ønsket om at vende tilbage er en ressource."),
            "socialt_liv": (1, "Deltager gerne i samvær; trætheden sætter en mindre grænse."),
            "sundhed": (2, "Udtalt træthed, som styrer dagen; ellers stabil."),
            "mentale_funktioner": (2, "Hukommelsen er nedsat uden hjælp; at kalenderen kompenserer, indgår ikke i funktionsvurderingen."),
            "fysiske_funktioner": (3, "Nedsat kraft i venstre side og lav udholdenhed, vurderet uden hjælpemidler."),
        },
    ),
    (
        "Mand, 41 år, hjemløs med alkoholafhængighed",
        "Kim har boet på herberg i otte måneder efter at være sat ud af sin lejlighed. Han drikker dagligt, som "
        "regel fra formiddagen. Han har sukkersyge og passer ikke sin behandling; han er to gange kørt på "
        "skadestuen med lavt blodsukker.\n\n"
        "Han vasker sit tøj på herberget og holder orden på sit værelse. Han spiser i cafeen, når han har penge, "
        "og hans kontanthjælp er som regel brugt efter ti dage. Han går meget og cykler rundt i byen.\n\n"
        "Kim har en voksen datter, som han ikke har set i tre år. Han har et par venner på herberget, men siger "
        "selv, at de fleste af dem også drikker.",
        {
            "praktiske_opgaver": (2, "Tøjvask og orden klarer han; indkøb og mad hænger ikke sammen, når pengene slipper op."),
            "egenomsorg": (1, "Holder sig ren og klædt på; mindre vanskeligheder med at spise regelmæssigt."),
            "mobilitet": (0, "Går og cykler uden problemer."),
            "kommunikation": (0, "Intet beskrevet, der tyder på vanskeligheder."),
            "samfundsliv": (4, "Ingen bolig, ingen beskæftigelse og kan ikke få økonomien til at række."),
            "socialt_liv": (3, "Brud med datteren og et netværk præget af misbrug."),
            "sundhed": (4, "Dagligt misbrug og ubehandlet sukkersyge med akutte indlæggelser."),
            "mentale_funktioner": (2, "Afhængigheden styrer dagen; ingen tegn på kognitive skader beskrevet."),
            "fysiske_funktioner": (1, "Sukkersygen påvirker kroppen, men han er fysisk aktiv og stærk."),
        },
    ),
    (
        "Kvinde, 23 år, autisme og angst",
        "Sofie bor hjemme hos sine forældre og har en diagnose inden for autismespektret. Hun har taget en "
        "studentereksamen med tilpasninger, men stoppede på en videregående uddannelse efter to måneder, fordi "
        "hun fik angstanfald i forelæsningerne.\n\n"
        "Hun klarer sin personlige hygiejne og kan lave mad efter opskrift. Hun bliver usikker i butikker med "
        "mange mennesker og handler helst om aftenen eller på nettet. Telefonopkald undgår hun helt; skriftligt "
        "udtrykker hun sig præcist.\n\n"
        "Sofie har én veninde, som hun ser jævnligt, og spiller online spil med andre. Hun vil gerne flytte "
        "hjemmefra og i gang med en uddannelse igen.",
        {
            "praktiske_opgaver": (1, "Klarer mad og indkøb med små omveje; forældrene gør det meste i hjemmet, men det tæller ikke med."),
            "egenomsorg": (0, "Klarer sin personlige pleje."),
            "mobilitet": (1, "Fysisk uden problemer, men undgår offentlig transport i myldretiden."),
            "kommunikation": (2, "Skriftligt sikker, men undgår telefonsamtaler og har svært ved mundtlig kontakt med fremmede."),
            "samfundsliv": (3, "Afbrudt uddannelse og ingen beskæftigelse; tydeligt ønske om at komme videre."),
            "socialt_liv": (2, "Én nær veninde og fællesskab online; begrænset kontakt ud over det."),
            "sundhed": (1, "Angsten er den væsentligste belastning; fysisk rask."),
            "mentale_funktioner": (2, "Angst i sociale situationer og nedsat fleksibilitet ved forandringer."),
            "fysiske_funktioner": (0, "Intet beskrevet, der peger på nedsatte fysiske funktioner."),
        },
    ),
    (
        "Kvinde, 61 år, sclerose",
        "Birte har haft sclerose i tyve år og bruger i dag el-kørestol både ude og inde. Hun kan ikke stå eller gå. "
        "Boligen er tilpasset med loftlift og forhøjet toilet. Hun har god kraft i armene, men rysten gør det svært "
        "at skrive i hånden.\n\n"
        "Hun klarer selv at spise og at vaske overkroppen; forflytninger kan hun ikke klare selv, heller ikke med "
        "liften. Hun styrer husholdningens økonomi på computeren og planlægger indkøb, som leveres. Madlavning "
        "kan hun kun delvist, fordi hun ikke kan nå komfuret.\n\n"
        "Birte er formand for den lokale patientforening og har mange venner. Hun bliver hurtigt træt sidst på "
        "dagen og har perioder med nedtrykthed.",
        {
            "praktiske_opgaver": (3, "Planlægger selv, men kan kun udføre en lille del af madlavning og rengøring fra kørestolen."),
            "egenomsorg": (3, "Spiser og vasker overkroppen selv; resten af den personlige pleje og alle forflytninger kræver andre."),
            "mobilitet": (2, "Med el-kørestolen kommer hun rundt ude og inde; forflytninger kan hun ikke selv."),
            "kommunikation": (1, "Taler og bruger computer uden problemer; rysten gør håndskrift svær."),
            "samfundsliv": (1, "Styrer økonomien og har en aktiv rolle i foreningen."),
            "socialt_liv": (0, "Stort netværk og aktiv i fællesskaber."),
            "sundhed": (2, "Fremadskridende sygdom med træthed og perioder med nedtrykthed."),
            "mentale_funktioner": (1, "Træthed og periodisk nedtrykthed; ingen kognitive vanskeligheder beskrevet."),
            "fysiske_funktioner": (4, "Kan hverken stå eller gå og har rysten; vurderes uden hjælpemidler."),
        },
    ),
]


def load_calibration_defaults() -> None:
    """Add the default vignettes (and their reference ratings) whose titles are missing. Commits."""
    have = set(db.session.scalars(select(Vignette.title)))
    themes = {theme.key: theme for theme in db.session.scalars(select(Theme))}
    for title, text, references in VIGNETTES:
        if title in have:
            continue
        vignette = Vignette(title=title, text=text)
        for key, (value, reason) in references.items():
            theme = themes.get(key)
            if theme is not None:
                vignette.items.append(VignetteTheme(theme=theme, position=theme.position,
                                                    reference_value=value, reference_reason=reason))
        vignette.items.sort(key=lambda item: item.position)
        db.session.add(vignette)
    db.session.commit()
