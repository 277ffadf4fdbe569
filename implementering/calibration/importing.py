"""Importing ratings from a paper calibration exercise (CSV or XLSX), all rows or none.

Two layouts are accepted:

* long: one rating per row, columns `rater, vignette, theme, value` (or `rater, unit,
  value` with unit written "vignette/theme");
* wide: one row per rater and vignette, columns `rater, vignette` and one column per theme.

Raters are found by e-mail or by unique name, vignettes by their number in the round or
by title, themes by key or name. An empty value, "ir" or "ikke relevant" is stored as
missing ("ikke relevant"), never as a number.
"""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select

from ..extensions import db
from ..i18n import _
from ..people.models import Person
from ..privacy import contains_cpr, redact_cpr
from ..tabular import ImportReport, Row, normalise_header
from .models import SOURCE_PAPER, CalibrationRound, Rating, Submission

RATER_COLUMNS = ("rater", "bedømmer", "bedommer", "e-mail", "email", "navn")
VIGNETTE_COLUMNS = ("vignette", "vignet", "case")
THEME_COLUMNS = ("theme", "tema")
UNIT_COLUMNS = ("unit", "enhed")
VALUE_COLUMNS = ("value", "værdi", "vaerdi", "score")
REASON_COLUMNS = ("reason", "begrundelse")
MISSING_WORDS = {"", "ir", "ikke relevant", "i.r.", "na", "n/a", "-", "–"}


@dataclass
class _Parsed:
    """One validated rating from the file."""

    line: int
    rater: Person
    vignette_id: int
    theme_id: int
    value: int | None
    reason: str


def parse_value(text: str) -> tuple[bool, int | None]:
    """'3' → (True, 3); '' / 'ir' / 'ikke relevant' → (True, None); anything else → (False, None)."""
    cleaned = (text or "").strip().lower()
    if cleaned in MISSING_WORDS:
        return True, None
    if cleaned.endswith(".0") or cleaned.endswith(",0"):
        cleaned = cleaned[:-2]
    if cleaned in {"0", "1", "2", "3", "4"}:
        return True, int(cleaned)
    return False, None


class _Lookups:
    """Finds raters, vignettes and themes for one round, with Danish problems for misses."""

    def __init__(self, round_: CalibrationRound):
        self.round = round_
        self.vignettes = {}
        self.themes_by_vignette = {}
        themes = {}
        for number, vignette in enumerate(round_.vignettes, start=1):
            for key in (str(number), vignette.title.strip().lower(), f"v{number}"):
                self.vignettes[key] = vignette
            self.themes_by_vignette[vignette.id] = {item.theme_id for item in vignette.items}
            for item in vignette.items:
                themes[item.theme.key.lower()] = item.theme
                themes[item.theme.name.strip().lower()] = item.theme
        self.themes = themes
        self._people: dict[str, Person | None] = {}

    def rater(self, text: str) -> Person | None:
        """The person with this e-mail, or the only person with this name."""
        key = text.strip().lower()
        if key not in self._people:
            person = db.session.scalar(select(Person).where(func.lower(Person.email) == key))
            if person is None:
                matches = list(db.session.scalars(select(Person).where(func.lower(Person.name) == key).limit(2)))
                person = matches[0] if len(matches) == 1 else None
            self._people[key] = person
        return self._people[key]

    def theme(self, text: str):
        """The theme with this key or name among the round's themes, or None."""
        return self.themes.get(normalise_header(text))


def _first(headers: list[str], names: tuple[str, ...]) -> str | None:
    """The first of `names` present among `headers`."""
    return next((name for name in names if name in headers), None)


def _check_common(row: Row, lookups: _Lookups, rater_col: str, vignette_text: str,
                  report: ImportReport):
    """Validate rater and vignette of a row; return (rater, vignette) or None after recording a problem."""
    rater_text = row.get(rater_col)
    rater = lookups.rater(rater_text) if rater_text else None
    if rater is None:
        report.add_problem(row.line, _("Bedømmeren '%(r)s' findes ikke (brug e-mail eller entydigt navn).",
                                       r=rater_text))
        return None
    vignette = lookups.vignettes.get(vignette_text.strip().lower()) if vignette_text else None
    if vignette is None:
        report.add_problem(row.line, _("Vignetten '%(v)s' er ikke med i runden (brug nummer eller titel).",
                                       v=vignette_text))
        return None
    return rater, vignette


def _parse_long(headers, rows, lookups, report) -> list[_Parsed]:
    """Validate long-format rows."""
    rater_col = _first(headers, RATER_COLUMNS)
    value_col = _first(headers, VALUE_COLUMNS)
    vignette_col, theme_col = _first(headers, VIGNETTE_COLUMNS), _first(headers, THEME_COLUMNS)
    unit_col = _first(headers, UNIT_COLUMNS)
    reason_col = _first(headers, REASON_COLUMNS)
    if not (vignette_col and theme_col) and not unit_col:
        report.add_problem(1, _("Filen mangler kolonnerne 'vignette' og 'tema' (eller 'unit' skrevet som vignette/tema)."))
        return []
    parsed = []
    for row in rows:
        if vignette_col and theme_col:
            vignette_text, theme_text = row.get(vignette_col), row.get(theme_col)
        else:
            vignette_text, _sep, theme_text = row.get(unit_col).partition("/")
        found = _check_common(row, lookups, rater_col, vignette_text, report)
        if found is None:
            continue
        rater, vignette = found
        theme = lookups.theme(theme_text)
        if theme is None or theme.id not in lookups.themes_by_vignette[vignette.id]:
            report.add_problem(row.line, _("Temaet '%(t)s' skal ikke vurderes i vignetten '%(v)s'.",
                                           t=theme_text, v=vignette.title))
            continue
        ok, value = parse_value(row.values.get(value_col, ""))
        if not ok:
            report.add_problem(row.line, _("Værdien '%(v)s' er ugyldig: brug 0-4, 'ir' eller lad feltet stå tomt.",
                                           v=row.values.get(value_col, "")))
            continue
        parsed.append(_Parsed(row.line, rater, vignette.id, theme.id, value,
                              row.get(reason_col) if reason_col else ""))
    return parsed


