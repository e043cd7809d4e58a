"""CLI commands for tenders, documents and responses (filled in by later layers)."""


def add_commands(commands) -> None:
    return None
