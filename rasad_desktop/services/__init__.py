"""Use cases: the only write path. Each takes a session and the acting user, checks the
role, validates, writes the audit record and commits once."""
