"""Persistence: the database, the models, migrations, and the rows of the outbox, inbox and nudges."""
