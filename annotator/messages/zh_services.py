"""Chinese for the messages of the coding, codebook, document and coder services."""

ZH: dict[str, str] = {
    "colour {color!r} is not of the form #RRGGBB": "颜色“{color}”不是 #RRGGBB 形式",
    "code #{id} no longer exists": "代码 #{id} 已不存在",
    "document #{id} no longer exists": "文档 #{id} 已不存在",
    "coding #{id} no longer exists": "编码 #{id} 已不存在",
    "a code named {name!r} already exists there": "此处已有名为“{name}”的代码",
    "no code {path!r} in the codebook": "编码本中没有代码“{path}”",
    "a code cannot be merged into itself": "代码不能合并到自身",
    "a code cannot be merged into one of its own children": "代码不能合并到它自己的子代码中",
    "a code cannot be moved into itself or one of its children":
        "代码不能移到自身或它的子代码之下",
    "a coder name cannot be empty": "编码员名称不能为空",
    "no coder named {name!r} in this project": "本项目中没有名为“{name}”的编码员",
    "span [{start}, {end}) is not inside {name!r}, which has {length} characters "
    "(0 ≤ start < end ≤ {length})":
        "片段 [{start}, {end}) 不在“{name}”之内：该文档共有 {length} 个字符"
        "（须 0 ≤ 起点 < 终点 ≤ {length}）",
    "code {name!r} is a heading and cannot be used for coding":
        "代码“{name}”是标题，不能用于编码",
    "[{start}, {end}) of {name!r} is already coded with {code!r}":
        "“{name}”的 [{start}, {end}) 已用“{code}”编码",
    "nothing in [{start}, {end}) of {name!r} is coded with {code!r} by this coder":
        "当前编码员没有用“{code}”编码“{name}”的 [{start}, {end}) 中的任何文字",
    "no document named {name!r} in this project": "本项目中没有名为“{name}”的文档",
    "a document name cannot be empty": "文档名称不能为空",
    "{name}: the document has no text": "{name}：文档中没有文字",
    "{name}: the same text is already in the project as {twin!r}":
        "{name}：同样的文本已作为“{twin}”在项目中",
    "a document named {name!r} already exists": "已有名为“{name}”的文档",
    "no codebook template {name!r}; available: {names}":
        "没有编码本模板“{name}”；可用的模板：{names}",
    "the search text is empty": "搜索内容为空",
    "the pattern {pattern!r} is not a valid regular expression ({reason})":
        "“{pattern}”不是有效的正则表达式（{reason}）",
    "a coder name can have at most {limit} characters, not {length}":
        "编码员名称最多 {limit} 个字符，而不是 {length} 个",
    "{name}: no free document name could be found; try again":
        "{name}：找不到空闲的文档名称；请再试一次",
    "{path}: the project file is damaged, so only what is readable was exported to "
    "{out} — {report}. Its first sheet lists what was left out; the project file was not "
    "changed":
        "{path}：项目文件已损坏，因此只把仍可读取的内容导出到了 {out}——{report}。"
        "未导出的内容列在它的第一个工作表中；项目文件未被改动",
    "{path}: the project file is damaged, so only what is readable was exported to "
    "{out} — {report}. The project file was not changed":
        "{path}：项目文件已损坏，因此只把仍可读取的内容导出到了 {out}——{report}。"
        "项目文件未被改动",
}
