"""Chinese for the messages of a window on a team project (its server gone, blind coding)."""

ZH: dict[str, str] = {
    "the connection to its server was lost; edits are refused until it is back":
        "与服务器的连接已断开；连接恢复之前不接受任何修改",
}
