"""Chinese for the messages of workbook."""

ZH: dict[str, str] = {
}
