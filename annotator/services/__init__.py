"""Operations a user performs, one transaction each; called by the window and the CLI alike."""
