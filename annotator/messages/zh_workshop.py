"""Chinese for the messages of workshop."""

ZH: dict[str, str] = {
}
