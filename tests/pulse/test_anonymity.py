"""A manager cannot work out an individual's answer through any view, filter or export."""
import re
from datetime import timedelta

from sqlalchemy import select, update

from implementering.pulse.models import Answer, AnswerValue
from implementering.settings.models import Municipality
from tests.builders import make_department
from tests.pulse.builders import MONDAY, answer, closed_round_with_answers, make_open_round, make_schedule, make_team_with_members


def scenario(db):
    """Department with a team of 6 and a team of 2 (plus a lone third team), two closed rounds."""
    department = make_department("Psykiatri")
    big, big_people = make_team_with_members(6, name="Stort team", department=department)
    small, small_people = make_team_with_members(2, name="Lille team", department=department)
    lone, lone_people = make_team_with_members(1, name="Enligt team", department=department)
    schedule = make_schedule([big, small, lone])
    for week in (0, 4):
        closed_round_with_answers({big: [(p, 4) for p in big_people], small: [(p, 2) for p in small_people],
                                   lone: [(p, 3) for p in lone_people]}, opens_on=MONDAY + timedelta(weeks=week),
                                  schedule=schedule)
    return department, big, small, lone


def every_view(client, manager, department, big, small, lone):
    """Every results page, filter, team page and export a manager can reach, as text."""
    urls = ["/puls/", "/puls/?periode=0", f"/puls/?afdeling={department.id}&periode=0",
            f"/puls/?team={big.id}&periode=0", f"/puls/?team={small.id}&periode=0", f"/puls/?team={lone.id}&periode=0",
            f"/puls/?afdeling={department.id}&periode=6",
            "/puls/eksport.csv?periode=0", f"/puls/eksport.csv?afdeling={department.id}&periode=0",
            f"/puls/eksport.csv?team={small.id}&periode=0"]
    pages = {}
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        pages[url] = re.sub(r'name="csrf_token" value="[^"]*"', "", response.get_data(as_text=True))
    pages["start page panel"] = panel_html(manager)
    for team in (big, small, lone):  # the pulse section on each team page
        pages[f"team {team.name}"] = team_section_html(manager, team)
    return pages


def panel_html(viewer) -> str:
    """The pulse panel of the start page as `viewer` sees it."""
    from flask import current_app, render_template

    from implementering.pulse.views import open_pulses_panel

    with current_app.test_request_context():
        return render_template("pulse/_panel.html", ctx=open_pulses_panel(viewer) or {})


def team_section_html(viewer, team) -> str:
    """The pulse block of a team page, rendered as `viewer` sees it."""
    from flask import current_app, render_template

    from implementering.pulse.pages import team_section

    with current_app.test_request_context():
        return render_template("pulse/_team_section.html", ctx=team_section(viewer, team))


def test_no_view_filter_or_export_changes_when_a_small_teams_answers_change(client, db, login_as):
    department, big, small, lone = scenario(db)
    manager = login_as("projektleder")
    before = every_view(client, manager, department, big, small, lone)
    small_answers = select(Answer.id).where(Answer.team_id.in_([small.id, lone.id]))
    db.session.execute(update(AnswerValue).where(AnswerValue.answer_id.in_(small_answers)).values(value=5))
    db.session.commit()
    after = every_view(client, manager, department, big, small, lone)
    changed = [url for url in before if before[url] != after[url]]
    assert changed == []


def test_the_big_teams_answers_do_show_so_the_comparison_above_is_meaningful(client, db, login_as):
    department, big, small, lone = scenario(db)
    login_as("projektleder")
    before = client.get(f"/puls/?team={big.id}&periode=0").get_data(as_text=True)
    big_answers = select(Answer.id).where(Answer.team_id == big.id)
    db.session.execute(update(AnswerValue).where(AnswerValue.answer_id.in_(big_answers)).values(value=1))
    db.session.commit()
    assert client.get(f"/puls/?team={big.id}&periode=0").get_data(as_text=True) != before


def test_suppressed_cells_say_there_were_too_few_answers(client, db, login_as):
    department, big, small, lone = scenario(db)
    login_as("ledelse")
    body = client.get(f"/puls/?team={small.id}&periode=0").get_data(as_text=True)
    assert "færre end 5 svar" in body
    csv = client.get(f"/puls/eksport.csv?team={small.id}&periode=0").get_data(as_text=True)
    assert "færre end 5 svar" in csv and ";2," not in csv


def test_the_department_total_counts_only_teams_that_can_be_shown(client, db, login_as):
    department, big, small, lone = scenario(db)
    login_as("projektleder")
    body = client.get(f"/puls/?afdeling={department.id}&periode=0").get_data(as_text=True)
    assert "2 teams med færre end 5 svar indgår ikke" in body
    assert "Svar, der indgår" in body and ">6<" in body


def test_results_of_an_open_round_are_not_shown_while_answers_come_in(client, db, login_as):
    team, people = make_team_with_members(6, name="Team Åben")
    round_ = make_open_round([team])
    for person in people:
        answer(round_, person, 5)
    login_as("projektleder")
    body = client.get(f"/puls/?team={team.id}").get_data(as_text=True)
    assert "ingen lukkede runder" in body and "6 af 6 har svaret" in body


def test_the_threshold_follows_the_setting_but_never_goes_below_the_floor(client, db, login_as):
    team, people = make_team_with_members(3, name="Team Tre")
    closed_round_with_answers({team: [(p, 4) for p in people]})
    login_as("projektleder")
    db.session.add(Municipality(name="Testkommune", pulse_min_group_size=2))
    db.session.commit()
    shown = client.get(f"/puls/?team={team.id}&periode=0").get_data(as_text=True)
    assert "<td>Team Tre</td><td>4,00</td>" in shown
    db.session.execute(update(Municipality).values(pulse_min_group_size=4))
    db.session.commit()
    hidden = client.get(f"/puls/?team={team.id}&periode=0").get_data(as_text=True)
    assert "<td>Team Tre</td><td>færre end 4 svar</td>" in hidden and "4,00" not in hidden


def test_comments_are_shown_only_from_teams_with_enough_answers(client, db, login_as):
    department = make_department("Handicap")
    big, big_people = make_team_with_members(5, name="Team Fem", department=department)
    small, small_people = make_team_with_members(2, name="Team To", department=department)
    round_ = make_open_round([big, small])
    for index, person in enumerate(big_people):
        answer(round_, person, 4, comment=f"Stor kommentar {index}")
    answer(round_, small_people[0], 2, comment="Hemmelig kommentar")
    from implementering.pulse.rounds import close_round
    close_round(round_)
    login_as("projektleder")
    body = client.get(f"/puls/?afdeling={department.id}").get_data(as_text=True)
    assert "Stor kommentar 3" in body and "Hemmelig kommentar" not in body
