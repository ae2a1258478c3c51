"""Persistence: SQLAlchemy models, opening and creating project files, migrations. No Qt."""
