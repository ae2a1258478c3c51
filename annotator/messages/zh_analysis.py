"""Chinese for the messages of analysis."""

ZH: dict[str, str] = {
}
