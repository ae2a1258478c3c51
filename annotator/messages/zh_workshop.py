"""Chinese for the messages of workshop."""

ZH: dict[str, str] = {
    "{source}: {count} new codings of this copy for {participant!r} are by coder "
    "{coder!r}, another person than the project's {coder!r} of the same name; "
    "nothing merged. A copy codes as its participant: in the copy, rename that "
    "coder (to {participant!r} if the codings are theirs) and merge again":
        "{source}：这份为 {participant!r} 制作的副本中有 {count} 条新编码属于编码员 "
        "{coder!r}，但他与项目中同名的编码员 {coder!r} 并非同一人；未合并任何内容。"
        "副本应以其参与者的身份编码：请在副本中为该编码员改名（若这些编码属于 "
        "{participant!r}，就改为 {participant!r}），然后再次合并",
}
