"""Chinese for the messages of refi."""

ZH: dict[str, str] = {
}
