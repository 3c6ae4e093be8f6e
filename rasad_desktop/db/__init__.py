"""The database: models, engine set-up and migrations."""