def _parse_wide(headers, rows, lookups, report) -> list[_Parsed]:
    """Validate wide-format rows (one column per theme)."""
    rater_col = _first(headers, RATER_COLUMNS)
    vignette_col = _first(headers, VIGNETTE_COLUMNS)
    theme_cols = {h: lookups.theme(h) for h in headers if h not in (rater_col, vignette_col) and h}
    unknown = [h for h, theme in theme_cols.items() if theme is None]
    if vignette_col is None or not any(theme_cols.values()) or unknown:
        detail = redact_cpr(", ".join(unknown)) if unknown else ""  # a header may hold a CPR number
        report.add_problem(1, _("Kolonnerne skal være bedømmer, vignette og et tema pr. kolonne. Ukendte kolonner: %(d)s",
                                d=detail or _("ingen")))
        return []
    parsed = []
    for row in rows:
        found = _check_common(row, lookups, rater_col, row.get(vignette_col), report)
        if found is None:
            continue
        rater, vignette = found
        for header, theme in theme_cols.items():
            raw = row.values.get(header, "")
            if theme.id not in lookups.themes_by_vignette[vignette.id]:
                if raw.strip():
                    report.add_problem(row.line, _("Temaet '%(t)s' skal ikke vurderes i vignetten '%(v)s'.",
                                                   t=theme.name, v=vignette.title))
                continue
            ok, value = parse_value(raw)
            if not ok:
                report.add_problem(row.line, _("Værdien '%(v)s' i kolonnen '%(c)s' er ugyldig: brug 0-4, 'ir' eller tomt felt.",
                                               v=raw, c=header))
                continue
            parsed.append(_Parsed(row.line, rater, vignette.id, theme.id, value, ""))
    return parsed


def import_ratings(round_: CalibrationRound, headers: list[str], rows: list[Row],
                   dry_run: bool = False) -> ImportReport:
    """Import paper ratings into `round_` as final submissions; all rows or none. Commits unless dry_run.

    Refuses rows with a CPR number, unknown raters, vignettes or themes, invalid values,
    the same rating twice, and raters who already submitted in the app. A rater's draft
    in the app is replaced. `report.created` counts ratings, `report.updated` raters.
    """
    report = ImportReport()
    if not rows:
        report.add_problem(1, _("Filen har ingen rækker med vurderinger."))
        return report
    if not _first(headers, RATER_COLUMNS):
        report.add_problem(1, _("Filen mangler kolonnen 'rater' (eller 'bedømmer').", ))
        return report
    clean_rows = []
    for row in rows:
        if any(contains_cpr(value) for value in row.values.values()):
            # Say nothing else about this row: another message could echo the number.
            report.add_problem(row.line, _("Rækken indeholder et CPR-nummer, som ikke må importeres."))
        else:
            clean_rows.append(row)
    lookups = _Lookups(round_)
    is_long = _first(headers, VALUE_COLUMNS) is not None
    parsed = (_parse_long if is_long else _parse_wide)(headers, clean_rows, lookups, report)
    seen: dict = {}
    for item in parsed:
        key = (item.rater.id, item.vignette_id, item.theme_id)
        if key in seen:
            report.add_problem(item.line, _("Samme vurdering står også i linje %(n)s.", n=seen[key]))
        seen.setdefault(key, item.line)
    existing = {s.rater_id: s for s in round_.submissions}
    for item in parsed:
        submission = existing.get(item.rater.id)
        if submission is not None and submission.submitted_at is not None:
            report.add_problem(item.line, _("%(name)s har allerede indsendt vurderinger i runden.", name=item.rater.name))
    if report.problems:
        report.problems.sort(key=lambda p: p.line)
        return report
    by_rater: dict = {}
    for item in parsed:
        by_rater.setdefault(item.rater.id, (item.rater, []))[1].append(item)
    report.created, report.updated = len(parsed), len(by_rater)
    if dry_run:
        return report
    for rater_id, (rater, items) in by_rater.items():
        submission = existing.get(rater_id)
        if submission is not None:
            round_.submissions.remove(submission)  # delete-orphan removes the draft and its ratings
            db.session.flush()
        submission = Submission(round=round_, rater=rater, source=SOURCE_PAPER)
        submission.ratings = [Rating(vignette_id=i.vignette_id, theme_id=i.theme_id, value=i.value,
                                     reason=i.reason[:500]) for i in items]
        submission.submit()
        db.session.add(submission)
    db.session.commit()
    return report
