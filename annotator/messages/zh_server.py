"""Chinese for the messages of server."""

ZH: dict[str, str] = {
}
