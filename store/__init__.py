"""The system of record (SQLite) and the search indexes fed from it."""
