"""Chinese for the messages of store."""

ZH: dict[str, str] = {
}
