"""Leaders' names are read once a database, and read again after Slack tells us new ones."""

from bot.recovery import people
from bot.recovery.people import Profile
from bot.store.db import Database


def test_a_name_is_remembered_and_a_new_one_replaces_it(tmp_path):
    db = Database(f"sqlite:///{tmp_path / 'names.sqlite3'}")
    db.migrate()
    with db.session() as session:
        people.remember(session, {"U0LEAD": Profile(name="Tara Nguyen", tz="UTC")})
    with db.session() as session:
        assert people.name_of(session, "U0LEAD") == "Tara Nguyen"
    with db.session() as session:
        people.remember(session, {"U0LEAD": Profile(name="Tara Nguyen-Smith", tz="UTC")})
    with db.session() as session:
        assert people.name_of(session, "U0LEAD") == "Tara Nguyen-Smith"
        assert people.name_of(session, "U0NOBODY") is None


def test_each_database_has_its_own_names(tmp_path):
    first, second = (Database(f"sqlite:///{tmp_path / f'{n}.sqlite3'}") for n in ("a", "b"))
    for db, name in ((first, "Tara"), (second, "Dev")):
        db.migrate()
        with db.session() as session:
            people.remember(session, {"U0LEAD": Profile(name=name, tz="UTC")})
    with first.session() as a, second.session() as b:
        assert (people.name_of(a, "U0LEAD"), people.name_of(b, "U0LEAD")) == ("Tara", "Dev")
