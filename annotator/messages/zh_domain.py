"""Chinese for the messages of the pure rules: code paths, offsets."""

ZH: dict[str, str] = {
    "code path {path!r} has an empty name": "代码路径“{path}”中有空名称",
    "a code name cannot be empty": "代码名称不能为空",
    "code path {path!r}: a backslash must be followed by / or \\":
        "代码路径“{path}”：反斜杠后面只能是 / 或 \\",
    "a code name can have at most {limit} characters, not {length}":
        "代码名称最多 {limit} 个字符，而不是 {length} 个",
}
