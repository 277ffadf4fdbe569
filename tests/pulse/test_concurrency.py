"""One answer per person per round, also when several submits arrive at the same moment."""
import threading

from sqlalchemy import func, select

from implementering.extensions import db as _db
from implementering.pulse.models import Answer, Invitation, Response
from implementering.pulse.services import ALREADY, SAVED, submit_answer
from tests.pulse.builders import invitation_of, make_open_round, make_team_with_members


def test_concurrent_submits_for_the_same_person_store_exactly_one_answer(app, db):
    team, (person,) = make_team_with_members(1)
    round_ = make_open_round([team])
    invitation_id = invitation_of(round_, person).id
    scores = {item.id: 3 for item in round_.scale_items}
    db.session.commit()
    outcomes, barrier = [], threading.Barrier(6)

    def submit():
        with app.app_context():
            invitation = _db.session.get(Invitation, invitation_id)
            barrier.wait()
            try:
                outcomes.append(submit_answer(invitation, dict(scores), "", None))
            finally:
                _db.session.remove()

    threads = [threading.Thread(target=submit) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == sorted([SAVED] + [ALREADY] * 5)
    assert db.session.scalar(select(func.count()).select_from(Answer)) == 1
    assert db.session.scalar(select(func.count()).select_from(Response)) == 1
