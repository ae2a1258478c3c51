"""Chinese for the messages of a window on a team project (its server gone, blind coding)."""

ZH: dict[str, str] = {
    "the connection to its server was lost; edits are refused until it is back":
        "与服务器的连接已断开；连接恢复之前不接受任何修改",
    "blind coding is on: you see only your own codings until the facilitator "
    "({name}) reveals everyone's":
        "盲编码已开启：在主持人（{name}）公开所有人的编码之前，您只能看到自己的编码",
    "blind coding is on (facilitator: {name}): participants see only their own codings":
        "盲编码已开启（主持人：{name}）：参与者只能看到自己的编码",
    "blind coding is off: everyone sees everyone's codings":
        "盲编码已关闭：所有人都能看到所有人的编码",
    "choose one of --on and --reveal": "--on 和 --reveal 只能选一个",
    "blind coding needs the facilitator's coder name (--facilitator)":
        "开启盲编码需要主持人的编码员名称（--facilitator）",
}
