"""Chinese for the messages of agreement."""

ZH: dict[str, str] = {
}
