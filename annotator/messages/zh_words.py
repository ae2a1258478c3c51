"""Chinese for the messages of words."""

ZH: dict[str, str] = {
}
